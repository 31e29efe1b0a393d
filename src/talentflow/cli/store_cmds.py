"""Commands that write to the store: ingest, info, alias add/list/remove, unmerge.

Each is a thin shell over ``talentflow.workflow`` and ``talentflow.store``. The store is
chosen by ``--db`` (a file path or a database URL), else $TALENTFLOW_DB, else the
per-user default that `talentflow info` prints.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Optional

import typer
from rich.table import Table

from talentflow.cli.app import app
from talentflow.cli.common import (ALLOW_PRIVATE_HELP, DB_HELP, FETCH_TIMEOUT_HELP,
                                   FORMAT_HELP, MAX_BYTES_HELP, OutputFormat,
                                   check_reading_options, console, emit_csv, emit_json, fail,
                                   progress_bar, step_line, stderr_console,
                                   terminate_as_interrupt)
from talentflow.core.errors import TalentflowError, UsageError
from talentflow.ingest.files import DEFAULT_MAX_BYTES
from talentflow.store import Store, open_store

alias_app = typer.Typer(help="Names that designate the same person or organisation.",
                        no_args_is_help=True)
app.add_typer(alias_app, name="alias")


class AliasKind(str, Enum):
    person = "person"
    org = "org"


@contextmanager
def _store(db: Optional[str], fmt: OutputFormat | None = None, *, create: bool = False,
           lock_timeout: float | None = None) -> Iterator[Store]:
    """Open the store for one command; talentflow errors become a message and exit code.

    Only ingest creates a store (``create``); the other commands refuse a missing one,
    so that a mistyped --db is an error rather than an empty answer."""
    try:
        with open_store(db, create=create, lock_timeout=lock_timeout) as store:
            if store.created:
                stderr_console().print(f"created a new talentflow store: {store.display_url}",
                                       markup=False, soft_wrap=True, highlight=False)
            yield store
    except TalentflowError as error:
        fail(error, fmt)


# --- ingest ----------------------------------------------------------------------------

def _format_option(help_text: str = FORMAT_HELP) -> OutputFormat:
    return typer.Option(OutputFormat.table, "--format", help=help_text)


@app.command()
def ingest(
    items: list[str] = typer.Argument(None, help="Files, directories or http(s) URLs.",
                                      show_default=False),
    feed: Optional[list[str]] = typer.Option(
        None, "--feed", help="An RSS/Atom feed URL or file (repeat for several)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    publication_date: Optional[str] = typer.Option(
        None, "--publication-date", help="YYYY-MM-DD for inputs that carry no date; "
                                         "it wins over any date guessed from a page's text."),
    lang: Optional[str] = typer.Option(None, "--lang", help="fr or en, when known."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per NLP batch."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1,
                                  help=MAX_BYTES_HELP, show_default=False),
    fetch_timeout: float = typer.Option(30.0, "--fetch-timeout", min=0.1,
                                        help=FETCH_TIMEOUT_HELP),
    allow_private: bool = typer.Option(False, "--allow-private", help=ALLOW_PRIVATE_HELP),
    lock_timeout: Optional[float] = typer.Option(
        None, "--lock-timeout", min=0, show_default=False,
        help="Seconds to wait for another writer (default $TALENTFLOW_LOCK_TIMEOUT, else 10)."),
    workers: Optional[int] = typer.Option(
        None, "--workers", min=1, show_default=False,
        help="Extraction processes (each loads a model once); with --scheduler local, "
             "the number of Dask workers (default 2)."),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler",
        help="Extract on a Dask cluster: tcp://HOST:8786, or 'local' for a LocalCluster."),
    output: OutputFormat = _format_option("Closing summary as text, JSON or CSV."),
) -> None:
    """Extract moves, foundings and investments from articles and add them to the store.

    Articles already stored (same text or URL) are skipped before extraction; each new
    article is stored in one transaction. Exit status 1 when any item was skipped or failed.
    """
    from talentflow.ingest.fetch import FetchPolicy
    from talentflow.workflow import (FAILED, KNOWN, SKIPPED, IngestEvent, extraction_backend,
                                     ingest as run_ingest)

    if not items and not feed:
        fail(UsageError("nothing to ingest", hint="give files, directories, URLs or --feed"),
             output)
    try:
        check_reading_options(publication_date, lang)
        if scheduler:
            from talentflow.distributed import check_scheduler_options
            check_scheduler_options(scheduler, workers)
    except TalentflowError as error:
        fail(error, output)
    policy = FetchPolicy(max_bytes=max_bytes, deadline=fetch_timeout,
                         allow_private=allow_private)
    counts = {"ingested": 0, KNOWN: 0, SKIPPED: 0, FAILED: 0}
    with _store(db, output, create=True, lock_timeout=lock_timeout) as store, \
            progress_bar() as bar, terminate_as_interrupt():
        task = bar.add_task("ingesting", total=None)

        def on_event(event: IngestEvent) -> None:
            counts["ingested" if event.status == "ingested" else event.status] += 1
            if event.status in (SKIPPED, FAILED):
                bar.console.print(f"{event.status}: {event.item}: {event.detail}",
                                  markup=False, soft_wrap=True)
            bar.update(task, description=(
                f"{counts['ingested']} ingested, {counts[KNOWN]} already known, "
                f"{counts[SKIPPED]} skipped, {counts[FAILED]} failed - {event.item}"))

        def on_step(article, done: int, total: int, step: str) -> None:
            # inside one long article, extracted in this process: the step running
            bar.update(task, description=step_line("extracting", article, done, total, step))

        try:
            with extraction_backend(workers=workers, scheduler=scheduler) as extractor:
                summary = run_ingest(store, items or [], feed=feed,
                                     publication_date=publication_date, lang=lang,
                                     progress=on_event, batch_size=batch_size,
                                     extractor=extractor, max_bytes=max_bytes, policy=policy,
                                     steps=None if bar.disable else on_step)
        except KeyboardInterrupt:
            stderr_console().print(f"interrupted: {counts['ingested']} articles were stored "
                                   "and stay stored; the article in progress was rolled back")
            raise typer.Exit(130)
    if output is OutputFormat.json:
        emit_json(summary.to_dict())
    elif output is OutputFormat.csv:
        emit_csv(["status", "item", "reason"],
                 [("skipped", i, r) for i, r in summary.skipped]
                 + [("failed", i, r) for i, r in summary.failed])
    if output is not OutputFormat.table:
        # Machine formats keep stdout parseable; the one-line summary goes to stderr.
        typer.echo(_summary_line(summary), err=True)
    else:
        typer.echo(_summary_line(summary))
        for item, reason in summary.skipped:
            typer.echo(f"  skipped {item}: {reason}")
        for item, reason in summary.failed:
            typer.echo(f"  failed {item}: {reason}")
    if summary.warnings:
        typer.echo(f"warning: {len(summary.warnings)} article(s) were read with a caveat "
                   f"(first: {summary.warnings[0][0]}: {summary.warnings[0][1]})", err=True)
    if not summary.ok:
        raise typer.Exit(1)


def _summary_line(summary) -> str:
    return (f"{summary.ingested} ingested ({summary.reports} reports, {len(summary.facts)} "
            f"facts), {summary.already_known} already known, {len(summary.skipped)} skipped, "
            f"{len(summary.failed)} failed")


# --- info ------------------------------------------------------------------------------

@app.command()
def info(db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
         output: OutputFormat = _format_option()) -> None:
    """Where the store is, its schema version and what it holds."""
    with _store(db, output) as store:
        details = store.info()
    if output is OutputFormat.json:
        emit_json(details.to_dict())
    elif output is OutputFormat.csv:
        emit_csv(["name", "value"], [("database", details.url),
                                     ("schema_version", details.schema_version),
                                     *details.counts.items()])
    else:
        typer.echo(f"database: {details.url}")
        typer.echo(f"schema version: {details.schema_version}")
        for name, value in details.counts.items():
            typer.echo(f"{name}: {value}")


# --- aliases ---------------------------------------------------------------------------

@alias_app.command("add")
def alias_add(alias: str = typer.Argument(..., help="The other name, e.g. a nickname."),
              canonical: str = typer.Argument(..., help="The name to display."),
              kind: Optional[AliasKind] = typer.Option(
                  None, "--kind", help="person or org (needed when the store cannot tell)."),
              db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Make ALIAS another name of CANONICAL; stored reports under ALIAS are re-merged."""
    with _store(db) as store:
        added = store.add_alias(alias, canonical, kind=kind.value if kind else None)
    typer.echo(f"{added.kind} alias added: {added.alias} -> {added.canonical}")


