"""`talentflow extract`: articles in, one GOLD.md-shaped JSON line per article out."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Optional

import typer

from talentflow.cli.app import app
from talentflow.cli.common import (atomic_output, error_line, fail, progress_bar,
                                   stderr_console)
from talentflow.core.errors import TalentflowError, UsageError
from talentflow.core.models import Article, Extraction
from talentflow.ingest import Skipped, read_inputs
from talentflow.ingest.files import DEFAULT_MAX_BYTES

Extractor = Callable[..., Iterable[tuple[Article, Extraction | TalentflowError]]]
SERVED_LANGUAGES = ("fr", "en")


@dataclass
class ExtractSummary:
    """What one extract run did; ``problems`` holds (item, error) for every item that
    produced no output line, in input order."""

    read: int = 0
    extracted: int = 0
    moves: int = 0
    foundings: int = 0
    investments: int = 0
    problems: list[tuple[str, TalentflowError]] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def exit_code(self) -> int:
        """0; 2 when an item was a usage mistake (a path that does not exist); else 1."""
        if not self.problems:
            return 0
        return max(error.exit_code for _, error in self.problems)

    def line(self) -> str:
        return (f"{_count(self.read, 'article')} read, {self.extracted} extracted "
                f"({_count(self.moves, 'move')}, {_count(self.foundings, 'founding')}, "
                f"{_count(self.investments, 'investment')}), "
                f"{_count(len(self.problems), 'item')} skipped or failed")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def extract_to(items: Iterable[str], out: IO[str], *, publication_date: str | None = None,
               lang: str | None = None, batch_size: int = 32,
               max_bytes: int = DEFAULT_MAX_BYTES, extractor: Extractor | None = None,
               on_item: Callable[[str, str, TalentflowError | None], None] | None = None
               ) -> ExtractSummary:
    """Write one prediction line (``Extraction.to_dict()``) per readable article of
    ``items`` to ``out`` and say what happened; unreadable items and failed extractions
    are recorded in the summary (and passed to ``on_item``) while the rest goes on.
    ``extractor`` defaults to :func:`talentflow.nlp.extract_many`."""
    if extractor is None:
        from talentflow.nlp import extract_many as extractor
    summary = ExtractSummary()
    notify = on_item or (lambda item, status, error: None)

    def articles() -> Iterator[Article]:
        for entry in read_inputs(items, publication_date=publication_date, lang=lang,
                                 max_bytes=max_bytes,
                                 warn=lambda item, message: summary.undated.append(item)):
            if isinstance(entry, Skipped):
                summary.problems.append((entry.item, entry.error))
                notify(entry.item, "skipped", entry.error)
                continue
            summary.read += 1
            yield entry

    for article, result in extractor(articles(), batch_size=batch_size):
        name = article.source or article.id
        if isinstance(result, TalentflowError):
            summary.problems.append((name, result))
            notify(name, "failed", result)
            continue
        out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        summary.extracted += 1
        summary.moves += len(result.moves)
        summary.foundings += len(result.foundings)
        summary.investments += len(result.investments)
        notify(name, "extracted", None)
    return summary


# Typer keeps a docstring's line breaks, so each paragraph of the help is one line here.
EXTRACT_HELP = (
    "Extract talent moves, foundings and investments, one JSON line per article.\n\n"
    "Each line has the benchmark's GOLD.md shape (id, lang, moves, foundings, investments), "
    "every fact with the character offsets of its evidence in the article text.\n\n"
    "Items that cannot be read are reported on stderr and the others are still processed. "
    "Exit status: 0 when every item was extracted, 1 when any failed, 2 for a usage "
    "mistake (bad option, no such path).")


@app.command(help=EXTRACT_HELP)
def extract(
    items: list[str] = typer.Argument(..., metavar="FILE_DIR_OR_URL", help="Articles: .txt, .html, .jsonl and "
                                                ".xml/.rss/.atom feed files, directories "
                                                "of them, or http(s) URLs.",
                                      show_default=False),
    output: Optional[str] = typer.Option(None, "--output", "-o",
                                         help="Write the JSON lines to this file (written "
                                              "whole or not at all) instead of stdout."),
    publication_date: Optional[str] = typer.Option(
        None, "--publication-date", help="YYYY-MM-DD for inputs that carry no date, so that "
                                         "relative dates ('en mai dernier') can be resolved."),
    lang: Optional[str] = typer.Option(None, "--lang", help="fr or en, for inputs that "
                                                            "declare no language."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per NLP batch."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1,
                                  help="Skip files (or JSONL lines) larger than this many "
                                       "bytes."),
) -> None:
    """See EXTRACT_HELP: write one prediction line per article read from ``items``."""
    if publication_date:
        _check_iso_date(publication_date)
    if lang and lang not in SERVED_LANGUAGES:
        fail(UsageError(f"--lang {lang!r} is not supported", hint="use fr or en"))
    err = stderr_console()
    with progress_bar() as bar, atomic_output(output) as out:
        task = bar.add_task("extracting", total=None)

        def on_item(item: str, status: str, error: TalentflowError | None) -> None:
            if error is not None:  # reported as it happens, above the progress bar
                bar.console.print(error_line(error, item), markup=False, soft_wrap=True,
                                  highlight=False)
            bar.update(task, advance=1, description=f"{status} {item}")

        summary = extract_to(items, out, publication_date=publication_date, lang=lang,
                             batch_size=batch_size, max_bytes=max_bytes, on_item=on_item)
    if summary.undated:
        err.print(f"warning: {len(summary.undated)} article(s) have no publication date, so "
                  f"relative dates in them stay unresolved: {', '.join(summary.undated[:3])}"
                  f"{' ...' if len(summary.undated) > 3 else ''} (use --publication-date)",
                  markup=False, soft_wrap=True, highlight=False)
    err.print(summary.line(), markup=False, soft_wrap=True, highlight=False)
    for item, error in summary.problems:
        err.print(f"  {item}: [{error.code}] {error.message}", markup=False, soft_wrap=True,
                  highlight=False)
    if not summary.ok:
        raise typer.Exit(summary.exit_code)


def _check_iso_date(value: str) -> None:
    from datetime import date
    try:
        date.fromisoformat(value)
    except ValueError:
        fail(UsageError(f"--publication-date {value!r} is not a date", hint="use YYYY-MM-DD"))
