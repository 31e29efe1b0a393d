"""English successions and public offices, on invented articles (people and places made up).

One sentence often names the post for one side of a succession only: the other side takes
it from there. Public offices ("assumed the presidency") are posts in a government.
"""
from __future__ import annotations

import pytest

from .helpers import assert_evidence, move_of, moves_of, run

pytestmark = pytest.mark.model


def test_following_the_resignation_of_gives_the_predecessor_the_same_post():
    text = ("Iliana Vestova becomes the first female president of Moldavia following the "
            "resignation of Rumen Radko.")
    extraction = run(text)
    heir = move_of(extraction, "Iliana Vestova")
    gone = move_of(extraction, "Rumen Radko")
    assert heir.to_org == "Moldavia"
    assert (gone.from_org, gone.to_org, gone.role) == ("Moldavia", None, "president")
    assert_evidence(text, gone, "resignation of Rumen Radko")


def test_stepped_down_after_a_name_ending_in_a_month_word():
    text = ("Boris Halloran became leader of the Conservative Party after Oliver May stepped "
            "down on July 24.")
    gone = move_of(run(text, date="2019-09-11"), "Oliver May")
    assert gone.from_org == "Conservative Party"
    assert gone.to_org is None
    assert gone.date == "2019-07-24"


def test_appointed_as_someones_replacement_takes_the_post_they_left():
    text = ("Ruritanian public works secretary Manuel Bonard resigns over the bridge scandal, "
            "while President Olga Marek appoints transport secretary Vince Dalton as "
            "Bonard's replacement.")
    extraction = run(text)
    gone = move_of(extraction, "Manuel Bonard")
    heir = move_of(extraction, "Vince Dalton")
    assert gone.from_org == "Ruritanian government"
    assert heir.to_org == "Ruritanian government"
    assert heir.role == "public works secretary"
    assert_evidence(text, heir, "Vince Dalton as Bonard's replacement")
    assert not moves_of(extraction, "Olga Marek")


def test_a_departure_without_a_succession_word_takes_no_one_elses_post():
    text = ("Anna Berg became chief executive of Fennick Foods on Monday. "
            "Separately, Tom Lyle stepped down.")
    extraction = run(text)
    assert move_of(extraction, "Anna Berg").to_org == "Fennick Foods"
    assert not moves_of(extraction, "Tom Lyle")


def test_assumed_the_presidency_is_taking_office_in_the_government():
    text = ("Farid Osmani ruled the country for decades. When Farid Osmani assumed the "
            "presidency in 1987, he also took command of the army.")
    move = move_of(run(text), "Farid Osmani")
    assert move.to_org == "government"
    assert move.role == "presidency"
    assert move.date == "1987"
    assert_evidence(text, move, "assumed the presidency")


def test_assumed_as_a_belief_is_no_move():
    text = "Analysts assumed the merger of Kelso Mills and Brandt Paper would close, said Ivo Tal."
    assert run(text).moves == ()


def test_began_serving_as_a_countrys_governor_with_the_start_date():
    text = "Ricardo Ostelli began serving as Valdoria's eleventh governor on January 2, 2017."
    move = move_of(run(text), "Ricardo Ostelli")
    assert move.to_org == "government"
    assert move.role == "governor"
    assert move.date == "2017-01-02"


def test_a_name_the_model_left_untagged_after_a_title_is_a_person():
    text = ("Pedro Varga was sworn in last week following the August 2 resignation of "
            "Governor Ramiro Solis Nevado over a texting scandal.")
    gone = move_of(run(text, date="2019-08-08"), "Ramiro Solis Nevado")
    assert gone.from_org == "government"
    assert gone.role == "Governor"
    assert gone.date == "2019-08-02"


def test_a_legislator_leaves_parliament_not_the_party_named_before_the_title():
    text = ("Voters go to the polls on Saturday in a by-election following the resignation of "
            "Liberal Reform MP Tobias Wren for family reasons.")
    move = move_of(run(text), "Tobias Wren")
    assert move.from_org == "parliament"
    assert move.role == "MP"


