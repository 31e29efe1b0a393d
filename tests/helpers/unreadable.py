"""Simulated unreadable folders: the tests run as root, which chmod 000 does not stop."""
from __future__ import annotations

import os


def refuse_folders_named(monkeypatch, name: str = "locked") -> None:
    """Listing any folder whose path ends with ``name`` raises PermissionError."""
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith(name):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
