"""A definite title as the subject of a move verb ("The chairman resigned") stands for the
one person the article writes with that title, however far back; invented articles (real
English model)."""
from __future__ import annotations

import pytest

from .helpers import move_of, run

pytestmark = pytest.mark.model

TEXT = ("Orvane Bank names a new chairman.\n\n"
        "The chairman Tom Reed has led Orvane Bank since 2015. Shares of the lender rose on "
        "Monday. The chairman resigned from Orvane Bank on Friday after a dispute with "
        "shareholders.")


def test_the_title_stands_for_its_one_holder(en_nlp):
    move = move_of(run(TEXT), "Tom Reed")
    assert (move.from_org, move.to_org) == ("Orvane Bank", None)
    assert TEXT[move.evidence.start:move.evidence.end].startswith("The chairman resigned")


def test_a_title_two_people_hold_stands_for_neither(en_nlp):
    text = TEXT.replace("since 2015.", "since 2015 with the chairman Ivo Marsh.")
    assert not [m for m in run(text).moves if m.from_org == "Orvane Bank"
                and m.person in ("Tom Reed", "Ivo Marsh")]
