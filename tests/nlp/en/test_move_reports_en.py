"""A move told once with its organisation and once, elsewhere, with its date (invented
articles): the undated report takes the other one's date."""
from __future__ import annotations

import pytest

from .helpers import move_of, run

pytestmark = pytest.mark.model


def test_an_undated_departure_takes_the_date_of_another_report_of_it():
    text = ("Tom Vance left the Norland Bureau of Mines. Vance stepped down on 3 May 2001, "
            "after a long inquiry into the accounts.")
    move = move_of(run(text, date="2011-03-10"), "Tom Vance")
    assert move.from_org == "Norland Bureau of Mines"
    assert move.date == "2001-05-03"


def test_an_arrival_takes_the_date_of_a_hiring_told_elsewhere():
    text = ("Costs fell sharply under Mark Hale, who was recruited as finance director in June "
            "2007. Since Hale joined Vexor Systems, sales have grown every year.")
    assert move_of(run(text, date="2011-03-10"), "Mark Hale").date == "2007-06"


def test_a_departure_does_not_take_the_date_of_an_arrival():
    text = ("Tom Vance left the Norland Bureau of Mines. He was hired by a law firm in May 2009.")
    assert move_of(run(text, date="2011-03-10"), "Tom Vance").date is None
