"""`talentflow extract`: articles in, one GOLD.md-shaped JSON line per article out."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Optional

import typer

from talentflow.cli.app import app
from talentflow.cli.common import (ALLOW_PRIVATE_HELP, FETCH_TIMEOUT_HELP, MAX_BYTES_HELP,
                                   atomic_output, check_output, check_reading_options,
                                   error_line, fail, progress_bar, step_line,
                                   stderr_console, terminate_as_interrupt)
from talentflow.core.errors import TalentflowError, UsageError
from talentflow.core.models import Article, Extraction
from talentflow.ingest import Skipped, read_inputs
from talentflow.ingest.fetch import FetchPolicy
from talentflow.ingest.files import DEFAULT_MAX_BYTES

Extractor = Callable[..., Iterable[tuple[Article, Extraction | TalentflowError]]]


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
               on_item: Callable[[str, str, TalentflowError | None], None] | None = None,
               feeds: Iterable[str] = (), policy: FetchPolicy | None = None,
               on_read: Callable[[Article], None] | None = None,
               on_step: Callable[[Article, int, int, str], None] | None = None
               ) -> ExtractSummary:
    """Write one prediction line (``Extraction.to_dict()``) per readable article of
    ``items`` to ``out`` and say what happened; unreadable items and failed extractions
    are recorded in the summary (and passed to ``on_item``) while the rest goes on.
    ``extractor`` defaults to :func:`talentflow.nlp.extract_many`. ``feeds`` are read
    after ``items``; ``on_read(article)`` hears of each article as it goes to extraction,
    ``on_step`` of the steps inside a long one (the extractor's ``progress``)."""
    if extractor is None:
        from talentflow.nlp import extract_many as extractor
    summary = ExtractSummary()
    notify = on_item or (lambda item, status, error: None)

    def articles() -> Iterator[Article]:
        for entry in read_inputs(items, publication_date=publication_date, lang=lang,
                                 max_bytes=max_bytes, feeds=feeds,
                                 policy=policy or FetchPolicy(max_bytes=max_bytes),
                                 warn=lambda item, message: summary.undated.append(item)):
            if isinstance(entry, Skipped):
                summary.problems.append((entry.item, entry.error))
                notify(entry.item, "skipped", entry.error)
                continue
            summary.read += 1
            if on_read is not None:
                on_read(entry)
            yield entry

    # only given when asked for: a hand-made extractor need not know the option
    options = {} if on_step is None else {"progress": on_step}
    for article, result in extractor(articles(), batch_size=batch_size, **options):
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
    items: Optional[list[str]] = typer.Argument(
        None, metavar="FILE_DIR_OR_URL", help="Articles: .txt, .html, .jsonl and "
                                              ".xml/.rss/.atom feed files, directories "
                                              "of them, or http(s) URLs.",
        show_default=False),
    feed: Optional[list[str]] = typer.Option(
        None, "--feed", help="An RSS/Atom feed URL or file (repeat for several)."),
    output: Optional[str] = typer.Option(None, "--output", "-o",
                                         help="Write the JSON lines to this file (written "
                                              "whole or not at all) instead of stdout."),
    publication_date: Optional[str] = typer.Option(
        None, "--publication-date", help="YYYY-MM-DD for inputs that carry no date, so that "
                                         "relative dates ('en mai dernier') can be resolved; "
                                         "it wins over any date guessed from a page's text."),
    lang: Optional[str] = typer.Option(None, "--lang", help="fr or en, for inputs that "
                                                            "declare no language."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per NLP batch."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1,
                                  help=MAX_BYTES_HELP, show_default=False),
    fetch_timeout: float = typer.Option(30.0, "--fetch-timeout", min=0.1,
                                        help=FETCH_TIMEOUT_HELP),
    allow_private: bool = typer.Option(False, "--allow-private", help=ALLOW_PRIVATE_HELP),
) -> None:
    """See EXTRACT_HELP: write one prediction line per article read from ``items``."""
    items, feeds = items or [], feed or []
    try:
        if not items and not feeds:
            raise UsageError("nothing to extract",
                             hint="give files, directories, URLs or --feed")
        check_reading_options(publication_date, lang)
        # Before any work: an output that cannot be written would lose all of it.
        check_output(output, [*items, *feeds])
    except TalentflowError as error:
        fail(error)
    policy = FetchPolicy(max_bytes=max_bytes, deadline=fetch_timeout,
                         allow_private=allow_private)
    err = stderr_console()
    try:
        with progress_bar() as bar, atomic_output(output) as out, terminate_as_interrupt():
            summary = _run(bar, out, items, feeds, publication_date, lang, batch_size,
                           max_bytes, policy)
    except TalentflowError as error:
        fail(error)
    except KeyboardInterrupt:
        err.print("interrupted: nothing was written", markup=False, highlight=False)
        raise typer.Exit(130)
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


#: An article this long takes long enough to extract that the progress line names it.
LONG_ARTICLE_CHARS = 50_000


def _run(bar, out, items, feeds, publication_date, lang, batch_size, max_bytes, policy
         ) -> ExtractSummary:
    task = bar.add_task("extracting", total=None)

    def on_read(article: Article) -> None:
        # Extraction of a long article can take minutes: say which one is being read and
        # how long it is, so a terminal never looks stuck.
        if len(article.text) >= LONG_ARTICLE_CHARS:
            bar.update(task, description=f"extracting {article.source or article.id} "
                                         f"({len(article.text):,} characters)")

    def on_step(article: Article, done: int, total: int, step: str) -> None:
        # inside one long article: the step running and how far along it is
        bar.update(task, description=step_line("extracting", article, done, total, step))

    def on_item(item: str, status: str, error: TalentflowError | None) -> None:
        if error is not None:  # reported as it happens, above the progress bar
            bar.console.print(error_line(error, item), markup=False, soft_wrap=True,
                              highlight=False)
        bar.update(task, advance=1, description=f"{status} {item}")

    return extract_to(items, out, publication_date=publication_date, lang=lang,
                      batch_size=batch_size, max_bytes=max_bytes, on_item=on_item,
                      feeds=feeds, policy=policy, on_read=on_read,
                      on_step=None if bar.disable else on_step)
