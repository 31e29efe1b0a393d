"""The write side of the store on SQLite and PostgreSQL: articles, resolution, merging."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from talentflow.core import Article, Evidence, Extraction, Move
from talentflow.core.errors import ExtractionError, NotFoundError, UsageError
from talentflow.store import open_store
from talentflow.store.schema import SCHEMA_VERSION, articles, facts, people, reports

from .builders import (fact_summaries, founding_article, investment_article,
                                  move_article)


def count(store, table) -> int:
    with store.read() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


# Four invented articles reporting one move: different wordings, languages and an
# accent-less spelling of the person; one gives only the destination.
SAME_MOVE = [
    move_article("m1", "Margaux Lefèvre quitte Vireo Labs et rejoint Helix Dynamics comme "
                 "directrice financière en mars 2024.", "Margaux Lefèvre", "Vireo Labs",
                 "Helix Dynamics", role="directrice financière", date="2024-03",
                 confidence=0.7),
    move_article("m2", "Helix Dynamics Inc. has hired Margaux Lefevre, formerly of Vireo Labs, "
                 "as CFO on 12 March 2024.", "Margaux Lefevre", "Vireo Labs",
                 "Helix Dynamics Inc.", role="CFO", date="2024-03-12", lang="en",
                 confidence=0.6),
    move_article("m3", "Arrivée de Margaux Lefèvre chez Helix Dynamics cette année.",
                 "Margaux Lefèvre", None, "Helix Dynamics", date="2024", confidence=0.5),
    move_article("m4", "HELIX DYNAMICS SAS annonce l'arrivée de Margaux LEFÈVRE.",
                 "Margaux LEFÈVRE", None, "HELIX DYNAMICS SAS", confidence=0.5),
]


def test_new_store_records_schema_version(store):
    info = store.info()
    assert info.schema_version == SCHEMA_VERSION
    assert info.counts["articles"] == 0 and info.counts["facts"] == 0


def test_same_move_from_several_articles_is_one_fact_with_all_sources(store):
    for art, extraction in SAME_MOVE:
        assert store.add_article(art, extraction).created
    [fact] = fact_summaries(store)
    assert fact["person"] == "Margaux Lefèvre"
    assert (fact["from"], fact["to"]) == ("Vireo Labs", "Helix Dynamics")
    assert fact["sources"] == ["m1", "m2", "m3", "m4"] and fact["n_sources"] == 4
    assert fact["date"] == "2024-03-12"  # the most precise date wins
    assert fact["role_key"] == "cfo" and fact["conflicts"] is None
    assert 0.7 < fact["confidence"] <= 0.99  # independent sources raise it
    assert count(store, people) == 1


def test_accented_spelling_names_the_person_when_spellings_tie(store):
    # two reports each way: the accent-less spelling has only lost letters
    for art, extraction in (SAME_MOVE[1], SAME_MOVE[0],
                            move_article("m5", "Margaux Lefevre joins Helix Dynamics.",
                                         "Margaux Lefevre", None, "Helix Dynamics", lang="en"),
                            SAME_MOVE[2]):
        store.add_article(art, extraction)
    [fact] = fact_summaries(store)
    assert fact["person"] == "Margaux Lefèvre"


def test_ingesting_the_same_article_again_changes_nothing(store):
    art, extraction = SAME_MOVE[0]
    first = store.add_article(art, extraction)
    before = fact_summaries(store)
    again = store.add_article(art, extraction)
    assert not again.created and again.article_id == first.article_id
    assert fact_summaries(store) == before
    assert count(store, reports) == 1 and store.is_known(art)


def test_articles_are_unique_by_url_too(store):
    art, extraction = move_article("u1", "Paul Ferrand rejoint Kestrel Bank.", "Paul Ferrand",
                                   None, "Kestrel Bank", url="https://news.example.test/a")
    store.add_article(art, extraction)
    updated = Article("u1-bis", art.text + " Mise à jour.", url=art.url)
    assert store.is_known(updated)
    assert not store.add_article(updated, Extraction("u1-bis", "fr")).created
    assert count(store, articles) == 1


def test_conflicting_roles_and_near_dates_are_kept_visible(store):
    store.add_article(*move_article("c1", "Ana Costa devient directrice technique de Pelican "
                                    "Soft en janvier 2023.", "Ana Costa", None, "Pelican Soft",
                                    role="directrice technique", date="2023-01"))
    store.add_article(*move_article("c2", "Pelican Soft a recruté Ana Costa comme directrice "
                                    "marketing en février 2023.", "Ana Costa", None,
                                    "Pelican Soft", role="directrice marketing", date="2023-02"))
    [fact] = fact_summaries(store)
    assert fact["n_sources"] == 2
    assert fact["conflicts"]["date"] == ["2023-01", "2023-02"]
    assert len(fact["conflicts"]["role"]) == 2


def test_a_return_years_later_is_another_move(store):
    store.add_article(*move_article("r1", "Ana Costa rejoint Pelican Soft en 2015.", "Ana Costa",
                                    None, "Pelican Soft", date="2015"))
    store.add_article(*move_article("r2", "Ana Costa revient chez Pelican Soft en 2022.",
                                    "Ana Costa", "Gannet Tech", "Pelican Soft", date="2022"))
    assert sorted(f["date"] for f in fact_summaries(store)) == ["2015", "2022"]


def test_different_origins_are_different_moves(store):
    store.add_article(*move_article("d1", "Ana Costa passe de Gannet Tech à Pelican Soft.",
                                    "Ana Costa", "Gannet Tech", "Pelican Soft"))
    store.add_article(*move_article("d2", "Ana Costa passe de Heron Data à Pelican Soft.",
                                    "Ana Costa", "Heron Data", "Pelican Soft"))
    assert len(fact_summaries(store)) == 2


def test_shipped_aliases_and_legal_suffixes_resolve_to_one_organisation(store):
    store.add_article(*move_article("s1", "Ilya Marchetti quitte DeepMind pour Open AI.",
                                    "Ilya Marchetti", "DeepMind", "Open AI"))
    store.add_article(*move_article("s2", "Nora Quint passe de Google DeepMind à OpenAI Inc.",
                                    "Nora Quint", "Google DeepMind", "OpenAI Inc."))
    summaries = fact_summaries(store)
    assert {(f["from"], f["to"]) for f in summaries} == {("Google DeepMind", "OpenAI")}


def test_fuzzy_spelling_merges_only_with_a_shared_organisation(store):
    store.add_article(*move_article("f1", "Jon Smithers rejoint Acorn Metrics en 2021.",
                                    "Jon Smithers", None, "Acorn Metrics", date="2021"))
    store.add_article(*move_article("f2", "John Smithers quitte Birch Capital en 2020.",
                                    "John Smithers", "Birch Capital", None, date="2020"))
    assert count(store, people) == 2  # same surname, similar name, no shared organisation
    store.add_article(*move_article("f3", "John Smithers a rejoint Acorn Metrics en 2021.",
                                    "John Smithers", None, "Acorn Metrics", date="2021"))
    assert count(store, people) == 1
    by_date = {f["date"]: f for f in fact_summaries(store)}
    assert by_date["2021"]["person"] == "John Smithers"
    assert by_date["2021"]["sources"] == ["f1", "f3"]


def test_different_given_names_at_one_organisation_stay_apart(store):
    store.add_article(*move_article("g1", "Marie Dorval rejoint Acorn Metrics.", "Marie Dorval",
                                    None, "Acorn Metrics"))
    store.add_article(*move_article("g2", "Mario Dorval rejoint Acorn Metrics.", "Mario Dorval",
                                    None, "Acorn Metrics"))
    store.add_article(*move_article("g3", "Pierre Dorval rejoint Acorn Metrics.",
                                    "Pierre Dorval", None, "Acorn Metrics"))
    assert count(store, people) == 3


def test_foundings_merge_by_organisation_with_all_founders(store):
    store.add_article(*founding_article("fo1", "Lumen Grid a été fondée en 2019 par Eva Roux.",
                                        "Lumen Grid", ("Eva Roux",), "2019"))
    store.add_article(*founding_article("fo2", "Lumen Grid SA, cofondée par Eva Roux et Luc "
                                        "Abel.", "Lumen Grid SA", ("Eva Roux", "Luc Abel")))
    [fact] = fact_summaries(store)
    assert fact["kind"] == "founding" and fact["to"] == "Lumen Grid"
    assert fact["founders"] == ["Eva Roux", "Luc Abel"] and fact["date"] == "2019"
    assert fact["n_sources"] == 2


def test_investments_merge_when_amounts_are_close(store):
    store.add_article(*investment_article("i1", "Tern Capital investit 10 millions d'euros dans "
                                          "Lumen Grid.", "Tern Capital", "Lumen Grid", 10e6,
                                          date="2024-02"))
    store.add_article(*investment_article("i2", "Lumen Grid lève 10,2 millions d'euros.", None,
                                          "Lumen Grid", 10.2e6, date="2024"))
    store.add_article(*investment_article("i3", "Tern Capital remet 50 millions dans Lumen Grid.",
                                          "Tern Capital", "Lumen Grid", 50e6, date="2024-02"))
    summaries = fact_summaries(store)
    assert sorted((f["amount"], f["n_sources"]) for f in summaries) == [(10e6, 2), (50e6, 1)]
    assert {f["from"] for f in summaries} == {"Tern Capital"}


def test_bad_evidence_offsets_fail_the_article_and_write_nothing(store):
    body = "Ana Costa rejoint Pelican Soft."
    bad = Move("Ana Costa", None, "Pelican Soft", None, None, Evidence(0, 9, "Ana Cost!"))
    with pytest.raises(ExtractionError, match="does not match"):
        store.add_article(Article("bad", body), Extraction("bad", "fr", moves=(bad,)))
    assert count(store, articles) == 0 and count(store, people) == 0


def test_a_crash_mid_article_leaves_nothing_half_written(store, monkeypatch):
    import talentflow.store.store as store_module

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(store_module, "remerge", crash)
    with pytest.raises(KeyboardInterrupt):
        store.add_article(*SAME_MOVE[0])
    assert count(store, articles) == 0 and count(store, reports) == 0
    assert count(store, people) == 0
    monkeypatch.undo()
    assert store.add_article(*SAME_MOVE[0]).created


def test_moves_without_person_or_organisation_are_dropped_with_a_reason(store):
    art, _ = move_article("x", "Quelqu'un est parti.", "", None, None)
    extraction = Extraction("x", "fr", moves=(Move("", None, "Acorn", None, None,
                                                   Evidence.of(art.text, 0, 5)),))
    result = store.add_article(art, extraction)
    assert result.created and result.n_reports == 0 and result.dropped


def test_unmerge_splits_a_report_and_survives_later_ingestion(store):
    for art, extraction in SAME_MOVE[:3]:
        store.add_article(art, extraction)
    [fact] = fact_summaries(store)
    with store.read() as conn:
        report_id = conn.execute(select(reports.c.id).join(articles).where(
            articles.c.ext_id == "m3")).scalar_one()
    with pytest.raises(UsageError):
        store.unmerge(report_id, fact_id=fact["id"] + 1000)
    new_fact = store.unmerge(report_id, fact_id=fact["id"])
    assert new_fact != fact["id"]
    store.add_article(*SAME_MOVE[3])
    summaries = {f["id"]: f["sources"] for f in fact_summaries(store)}
    assert summaries[new_fact] == ["m3"]
    assert summaries[fact["id"]] == ["m1", "m2", "m4"]  # the kept fact id is stable
    with pytest.raises(NotFoundError):
        store.unmerge(999_999)


def test_user_alias_merges_people_and_can_be_removed(store):
    store.add_article(*move_article("a1", "Durand Kessel rejoint Osprey Robotics.",
                                    "Durand Kessel", None, "Osprey Robotics", date="2023"))
    store.add_article(*move_article("a2", "Diederick Kessel est arrivé chez Osprey Robotics.",
                                    "Diederick Kessel", "Wren AI", "Osprey Robotics",
                                    date="2023-04"))
    assert len(fact_summaries(store)) == 2
    info = store.add_alias("Durand Kessel", "Diederick Kessel")
    assert (info.kind, info.canonical, info.origin) == ("person", "Diederick Kessel", "user")
    [fact] = fact_summaries(store)
    assert fact["person"] == "Diederick Kessel" and fact["sources"] == ["a1", "a2"]
    assert [(a.alias, a.canonical) for a in store.aliases()] == [("Durand Kessel",
                                                                  "Diederick Kessel")]
    # A later article under the alias lands on the canonical person.
    store.add_article(*move_article("a3", "Durand Kessel, nouvel arrivant chez Osprey Robotics.",
                                    "Durand Kessel", None, "Osprey Robotics"))
    assert [f["sources"] for f in fact_summaries(store)] == [["a1", "a2", "a3"]]
    store.remove_alias("Durand Kessel")
    assert {f["person"]: f["sources"] for f in fact_summaries(store)} == {
        "Diederick Kessel": ["a2"], "Durand Kessel": ["a1", "a3"]}
    assert store.aliases() == []


def test_alias_for_organisations_and_usage_errors(store):
    store.add_article(*move_article("o1", "Lina Ortiz quitte Kestrel Bank pour KB Markets.",
                                    "Lina Ortiz", "Kestrel Bank", "KB Markets"))
    with pytest.raises(UsageError, match="--kind"):
        store.add_alias("Nobody Known", "Nobody Either")
    with pytest.raises(UsageError, match="same name"):
        store.add_alias("kestrel-bank", "Kestrel Bank")
    info = store.add_alias("KB Markets", "Kestrel Bank")
    assert info.kind == "org"
    [fact] = fact_summaries(store)
    assert (fact["from"], fact["to"]) == ("Kestrel Bank", "Kestrel Bank")
    with pytest.raises(UsageError, match="shipped"):
        store.remove_alias("DeepMind", kind="org")
    with pytest.raises(NotFoundError):
        store.remove_alias("Never Seen", kind="person")
    store.remove_alias("KB Markets", kind="org")
    [fact] = fact_summaries(store)
    assert fact["to"] == "KB Markets"


def test_fuzzy_alias_removed_stays_removed(store):
    store.add_article(*move_article("z1", "Jon Smithers rejoint Acorn Metrics.", "Jon Smithers",
                                    None, "Acorn Metrics"))
    store.add_article(*move_article("z2", "John Smithers rejoint Acorn Metrics.",
                                    "John Smithers", None, "Acorn Metrics"))
    [alias] = store.aliases()
    assert alias.origin == "fuzzy"
    store.remove_alias(alias.alias, kind="person")
    assert count(store, people) == 2
    store.add_article(*move_article("z3", "Jon Smithers est chez Acorn Metrics.", "Jon Smithers",
                                    None, "Acorn Metrics"))
    assert count(store, people) == 2


def test_reopening_an_existing_store_keeps_data(store_url):
    with open_store(store_url) as store:
        store.add_article(*SAME_MOVE[0])
    with open_store(store_url) as store:
        assert store.info().counts["moves"] == 1
        assert count(store, facts) == 1


def test_odd_values_from_inputs_are_stored_safely(store):
    body = "X" * 50 + " rejoint Acorn Metrics."
    long_name = "Jean " + "Très-Long-Nom " * 60
    art = Article("odd", body, lang="fr", date="le 3 mai", url="https://e.test/" + "x" * 3000)
    move = Move(long_name, None, "Acorn Metrics", "CTO", "2024-02-30",
                Evidence.of(body, 0, len(body)))
    assert store.add_article(art, Extraction("odd", "fr", moves=(move,))).created
    [fact] = fact_summaries(store)
    assert fact["date"] is None and len(fact["person"]) <= 300
    with store.read() as conn:
        row = conn.execute(select(articles.c.published, articles.c.url)).one()
    assert tuple(row) == (None, None)


def test_get_or_create_recovers_from_a_lost_race(store):
    from talentflow.store import entities

    with store.write() as conn:
        first = entities.resolve_person(conn, "Ada Quinlan")
        # A writer that skipped the lookup (as a concurrent one would) hits the unique key
        # and gets the existing row back instead of an error, in the same transaction.
        assert entities._create_person(conn, "ADA QUINLAN", "name") == first
        org = entities.resolve_org(conn, "Juniper Works")
        assert entities._create_org(conn, "Juniper Works SAS", "name") == org
    assert count(store, people) == 1
