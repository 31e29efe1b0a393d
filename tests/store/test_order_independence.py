"""Property: any order and any repetition of a set of articles gives the same facts."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from talentflow.store import open_store
from talentflow.store.schema import metadata, organisations, people

from .builders import (fact_summaries, founding_article, investment_article, move_article,
                       without_ids)

# Invented articles chosen to exercise every order-sensitive rule: spelling variants,
# a fuzzy match that only a later article makes possible, shipped aliases, a partial
# report that could join either of two moves, conflicting dates, foundings, investments.
ARTICLES = [
    move_article("p1", "Jon Carraway rejoint Fennel Data en 2021.", "Jon Carraway", None,
                 "Fennel Data", date="2021", confidence=0.5),
    move_article("p2", "John Carraway quitte Sorrel Bank en 2020.", "John Carraway",
                 "Sorrel Bank", None, date="2020", confidence=0.6),
    move_article("p3", "John Carraway passe de Sorrel Bank à Fennel Data en mai 2021.",
                 "John Carraway", "Sorrel Bank", "Fennel Data", role="CTO", date="2021-05",
                 confidence=0.8),
    move_article("p4", "Élise Marceau quitte DeepMind pour Open AI en juin 2023.",
                 "Élise Marceau", "DeepMind", "Open AI", role="chercheuse", date="2023-06"),
    move_article("p5", "Elise Marceau joined OpenAI from Google DeepMind in July 2023.",
                 "Elise Marceau", "Google DeepMind", "OpenAI", role="researcher",
                 date="2023-07", lang="en"),
    move_article("p6", "Élise Marceau rejoint OpenAI Inc.", "Élise Marceau", None, "OpenAI Inc."),
    move_article("p7", "Élise Marceau rejoint Sorrel Bank en 2016.", "Élise Marceau", None,
                 "Sorrel Bank", date="2016"),
    founding_article("p8", "Fennel Data a été fondée par Ida Brun en 2017.", "Fennel Data",
                     ("Ida Brun",), "2017"),
    founding_article("p9", "Fennel Data SAS, cofondée par Ida Brun et Noé Vidal.",
                     "Fennel Data SAS", ("Ida Brun", "Noé Vidal")),
    investment_article("p10", "Sorrel Bank investit 5 millions d'euros dans Fennel Data.",
                       "Sorrel Bank", "Fennel Data", 5e6, date="2022-03"),
    investment_article("p11", "Fennel Data lève 5 millions d'euros en 2022.", None,
                       "Fennel Data", 5e6, date="2022"),
]


def ingest_in_order(order: list[int], url: str = "sqlite:///:memory:"
                    ) -> tuple[list[dict], list[str], list[str]]:
    with open_store(url) as store:
        with store.write() as conn:  # a reused database starts empty
            for table in reversed(metadata.sorted_tables):
                if table.name != "meta":
                    conn.execute(table.delete())
        for index in order:
            store.add_article(*ARTICLES[index])
        with store.read() as conn:
            names = sorted(conn.execute(select(people.c.name)).scalars())
            orgs = sorted(conn.execute(select(organisations.c.name)).scalars())
        return without_ids(fact_summaries(store)), names, orgs


BASELINE = ingest_in_order(list(range(len(ARTICLES))))


def test_baseline_is_what_the_articles_say():
    facts, names, orgs = BASELINE
    assert names == ["Ida Brun", "John Carraway", "Noé Vidal", "Élise Marceau"]
    assert orgs == ["Fennel Data", "Google DeepMind", "OpenAI", "Sorrel Bank"]
    moves = [f for f in facts if f["kind"] == "move"]
    # Carraway: the 2021 move (p1 + p3) and the 2020 departure, too far apart to be one;
    # Marceau: the 2023 move and the 2016 one.
    assert len(moves) == 4
    carraway = next(f for f in moves if f["to"] == "Fennel Data")
    assert carraway["sources"] == ["p1", "p3"] and carraway["date"] == "2021-05"
    openai = next(f for f in moves if f["to"] == "OpenAI")
    assert openai["sources"] == ["p4", "p5", "p6"]
    assert openai["conflicts"]["date"] == ["2023-06", "2023-07"]


orders = st.permutations(range(len(ARTICLES))).flatmap(
    lambda perm: st.lists(st.sampled_from(range(len(ARTICLES))), max_size=5)
    .flatmap(lambda extra: st.permutations(list(perm) + extra)))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(orders)
def test_any_order_and_repetition_gives_the_same_facts(order):
    assert ingest_in_order(order) == BASELINE


@pytest.mark.postgres
def test_same_facts_on_postgresql_in_any_order(pg_databases):
    url = pg_databases.create()

    @settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
    @given(orders)
    def check(order):
        assert ingest_in_order(order, url) == BASELINE

    check()
