"""The SQL aggregates agree with the listed moves they summarise, for any date range."""
from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from talentflow.core.errors import UsageError
from talentflow.query import date_range, flows, moves, org_profile

ORGS = ["Orbital Labs", "Nimbus Robotics", "Quartz Analytics", "Nova Deep Systems"]


@st.composite
def partial_date(draw) -> str:
    year = draw(st.integers(2021, 2025))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return f"{year}"
    month = draw(st.integers(1, 12))
    return f"{year}-{month:02d}" if precision == "month" else f"{year}-{month:02d}-15"


def date_bounds():
    return st.tuples(st.none() | partial_date(), st.none() | partial_date())


def is_valid_range(since: str | None, until: str | None) -> bool:
    try:
        date_range(since, until)
    except UsageError:
        return False
    return True


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bounds=date_bounds())
def test_flows_and_org_counts_match_the_moves_listed(world, bounds):
    since, until = bounds
    assume(is_valid_range(since, until))
    listed = moves(world, since=since, until=until, limit=None)
    assert listed.total == len(listed.items)
    expected_flows = Counter((m.from_org.name, m.to_org.name) for m in listed.items
                             if m.from_org and m.to_org and m.from_org.id != m.to_org.id)
    got = flows(world, since=since, until=until, limit=None)
    assert {(f.from_org.name, f.to_org.name): f.count for f in got.flows.items} \
        == dict(expected_flows)
    assert got.flows.total == len(expected_flows)
    for org in ORGS:
        profile = org_profile(world, org, since=since, until=until, limit=None)
        arrivals = [m for m in listed.items if m.to_org and m.to_org.name == org
                    and not (m.from_org and m.from_org.name == org)]
        departures = [m for m in listed.items if m.from_org and m.from_org.name == org
                      and not (m.to_org and m.to_org.name == org)]
        assert profile.arrivals_total == len(arrivals) == profile.arrivals.total
        assert profile.departures_total == len(departures) == profile.departures.total
        assert sum(p.net for p in profile.periods) == profile.net
