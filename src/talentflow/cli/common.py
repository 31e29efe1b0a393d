"""What every command shares: output formats, the error contract, progress, atomic files."""
from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO, Any

import typer
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                           TimeElapsedColumn)

from talentflow.core.errors import TalentflowError, UsageError

SERVED_LANGUAGES = ("fr", "en")


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


DB_HELP = ("Database: an SQLite file or a postgresql:// URL (default: $TALENTFLOW_DB, "
           "else the per-user file that `talentflow info` prints).")
MAX_BYTES_HELP = ("Skip files, JSONL lines, pages and feeds larger than this many bytes "
                  "(default 20 MB).")
FETCH_TIMEOUT_HELP = "Seconds one URL may take in all, retries included."
ALLOW_PRIVATE_HELP = ("Let feed links and redirects reach loopback, private and link-local "
                      "addresses (always allowed for a local feed).")


def check_reading_options(publication_date: str | None, lang: str | None) -> None:
    """--publication-date and --lang are checked before any work: a date that does not
    parse would silently leave relative dates unresolved, a language we do not serve
    would be passed on as a hint."""
    from datetime import date
    if publication_date:
        try:
            date.fromisoformat(publication_date)
        except ValueError:
            raise UsageError(f"--publication-date {publication_date!r} is not a date",
                             hint="use YYYY-MM-DD") from None
    if lang and lang not in SERVED_LANGUAGES:
        raise UsageError(f"--lang {lang!r} is not supported", hint="use fr or en")


def check_output(path: str | None, inputs: Sequence[str]) -> None:
    """Refuse, before any work, an output that would be lost or would destroy input:
    one of the inputs, a directory, or a folder that cannot be created or written."""
    if path is None or path == "-":
        return
    target = Path(path)
    for item in inputs:
        if "://" in item:
            continue
        source = Path(item)
        same = (source.exists() and target.exists() and os.path.samefile(source, target))
        if same or source.resolve() == target.resolve():
            raise UsageError(f"the output {path} is also an input: it would be overwritten",
                             item=path, hint="write to another file")
    if target.is_dir():
        raise UsageError(f"{path} is a directory", item=path,
                         hint="give a file name such as out/pred.jsonl")
    folder = target.parent
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise UsageError(f"cannot create the folder {folder}: {existing} is not a folder",
                         item=path, hint="give -o a path in a folder you can write")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write into {existing}", item=path,
                         hint="check the folder's permissions, or write elsewhere")
FORMAT_HELP = "Output format: a table, JSON (stable, as the web API) or CSV with a header."


def console() -> Console:
    # Wide enough that names and roles are not cut when the output is piped.
    return Console(highlight=False, width=None if sys.stdout.isatty() else 160)


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False)


def emit_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def emit_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if value is None else value for value in row] for row in rows)
    typer.echo(buffer.getvalue(), nl=False)


def error_line(error: TalentflowError, item: str | None = None) -> str:
    """``error: [CODE] item: message (hint: ...)``; ``item`` names the failing input when
    the error itself does not (an error shared by a whole batch, such as a missing model)."""
    text = str(error)
    if item and not error.item:
        text = text.replace(f"[{error.code}] ", f"[{error.code}] {item}: ", 1)
    return f"error: {text}"


def fail(error: TalentflowError, fmt: OutputFormat | None = None) -> None:
    """Print ``error: [CODE] item: message (hint: ...)`` on stderr (and the JSON error shape
    on stdout with --format json), then exit 1, or 2 for a usage error."""
    if fmt is OutputFormat.json:
        emit_json(error.to_dict())
    typer.echo(error_line(error), err=True)
    raise typer.Exit(error.exit_code)


@contextmanager
def handle_errors(fmt: OutputFormat | None = None) -> Iterator[None]:
    try:
        yield
    except TalentflowError as error:
        fail(error, fmt)


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM ends the command as Ctrl-C does: worker pools shut down and the article in
    progress rolls back, instead of the process vanishing and leaving workers behind."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread (test runners)
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def progress_bar(total: int | None = None) -> Progress:
    """A Rich progress display on stderr, shown only on a terminal (never in pipes or CI)."""
    columns = [SpinnerColumn(), TextColumn("{task.description}")]
    if total is not None:
        columns += [BarColumn(), MofNCompleteColumn()]
    columns.append(TimeElapsedColumn())
    return Progress(*columns, console=stderr_console(), transient=True,
                    disable=not sys.stderr.isatty())


def step_line(verb: str, article, done: int, total: int, step: str) -> str:
    """The progress line inside one long article: "extracting big.txt (812,000 characters)
    7/21 ner", steps done of the whole text's, then the one running (the count first, so
    a narrow terminal cuts the name rather than the count)."""
    name = getattr(article, "source", None) or getattr(article, "url", None) or article.id
    running = f" {step.removeprefix('talentflow_')}" if step else ""
    return f"{verb} {name} ({len(article.text):,} characters) {done}/{total}{running}"


@contextmanager
def atomic_output(path: str | Path | None) -> Iterator[IO[str]]:
    """stdout, or a file that appears whole or not at all (temp file, then rename)."""
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent,
                                             prefix=f".{target.name}.", delete=False)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}", item=str(path),
                         hint="check the folder's permissions, or write elsewhere") from None
    try:
        with handle:
            yield handle
        try:
            os.replace(handle.name, target)
        except OSError as error:
            raise UsageError(f"cannot write {path}: {error.strerror or error}",
                             item=str(path)) from None
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
