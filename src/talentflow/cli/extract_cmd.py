"""`talentflow extract`: articles in, one GOLD.md-shaped JSON line per article out."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Optional

import typer

from talentflow.cli.app import app
from talentflow.cli.common import atomic_output, fail, progress_bar, stderr_console
from talentflow.core.errors import TalentflowError, UsageError
from talentflow.core.models import Article
from talentflow.ingest import Skipped, read_inputs
from talentflow.ingest.files import DEFAULT_MAX_BYTES


@dataclass
class ExtractSummary:
    read: int = 0
    extracted: int = 0
    moves: int = 0
    problems: list[tuple[str, TalentflowError]] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def exit_code(self) -> int:
        """0, else 2 when an item was a usage mistake (a path that does not exist), else 1."""
        if not self.problems:
            return 0
        return max(error.exit_code for _, error in self.problems)


def extract_to(items: list[str], out, *, publication_date: str | None = None,
               lang: str | None = None, batch_size: int = 32,
               max_bytes: int = DEFAULT_MAX_BYTES, extractor=None,
               on_item=None) -> ExtractSummary:
    """Write one prediction line per readable article of ``items`` to ``out``."""
    if extractor is None:
        from talentflow.nlp import extract_many as extractor
    summary = ExtractSummary()
    notify = on_item or (lambda item, status, detail=None: None)

    def articles():
        for entry in read_inputs(items, publication_date=publication_date, lang=lang,
                                 max_bytes=max_bytes):
            if isinstance(entry, Skipped):
                summary.problems.append((entry.item, entry.error))
                notify(entry.item, "skipped", entry.error)
                continue
            summary.read += 1
            if not entry.date:
                summary.undated.append(entry.source or entry.id)
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
        notify(name, "extracted")
    return summary


@app.command()
def extract(
    items: list[str] = typer.Argument(..., help="Articles: .txt, .html, .jsonl and RSS/Atom "
                                                "files, directories of them, or http(s) URLs.",
                                      show_default=False),
    output: Optional[str] = typer.Option(None, "--output", "-o",
                                         help="Write the JSON lines here instead of stdout."),
    publication_date: Optional[str] = typer.Option(
        None, "--publication-date", help="YYYY-MM-DD, for inputs that carry no date "
                                         "(relative dates such as 'en mai dernier' need one)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="fr or en, a hint for inputs "
                                                            "that declare no language."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per NLP batch."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1,
                                  help="Skip files (or JSONL lines) larger than this."),
) -> None:
    """Extract talent moves, foundings and investments, one JSON line per article.

    The lines follow the benchmark's GOLD.md format (id, moves, foundings, investments,
    each move with its evidence offsets). Items that cannot be read are reported on
    stderr and the others still processed; the exit status is 1 when any item failed.
    """
    if publication_date:
        _check_iso_date(publication_date)
    if lang and lang not in ("fr", "en"):
        fail(UsageError(f"unsupported language {lang!r}", hint="use fr or en"))
    err = stderr_console()
    with progress_bar() as bar, atomic_output(output) as out:
        task = bar.add_task("extracting", total=None)

        def on_item(item: str, status: str, error: TalentflowError | None = None) -> None:
            if error is not None:  # reported as it happens, above the progress bar
                bar.console.print(f"error: {error}", markup=False, soft_wrap=True)
            bar.update(task, advance=1, description=f"{status} {item}")

        summary = extract_to(items, out, publication_date=publication_date, lang=lang,
                             batch_size=batch_size, max_bytes=max_bytes, on_item=on_item)
    if summary.undated:
        err.print(f"warning: {len(summary.undated)} article(s) without a publication date, "
                  f"so relative dates were left unresolved (e.g. {summary.undated[0]}); "
                  "use --publication-date", markup=False, soft_wrap=True)
    err.print(f"{summary.extracted} of {summary.read} articles extracted, {summary.moves} "
              f"moves; {len(summary.problems)} item(s) skipped or failed", markup=False)
    if not summary.ok:
        raise typer.Exit(summary.exit_code)


def _check_iso_date(value: str) -> None:
    from datetime import date
    try:
        date.fromisoformat(value)
    except ValueError:
        fail(UsageError(f"--publication-date {value!r} is not a date",
                        hint="use YYYY-MM-DD"))
