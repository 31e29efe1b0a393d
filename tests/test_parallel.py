"""--workers N: extraction in worker processes gives the same results, in input order."""
from __future__ import annotations

from talentflow.core import Article, Extraction
from talentflow.parallel import ProcessPoolExtractor, extractor_for
from talentflow.store import open_store
from talentflow.workflow import ingest_articles

# Invented people and companies.
TEXTS = {
    "en-1": "Orla Venkatesan has joined Brightmoor Analytics as chief financial officer. "
            "She was previously finance director at Quillfield Foods.",
    "en-2": "Tobias Arkwright left Nettlestone Robotics to become chief executive of "
            "Harrowgate Systems, the company said on Monday.",
    "en-3": "The weather in the valley stayed mild for the whole week.",
    "fr-1": "Mathilde Carrouge rejoint Lunaris Énergie comme directrice financière. "
            "Elle était auparavant chez Ferrovial Conseil.",
    "fr-2": "Bastien Oudinot quitte Perlimpin Logistique pour rejoindre Vantelle Santé "
            "en tant que directeur général.",
}


def corpus() -> list[Article]:
    return [Article(key, text, lang=key[:2], date="2024-05-02", source=f"tests/{key}.txt")
            for key, text in TEXTS.items()]


def facts_of(results) -> list[tuple]:
    out = []
    for article, result in results:
        assert isinstance(result, Extraction), result
        out.append((article.id, tuple((m.person, m.from_org, m.to_org, m.role)
                                      for m in result.moves)))
    return out


def test_two_workers_extract_the_same_moves_as_one_process_in_input_order():
    from talentflow.nlp import extract_many

    single = facts_of(extract_many(corpus(), batch_size=2))
    pooled = facts_of(ProcessPoolExtractor(2, max_in_flight=2)(corpus(), batch_size=2))
    assert pooled == single
    assert [key for key, _ in pooled] == list(TEXTS)


def test_ingest_with_two_workers_stores_the_same_facts_as_one(tmp_path):
    from sqlalchemy import select

    from talentflow.store.schema import facts

    stored = []
    for workers in (1, 2):
        with open_store(tmp_path / f"w{workers}.db") as store:
            summary = ingest_articles(store, corpus(), extractor=extractor_for(workers),
                                      batch_size=2)
            assert summary.ok and summary.ingested == len(TEXTS)
            with store.read() as conn:
                stored.append(sorted(conn.execute(
                    select(facts.c.kind, facts.c.n_sources)).all()))
    assert stored[0] == stored[1]


def test_one_worker_means_the_in_process_extractor():
    assert extractor_for(None) is None and extractor_for(1) is None
