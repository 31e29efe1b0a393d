"""An organisation or a person named only by a description in the move sentence ("à la tête
du club", "le chroniqueur rejoindra Y"): the article's main organisation, the one
person given that title (invented French articles, real French model)."""
from __future__ import annotations

import pytest

from .helpers import assert_evidence, move_of, run

pytestmark = pytest.mark.model


@pytest.fixture(autouse=True)
def _model(fr_nlp):
    """Every test here needs the real French pipeline, loaded once per session."""


CLUB = ("Le FC Valmont change d'entraîneur.\n\n"
        "Le FC Valmont a perdu ses cinq derniers matchs et le FC Valmont est avant-dernier en "
        "Ligue 2. Karl Weber a été licencié lundi après trois ans à la tête du club.")


def test_the_club_a_coach_is_fired_from_is_the_article_s_main_one():
    move = move_of(run(CLUB), "Karl Weber")
    assert (move.from_org, move.to_org) == ("FC Valmont", None)
    assert_evidence(CLUB, move, "Karl Weber")


def test_a_description_without_a_side_word_names_no_organisation():
    text = CLUB.replace("après trois ans à la tête du club", "malgré le soutien du club")
    assert not [m for m in run(text).moves if m.person == "Karl Weber"]


def test_a_description_stands_for_no_organisation_the_article_hardly_names():
    text = ("Karl Weber a été licencié lundi après trois ans à la tête du club. Il avait "
            "joué au FC Valmont, à l'AS Orne, au Racing Brévent et à l'US Morlaix.")
    assert not [m for m in run(text).moves if m.person == "Karl Weber" and m.from_org]


RADIO = ("Le chroniqueur Paul Ferrand quitte Radio Valmont.\n\n"
         "Après vingt ans à l'antenne de Radio Valmont, le chroniqueur Paul Ferrand s'en va. "
         "La station cherche déjà une nouvelle voix pour ses matinées. "
         "Dès septembre, le chroniqueur rejoindra Télé Orne pour une émission "
         "quotidienne avec l'animatrice Julie Marchal.")


def test_a_title_as_the_mover_stands_for_the_one_person_given_it():
    # two sentences back, in a sentence naming someone else: the title, not the nearest name
    moves = [m for m in run(RADIO).moves if m.person == "Paul Ferrand"]
    assert [m.to_org for m in moves] == ["Télé Orne"]
    assert moves[0].date == "2024-09"
    assert RADIO[moves[0].evidence.start:moves[0].evidence.end].startswith("Dès septembre")


def test_a_title_given_to_two_people_stands_for_neither():
    text = RADIO.replace("s'en va.", "s'en va, comme le chroniqueur Marc Vidal.")
    assert not [m for m in run(text).moves
                if m.to_org == "Télé Orne" and m.person in ("Paul Ferrand", "Marc Vidal")]


def test_the_latter_stands_for_the_last_person_named_not_the_subject():
    text = ("Paul Ferrand a remplacé Marc Vidal à la présentation du journal de Radio Valmont. "
            "Ce dernier rejoindra Télé Orne en septembre.")
    moves = [m for m in run(text).moves if m.to_org == "Télé Orne"]
    assert [m.person for m in moves] == ["Marc Vidal"]
    assert_evidence(text, moves[0], "Ce dernier")


def test_a_title_word_inside_a_name_is_nobody_s_title():
    # "Le Maire" is the announcer's surname, not a mayor's office for the one who leaves
    text = "Paul Vernet quitte Airbus, a annoncé mardi Hugues Le Maire à la presse."
    move = move_of(run(text), "Paul Vernet")
    assert move.from_org == "Airbus"
    assert move.role is None
