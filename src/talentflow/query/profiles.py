"""One person's timeline and one organisation's arrivals, departures and net flow."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from talentflow.core.errors import UsageError
from talentflow.query.dates import date_range
from talentflow.query.facts import DEFAULT_LIMIT, check_page, facts_from_rows
from talentflow.query.lookup import resolve_org, resolve_person
from talentflow.query.results import (OrgProfile, Page, PeriodCount, PersonCount,
                                      PersonTimeline, Ref)
from talentflow.store import reads

PERIODS = ("year", "quarter", "month")


def person_timeline(store, person: str | int) -> PersonTimeline:
    """Every move of one person, oldest first (undated last), and their foundings.

    ``person`` is a name (matched through aliases; a lone surname works when it is
    unambiguous) or a person id. Unknown -> NotFoundError with near matches as hint.
    """
    with store.read() as conn:
        ref = resolve_person(conn, person)
        rows = reads.select_facts(conn, reads.FactFilter(person_ids=(ref.id,)))
        moves = facts_from_rows(conn, rows)
        foundings = facts_from_rows(conn, reads.founding_facts_of_person(conn, ref.id))
        aliases = reads.person_alias_names(conn, [ref.id])[ref.id]
    return PersonTimeline(ref, tuple(aliases), tuple(moves), tuple(foundings))


def period_label(month: str | None, precision: str | None, period: str) -> str | None:
    """The period a fact falls in, never more precise than its own date.

    ``month`` is the ``YYYY-MM`` of its first day; a year-precision date stays a year
    whatever the period asked for, because guessing its month would invent data.
    """
    if month is None:
        return None
    year = month[:4]
    if period == "year" or precision == "year":
        return year
    if period == "quarter":
        return f"{year}-Q{(int(month[5:7]) - 1) // 3 + 1}"
    return month


def _periods(rows: list[dict[str, Any]], period: str) -> tuple[PeriodCount, ...]:
    counts: dict[str | None, dict[str, int]] = defaultdict(lambda: {"arrival": 0,
                                                                    "departure": 0})
    for row in rows:
        label = period_label(row["month"], row["date_precision"], period)
        counts[label][row["direction"]] += row["n"]
    ordered = sorted(counts, key=lambda label: (label is None, label or ""))
    return tuple(PeriodCount(label, counts[label]["arrival"], counts[label]["departure"])
                 for label in ordered)


def org_profile(store, org: str | int, *, period: str = "year", since: str | None = None,
                until: str | None = None, limit: int | None = DEFAULT_LIMIT,
                offset: int = 0) -> OrgProfile:
    """Arrivals, departures and net flow of an organisation, by period, with the people.

    Arrivals are moves to the organisation from elsewhere (or from an unstated place,
    promotions included); departures are moves from it to elsewhere or to an unstated
    place. ``limit``/``offset`` page the two move lists; the counts are always complete.
    Foundings of the organisation and investments it made or received are listed too.
    """
    if period not in PERIODS:
        raise UsageError(f"unknown period {period!r}", item="--period",
                         hint="use " + ", ".join(PERIODS))
    check_page(limit, offset)
    span = date_range(since, until)
    with store.read() as conn:
        ref: Ref = resolve_org(conn, org)
        ids = (ref.id,)
        period_rows = reads.org_move_periods(conn, ids, start=span.start, end=span.end)
        periods = _periods(period_rows, period)
        lists = {}
        for name, flt in (("arrivals", reads.FactFilter(arriving_at=ids, start=span.start,
                                                        end=span.end)),
                          ("departures", reads.FactFilter(leaving_from=ids, start=span.start,
                                                          end=span.end))):
            rows = reads.select_facts(conn, flt, newest_first=True, limit=limit, offset=offset)
            lists[name] = Page(tuple(facts_from_rows(conn, rows)), reads.count_facts(conn, flt),
                               limit, offset)
        people = tuple(PersonCount(Ref(p["person_id"], p["name"]), p["arrivals"],
                                   p["departures"])
                       for p in reads.org_people_counts(conn, ids, start=span.start,
                                                        end=span.end))
        foundings = facts_from_rows(conn, reads.select_facts(
            conn, reads.FactFilter(kind=reads.KIND_FOUNDING, to_ids=ids)))
        investments = facts_from_rows(conn, reads.select_facts(
            conn, reads.FactFilter(kind=reads.KIND_INVESTMENT, org_ids=ids)))
        aliases = reads.org_alias_names(conn, ids)[ref.id]
    return OrgProfile(
        org=ref, aliases=tuple(aliases), period=period,
        arrivals_total=sum(p.arrivals for p in periods),
        departures_total=sum(p.departures for p in periods), periods=periods,
        arrivals=lists["arrivals"], departures=lists["departures"], people=people,
        foundings=tuple(foundings), investments=tuple(investments), since=since, until=until)
