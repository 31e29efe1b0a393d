"""English titles with the body they serve, on invented articles: a chain of named bodies
("Secretary of the Cabinet Office of X"), "Chief of Staff of Y", the apposed title
naming the organisation left rather than a rank before the name."""
from __future__ import annotations

import pytest

from .helpers import move_of, run

pytestmark = pytest.mark.model


def test_a_title_keeps_a_chain_of_named_bodies():
    text = "Tomas Reyes became Secretary of the Cabinet Office of Norland on Friday."
    move = move_of(run(text), "Tomas Reyes")
    assert move.role == "Secretary of the Cabinet Office of Norland"


def test_chief_of_staff_keeps_the_body_served():
    text = "General Paul Grant, Chief of Staff of the Norland Army, steps down."
    move = move_of(run(text), "Paul Grant")
    assert move.from_org == "Norland Army"
    assert move.role == "Chief of Staff of the Norland Army"


def test_a_common_noun_in_the_chain_stops_it():
    text = "Mia Lund was appointed governor of the province on Monday."
    assert move_of(run(text), "Mia Lund").role == "governor of the province"


def test_the_one_succeeded_leaves_the_post_the_successor_takes():
    text = ("Khaled Omar was appointed director-general of the Norland Agency on Tuesday, "
            "succeeding Rhea Dunmore.")
    assert move_of(run(text, date="2025-11-06"), "Rhea Dunmore").role == "director-general"
