"""One graph across languages: French and English reports of the same moves are one fact each.

Paired invented articles (people and companies made up) report the same three moves in
different words, and sometimes with a name spelt without its accents. Ingested through
``talentflow.workflow.ingest`` into a fresh SQLite store, each move is one fact with a
source per language, a role key shared by "directrice financière" and "chief financial
officer", while each report keeps the article's own words.
"""
from __future__ import annotations

import json
import unicodedata

import pytest

pytestmark = pytest.mark.model

# (id, lang, text): the French and English report of each move come in pairs
PAIRED_ARTICLES = [
    ("x-fr-1", "fr",
     "Hélène Marchetti a rejoint Lumen Forge au poste de directrice financière, a annoncé "
     "la société. Elle a passé neuf ans dans une banque."),
    ("x-en-1", "en",
     "Helene Marchetti has joined Lumen Forge as chief financial officer, the company "
     "said. Marchetti spent nine years at a bank."),
    ("x-fr-2", "fr",
     "Inès Caradec a été nommée directrice technique de Solvane Systems."),
    ("x-en-2", "en",
     "Ines Caradec was appointed chief technology officer of Solvane Systems on Monday."),
    ("x-fr-3", "fr",
     "Tomas Brekke, PDG de Corvalis, a démissionné."),
    ("x-en-3", "en",
     "Corvalis's chief executive Tomas Brekke resigned, a spokesperson said."),
]

# person -> (organisation, role key, the French words, the English words)
EXPECTED = {
    "Hélène Marchetti": ("Lumen Forge", "cfo", "directrice financière",
                         "chief financial officer"),
    "Inès Caradec": ("Solvane Systems", "cto", "directrice technique", "chief technology officer"),
    "Tomas Brekke": ("Corvalis", "ceo", "PDG", "chief executive"),
}


def folded(name: str) -> str:
    """The name without accents: the store may keep either spelling of a person."""
    return "".join(c for c in unicodedata.normalize("NFKD", name)
                   if not unicodedata.combining(c)).lower()


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    """Ingest every paired article once; yield the facts and reports as plain rows."""
    from sqlalchemy import select

    from talentflow.store import open_store
    from talentflow.store.schema import facts, people, reports
    from talentflow.workflow import ingest

    folder = tmp_path_factory.mktemp("cross")
    path = folder / "paired.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for key, lang, text in PAIRED_ARTICLES:
            handle.write(json.dumps({"id": key, "lang": lang, "date": "2024-06-19",
                                     "title": None, "url": None, "text": text},
                                    ensure_ascii=False) + "\n")
    with open_store(folder / "cross.db") as store:
        summary = ingest(store, [str(path)])
        with store.read() as conn:
            names = {pid: folded(name) for pid, name
                     in conn.execute(select(people.c.id, people.c.name)).all()}
            fact_rows = [dict(r._mapping) for r in conn.execute(
                select(facts).where(facts.c.kind == "move"))]
            report_rows = [dict(r._mapping) for r in conn.execute(
                select(reports).where(reports.c.kind == "move"))]
    yield summary, names, fact_rows, report_rows


def test_every_paired_article_is_ingested(graph):
    summary, _, _, _ = graph
    assert summary.ingested == len(PAIRED_ARTICLES)
    assert not summary.failed


def test_one_fact_per_move_across_languages(graph):
    _, names, fact_rows, _ = graph
    by_person = {}
    for fact in fact_rows:
        by_person.setdefault(names.get(fact["person_id"]), []).append(fact)
    for person in EXPECTED:
        assert len(by_person.get(folded(person), [])) == 1, (person, by_person)
    assert len(fact_rows) == len(EXPECTED)


def test_each_fact_has_a_french_and_an_english_source(graph):
    _, names, fact_rows, report_rows = graph
    for fact in fact_rows:
        sources = {r["article_id"] for r in report_rows if r["fact_id"] == fact["id"]}
        assert fact["n_sources"] == 2, names.get(fact["person_id"])
        assert len(sources) == 2


def test_role_key_is_shared_while_reports_keep_their_own_words(graph):
    _, names, fact_rows, report_rows = graph
    expected = {folded(person): values for person, values in EXPECTED.items()}
    for fact in fact_rows:
        person = names[fact["person_id"]]
        _, key, french, english = expected[person]
        assert fact["role_key"] == key
        words = {r["role"] for r in report_rows if r["fact_id"] == fact["id"]}
        assert words == {french, english}, person
