"""Listing merged moves with filters, and the sources of one fact."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection

from talentflow.core.errors import NotFoundError, UsageError
from talentflow.query.dates import date_range
from talentflow.query.lookup import org_filter_ids, person_filter_ids
from talentflow.query.results import Fact, FactSources, Page, Ref, Source
from talentflow.store import reads

#: Default page size of the list functions; ``limit=None`` returns everything.
DEFAULT_LIMIT = 100


def check_page(limit: int | None, offset: int) -> None:
    if limit is not None and limit < 0:
        raise UsageError(f"--limit must be 0 or more, not {limit}", item="--limit")
    if offset < 0:
        raise UsageError(f"--offset must be 0 or more, not {offset}", item="--offset")


def _ref(ref_id: int | None, name: str | None) -> Ref | None:
    return Ref(ref_id, name) if ref_id is not None and name is not None else None


def facts_from_rows(conn: Connection, rows: Iterable[dict[str, Any]]) -> list[Fact]:
    """Fact objects for ``reads`` fact rows, founders' names looked up in one query."""
    rows = list(rows)
    founder_ids = {pid for row in rows for pid in (row.get("founder_ids") or [])}
    founder_names = reads.person_names(conn, founder_ids)
    return [Fact(
        id=row["id"], kind=row["kind"],
        person=_ref(row["person_id"], row["person_name"]),
        from_org=_ref(row["from_org_id"], row["from_name"]),
        to_org=_ref(row["to_org_id"], row["to_name"]),
        founders=tuple(Ref(pid, founder_names[pid]) for pid in (row.get("founder_ids") or [])
                       if pid in founder_names),
        role=row["role"], role_key=row["role_key"], date=row["date"],
        amount=row["amount"], currency=row["currency"], confidence=row["confidence"] or 0.0,
        n_sources=row["n_sources"] or 0, conflicts=row["conflicts"] or None,
    ) for row in rows]


def move_filter(conn: Connection, *, person: str | int | None = None,
                from_org: str | int | None = None, to_org: str | int | None = None,
                org: str | int | None = None, since: str | None = None,
                until: str | None = None) -> reads.FactFilter:
    """The store filter for the user's options; unknown names raise NotFoundError."""
    period = date_range(since, until)
    return reads.FactFilter(
        person_ids=person_filter_ids(conn, person),
        from_ids=org_filter_ids(conn, from_org, option="--from"),
        to_ids=org_filter_ids(conn, to_org, option="--to"),
        org_ids=org_filter_ids(conn, org, option="--org"),
        start=period.start, end=period.end)


def moves(store, *, person: str | int | None = None, from_org: str | int | None = None,
          to_org: str | int | None = None, org: str | int | None = None,
          since: str | None = None, until: str | None = None,
          limit: int | None = DEFAULT_LIMIT, offset: int = 0) -> Page[Fact]:
    """Merged moves, newest first (undated last), filtered and paginated.

    ``person``, ``from_org``, ``to_org`` and ``org`` (either side) are names matched
    through aliases, or store ids; ``since``/``until`` are ISO partial dates (``2024``,
    ``2024-05``).
    """
    check_page(limit, offset)
    with store.read() as conn:
        flt = move_filter(conn, person=person, from_org=from_org, to_org=to_org, org=org,
                          since=since, until=until)
        rows = reads.select_facts(conn, flt, newest_first=True, limit=limit, offset=offset)
        total = reads.count_facts(conn, flt)
        items = facts_from_rows(conn, rows)
    return Page(tuple(items), total, limit, offset)


def source_from_row(row: dict[str, Any]) -> Source:
    written = {"person": row["person_name"], "from": row["from_name"], "to": row["to_name"],
               "founders": row["founders"], "role": row["role"], "date": row["date"],
               "amount": row["amount"], "currency": row["currency"], "trigger": row["trigger"]}
    return Source(
        report_id=row["id"], article_id=row["article_id"], article_ext_id=row["ext_id"],
        title=row["title"], published=row["published"], url=row["url"], lang=row["lang"],
        evidence_start=row["evidence_start"], evidence_end=row["evidence_end"],
        evidence=row["evidence_text"], confidence=row["confidence"] or 0.0,
        as_written={k: v for k, v in written.items() if v is not None},
        date_source=row.get("date_source"))


def sources(store, fact_id: int) -> FactSources:
    """A fact and every report supporting it: evidence sentence, offsets, article."""
    with store.read() as conn:
        row = reads.fact_by_id(conn, fact_id)
        if row is None:
            raise NotFoundError(f"no fact with id {fact_id}", item=str(fact_id),
                                hint="fact ids are in the output of `talentflow moves`")
        fact = facts_from_rows(conn, [row])[0]
        report_rows = reads.reports_of_facts(conn, [fact_id])
    return FactSources(fact, tuple(source_from_row(r) for r in report_rows))
