"""A capitalised name before a verb only people do ("resigns", "steps down", "was sworn in")
is a person whatever the NER said; invented articles (real English model)."""
from __future__ import annotations

import pytest

from .helpers import move_of, run

pytestmark = pytest.mark.model


def _people(en_nlp, text: str) -> set[str]:
    return {e.text for e in en_nlp(text).ents if e.label_ == "PER"}


def test_the_subject_of_resigns_is_a_person(en_nlp):
    text = "Ramesh Kolhar resigns as Minister of Rural Development after weeks of street protests."
    assert "Ramesh Kolhar" in _people(en_nlp, text)
    assert move_of(run(text), "Ramesh Kolhar").role == "Minister of Rural Development"


def test_the_subject_of_steps_down_is_a_person(en_nlp):
    text = "Josh Timmons steps down as chairman of Vantor Labs."
    assert "Josh Timmons" in _people(en_nlp, text)
    move = move_of(run(text), "Josh Timmons")
    assert (move.from_org, move.to_org) == ("Vantor Labs", None)


def test_a_hyphenated_name_appointed_as_a_title_is_a_person(en_nlp):
    text = "Mongolia's parliament appoints Bat-Erdene Uulzii as prime minister."
    assert "Bat-Erdene Uulzii" in _people(en_nlp, text)


def test_an_organisation_stepping_down_stays_one(en_nlp):
    text = "Quillon Systems stepped down from the consortium."
    assert "Quillon Systems" not in _people(en_nlp, text)
    assert not run(text).moves


def test_the_one_succeeded_is_a_person(en_nlp):
    text = ("Laura Diaz Moreno is sworn in as president of Costa Rica, succeeding "
            "Rodrigo Vargas Robles.")
    assert "Rodrigo Vargas Robles" in _people(en_nlp, text)
    move = move_of(run(text), "Rodrigo Vargas Robles")
    assert (move.from_org, move.to_org) == ("Costa Rica", None)


def test_a_mc_surname_is_name_shaped():
    from talentflow.nlp.entity_labels import _name_word

    class Word:
        def __init__(self, text):
            self.text, self.is_title = text, text.istitle()
    assert _name_word(Word("McTavish")) and _name_word(Word("DeLuca"))
    assert not _name_word(Word("NASA")) and not _name_word(Word("iPhone"))
