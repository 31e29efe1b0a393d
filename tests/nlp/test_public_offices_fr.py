"""Public offices in invented French articles: governments, armed forces, parties, successions
between two title holders (real French model)."""
from __future__ import annotations

import pytest

from .helpers import assert_evidence, move_of, run

pytestmark = pytest.mark.model


@pytest.fixture(autouse=True)
def _model(fr_nlp):
    """Every test here needs the real French pipeline, loaded once per session."""


def test_nationality_after_a_public_title_names_that_government():
    text = ("Marisol Ortega, nouvelle ministre chilienne des Mines, a présenté mardi son "
            "premier budget.")
    move = move_of(run(text), "Marisol Ortega")
    assert (move.from_org, move.to_org) == (None, "gouvernement chilien")
    assert move.role == "ministre"
    assert_evidence(text, move, "Marisol Ortega")


def test_a_head_of_government_resigning_leaves_the_government_of_his_nationality():
    text = "Le chancelier autrichien Lukas Brenner a démissionné vendredi soir."
    move = move_of(run(text), "Lukas Brenner")
    assert (move.from_org, move.to_org) == ("gouvernement autrichien", None)
    assert move.role == "chancelier"
    assert_evidence(text, move, "Lukas Brenner")


def test_armed_forces_named_by_a_common_noun_after_a_title():
    text = "Le général Henri Vasseur a été nommé chef d'état-major de la marine en avril."
    move = move_of(run(text), "Henri Vasseur")
    assert move.to_org == "marine"
    assert move.role == "chef d'état-major de la marine"
    assert move.date == "2024-04"
    assert_evidence(text, move, "Henri Vasseur")


def test_each_side_of_a_succession_keeps_the_title_set_beside_it():
    text = ("Anne Kervella, patronne de Brixton Labs, remplace à partir de lundi "
            "Marc Olivieri, directeur de Vantor depuis 2015.")
    result = run(text)
    arriving = move_of(result, "Anne Kervella")
    assert (arriving.from_org, arriving.to_org) == ("Brixton Labs", "Vantor")
    leaving = move_of(result, "Marc Olivieri")
    assert (leaving.from_org, leaving.to_org) == ("Vantor", None)
    assert leaving.role == "directeur"
    assert_evidence(text, leaving, "Marc Olivieri")


def test_a_party_after_an_elected_title_is_a_label_not_an_employer():
    text = ("Sandrine Aubert, députée du PDR, rejoint Thales comme directrice des affaires "
            "publiques.")
    move = move_of(run(text), "Sandrine Aubert")
    assert (move.from_org, move.to_org) == (None, "Thales")


def test_ending_the_mandate_of_someone_moves_that_person_not_the_employer():
    text = ("Le conseil de Michelin a décidé mardi de mettre fin au mandat de Léa Fontaine, "
            "sa directrice juridique.")
    move = move_of(run(text), "Léa Fontaine")
    assert (move.from_org, move.to_org) == ("Michelin", None)
    assert move.role == "directrice juridique"
    assert_evidence(text, move, "Léa Fontaine")


def test_a_departure_noun_reaches_its_person_through_a_chain_of_complements():
    text = "On apprend le départ de la direction financière de Thales de l'ingénieur Tom Verhoeven."
    move = move_of(run(text), "Tom Verhoeven")
    assert (move.from_org, move.to_org) == ("Thales", None)


def test_calling_for_a_resignation_is_no_move():
    text = "Les syndicats ont demandé la démission du directeur de Renault, Paul Leroy."
    assert not [m for m in run(text).moves if m.person == "Paul Leroy"]


def test_a_weekday_after_the_portfolio_is_not_part_of_the_title():
    text = "Bastien Roussel a été nommé ministre de la Transition numérique jeudi."
    move = move_of(run(text), "Bastien Roussel")
    assert move.role == "ministre de la Transition numérique"
    assert move.date == "2024-06-13"
    assert_evidence(text, move, "Bastien Roussel")


def test_leaving_the_presidency_of_a_country_leaves_that_country():
    text = "Jean Abidi a quitté la présidence de la Tunisie en 2011, après douze ans."
    move = move_of(run(text), "Jean Abidi")
    assert (move.from_org, move.to_org) == ("Tunisie", None)
    assert move.role.startswith("présidence")
    assert move.date == "2011"
    assert_evidence(text, move, "Jean Abidi")