@alias_app.command("list")
def alias_list(kind: Optional[AliasKind] = typer.Option(None, "--kind"),
               show_all: bool = typer.Option(False, "--all",
                                             help="Also every spelling seen and shipped alias."),
               db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
               output: OutputFormat = _format_option()) -> None:
    """Aliases added by users or by context-checked fuzzy matching."""
    with _store(db, output) as store:
        found = store.aliases(kind=kind.value if kind else None, include_all=show_all)
    if output is OutputFormat.json:
        emit_json([a.to_dict() for a in found])
        return
    columns = ("kind", "alias", "canonical", "origin")
    rows = [(a.kind, a.alias, a.canonical, a.origin) for a in found]
    if output is OutputFormat.csv:
        emit_csv(columns, rows)
        return
    table = Table(*columns)
    for row in rows:
        table.add_row(*row)
    console().print(table)


@alias_app.command("remove")
def alias_remove(alias: str = typer.Argument(..., help="The alias to remove."),
                 kind: Optional[AliasKind] = typer.Option(None, "--kind"),
                 db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Remove a user or fuzzy alias: its reports get their own person or organisation back."""
    with _store(db) as store:
        removed = store.remove_alias(alias, kind=kind.value if kind else None)
    typer.echo(f"{removed.kind} alias removed: {removed.alias} (was {removed.canonical})")


# --- unmerge ---------------------------------------------------------------------------

@app.command()
def unmerge(target: int = typer.Argument(..., help="REPORT_ID, or FACT_ID with --report."),
            report: Optional[int] = typer.Option(
                None, "--report", help="The report to split out of fact TARGET."),
            db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Split a report out of its merged fact; the split survives later ingestion."""
    report_id, fact_id = (report, target) if report is not None else (target, None)
    with _store(db) as store:
        new_fact = store.unmerge(report_id, fact_id=fact_id)
    typer.echo(f"report {report_id} is now fact {new_fact}")
