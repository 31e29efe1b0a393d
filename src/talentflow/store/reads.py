"""Read-only SELECTs for the query layer (``talentflow.query``); nothing here writes.

Every function takes an open SQLAlchemy ``Connection`` and returns plain dicts, ids or
counts, so the query layer never builds SQL itself. Aggregations (flows, per-period
counts) run in SQL with the date range in the WHERE clause, on the indexes declared in
``store/schema.py``:

* ``ix_facts_flows`` (kind, date_start, from_org_id, to_org_id): :func:`flow_counts`
  reads only this index for a period;
* ``ix_facts_to_kind_date`` / ``ix_facts_from_kind_date`` (organisation, kind, date_start,
  date_precision, the other side, person): an organisation's arrivals/departures, their
  per-period and per-person counts read from the index only;
* ``ix_facts_person_date``: a person's timeline;
* ``org_aliases.key`` / ``person_aliases.key`` (unique) and ``people.surname_key``:
  name lookups; ``reports.fact_id``: the sources of a fact.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (Connection, and_, func, literal_column, or_, select, text, union,
                        union_all)
from sqlalchemy.sql import ColumnElement, Select

from talentflow.store.schema import (KIND_FOUNDING, KIND_INVESTMENT, KIND_MOVE, articles,
                                     facts, org_aliases, organisations, people,
                                     person_aliases, report_founders, reports)

__all__ = ["FactFilter", "find_org_ids", "find_org_ids_containing", "find_person_ids",
           "find_person_ids_by_surname", "org_names_for_hints", "person_names_for_hints",
           "org_names", "person_names", "org_alias_names", "person_alias_names",
           "select_facts", "count_facts", "fact_by_id", "flow_counts",
           "org_move_periods", "org_people_counts", "founding_facts_of_person",
           "reports_of_facts", "iter_facts", "KIND_MOVE", "KIND_FOUNDING", "KIND_INVESTMENT"]

_from_org = organisations.alias("from_org")
_to_org = organisations.alias("to_org")

_FACT_COLUMNS = (
    facts.c.id, facts.c.kind, facts.c.person_id, facts.c.from_org_id, facts.c.to_org_id,
    facts.c.founder_ids, facts.c.role, facts.c.role_key, facts.c.date, facts.c.date_start,
    facts.c.amount, facts.c.currency, facts.c.confidence, facts.c.n_sources,
    facts.c.conflicts, people.c.name.label("person_name"),
    _from_org.c.name.label("from_name"), _to_org.c.name.label("to_name"),
)


@dataclass(frozen=True)
class FactFilter:
    """Conditions on facts; every id tuple is "any of these" and None means no condition.

    ``org_ids`` matches either side; ``arriving_at``/``leaving_from`` are an
    organisation's arrivals (joined it from elsewhere or from an unknown place) and
    departures (left it for elsewhere or for an unknown place). ``start``/``end`` bound
    ``date_start`` inclusively; any bound excludes undated facts.
    """

    kind: str | None = KIND_MOVE
    person_ids: tuple[int, ...] | None = None
    from_ids: tuple[int, ...] | None = None
    to_ids: tuple[int, ...] | None = None
    org_ids: tuple[int, ...] | None = None
    arriving_at: tuple[int, ...] | None = None
    leaving_from: tuple[int, ...] | None = None
    start: str | None = None
    end: str | None = None


def _conditions(flt: FactFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if flt.kind is not None:
        conds.append(facts.c.kind == flt.kind)
    if flt.person_ids is not None:
        conds.append(facts.c.person_id.in_(flt.person_ids))
    if flt.from_ids is not None:
        conds.append(facts.c.from_org_id.in_(flt.from_ids))
    if flt.to_ids is not None:
        conds.append(facts.c.to_org_id.in_(flt.to_ids))
    if flt.org_ids is not None:
        conds.append(or_(facts.c.from_org_id.in_(flt.org_ids),
                         facts.c.to_org_id.in_(flt.org_ids)))
    if flt.arriving_at is not None:
        conds.append(facts.c.to_org_id.in_(flt.arriving_at))
        conds.append(or_(facts.c.from_org_id.is_(None),
                         facts.c.from_org_id.not_in(flt.arriving_at)))
    if flt.leaving_from is not None:
        conds.append(facts.c.from_org_id.in_(flt.leaving_from))
        conds.append(or_(facts.c.to_org_id.is_(None),
                         facts.c.to_org_id.not_in(flt.leaving_from)))
    conds.extend(_date_conditions(flt.start, flt.end))
    return conds


def _date_conditions(start: str | None, end: str | None) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if start is not None:
        conds.append(facts.c.date_start >= start)
    if end is not None:
        conds.append(facts.c.date_start <= end)
    return conds


def _fact_select() -> Select:
    joined = (facts.outerjoin(people, people.c.id == facts.c.person_id)
              .outerjoin(_from_org, _from_org.c.id == facts.c.from_org_id)
              .outerjoin(_to_org, _to_org.c.id == facts.c.to_org_id))
    return select(*_FACT_COLUMNS).select_from(joined)


def _rows(conn: Connection, stmt) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in conn.execute(stmt)]


# --- names -------------------------------------------------------------------------------

def find_org_ids(conn: Connection, key: str) -> list[int]:
    """Organisations whose canonical key or any alias key equals ``key`` (org_key folded)."""
    stmt = union(select(org_aliases.c.org_id.label("id")).where(org_aliases.c.key == key),
                 select(organisations.c.id.label("id")).where(organisations.c.key == key))
    return sorted(row.id for row in conn.execute(stmt))


def find_org_ids_containing(conn: Connection, key: str, *,
                            limit: int = 200) -> list[tuple[int, str]]:
    """(org id, alias spelling) for aliases whose key contains ``key`` ("deepmind" in
    "googledeepmind"); the caller checks that whole words match."""
    # Keys are [0-9a-z] only, so the pattern needs no escaping.
    stmt = (select(org_aliases.c.org_id, org_aliases.c.name)
            .where(org_aliases.c.key.like(f"%{key}%"))
            .order_by(org_aliases.c.org_id, org_aliases.c.name).limit(limit))
    return [(row.org_id, row.name) for row in conn.execute(stmt)]


def find_person_ids(conn: Connection, key: str) -> list[int]:
    """People whose canonical key or any alias key equals ``key`` (person_key folded)."""
    stmt = union(select(person_aliases.c.person_id.label("id"))
                 .where(person_aliases.c.key == key),
                 select(people.c.id.label("id")).where(people.c.key == key))
    return sorted(row.id for row in conn.execute(stmt))


def find_person_ids_by_surname(conn: Connection, surname: str, *, limit: int = 50) -> list[int]:
    stmt = (select(people.c.id).where(people.c.surname_key == surname)
            .order_by(people.c.id).limit(limit))
    return [row.id for row in conn.execute(stmt)]


def org_names_for_hints(conn: Connection, *, limit: int = 200_000) -> list[tuple[int, str]]:
    """(org id, spelling) for every alias: the candidates of "did you mean" hints."""
    stmt = select(org_aliases.c.org_id, org_aliases.c.name).limit(limit)
    return [(row.org_id, row.name) for row in conn.execute(stmt)]


def person_names_for_hints(conn: Connection, *, limit: int = 200_000) -> list[tuple[int, str]]:
    stmt = select(person_aliases.c.person_id, person_aliases.c.name).limit(limit)
    return [(row.person_id, row.name) for row in conn.execute(stmt)]


def org_names(conn: Connection, ids: Iterable[int]) -> dict[int, str]:
    """Display names of organisations by id (missing ids are absent from the result)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    stmt = select(organisations.c.id, organisations.c.name).where(organisations.c.id.in_(wanted))
    return {row.id: row.name for row in conn.execute(stmt)}


