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

from talentflow.core.errors import TalentflowError


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


DB_HELP = ("Database: an SQLite file or a postgresql+psycopg:// URL (default: $TALENTFLOW_DB, "
           "else the per-user file that `talentflow info` prints).")
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


def progress_bar(total: int | None = None) -> Progress:
    """A Rich progress display on stderr, shown only on a terminal (never in pipes or CI)."""
    columns = [SpinnerColumn(), TextColumn("{task.description}")]
    if total is not None:
        columns += [BarColumn(), MofNCompleteColumn()]
    columns.append(TimeElapsedColumn())
    return Progress(*columns, console=stderr_console(), transient=True,
                    disable=not sys.stderr.isatty())


@contextmanager
def atomic_output(path: str | Path | None) -> Iterator[IO[str]]:
    """stdout, or a file that appears whole or not at all (temp file, then rename)."""
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent,
                                         prefix=f".{target.name}.", delete=False)
    try:
        with handle:
            yield handle
        os.replace(handle.name, target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
