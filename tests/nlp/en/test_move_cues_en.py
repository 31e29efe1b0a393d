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
    "Forward Milo Arden becomes the first player to score in nine consecutive Continental Cup "
    "matches.",
    "Incumbent Veska prime minister Ana Pell becomes the first prime minister to be re-elected "
    "for a third term.",
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
