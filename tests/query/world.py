"""Stores for the read-side tests, on SQLite and on PostgreSQL (imported by conftest.py).

The articles below are invented for these tests (people, companies and wording); they
are stored through the write side's public API (``Store.add_article``) with hand-built
extractions, so the read side is tested on facts merged exactly as in production.

PostgreSQL: each store gets its own database on the server named by
TALENTFLOW_TEST_PG_URL (scripts/services.sh starts one), dropped at the end; without
that variable the PostgreSQL cases skip locally and fail in CI (CI=true).
"""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from talentflow.core import Article, Evidence, Extraction, Founding, Investment, Move
from talentflow.store import open_store



def _sentence(text_: str, fragment: str) -> Evidence:
    start = text_.index(fragment)
    return Evidence.of(text_, start, start + len(fragment))


def _article(ext_id: str, body: str, *, lang: str, date: str | None, title: str,
             url: str | None) -> Article:
    return Article(ext_id, body, lang=lang, date=date, title=title, url=url,
                   source=f"tests:{ext_id}")


def _move(body: str, sentence: str, person: str, from_org: str | None, to_org: str | None,
          role: str | None, date: str | None, confidence: float = 0.7) -> Move:
    return Move(person, from_org, to_org, role, date, _sentence(body, sentence), confidence)