def person_names(conn: Connection, ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    stmt = select(people.c.id, people.c.name).where(people.c.id.in_(wanted))
    return {row.id: row.name for row in conn.execute(stmt)}


def org_alias_names(conn: Connection, org_ids: Iterable[int]) -> dict[int, list[str]]:
    """Every spelling of each organisation, sorted (the display name included)."""
    return _alias_names(conn, org_aliases, org_aliases.c.org_id, org_ids)


def person_alias_names(conn: Connection, person_ids: Iterable[int]) -> dict[int, list[str]]:
    return _alias_names(conn, person_aliases, person_aliases.c.person_id, person_ids)


def _alias_names(conn: Connection, table, owner, ids: Iterable[int]) -> dict[int, list[str]]:
    wanted = sorted(set(ids))
    names: dict[int, list[str]] = {owner_id: [] for owner_id in wanted}
    if not wanted:
        return names
    stmt = (select(owner.label("owner"), table.c.name).where(owner.in_(wanted))
            .order_by(owner, table.c.name))
    for row in conn.execute(stmt):
        names[row.owner].append(row.name)
    return names


# --- facts -------------------------------------------------------------------------------

def select_facts(conn: Connection, flt: FactFilter, *, newest_first: bool = False,
                 limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Facts matching ``flt`` with person and organisation names, undated ones last.

    Dated and undated facts are read by two queries, each ordered along an index
    (date_start, then id), so a page of a million moves never sorts them all; the
    undated ones are read only once the dated ones run out.
    """
    conds = _conditions(flt)
    if newest_first:
        dated_order = (facts.c.date_start.desc(), facts.c.id.desc())
    else:
        dated_order = (facts.c.date_start.asc(), facts.c.id.asc())
    dated = (_fact_select().where(*conds, facts.c.date_start.is_not(None))
             .order_by(*dated_order).limit(limit).offset(offset or None))
    rows = _rows(conn, dated)
    if limit is not None and len(rows) == limit:
        return rows
    if rows or not offset:
        n_dated = offset + len(rows)
    else:  # the page starts past the dated facts: how far past?
        n_dated = count_facts(conn, flt, dated=True)
    undated = (_fact_select().where(*conds, facts.c.date_start.is_(None))
               .order_by(facts.c.id.desc() if newest_first else facts.c.id.asc())
               .limit(None if limit is None else limit - len(rows))
               .offset(max(0, offset - n_dated) or None))
    return rows + _rows(conn, undated)


def count_facts(conn: Connection, flt: FactFilter, *, dated: bool = False) -> int:
    """Number of facts matching ``flt`` (only the dated ones with ``dated``)."""
    conds = _conditions(flt)
    if dated:
        conds.append(facts.c.date_start.is_not(None))
    stmt = select(func.count()).select_from(facts).where(*conds)
    return int(conn.execute(stmt).scalar_one())


def fact_by_id(conn: Connection, fact_id: int) -> dict[str, Any] | None:
    rows = _rows(conn, _fact_select().where(facts.c.id == fact_id))
    return rows[0] if rows else None


def founding_facts_of_person(conn: Connection, person_id: int) -> list[dict[str, Any]]:
    """Foundings listing ``person_id`` among their founders, oldest first (undated last)."""
    # report_founders is indexed by person; the membership test keeps the fact's own
    # merged founder list authoritative.
    fact_ids = (select(reports.c.fact_id)
                .select_from(reports.join(report_founders,
                                          report_founders.c.report_id == reports.c.id))
                .where(report_founders.c.person_id == person_id))
    candidates = _rows(conn, _fact_select().where(
        facts.c.kind == KIND_FOUNDING, facts.c.id.in_(fact_ids),
    ).order_by(facts.c.date_start.is_(None), facts.c.date_start, facts.c.id))
    return [row for row in candidates if person_id in (row["founder_ids"] or [])]


def iter_facts(conn: Connection, *, kind: str | None = None,
               batch_size: int = 1000) -> Iterator[list[dict[str, Any]]]:
    """Every fact in id order, in batches (keyset pagination: memory stays flat)."""
    last_id = 0
    while True:
        conds = [facts.c.id > last_id]
        if kind is not None:
            conds.append(facts.c.kind == kind)
        batch = _rows(conn, _fact_select().where(*conds).order_by(facts.c.id).limit(batch_size))
        if not batch:
            return
        yield batch
        last_id = batch[-1]["id"]


# --- aggregates --------------------------------------------------------------------------

def _flow_pairs(conn: Connection, start: str | None, end: str | None,
                org_ids: tuple[int, ...] | None, min_count: int,
                include_unknown: bool) -> Select:
    date_conds = _date_conditions(start, end)
    if conn.dialect.name == "sqlite":
        # With ANALYZE statistics SQLite prefers a skip-scan of an (organisation, ...)
        # index, three times slower than the covering ix_facts_flows range; telling it the
        # date range is selective makes it pick the covering index (likelihood() costs nothing).
        date_conds = [func.likelihood(cond, literal_column("0.05")) for cond in date_conds]
    # A move "from X to X" (a promotion written with both sides) is not a flow.
    known = and_(facts.c.from_org_id.is_not(None), facts.c.to_org_id.is_not(None),
                 facts.c.to_org_id != facts.c.from_org_id)
    # One unknown side still draws a flow; with neither side known there is nothing to link.
    one_unknown = or_(and_(facts.c.from_org_id.is_(None), facts.c.to_org_id.is_not(None)),
                      and_(facts.c.to_org_id.is_(None), facts.c.from_org_id.is_not(None)))
    conds = [facts.c.kind == KIND_MOVE, *date_conds,
             or_(known, one_unknown) if include_unknown else known]
    if org_ids is not None:
        conds.append(or_(facts.c.from_org_id.in_(org_ids), facts.c.to_org_id.in_(org_ids)))
    return (select(facts.c.from_org_id, facts.c.to_org_id, func.count().label("n"),
                   func.count().over().label("total"))
            .where(*conds)
            .group_by(facts.c.from_org_id, facts.c.to_org_id)
            .having(func.count() >= min_count))


def flow_counts(conn: Connection, *, start: str | None = None, end: str | None = None,
                org_ids: tuple[int, ...] | None = None, min_count: int = 1,
                include_unknown: bool = False, limit: int | None = None,
                offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Moves per pair of organisations, largest first, and the number of pairs in all.

    Rows: from_org_id, from_name, to_org_id, to_name, n. Aggregated in SQL over
    ``ix_facts_flows`` with the number of pairs taken in the same pass (a window count);
    names are joined to the page of pairs only. With ``include_unknown`` departures
    with no destination count as ``to_org_id`` None and arrivals with no origin as
    ``from_org_id`` None.
    """
    if conn.dialect.name == "postgresql":
        # The default 4 MB makes the hash aggregate of a busy year spill to disk; SET LOCAL
        # lasts until the end of this read transaction only.
        conn.execute(text("SET LOCAL work_mem = '64MB'"))
    pairs = _flow_pairs(conn, start, end, org_ids, min_count, include_unknown)
    pairs = pairs.order_by(func.count().desc(), facts.c.from_org_id.is_(None),
                           facts.c.from_org_id, facts.c.to_org_id.is_(None), facts.c.to_org_id)
    if limit is not None:
        pairs = pairs.limit(limit)
    if offset:
        pairs = pairs.offset(offset)
    page = pairs.subquery("pairs")
    stmt = (select(page.c.from_org_id, _from_org.c.name.label("from_name"), page.c.to_org_id,
                   _to_org.c.name.label("to_name"), page.c.n, page.c.total)
            .select_from(page.outerjoin(_from_org, _from_org.c.id == page.c.from_org_id)
                         .outerjoin(_to_org, _to_org.c.id == page.c.to_org_id))
            .order_by(page.c.n.desc(), page.c.from_org_id.is_(None), page.c.from_org_id,
                      page.c.to_org_id.is_(None), page.c.to_org_id))
    rows = _rows(conn, stmt)
    if rows:
        return rows, int(rows[0]["total"])
    if not offset:
        return rows, 0
    count = select(func.count()).select_from(
        _flow_pairs(conn, start, end, org_ids, min_count, include_unknown).subquery())
    return rows, int(conn.execute(count).scalar_one())


def org_move_periods(conn: Connection, org_ids: tuple[int, ...], *, start: str | None = None,
                     end: str | None = None) -> list[dict[str, Any]]:
    """Arrival and departure counts per (precision, month of date_start), undated included.

    Rows: direction ("arrival"/"departure"), date_precision, month ("YYYY-MM" or None), n.
    The caller rolls months up into years or quarters.
    """
    rows: list[dict[str, Any]] = []
    for direction, flt in (("arrival", FactFilter(arriving_at=org_ids, start=start, end=end)),
                           ("departure", FactFilter(leaving_from=org_ids, start=start,
                                                    end=end))):
        # Grouped by day in the order of ix_facts_*_kind_date (no sort of the busiest
        # organisation's hundred thousand moves), rolled up into months here.
        stmt = (select(facts.c.date_start, facts.c.date_precision, func.count().label("n"))
                .where(*_conditions(flt)).group_by(facts.c.date_start, facts.c.date_precision))
        months: dict[tuple[str | None, str | None], int] = {}
        for row in conn.execute(stmt):
            key = (row.date_precision, row.date_start[:7] if row.date_start else None)
            months[key] = months.get(key, 0) + row.n
        rows.extend({"direction": direction, "date_precision": precision, "month": month,
                     "n": n} for (precision, month), n in months.items())
    return rows


def org_people_counts(conn: Connection, org_ids: tuple[int, ...], *, start: str | None = None,
                      end: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """People with the most arrivals + departures at an organisation: id, name, arrivals,
    departures; ties by name (code point order, as Python sorts) then id.

    Counted and ranked in SQL: the busiest organisation of a million moves involves tens
    of thousands of people, and only the first ``limit`` are wanted.
    """
    sides = []
    for arrivals, flt in ((1, FactFilter(arriving_at=org_ids, start=start, end=end)),
                          (0, FactFilter(leaving_from=org_ids, start=start, end=end))):
        sides.append(select(facts.c.person_id,
                            literal_column(str(arrivals)).label("arriving"))
                     .where(*_conditions(flt), facts.c.person_id.is_not(None)))
    moves = union_all(*sides).subquery("moves")
    counts = (select(moves.c.person_id, func.sum(moves.c.arriving).label("arrivals"),
                     func.count().label("n"))
              .group_by(moves.c.person_id).subquery("counts"))
    # Code point order on both databases, whatever PostgreSQL's locale.
    name = people.c.name.collate("C" if conn.dialect.name == "postgresql" else "BINARY")
    stmt = (select(counts.c.person_id, people.c.name, counts.c.arrivals,
                   (counts.c.n - counts.c.arrivals).label("departures"))
            .select_from(counts.join(people, people.c.id == counts.c.person_id))
            .order_by(counts.c.n.desc(), name, counts.c.person_id).limit(limit))
    return [{"person_id": row.person_id, "name": row.name, "arrivals": int(row.arrivals),
             "departures": int(row.departures)} for row in conn.execute(stmt)]


# --- sources -----------------------------------------------------------------------------

def reports_of_facts(conn: Connection, fact_ids: Iterable[int]) -> list[dict[str, Any]]:
    """Reports supporting the facts, with their article's title, date, URL and language."""
    wanted = sorted(set(fact_ids))
    if not wanted:
        return []
    stmt = (select(reports.c.id, reports.c.fact_id, reports.c.article_id, reports.c.kind,
                   reports.c.person_name, reports.c.from_name, reports.c.to_name,
                   reports.c.founders, reports.c.role, reports.c.date, reports.c.amount,
                   reports.c.currency, reports.c.evidence_start, reports.c.evidence_end,
                   reports.c.evidence_text, reports.c.confidence, reports.c.trigger,
                   articles.c.ext_id, articles.c.title, articles.c.published, articles.c.url,
                   articles.c.lang, articles.c.date_source)
            .select_from(reports.join(articles, articles.c.id == reports.c.article_id))
            .where(reports.c.fact_id.in_(wanted))
            .order_by(reports.c.fact_id, articles.c.published.is_(None), articles.c.published,
                      reports.c.article_id, reports.c.id))
    return _rows(conn, stmt)
