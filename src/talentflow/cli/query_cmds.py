"""Read-side commands: moves, person, org, flows, sources and export.

Each command opens the store, calls one ``talentflow.query`` function and prints its
result as a Rich table (default), JSON (the result's ``to_dict()``, the same shape as the
web API) or CSV with a header row.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import typer
from rich.table import Table

from talentflow import query
from talentflow.cli.app import app
from talentflow.cli.common import (DB_HELP, FORMAT_HELP, OutputFormat, console, emit_csv,
                                   emit_json, handle_errors)
from talentflow.query.results import Fact
from talentflow.store import open_store

LIMIT_HELP = "At most this many items (0: no limit)."

DbOption = typer.Option(None, "--db", help=DB_HELP, show_default=False)
FormatOption = typer.Option(OutputFormat.table, "--format", "-f", help=FORMAT_HELP,
                            case_sensitive=False)
SinceOption = typer.Option(None, "--since", help="From this date on (YYYY, YYYY-MM or "
                                                 "YYYY-MM-DD).", show_default=False)
UntilOption = typer.Option(None, "--until", help="Up to this date, inclusive (YYYY, YYYY-MM "
                                                 "or YYYY-MM-DD).", show_default=False)
OffsetOption = typer.Option(0, "--offset", help="Skip this many items first.", min=0)

MOVE_COLUMNS = ("fact_id", "person", "from", "to", "role", "role_key", "date", "confidence",
                "n_sources", "person_id", "from_id", "to_id")


def _limit(value: int) -> int | None:
    return None if value == 0 else value


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _move_rows(facts: Iterable[Fact]) -> list[list[Any]]:
    rows = []
    for fact in facts:
        data = fact.to_dict()
        rows.append([data.get(column) for column in MOVE_COLUMNS])
    return rows


def _moves_table(title: str | None, facts: Sequence[Fact], *, caption: str | None = None
                 ) -> Table:
    table = Table(title=title, caption=caption, show_lines=False)
    for header, style in (("fact", "dim"), ("person", "bold"), ("from", ""), ("to", ""),
                          ("role", ""), ("date", ""), ("conf.", ""), ("src", "")):
        table.add_column(header, style=style or None, overflow="fold")
    for fact in facts:
        table.add_row(str(fact.id), _text(fact.person and fact.person.name),
                      _text(fact.from_org and fact.from_org.name) or "-",
                      _text(fact.to_org and fact.to_org.name) or "-", _text(fact.role),
                      _text(fact.date) or "undated", f"{fact.confidence:.2f}",
                      str(fact.n_sources))
    return table


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _page_caption(page: query.Page) -> str:
    if not page.total:
        return "nothing found"
    first = page.offset + 1 if page.items else page.offset
    last = page.offset + len(page.items)
    return f"{first}-{last} of {page.total}"


@app.command("moves")
def moves_command(
    person: Optional[str] = typer.Option(None, "--person", help="Moves of this person.",
                                         show_default=False),
    from_org: Optional[str] = typer.Option(None, "--from", help="Moves out of this "
                                           "organisation.", show_default=False),
    to_org: Optional[str] = typer.Option(None, "--to", help="Moves into this organisation.",
                                         show_default=False),
    org: Optional[str] = typer.Option(None, "--org", help="Moves into or out of this "
                                      "organisation.", show_default=False),
    since: Optional[str] = SinceOption, until: Optional[str] = UntilOption,
    limit: int = typer.Option(query.DEFAULT_LIMIT, "--limit", help=LIMIT_HELP, min=0),
    offset: int = OffsetOption, db: Optional[str] = DbOption,
    fmt: OutputFormat = FormatOption,
) -> None:
    """List merged moves, newest first, with their number of sources.

    Names are matched through aliases, ignoring case and accents ("deepmind" finds
    "Google DeepMind").
    """
    with handle_errors(fmt), open_store(db, create=False) as store:
        page = query.moves(store, person=person, from_org=from_org, to_org=to_org, org=org,
                           since=since, until=until, limit=_limit(limit), offset=offset)
        if fmt is OutputFormat.json:
            emit_json(page.to_dict())
        elif fmt is OutputFormat.csv:
            emit_csv(MOVE_COLUMNS, _move_rows(page.items))
        else:
            console().print(_moves_table("Moves", page.items, caption=_page_caption(page)))


@app.command("person")
def person_command(
    name: str = typer.Argument(..., help="The person's name (any known spelling)."),
    db: Optional[str] = DbOption, fmt: OutputFormat = FormatOption,
) -> None:
    """Show one person's moves in date order (undated last)."""
    with handle_errors(fmt), open_store(db, create=False) as store:
        timeline = query.person_timeline(store, name)
        if fmt is OutputFormat.json:
            emit_json(timeline.to_dict())
            return
        if fmt is OutputFormat.csv:
            emit_csv(MOVE_COLUMNS, _move_rows(timeline.moves))
            return
        out = console()
        other_names = [a for a in timeline.aliases if a != timeline.person.name]
        out.print(f"[bold]{timeline.person.name}[/bold]"
                  + (f"  (also: {', '.join(other_names)})" if other_names else ""),
                  highlight=False)
        out.print(_moves_table(None, timeline.moves,
                               caption=_count(len(timeline.moves), "move")))
        for founding in timeline.foundings:
            out.print(f"founded {_text(founding.to_org and founding.to_org.name)}"
                      f" ({founding.date or 'undated'}), fact {founding.id}", highlight=False)


