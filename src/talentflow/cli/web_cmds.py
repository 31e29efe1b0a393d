"""`talentflow serve` (the web page and JSON API) and `talentflow report` (the same
views as one HTML file). Thin shells over ``talentflow.web``."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from talentflow.cli.app import app
from talentflow.cli.common import DB_HELP, OutputFormat, emit_json, fail
from talentflow.core.errors import NoStoreError, TalentflowError, UsageError
from talentflow.store import missing_sqlite_file, open_store, resolve_db_url


@app.command()
def serve(db: Optional[str] = typer.Option(None, "--db", help=DB_HELP, show_default=False),
          host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on "
                                   "(127.0.0.1: this machine only)."),
          port: int = typer.Option(8000, "--port", help="Port to listen on.", min=0,
                                   max=65535),
          allowed_host: list[str] = typer.Option(
              [], "--allowed-host", show_default=False,
              help="Another host name browsers may use to reach the server, such as a "
                   "reverse proxy's (repeatable). Requests naming any other host get 400."),
          create: bool = typer.Option(False, "--create", help="Start with an empty store "
                                      "when the --db file does not exist.")) -> None:
    """Serve the web page and the read-only JSON API.

    POST /api/articles ingests only with the bearer token in $TALENTFLOW_TOKEN. The OpenAPI
    schema is at /openapi.json and its interactive docs at /docs (served offline).
    """
    import uvicorn

    from talentflow.web import create_app

    try:
        url = resolve_db_url(db)
        missing = missing_sqlite_file(url)
        if missing is not None and not create:
            # A mistyped path would otherwise serve a new, empty store without a word.
            raise NoStoreError(f"no store at {missing}", item=str(db or missing),
                               hint="check the path (`talentflow info` shows the default "
                                    "store), or pass --create to start an empty one")
        web_app = create_app(url, bind_host=host, allowed_hosts=allowed_host)
    except TalentflowError as error:
        fail(error)
    typer.echo(f"talentflow: serving {web_app.state.store.display_url} on http://{host}:{port}/ "
               f"(API docs at /docs)", err=True)
    uvicorn.run(web_app, host=host, port=port, log_level="info")


@app.command()
def report(out: Path = typer.Argument(..., help="HTML file to write (replaced if it exists)."),
           db: Optional[str] = typer.Option(None, "--db", help=DB_HELP, show_default=False),
           fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f",
                                            help="'json' prints a summary as JSON.",
                                            case_sensitive=False)) -> None:
    """Write the web page's views into one self-contained HTML file to share.

    Flows, organisations, people and articles with their data, JavaScript and plotly.js
    inside: it opens with no server and no network.
    """
    from talentflow.web import build_report

    try:
        if out.is_dir():
            raise UsageError(f"{out} is a directory", item=str(out),
                             hint="give a file name such as report.html")
        with open_store(db, create=False) as store:
            summary = build_report(store, out)
    except TalentflowError as error:
        fail(error, fmt)
    except OSError as error:
        fail(UsageError(f"cannot write the report: {error.strerror}", item=str(out)), fmt)
    if fmt is OutputFormat.json:
        emit_json(summary.to_dict())
    else:
        typer.echo(f"report: {summary.path} ({summary.moves} moves, {summary.people} people, "
                   f"{summary.orgs} organisations, {summary.articles} articles, "
                   f"{summary.bytes / 1e6:.1f} MB)")