def test_replacing_someone_who_becomes_another_minister_moves_them_there():
    text = ("Acting president Delia Ramos appoints envoy Felix Arrieta to a trade post, "
            "replacing minister Ivo Gal, who becomes energy minister.")
    move = move_of(run(text), "Ivo Gal")
    assert move.to_org == "government"
    assert move.role == "energy minister"
    assert move.from_org is None


def test_a_bare_surname_is_the_bearer_the_article_is_about():
    text = ("Robert Kamberi, former president of Valdoria, has died. Robert Kamberi ruled for "
            "decades, and Robert Kamberi's wife Grace Kamberi was unpopular. Kamberi assumed "
            "the presidency in 1987.")
    move = move_of(run(text), "Robert Kamberi")
    assert move.role == "presidency"
    assert not moves_of(run(text), "Kamberi")


def test_two_posts_in_one_government_are_two_moves():
    text = ("Outgoing governor Lena Morales appointed Pedro Varga as secretary of state. "
            "Pedro Varga was sworn in as governor on August 2.")
    moves = moves_of(run(text, date="2019-08-04"), "Pedro Varga")
    assert sorted(m.role for m in moves) == ["governor", "secretary of state"]
    assert all(m.to_org == "government" for m in moves)


def test_one_post_named_two_ways_stays_one_move():
    text = ("Nadia Ferro was named chief executive officer of Quellfield Systems on Monday. "
            "The new CEO Nadia Ferro starts in May.")
    move = move_of(run(text), "Nadia Ferro")
    assert move.to_org == "Quellfield Systems"


def test_signed_a_player_from_another_club_gives_the_origin():
    text = ("The Harbor City Gulls also signed rookie Dario Quint (Lakeside State) from the "
            "Northfield Rangers on Tuesday.")
    move = move_of(run(text), "Dario Quint")
    assert move.from_org == "Northfield Rangers"
    assert_evidence(text, move, "signed rookie Dario Quint")


def test_the_employer_in_a_title_before_the_name_is_the_one_left():
    text = "Umbrella Analytics hired Globex CTO Jane Dorrit as its new head of research."
    move = move_of(run(text), "Jane Dorrit")
    assert (move.from_org, move.to_org) == ("Globex", "Umbrella Analytics")


def test_selected_as_running_mate_is_no_move():
    text = "He selected Prairie Farmers Party chairman Walt Ober as his running mate."
    assert not moves_of(run(text), "Walt Ober")


def test_a_date_opening_the_sentence_dates_both_clauses():
    text = ("On Friday, Ramon Estevez resigned as governor of Valdoria and Pedro Salgado was sworn "
            "in at 5 p.m. as Valdoria's new governor.")
    extraction = run(text, date="2019-08-04")
    assert move_of(extraction, "Ramon Estevez").date == "2019-08-02"
    heir = move_of(extraction, "Pedro Salgado")
    assert heir.date == "2019-08-02"
    assert heir.role == "governor"


def test_a_clause_that_reports_no_move_does_not_take_the_year():
    text = ("When Farid Osmani assumed the presidency in 1987, he also became head of the "
            "armed forces.")
    assert move_of(run(text), "Farid Osmani").date == "1987"


def test_role_after_an_owner_and_adjectives_is_the_new_post():
    text = ("Following the ruling, Secretary of Justice Wanda Ibarra was sworn in as "
            "Valdoria's governor at 5 p.m.")
    assert move_of(run(text), "Wanda Ibarra").role == "governor"


def test_ousted_in_a_before_clause_under_a_wish_is_still_a_fact():
    text = ("The lobbyist's ties to former Valdorian President Viktor Orlenko, who had sought "
            "to ally his country with Ruritania before he himself was ousted during the "
            "uprising, drew scrutiny.")
    move = move_of(run(text), "Viktor Orlenko")
    assert move.from_org == "Valdorian government"
    assert move.role == "President"
    assert_evidence(text, move, "before he himself was ousted")


def test_a_wish_still_blocks_the_move_it_governs():
    text = "Viktor Orlenko had sought to leave the Valdorian cabinet before the uprising."
    assert not moves_of(run(text), "Viktor Orlenko")
