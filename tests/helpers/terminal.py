"""A Rich progress display that behaves as on a terminal and records what it shows.

CliRunner's stderr is no terminal, so the CLI's own display stays off in tests; patching
``progress_bar`` with this one checks what a terminal would show.
"""
from __future__ import annotations

import io

from rich.console import Console
from rich.progress import Progress


def terminal_bar(shown: list[str]):
    """A stand-in for ``progress_bar``: every description set is appended to ``shown``."""

    class Recording(Progress):
        def update(self, task_id, **changes):
            if "description" in changes:
                shown.append(changes["description"])
            super().update(task_id, **changes)

    def progress_bar(total: int | None = None) -> Progress:
        return Recording(console=Console(file=io.StringIO(), force_terminal=True),
                         disable=False)

    return progress_bar


def stepping_extractor(articles, batch_size=32, progress=None):
    """Reports two steps per article through ``progress`` (given on a terminal only) and
    finds nothing."""
    from talentflow.core import Extraction

    for article in articles:
        assert progress is not None, "a terminal asks for the steps"
        for done, step in enumerate(("tokenizer", "ner", "")):
            progress(article, done, 2, step)
        yield article, Extraction(article.id, article.lang)