def world_articles() -> list[tuple[Article, Extraction]]:
    """Six invented articles: one move told twice, flows between three companies, an
    undated appointment, a departure with no destination, a founding and an investment."""
    items: list[tuple[Article, Extraction]] = []

    body = ("Nouvelle recrue chez Nimbus Robotics. Léa Martin quitte Orbital Labs pour "
            "rejoindre Nimbus Robotics comme directrice financière en mai 2024. "
            "Elle y retrouve une équipe en pleine croissance.")
    s1 = ("Léa Martin quitte Orbital Labs pour rejoindre Nimbus Robotics comme directrice "
          "financière en mai 2024.")
    items.append((_article("fr-nimbus-1", body, lang="fr", date="2024-05-21",
                           title="Nimbus Robotics recrute sa directrice financière",
                           url="https://news.example.test/fr/nimbus-daf"),
                  Extraction("fr-nimbus-1", "fr", moves=(
                      _move(body, s1, "Léa Martin", "Orbital Labs", "Nimbus Robotics",
                            "directrice financière", "2024-05", 0.8),))))

    body = ("Robot maker Nimbus Robotics has hired Lea Martin as its CFO this year. "
            "Nimbus Robotics, founded by Hugo Perrin in 2019, builds warehouse robots. "
            "In February 2024 Helios Ventures invested 20 million euros in Nimbus Robotics.")
    items.append((_article("en-nimbus-2", body, lang="en", date="2024-06-03",
                           title="Nimbus Robotics names a CFO",
                           url="https://news.example.test/en/nimbus-cfo"),
                  Extraction("en-nimbus-2", "en", moves=(
                      _move(body, "Robot maker Nimbus Robotics has hired Lea Martin as its "
                                  "CFO this year.", "Lea Martin", None, "Nimbus Robotics",
                            "CFO", "2024", 0.6),),
                      foundings=(Founding("Nimbus Robotics", ("Hugo Perrin",), "2019",
                                          _sentence(body, "Nimbus Robotics, founded by Hugo "
                                                          "Perrin in 2019, builds warehouse "
                                                          "robots."), 0.8),),
                      investments=(Investment("Helios Ventures", "Nimbus Robotics", 20e6, "EUR",
                                              "2024-02", _sentence(body, "In February 2024 "
                                              "Helios Ventures invested 20 million euros in "
                                              "Nimbus Robotics."), 0.7),))))

    body = ("Quartz Analytics poaches again. Tomas Berger left Nimbus Robotics to join "
            "Quartz Analytics as head of research in March 2023. Separately, Marc Dubois moved "
            "from Orbital Labs Inc. to Nimbus Robotics in September 2023. Ines Garcia stepped "
            "down from Quartz Analytics in November 2023.")
    items.append((_article("en-quartz-3", body, lang="en", date="2023-12-01",
                           title="Quartz Analytics hires from Nimbus", url=None),
                  Extraction("en-quartz-3", "en", moves=(
                      _move(body, "Tomas Berger left Nimbus Robotics to join Quartz Analytics "
                                  "as head of research in March 2023.", "Tomas Berger",
                            "Nimbus Robotics", "Quartz Analytics", "head of research",
                            "2023-03"),
                      _move(body, "Marc Dubois moved from Orbital Labs Inc. to Nimbus Robotics "
                                  "in September 2023.", "Marc Dubois", "Orbital Labs Inc.",
                            "Nimbus Robotics", None, "2023-09"),
                      _move(body, "Ines Garcia stepped down from Quartz Analytics in November "
                                  "2023.", "Ines Garcia", "Quartz Analytics", None, None,
                            "2023-11")))))

    body = ("Karim Haddad rejoint Orbital Labs en 2022, après six ans chez Quartz Analytics. "
            "Quartz Analytics a été fondée par Inès Garcia en 2015.")
    items.append((_article("fr-orbital-4", body, lang="fr", date="2022-09-14",
                           title="Orbital Labs accueille Karim Haddad",
                           url="https://news.example.test/fr/orbital-haddad"),
                  Extraction("fr-orbital-4", "fr", moves=(
                      _move(body, "Karim Haddad rejoint Orbital Labs en 2022, après six ans "
                                  "chez Quartz Analytics.", "Karim Haddad", "Quartz Analytics",
                            "Orbital Labs", None, "2022"),),
                      foundings=(Founding("Quartz Analytics", ("Inès Garcia",), "2015",
                                          _sentence(body, "Quartz Analytics a été fondée par "
                                                          "Inès Garcia en 2015."), 0.7),))))

    body = ("Paul Verdier est nommé directeur général de Nimbus Robotics. Il succède au "
            "fondateur, qui reste au conseil.")
    items.append((_article("fr-nimbus-5", body, lang="fr", date=None,
                           title="Un nouveau directeur général chez Nimbus", url=None),
                  Extraction("fr-nimbus-5", "fr", moves=(
                      _move(body, "Paul Verdier est nommé directeur général de Nimbus "
                                  "Robotics.", "Paul Verdier", None, "Nimbus Robotics",
                            "directeur général", None),))))

    body = ("Sofia Lindqvist joins Nova Deep Systems from Quartz Analytics in January 2024 "
            "as chief scientist.")
    items.append((_article("en-nova-6", body, lang="en", date="2024-01-10",
                           title="Nova Deep Systems hires a chief scientist",
                           url="https://news.example.test/en/nova"),
                  Extraction("en-nova-6", "en", moves=(
                      _move(body, body, "Sofia Lindqvist", "Quartz Analytics",
                            "Nova Deep Systems", "chief scientist", "2024-01"),))))
    return items


def _backends() -> list:
    return ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _new_store_url(backend: str, request, tmp_path_factory) -> str:
    if backend == "sqlite":
        return str(tmp_path_factory.mktemp("store") / "talentflow.db")
    return request.getfixturevalue("pg_databases").create()


@pytest.fixture(scope="session", params=_backends())
def world_url(request, tmp_path_factory) -> str:
    """URL of a store holding :func:`world_articles`, shared read-only by the tests."""
    url = _new_store_url(request.param, request, tmp_path_factory)
    with open_store(url) as store:
        for article, extraction in world_articles():
            store.add_article(article, extraction)
    return url


@pytest.fixture
def world(world_url) -> Iterator:
    with open_store(world_url) as store:
        yield store


@pytest.fixture(params=_backends())
def empty_store(request, tmp_path_factory) -> Iterator:
    with open_store(_new_store_url(request.param, request, tmp_path_factory)) as store:
        yield store
