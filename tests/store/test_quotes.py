"""Quotes in the store: one quote per words with all its sources, linked to the move."""
from __future__ import annotations

from sqlalchemy import inspect

from talentflow import query
from talentflow.query.articles import article as article_view
from talentflow.core import Article, Evidence, Extraction, Move, Quote
from talentflow.store import open_store
from talentflow.store.schema import SCHEMA_VERSION, meta, quote_sources, quotes

WORDS = "Je pars parce que je veux construire quelque chose de neuf"


def _article(ident: str, prefix: str) -> tuple[Article, Extraction]:
    move_sentence = f"{prefix} Ysolde Vermeer quitte la société Halbrecht."
    text = f"{move_sentence}\n« {WORDS} », a-t-elle dit."
    start = text.index(WORDS)
    move = Move(person="Ysolde Vermeer", from_org="Halbrecht", to_org=None, role=None,
                date="2024-03", evidence=Evidence.of(text, 0, len(move_sentence)))
    quote = Quote(speaker="Ysolde Vermeer", evidence=Evidence.of(text, start, start + len(WORDS)),
                  move=0)
    article = Article(id=ident, text=text, lang="fr", date="2024-03-02")
    return article, Extraction(article_id=ident, lang="fr", moves=(move,), quotes=(quote,))


def test_the_same_quote_from_two_articles_is_one_quote_with_two_sources(store):
    for ident, prefix in (("a", "Lundi,"), ("b", "Selon nos informations,")):
        store.add_article(*_article(ident, prefix))
    found = query.quotes(store, person="Ysolde Vermeer")
    assert len(found) == 1
    quote = found[0]
    assert quote.text == WORDS and quote.speaker.name == "Ysolde Vermeer"
    assert len(quote.sources) == 2
    fact = query.moves(store, person="Ysolde Vermeer").items[0]
    assert quote.fact_ids == (fact.id,)
    assert [q.id for q in query.quotes(store, fact_id=fact.id)] == [quote.id]
    assert [q.id for q in query.quotes(store, org="Halbrecht")] == [quote.id]
    for source in quote.sources:
        text = article_view(store, source.article_id).text
        assert text[source.evidence_start:source.evidence_end] == WORDS


def test_reingesting_an_article_adds_no_source(store):
    store.add_article(*_article("a", "Lundi,"))
    store.add_article(*_article("a", "Lundi,"))
    assert len(query.quotes(store)[0].sources) == 1


def test_a_version_3_store_gets_the_quote_tables(tmp_path):
    path = tmp_path / "old.db"
    with open_store(path) as store:
        with store.write() as conn:
            quote_sources.drop(conn)
            quotes.drop(conn)
            conn.execute(meta.update().values(value="3"))
    with open_store(path) as store:
        assert store.info().schema_version == SCHEMA_VERSION == 5
        with store.read() as conn:
            tables = set(inspect(conn).get_table_names())
        assert {"quotes", "quote_sources"} <= tables