class Period(str, Enum):
    year = "year"
    quarter = "quarter"
    month = "month"


@app.command("org")
def org_command(
    name: str = typer.Argument(..., help="The organisation's name (any known spelling)."),
    period: Period = typer.Option(Period.year, "--period", help="Group counts by this period.",
                                  case_sensitive=False),
    since: Optional[str] = SinceOption, until: Optional[str] = UntilOption,
    limit: int = typer.Option(20, "--limit", help="Arrivals and departures listed, each "
                              "(0: all).", min=0),
    offset: int = OffsetOption, db: Optional[str] = DbOption, fmt: OutputFormat = FormatOption,
) -> None:
    """Show an organisation's arrivals, departures and net flow by period, with the people.

    CSV output is the per-period table (period, arrivals, departures, net).
    """
    with handle_errors(fmt), open_store(db, create=False) as store:
        profile = query.org_profile(store, name, period=period.value, since=since,
                                    until=until, limit=_limit(limit), offset=offset)
        if fmt is OutputFormat.json:
            emit_json(profile.to_dict())
            return
        if fmt is OutputFormat.csv:
            emit_csv(("period", "arrivals", "departures", "net"),
                     [[p.period or "undated", p.arrivals, p.departures, p.net]
                      for p in profile.periods])
            return
        _print_org(profile)


def _print_org(profile: query.OrgProfile) -> None:
    out = console()
    out.print(f"[bold]{profile.org.name}[/bold]: {_count(profile.arrivals_total, 'arrival')}, "
              f"{_count(profile.departures_total, 'departure')}, net {profile.net:+d}",
              highlight=False)
    periods = Table(title=f"By {profile.period}")
    for header in ("period", "arrivals", "departures", "net"):
        periods.add_column(header, justify="left" if header == "period" else "right")
    for row in profile.periods:
        periods.add_row(row.period or "undated", str(row.arrivals), str(row.departures),
                        f"{row.net:+d}")
    out.print(periods)
    for title, page in (("Arrivals", profile.arrivals), ("Departures", profile.departures)):
        if page.total:
            out.print(_moves_table(title, page.items, caption=_page_caption(page)))
        else:
            out.print(f"no {title.lower()}" + (" in that period" if profile.since or
                                               profile.until else ""))
    for fact in profile.foundings:
        founders = ", ".join(f.name for f in fact.founders) or "founders not named"
        out.print(f"founded {fact.date or '(undated)'} by {founders}; fact {fact.id}",
                  highlight=False)
    for fact in profile.investments:
        amount = f"{fact.amount:,.0f} {fact.currency or ''}".strip() if fact.amount else ""
        investor = fact.from_org.name if fact.from_org else "an unnamed investor"
        investee = fact.to_org.name if fact.to_org else "?"
        out.print(f"investment: {investor} -> {investee} {amount} "
                  f"({fact.date or 'undated'}); fact {fact.id}", highlight=False)


