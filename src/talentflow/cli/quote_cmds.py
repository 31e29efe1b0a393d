"""`talentflow quotes`: what people said, with the move each quote is about."""
from __future__ import annotations

from typing import Optional

import typer
from rich.table import Table

from talentflow import query
from talentflow.cli.app import app
from talentflow.cli.common import OutputFormat, console, emit_csv, emit_json, handle_errors
from talentflow.cli.query_cmds import LIMIT_HELP, DbOption, FormatOption, _limit
from talentflow.store import open_store

QUOTE_COLUMNS = ("quote_id", "speaker", "speaker_id", "text", "fact_ids", "n_sources",
                 "article_ids")


@app.command("quotes")
def quotes_command(
    person: Optional[str] = typer.Option(None, "--person", help="Quotes of this person.",
                                         show_default=False),
    org: Optional[str] = typer.Option(None, "--org", help="Quotes about a move into or out "
                                      "of this organisation.", show_default=False),
    limit: int = typer.Option(100, "--limit", help=LIMIT_HELP, min=0),
    db: Optional[str] = DbOption, fmt: OutputFormat = FormatOption,
) -> None:
    """List direct quotes, newest first, with their speaker and the moves they are about."""
    with handle_errors(fmt), open_store(db, create=False) as store:
        found = query.quotes(store, person=person, org=org, limit=_limit(limit))
        if fmt is OutputFormat.json:
            emit_json({"items": [q.to_dict() for q in found]})
            return
        rows = [[q.id, q.speaker.name if q.speaker else None,
                 q.speaker.id if q.speaker else None, q.text,
                 " ".join(map(str, q.fact_ids)), len(q.sources),
                 " ".join(str(s.article_id) for s in q.sources)] for q in found]
        if fmt is OutputFormat.csv:
            emit_csv(QUOTE_COLUMNS, rows)
            return
        table = Table(title="Quotes", caption=f"{len(found)} quote{'' if len(found) == 1 else 's'}")
        for header in ("quote", "speaker", "words", "facts", "src"):
            table.add_column(header, overflow="fold")
        for row in rows:
            table.add_row(str(row[0]), row[1] or "-", row[3], row[4] or "-", str(row[5]))
        console().print(table)
