"""Boards and posts announced for several people, and a possessive standing for the person
who moves (invented French articles, real French model)."""
from __future__ import annotations

import pytest

from .helpers import assert_evidence, move_of, run

pytestmark = pytest.mark.model


@pytest.fixture(autouse=True)
def _model(fr_nlp):
    """Every test here needs the real French pipeline, loaded once per session."""


def test_a_board_welcoming_a_list_of_people_as_directors_appoints_each():
    text = ("Lors de son assemblée de mars, le conseil d'administration de Michelin a accueilli "
            "Hugo Ferrand, Léa Fontaine et Karim Djebbar comme administrateurs.")
    result = run(text)
    for person in ("Hugo Ferrand", "Léa Fontaine", "Karim Djebbar"):
        move = move_of(result, person)
        assert (move.from_org, move.to_org) == (None, "Michelin")
        assert move.role == "administrateurs"
        assert_evidence(text, move, person)


def test_welcoming_someone_with_a_post_takes_the_employer_named_before():
    text = ("Michelin se renforce. En mars, le groupe a accueilli Léa Fontaine au poste de "
            "directrice juridique.")
    move = move_of(run(text), "Léa Fontaine")
    assert move.to_org == "Michelin"
    assert move.role == "directrice juridique"
    assert move.date == "2024-03"
    assert_evidence(text, move, "Léa Fontaine")


def test_welcoming_without_a_post_is_no_move():
    text = "La ville de Nantes a accueilli Hugo Ferrand pour une conférence sur le climat."
    assert not run(text).moves


def test_a_possessive_before_a_move_noun_stands_for_the_person_named_before():
    text = ("Julie Masson dirige la division robotique depuis dix ans. Son arrivée chez Airbus "
            "en 2014 avait surpris.")
    move = move_of(run(text), "Julie Masson")
    assert (move.from_org, move.to_org) == (None, "Airbus")
    assert move.date == "2014"
    assert_evidence(text, move, "Son arrivée")


def test_a_possessive_after_a_company_subject_is_the_company_s():
    text = "Julie Masson a parlé mardi. Renault annonce son départ de la Bourse de Paris."
    assert not [m for m in run(text).moves if m.person == "Julie Masson"]


def test_the_sender_named_after_a_possessive_move_noun_does_not_move():
    text = ("Léa Fontaine travaillait chez Renault. Elle dit avoir découvert son limogeage par "
            "un courriel du directeur général Paul Leroy.")
    assert not [m for m in run(text).moves if m.person == "Paul Leroy"]
