"""Less common English ways of saying a move, each in an invented article (real English
model): forced out, a lost seat, an expulsion, a landed job, a loan, a role stepped into,
a hyphenated swearing-in, and "became <employer> <title>"."""
from __future__ import annotations

import pytest

from .helpers import assert_evidence, move_of, run

pytestmark = pytest.mark.model


def test_forced_out_of_an_employer_is_a_departure():
    text = "Helen Marsh was forced out of Quillon Systems in 2019."
    move = move_of(run(text), "Helen Marsh")
    assert (move.from_org, move.to_org) == ("Quillon Systems", None)
    assert move.date == "2019"
    assert_evidence(text, move, "Helen Marsh")


def test_a_lost_seat_is_a_departure():
    text = "Senator Ruth Alden lost her seat in the Ruritanian Senate in May."
    move = move_of(run(text), "Ruth Alden")
    assert move.from_org == "Ruritanian Senate"


def test_an_expelled_member_leaves_the_party():
    text = "Tobias Renn was expelled from the Green Party in March."
    move = move_of(run(text), "Tobias Renn")
    assert (move.from_org, move.to_org) == ("Green Party", None)


def test_a_landed_job_is_an_arrival():
    text = "Jonah Pell landed a summer job at Vantor Labs."
    move = move_of(run(text), "Jonah Pell")
    assert (move.from_org, move.to_org) == (None, "Vantor Labs")


def test_a_player_on_loan_joins_the_club():
    text = "Striker Leon Abara joined Harrow City on loan from Kestrel United."
    move = move_of(run(text), "Leon Abara")
    assert move.to_org == "Harrow City"


def test_stepping_into_a_role_is_an_appointment():
    text = "Lena Ortiz stepped into the chief operating officer role at Brightwave last week."
    move = move_of(run(text), "Lena Ortiz")
    assert (move.from_org, move.to_org) == (None, "Brightwave")
    assert move.role == "chief operating officer"


def test_became_employer_title_is_an_arrival_there():
    text = ("Dana Whitlock, a former Kalmio executive who became Corvalis chief executive "
            "in August, spoke on Monday.")
    move = move_of(run(text), "Dana Whitlock")
    assert (move.from_org, move.to_org) == ("Kalmio", "Corvalis")
    assert move.role == "chief executive"


def test_a_hyphenated_swearing_in():
    text = "Mayor Ann Cole was sworn-in as governor of the Ruritania Development Authority."
    moves = run(text).moves
    assert any(m.person == "Ann Cole" and m.to_org for m in moves)


def test_the_one_a_head_of_state_dismisses_leaves_that_government():
    text = "Peruvian president Ivo Marek dismisses defence minister Lena Dvor."
    move = move_of(run(text), "Lena Dvor")
    assert (move.from_org, move.to_org) == ("Peruvian government", None)


def test_a_second_verb_shares_the_head_of_states_subject():
    text = ("Peruvian president Ivo Marek dismisses Prime Minister Lena Dvor and appoints "
            "industry minister Tomas Bel as acting prime minister.")
    move = move_of(run(text), "Tomas Bel")
    assert (move.from_org, move.to_org) == (None, "Peruvian government")


def test_a_group_activity_blocks_a_join_only_as_its_object():
    resigned = "Ruritanian prime minister Jan Kowal resigns, bowing to the protesters' demands."
    move = move_of(run(resigned), "Jan Kowal")
    assert move.from_org == "Ruritanian government"
    assert_evidence(resigned, move, "Jan Kowal")
    for joined in ("Maria Lopez joined the protest outside the ministry.",
                   "Maria Lopez joined in the protests outside the ministry."):
        assert not [m for m in run(joined).moves if m.person == "Maria Lopez"]
