"""Triggers that report no move (move_cues): records and things dismissed, on invented
English sentences (people, countries and firms made up)."""
from __future__ import annotations

import pytest

from .helpers import move_of, run

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "Former Ruritanian president Tomas Brekel becomes the first former head of state of the "
    "country to be sentenced to prison.",
    "Veska prime minister Ana Pell becomes the first leader to visit the disputed islands.",
    "Forward Milo Arden becomes the first forward to net twice in nine straight Continental "
    "Cup finals.",
    "Veska mayor Ana Pell becomes the first mayor of the capital to be re-elected twice "
    "since the war.",
])
def test_a_record_is_no_move(text):
    assert run(text).moves == ()


def test_the_first_to_take_a_post_is_a_move():
    text = "Jane Holloway becomes the first woman to lead Borvik Industries."
    assert move_of(run(text), "Jane Holloway").to_org == "Borvik Industries"


@pytest.mark.parametrize("text", [
    "A Vermont judge dismisses the fraud charges against Borvik Industries chief executive "
    "Alan Terris.",
    "The Ruritanian Supreme Court dismisses a bribery case against former Veska Bank chairman "
    "Tomas Brekel.",
    "Veska Bank must remove all the funds it holds in Borvik Industries, said Alan Terris.",
])
def test_a_thing_dismissed_is_no_departure(text):
    assert run(text).moves == ()


def test_a_person_dismissed_still_leaves():
    text = "Borvik Industries dismisses its chief executive, Alan Terris, after a loss."
    assert move_of(run(text), "Alan Terris").from_org == "Borvik Industries"


def _appointer(en_nlp, text: str, name: str) -> list[str]:
    from talentflow.nlp.appointers import appointer_features
    from talentflow.nlp.lang import get_pack
    doc = en_nlp(text)
    span = next(e for e in doc.ents if e.text == name)
    return appointer_features(span.root, get_pack("en"))


@pytest.mark.parametrize("text, name", [
    ("Veska president Ana Pell appoints Tomas Brekel as the new head of the central bank.",
     "Ana Pell"),
    ("The president of Veska, Ana Pell, dismisses the government of Tomas Brekel.", "Ana Pell"),
    ("He is the third minister in Ana Pell's government to resign this year.", "Ana Pell"),
    ("The Ana Pell administration appoints Tomas Brekel as envoy to Veska.", "Ana Pell"),
])
def test_who_appoints_is_marked_for_the_move_model(en_nlp, text, name):
    assert "p_appointer" in _appointer(en_nlp, text, name)


@pytest.mark.parametrize("text, name", [
    ("Veska president Ana Pell appoints Tomas Brekel as the new head of the central bank.",
     "Tomas Brekel"),
    ("Tomas Brekel was dismissed by the board of Borvik Industries on Monday.", "Tomas Brekel"),
    ("Tomas Brekel joins Borvik Industries as chief executive.", "Tomas Brekel"),
])
def test_who_moves_is_not_marked(en_nlp, text, name):
    assert _appointer(en_nlp, text, name) == []


@pytest.mark.parametrize("text", [
    "Senator Ana Pell emerged as a contender for the post, joining Tomas Brekel and Alan Terris "
    "as potential candidates.",
    "In the interview Tomas Brekel explained why he joined the Veska Labour Party and what his "
    "role as its presidential nominee entails.",
])
def test_a_candidacy_is_no_move(text):
    assert run(text).moves == ()


def test_a_word_glued_before_a_name_is_dropped():
    text = ("Kestrels Hire Ilona Varga\n"
            "Ilona Varga was hired as head coach of the Dunmore Kestrels on Monday.")
    assert move_of(run(text), "Ilona Varga").to_org == "Dunmore Kestrels"


def test_a_first_name_before_a_two_word_surname_stays():
    text = ("Olga Sanz Ruiz was appointed finance minister of Veska on Monday. "
            "Sanz Ruiz replaces Tomas Brekel.")
    assert move_of(run(text), "Olga Sanz Ruiz").to_org


def test_a_generational_suffix_is_no_surname():
    text = "Tomas Brekel Jr. joined Borvik Industries as chief executive in March."
    assert move_of(run(text), "Tomas Brekel").to_org == "Borvik Industries"


def test_a_move_word_inside_an_organisation_name_is_no_trigger():
    text = ("Tomas Brekel, deputy secretary of the Veska Office of Trade Promotion, said the "
            "port needs new cranes.")
    assert run(text).moves == ()


@pytest.mark.parametrize("text", [
    "Veska prime minister Ana Pell tells army chief Tomas Brekel to resign from the Veska army.",
    "The Continental Football Union gives Borvik Rovers chairman Alan Terris an ultimatum to "
    "step down by Friday.",
])
def test_a_demand_to_leave_is_no_departure(text):
    assert run(text).moves == ()


def test_forced_to_resign_is_a_departure():
    text = "Alan Terris was forced to resign as chairman of Borvik Industries on Monday."
    assert move_of(run(text), "Alan Terris").from_org == "Borvik Industries"
