"""Less common French ways of saying a move, each in an invented article (real French model):
a post lost or handed over, a ruler driven from power, an expulsion, a taking up of duties."""
from __future__ import annotations

import pytest

from .helpers import assert_evidence, move_of, run

pytestmark = pytest.mark.model


@pytest.fixture(autouse=True)
def _model(fr_nlp):
    """Every test here needs the real French pipeline, loaded once per session."""


def test_a_lost_post_is_a_departure():
    text = "Ana Kerval a perdu son poste de directrice financière chez Brenva en mars."
    move = move_of(run(text), "Ana Kerval")
    assert (move.from_org, move.to_org) == ("Brenva", None)
    assert move.role == "directrice financière"
    assert move.date == "2024-03"
    assert_evidence(text, move, "Ana Kerval")


def test_handing_over_ones_duties_is_a_departure():
    text = "Tomas Lendre a cédé ses fonctions de président de Kalmio à Inès Baro en janvier."
    move = move_of(run(text), "Tomas Lendre")
    assert (move.from_org, move.to_org) == ("Kalmio", None)
    assert move.role == "président"


def test_a_ruler_driven_from_power_leaves_the_government():
    text = "Le président ghanéen Ado Kessé a été chassé du pouvoir en 2009."
    move = move_of(run(text), "Ado Kessé")
    assert (move.from_org, move.to_org) == ("gouvernement ghanéen", None)
    assert move.date == "2009"


def test_an_expelled_member_leaves_the_party():
    text = "Pierre Malandain a été exclu du Parti socialiste en mai."
    move = move_of(run(text), "Pierre Malandain")
    assert (move.from_org, move.to_org) == ("Parti socialiste", None)


def test_taking_up_duties_is_an_arrival():
    text = "La prise de fonctions de Lucie Armand à la tête de Quorvel a eu lieu lundi."
    move = move_of(run(text), "Lucie Armand")
    assert (move.from_org, move.to_org) == (None, "Quorvel")


def test_an_adverb_between_devenir_and_the_title():
    text = "Irène Valcourt est devenue depuis la directrice générale de Vantor."
    move = move_of(run(text), "Irène Valcourt")
    assert (move.from_org, move.to_org) == (None, "Vantor")
    assert move.role == "directrice générale"


def test_a_town_named_after_a_verb_of_leaving_is_its_club():
    text = "L'attaquant Malik Tessier a rejoint Bordeaux en provenance de Rennes."
    move = move_of(run(text), "Malik Tessier")
    assert (move.from_org, move.to_org) == ("Rennes", "Bordeaux")


def test_a_loan_names_the_lending_club_as_origin():
    text = ("Le défenseur Yanis Morel a rejoint le Stade Valmontois, prêté par l'Olympique "
            "de Brenne jusqu'en juin.")
    move = move_of(run(text), "Yanis Morel")
    assert (move.from_org, move.to_org) == ("Olympique de Brenne", "Stade Valmontois")