@app.command("flows")
def flows_command(
    since: Optional[str] = SinceOption, until: Optional[str] = UntilOption,
    min_count: int = typer.Option(1, "--min", help="Only pairs with at least this many moves.",
                                  min=1),
    org: Optional[str] = typer.Option(None, "--org", help="Only flows into or out of this "
                                      "organisation.", show_default=False),
    include_unknown: bool = typer.Option(False, "--include-unknown",
                                         help="Also count departures with no named "
                                              "destination (to: null) and arrivals with no "
                                              "named origin (from: null)."),
    limit: int = typer.Option(500, "--limit", help="At most this many pairs, largest first "
                              "(0: all).", min=0),
    offset: int = OffsetOption, db: Optional[str] = DbOption, fmt: OutputFormat = FormatOption,
) -> None:
    """Count moves from one organisation to another over a period, largest first."""
    with handle_errors(fmt), open_store(db, create=False) as store:
        result = query.flows(store, since=since, until=until, min_count=min_count, org=org,
                             include_unknown=include_unknown, limit=_limit(limit),
                             offset=offset)
        if fmt is OutputFormat.json:
            emit_json(result.to_dict())
            return
        if fmt is OutputFormat.csv:
            emit_csv(("from", "to", "count", "from_id", "to_id"),
                     [[f.from_org.name if f.from_org else "", f.to_org.name if f.to_org else "",
                       f.count, f.from_org.id if f.from_org else "",
                       f.to_org.id if f.to_org else ""]
                      for f in result.flows.items])
            return
        table = Table(title="Flows", caption=_page_caption(result.flows))
        table.add_column("from", overflow="fold")
        table.add_column("to", overflow="fold")
        table.add_column("moves", justify="right")
        for flow in result.flows.items:
            table.add_row(flow.from_org.name if flow.from_org else "(unknown)",
                          flow.to_org.name if flow.to_org else "(unknown)", str(flow.count))
        console().print(table)


@app.command("sources")
def sources_command(
    fact_id: int = typer.Argument(..., help="The fact's id (see `talentflow moves`)."),
    db: Optional[str] = DbOption, fmt: OutputFormat = FormatOption,
) -> None:
    """Show the evidence sentence of each source of a fact, with its article."""
    with handle_errors(fmt), open_store(db, create=False) as store:
        result = query.sources(store, fact_id)
        if fmt is OutputFormat.json:
            emit_json(result.to_dict())
            return
        if fmt is OutputFormat.csv:
            emit_csv(("fact_id", "report_id", "article_id", "title", "date", "date_source",
                      "url", "start", "end", "evidence"),
                     [[fact_id, s.report_id, s.article_id, s.title or "", s.published or "",
                       s.date_source or "", s.url or "", s.evidence_start, s.evidence_end,
                       s.evidence]
                      for s in result.sources])
            return
        out = console()
        out.print(_moves_table(f"Fact {fact_id}", [result.fact]))
        for number, source in enumerate(result.sources, 1):
            dated = source.published and (
                f"{source.published} (date from {source.date_source})"
                if source.date_source else source.published)
            header = " · ".join(part for part in (source.title or source.article_ext_id,
                                                  dated, source.url) if part)
            out.print(f"[bold]{number}.[/bold] {header}  "
                      f"[dim][{source.evidence_start}:{source.evidence_end}][/dim]",
                      highlight=False)
            out.print(f"   {source.evidence}", highlight=False, markup=False)


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"
    graphml = "graphml"
    gexf = "gexf"
    ftm = "ftm"


@app.command("export")
def export_command(
    fmt: ExportFormat = typer.Option(..., "--format", "-f", case_sensitive=False,
                                     help="csv/json: facts with their sources; graphml/gexf: "
                                          "the people-organisation graph (Gephi); ftm: "
                                          "FollowTheMoney entities as JSON lines."),
    output: Path = typer.Option(..., "--output", "-o", help="File to write (replaced "
                                "atomically).", dir_okay=False),
    db: Optional[str] = DbOption,
) -> None:
    """Export every fact of the store to a file."""
    with handle_errors(OutputFormat.table), open_store(db, create=False) as store:
        summary = query.export_facts(store, fmt.value, output)
        typer.echo(f"exported {summary.facts} facts to {summary.path} ({summary.format}, "
                   f"{summary.records} records)", err=True)


__all__ = ["moves_command", "person_command", "org_command", "flows_command",
           "sources_command", "export_command"]
