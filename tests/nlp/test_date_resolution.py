"""One known date expression resolved against a publication date, French and English.

Expressions are invented for these tests. PUB is a Wednesday.
"""
from __future__ import annotations

import pytest

from talentflow.nlp.date_resolution import resolve_date

PUB = "2024-10-02"  # Wednesday 2 October 2024


class TestResolveDate:
    @pytest.mark.parametrize("expr, lang, expected", [
        ("2021", "fr", "2021"),
        ("mai", "fr", "2024-05"),
        ("May", "en", "2024-05"),
        ("décembre", "fr", "2023-12"),
        ("mai dernier", "fr", "2024-05"),
        ("jeudi dernier", "fr", "2024-09-26"),
        ("le 3 septembre", "fr", "2024-09-03"),
        ("3 May 2024", "en", "2024-05-03"),
        ("last year", "en", "2023"),
        ("l'an dernier", "en", "2023"),  # a wrong language hint still resolves
        ("il y a 3 jours", "fr", "2024-09-29"),
    ])
    def test_expressions(self, expr, lang, expected):
        assert resolve_date(expr, lang, PUB) == expected

    def test_relative_without_publication_date_is_none(self):
        assert resolve_date("hier", "fr", None) is None
        assert resolve_date("mai", "fr", None) is None
        assert resolve_date("2021", "fr", None) == "2021"

    def test_empty_and_nonsense(self):
        assert resolve_date("", "fr", PUB) is None
        assert resolve_date("   ", "en", PUB) is None
        assert resolve_date("le conseil d'administration", "fr", PUB) is None


class TestDateparserFallback:
    def test_forms_outside_the_grammar_still_resolve(self):
        assert resolve_date("le trois mars", "fr", PUB) == "2024-03-03"

    def test_story_relative_expressions_are_not_guessed(self):
        assert resolve_date("3 days later", "en", PUB) is None
        assert resolve_date("trois jours plus tard", "fr", PUB) is None
        assert resolve_date("la veille", "fr", PUB) is None


def test_resolve_date_accepts_an_iso_month_as_is():
    assert resolve_date("2024-09", "fr", None) == "2024-09"
    assert resolve_date("2024-13", "fr", None) is None
