"""`person_timeline`, `org_profile` and `flows` over the invented world of world.py."""
from __future__ import annotations

import pytest

from talentflow.core import Article, Evidence, Extraction, Move
from talentflow.core.errors import NotFoundError, UsageError
from talentflow.query import flows, org_profile, person_timeline


def pairs(result) -> list[tuple[str, str | None, int]]:
    return [(f.from_org.name if f.from_org else None, f.to_org.name if f.to_org else None,
             f.count)
            for f in result.flows.items]


# --- person ------------------------------------------------------------------------------

def test_timeline_is_in_date_order_with_foundings(world):
    timeline = person_timeline(world, "ines garcia")
    assert timeline.person.name in {"Ines Garcia", "Inès Garcia"}
    assert timeline.person.name in timeline.aliases
    assert [(m.from_org.name, m.to_org, m.date) for m in timeline.moves] == [
        ("Quartz Analytics", None, "2023-11")]
    assert [(f.to_org.name, f.date) for f in timeline.foundings] == [("Quartz Analytics",
                                                                      "2015")]
    data = timeline.to_dict()
    assert data["person"]["id"] == timeline.person.id
    assert data["foundings"][0]["founders"][0]["id"] == timeline.person.id


def test_timeline_by_id_matches_timeline_by_name(world):
    by_name = person_timeline(world, "Sofia Lindqvist")
    assert person_timeline(world, by_name.person.id) == by_name
    assert by_name.moves[0].role == "chief scientist"


def test_timeline_orders_moves_oldest_first_and_undated_last(empty_store):
    text = ("Nadia Volkova joined Brightwave in 2019. She moved from Brightwave to Corvid Labs "
            "in 2021. She later became an adviser to Tessellate.")
    sentences = text.split(". ")
    evidence = [Evidence.of(text, text.index(s), text.index(s) + len(s)) for s in sentences]
    empty_store.add_article(
        Article("volkova", text, lang="en", date="2022-01-01", title="Volkova"),
        Extraction("volkova", "en", moves=(
            Move("Nadia Volkova", None, "Tessellate", "adviser", None, evidence[2]),
            Move("Nadia Volkova", "Brightwave", "Corvid Labs", None, "2021", evidence[1]),
            Move("Nadia Volkova", None, "Brightwave", None, "2019", evidence[0]))))
    timeline = person_timeline(empty_store, "Volkova")
    assert [(m.to_org.name, m.date) for m in timeline.moves] == [
        ("Brightwave", "2019"), ("Corvid Labs", "2021"), ("Tessellate", None)]


def test_unknown_person_hints_at_near_names(world):
    with pytest.raises(NotFoundError) as caught:
        person_timeline(world, "Karim Hadad")
    assert caught.value.item == "Karim Hadad"
    assert "Karim Haddad" in caught.value.hint
    with pytest.raises(NotFoundError):
        person_timeline(world, 999_999)


def test_a_surname_shared_by_two_people_is_ambiguous(empty_store):
    text = "Anna Novak joins Fernhill Bank. Jan Novak leaves Fernhill Bank."
    first, second = text.split(". ")
    empty_store.add_article(
        Article("novak", text, lang="en", date="2024-03-01"),
        Extraction("novak", "en", moves=(
            Move("Anna Novak", None, "Fernhill Bank", None, "2024-03",
                 Evidence.of(text, 0, len(first))),
            Move("Jan Novak", "Fernhill Bank", None, None, "2024-03",
                 Evidence.of(text, len(first) + 2, len(text))))))
    with pytest.raises(NotFoundError) as caught:
        person_timeline(empty_store, "Novak")
    assert "Anna Novak" in caught.value.hint and "Jan Novak" in caught.value.hint
    assert person_timeline(empty_store, "jan novak").moves[0].to_org is None


# --- org ---------------------------------------------------------------------------------

def test_org_profile_counts_arrivals_departures_and_net_by_year(world):
    profile = org_profile(world, "Nimbus Robotics")
    assert (profile.arrivals_total, profile.departures_total, profile.net) == (3, 1, 2)
    assert [(p.period, p.arrivals, p.departures, p.net) for p in profile.periods] == [
        ("2023", 1, 1, 0), ("2024", 1, 0, 1), (None, 1, 0, 1)]
    assert [m.person.name.split()[-1] for m in profile.arrivals.items] == [
        "Martin", "Dubois", "Verdier"]
    assert [m.person.name for m in profile.departures.items] == ["Tomas Berger"]
    assert {p.person.name.split()[-1]: (p.arrivals, p.departures) for p in profile.people} \
        == {"Martin": (1, 0), "Dubois": (1, 0), "Verdier": (1, 0), "Berger": (0, 1)}
    assert [(f.to_org.name, [x.name for x in f.founders], f.date)
            for f in profile.foundings] == [("Nimbus Robotics", ["Hugo Perrin"], "2019")]
    investment = profile.investments[0].to_dict()
    assert (investment["investor"], investment["investee"], investment["amount"],
            investment["currency"], investment["date"]) == (
        "Helios Ventures", "Nimbus Robotics", 20_000_000, "EUR", "2024-02")


