"""Foundings and investments in invented French articles (real French model)."""
from __future__ import annotations

import pytest

from .helpers import run

pytestmark = pytest.mark.model


@pytest.fixture(autouse=True)
def _model(fr_nlp):
    """Every test here needs the real French pipeline, loaded once per session."""


def test_founded_in_year_by_named_founders():
    text = "Doctolib, fondée en 2013 par Stanislas Niox-Chateau et Ivan Schneider, recrute."
    result = run(text)
    founding = result.foundings[0]
    assert founding.org == "Doctolib"
    assert founding.date == "2013"
    assert "Stanislas Niox-Chateau" in founding.founders


def test_co_founder_named_as_such_gives_a_founding():
    text = "Selon Léa Marchal, co-fondatrice de Criteo, le marché reste porteur."
    result = run(text)
    assert [(f.org, f.founders) for f in result.foundings] == [("Criteo", ("Léa Marchal",))]
    assert result.moves == ()


def test_investment_with_amount_and_currency():
    text = "Microsoft a investi 2 milliards de dollars dans OpenAI en début d'année."
    result = run(text)
    investment = result.investments[0]
    assert (investment.investor, investment.investee) == ("Microsoft", "OpenAI")
    assert (investment.amount, investment.currency) == (2_000_000_000, "USD")


def test_acquisition_is_not_an_investment():
    text = "Microsoft a racheté la société pour 2 milliards de dollars, puis investi dans OpenAI."
    assert run(text).investments == ()


def test_created_in_a_year_is_a_founding_but_creating_a_post_is_not():
    text = "Selon Marc Ollier, directeur de Solvéo, une association créée en 2004 à Lyon."
    assert [(f.org, f.date) for f in run(text).foundings] == [("Solvéo", "2004")]
    assert run("Airbus va créer un poste de directeur de la stratégie.").foundings == ()


def test_a_person_can_be_the_investor():
    text = "L'homme d'affaires Victor Lemaire a investi 50 millions d'euros dans Ubisoft."
    investment = run(text).investments[0]
    assert (investment.investor, investment.investee) == ("Victor Lemaire", "Ubisoft")
    assert (investment.amount, investment.currency) == (50_000_000, "EUR")
