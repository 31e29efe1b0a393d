"""What a reader yields besides articles: an item it could not read, and why."""
from __future__ import annotations

from dataclasses import dataclass

from talentflow.core.errors import TalentflowError


@dataclass(frozen=True)
class Skipped:
    """An input item that produced no article. ``item`` names it precisely
    ("data.jsonl:17", "page.html", "https://example.org/a")."""

    item: str
    reason: str
    error: TalentflowError

    @classmethod
    def of(cls, error: TalentflowError, item: str | None = None) -> "Skipped":
        return cls(item=item or error.item or "?", reason=error.message, error=error)