def test_periods_never_invent_precision(world):
    by_month = org_profile(world, "Quartz Analytics", period="month")
    # Karim Haddad's move is only dated "2022": it stays a year in a monthly view.
    assert [(p.period, p.arrivals, p.departures) for p in by_month.periods] == [
        ("2022", 0, 1), ("2023-03", 1, 0), ("2023-11", 0, 1), ("2024-01", 0, 1)]
    by_quarter = org_profile(world, "Quartz Analytics", period="quarter")
    assert [p.period for p in by_quarter.periods] == ["2022", "2023-Q1", "2023-Q4",
                                                      "2024-Q1"]
    assert (by_quarter.arrivals_total, by_quarter.departures_total) == (1, 3)


def test_org_profile_date_range_and_paging(world):
    profile = org_profile(world, "quartz", since="2023", until="2023", limit=1)
    assert (profile.arrivals_total, profile.departures_total) == (1, 1)
    assert profile.departures.total == 1 and len(profile.departures.items) == 1
    paged = org_profile(world, "Nimbus Robotics", limit=1, offset=1)
    assert paged.arrivals.total == 3
    assert [m.person.name.split()[-1] for m in paged.arrivals.items] == ["Dubois"]
    data = paged.to_dict()
    assert data["arrivals"]["total"] == 3 and data["net"] == 2
    assert data["org"]["name"] == "Nimbus Robotics"


def test_org_profile_rejects_unknown_period_and_name(world):
    with pytest.raises(UsageError):
        org_profile(world, "Nimbus Robotics", period="week")
    with pytest.raises(NotFoundError) as caught:
        org_profile(world, "Nimbus Robotix")
    assert "Nimbus Robotics" in caught.value.hint


# --- flows -------------------------------------------------------------------------------

def test_flows_count_moves_between_named_organisations(world):
    result = flows(world)
    assert pairs(result) == [("Orbital Labs", "Nimbus Robotics", 2),
                             ("Nimbus Robotics", "Quartz Analytics", 1),
                             ("Quartz Analytics", "Orbital Labs", 1),
                             ("Quartz Analytics", "Nova Deep Systems", 1)]
    assert result.flows.total == 4
    first = result.to_dict()["flows"][0]
    assert first == {"from": "Orbital Labs", "from_id": first["from_id"],
                     "to": "Nimbus Robotics", "to_id": first["to_id"], "count": 2}


@pytest.mark.parametrize("options, expected", [
    ({"since": "2024"}, [("Orbital Labs", "Nimbus Robotics", 1),
                         ("Quartz Analytics", "Nova Deep Systems", 1)]),
    ({"since": "2023-01", "until": "2023-06"}, [("Nimbus Robotics", "Quartz Analytics", 1)]),
    ({"min_count": 2}, [("Orbital Labs", "Nimbus Robotics", 2)]),
    ({"org": "quartz analytics"}, [("Nimbus Robotics", "Quartz Analytics", 1),
                                   ("Quartz Analytics", "Orbital Labs", 1),
                                   ("Quartz Analytics", "Nova Deep Systems", 1)]),
    ({"include_unknown": True, "since": "2023-10", "until": "2023"},
     [("Quartz Analytics", None, 1)]),
    ({"since": "2030"}, []),
])
def test_flow_filters(world, options, expected):
    assert pairs(flows(world, **options)) == expected


def test_flows_include_unknown_sides_as_null(world):
    result = flows(world, include_unknown=True)
    assert ("Quartz Analytics", None, 1) in pairs(result)
    assert (None, "Nimbus Robotics", 1) in pairs(result)
    assert result.flows.total == 6
    unknown = [f for f in result.to_dict()["flows"] if f["to"] is None]
    assert unknown == [{"from": "Quartz Analytics", "from_id": unknown[0]["from_id"],
                        "to": None, "to_id": None, "count": 1}]
    arrivals = [f for f in result.to_dict()["flows"] if f["from"] is None]
    assert arrivals == [{"from": None, "from_id": None, "to": "Nimbus Robotics",
                         "to_id": arrivals[0]["to_id"], "count": 1}]
    assert pairs(result)[-1] == (None, "Nimbus Robotics", 1)  # unknown origins sort last


def test_flows_of_an_org_given_by_id(world):
    nova = org_profile(world, "Nova Deep Systems").org
    assert pairs(flows(world, org=nova.id)) == [("Quartz Analytics", "Nova Deep Systems", 1)]
    assert flows(world, org=nova.id).org == nova


def test_flows_page_keeps_the_total(world):
    result = flows(world, limit=1, offset=1)
    assert len(result.flows.items) == 1 and result.flows.total == 4
    assert flows(world, limit=2, offset=10).flows.total == 4
    data = flows(world, since="2024", min_count=1).to_dict()
    assert (data["since"], data["until"], data["min"], data["org"]) == ("2024", None, 1, None)


def test_flows_reject_bad_options(world):
    with pytest.raises(UsageError):
        flows(world, min_count=0)
    with pytest.raises(NotFoundError):
        flows(world, org="Nowhere Incorporated Holdings")


def test_empty_store_has_no_flows(empty_store):
    result = flows(empty_store, include_unknown=True)
    assert result.flows.items == () and result.flows.total == 0
