"""`moves` and `sources` over the invented world of world.py, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from talentflow.core.errors import NotFoundError, UsageError
from talentflow.query import moves, sources
from query.world import world_articles

ALL_MOVERS_NEWEST_FIRST = ["Martin", "Lindqvist", "Garcia", "Dubois", "Berger", "Haddad",
                           "Verdier"]


def surnames(page) -> list[str]:
    return [fact.person.name.split()[-1] for fact in page.items]


def test_all_moves_newest_first_undated_last_with_merged_sources(world):
    page = moves(world)
    assert page.total == 7
    assert surnames(page) == ALL_MOVERS_NEWEST_FIRST
    martin = page.items[0]
    # Two articles, two spellings ("Léa"/"Lea"), one with no origin: one fact.
    assert (martin.from_org.name, martin.to_org.name) == ("Orbital Labs", "Nimbus Robotics")
    assert martin.date == "2024-05"
    assert martin.n_sources == 2
    assert martin.role_key == "cfo"
    assert page.items[-1].date is None


def test_move_json_shape_is_stable(world):
    data = moves(world, person="Paul Verdier").to_dict()
    assert data["total"] == 1 and data["limit"] == 100 and data["offset"] == 0
    item = data["items"][0]
    assert set(item) == {"fact_id", "kind", "person", "person_id", "from", "from_id", "to",
                         "to_id", "role", "role_key", "date", "confidence", "n_sources",
                         "conflicts"}
    assert item["from"] is None and item["to"] == "Nimbus Robotics"
    assert item["role"] == "directeur général"


@pytest.mark.parametrize("filters, expected", [
    ({"person": "LEA MARTIN"}, ["Martin"]),
    ({"person": "léa martin"}, ["Martin"]),
    ({"person": "Garcia"}, ["Garcia"]),  # a lone surname, unambiguous here
    ({"from_org": "Orbital Labs"}, ["Martin", "Dubois"]),
    ({"from_org": "orbital labs inc"}, ["Martin", "Dubois"]),  # legal suffix folded away
    ({"to_org": "nimbus"}, ["Martin", "Dubois", "Verdier"]),  # whole word of the name
    ({"org": "Quartz Analytics"}, ["Lindqvist", "Garcia", "Berger", "Haddad"]),
    ({"org": "deep systems"}, ["Lindqvist"]),
    ({"from_org": "Quartz Analytics", "to_org": "Orbital Labs"}, ["Haddad"]),
    ({"since": "2024"}, ["Martin", "Lindqvist"]),
    ({"until": "2023"}, ["Garcia", "Dubois", "Berger", "Haddad"]),
    ({"since": "2023-06", "until": "2023-12"}, ["Garcia", "Dubois"]),
    ({"since": "2023-09-01", "until": "2023-09-01"}, ["Dubois"]),
    ({"org": "Nimbus Robotics", "since": "2024"}, ["Martin"]),
])
def test_filters(world, filters, expected):
    assert surnames(moves(world, **filters)) == expected


def test_filters_also_take_store_ids(world):
    martin = moves(world, person="Lea Martin").items[0]
    assert moves(world, person=martin.person.id).items == (martin,)
    assert surnames(moves(world, from_org=martin.from_org.id)) == ["Martin", "Dubois"]
    assert surnames(moves(world, org=martin.to_org.id, to_org=martin.to_org.id,
                          since="2024")) == ["Martin"]
    with pytest.raises(NotFoundError):
        moves(world, org=987_654)


def test_limit_and_offset_page_through_with_a_total(world):
    page = moves(world, limit=2, offset=1)
    assert surnames(page) == ALL_MOVERS_NEWEST_FIRST[1:3]
    assert (page.total, page.limit, page.offset) == (7, 2, 1)
    assert surnames(moves(world, limit=None)) == ALL_MOVERS_NEWEST_FIRST
    assert moves(world, offset=50).items == ()
    # Pages across the boundary between dated and undated moves.
    assert surnames(moves(world, limit=2, offset=5)) == ["Haddad", "Verdier"]
    assert surnames(moves(world, limit=2, offset=6)) == ["Verdier"]
    assert surnames(moves(world, limit=None, offset=4)) == ALL_MOVERS_NEWEST_FIRST[4:]


def test_unknown_names_raise_not_found_with_near_matches(world):
    with pytest.raises(NotFoundError) as caught:
        moves(world, org="Orbitall Lab")
    assert caught.value.item == "--org"
    assert "Orbital Labs" in caught.value.hint
    with pytest.raises(NotFoundError) as caught:
        moves(world, person="Tomas Burger")
    assert "Tomas Berger" in caught.value.hint


@pytest.mark.parametrize("options", [{"since": "2024-13"}, {"until": "soon"},
                                     {"since": "2025", "until": "2024"}, {"limit": -1},
                                     {"offset": -3}])
def test_bad_options_are_usage_errors(world, options):
    with pytest.raises(UsageError):
        moves(world, **options)


def test_sources_give_each_evidence_sentence_with_its_article(world):
    texts = {article.id: article.text for article, _ in world_articles()}
    fact = moves(world, person="Lea Martin").items[0]
    result = sources(world, fact.id)
    assert result.fact == fact
    assert [s.article_ext_id for s in result.sources] == ["fr-nimbus-1", "en-nimbus-2"]
    first, second = result.sources
    assert first.title == "Nimbus Robotics recrute sa directrice financière"
    assert first.published == "2024-05-21"
    assert first.url == "https://news.example.test/fr/nimbus-daf"
    assert first.as_written["person"] == "Léa Martin"
    assert second.as_written["role"] == "CFO"
    for source in result.sources:
        assert texts[source.article_ext_id][source.evidence_start:source.evidence_end] \
            == source.evidence
    data = result.to_dict()
    assert data["sources"][0]["evidence"]["text"].startswith("Léa Martin quitte")
    assert data["sources"][1]["article"]["date"] == "2024-06-03"


def test_sources_of_an_unknown_fact_is_not_found(world):
    with pytest.raises(NotFoundError) as caught:
        sources(world, 999_999)
    assert caught.value.item == "999999"


def test_empty_store_lists_nothing_and_names_nothing(empty_store):
    page = moves(empty_store)
    assert (page.items, page.total) == ((), 0)
    with pytest.raises(NotFoundError) as caught:
        moves(empty_store, person="Anyone")
    assert "no person" in caught.value.hint
    with pytest.raises(NotFoundError):
        sources(empty_store, 1)
