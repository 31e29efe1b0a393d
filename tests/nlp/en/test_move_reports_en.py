"""A move told once with its organisation and once, elsewhere, with its date (invented
articles): the undated report takes the other one's date."""
from __future__ import annotations

import pytest

from .helpers import move_of, run

pytestmark = pytest.mark.model


def test_an_undated_departure_takes_the_date_of_another_report_of_it():
    text = ("Tom Vance left the Norland Bureau of Mines. When Vance left office on Aug. 9, 1974, "
            "the reporters shared the secret.")
    move = move_of(run(text, date="2011-03-10"), "Tom Vance")
    assert move.from_org == "Norland Bureau of Mines"
    assert move.date == "1974-08-09"


def test_an_arrival_takes_the_date_of_a_hiring_told_elsewhere():
    text = ("The deal is the biggest gamble under the leadership of Mark Hale, who was hired as "
            "chief executive in March 2005. Since Hale joined the company, shares have doubled "
            "at Vexor Systems.")
    assert move_of(run(text, date="2011-03-10"), "Mark Hale").date == "2005-03"


def test_a_departure_does_not_take_the_date_of_an_arrival():
    text = ("Tom Vance left the Norland Bureau of Mines. He was hired by a law firm in May 2009.")
    assert move_of(run(text, date="2011-03-10"), "Tom Vance").date is None
