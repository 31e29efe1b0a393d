"""English successions and public offices, on articles written for these tests.

People, firms, clubs and places are invented. One sentence often names the post for one
side of a succession only: the other side takes it from there. Public offices ("assumed the
premiership") are posts in a government.
"""
from __future__ import annotations

import pytest

from .helpers import assert_evidence, move_of, moves_of, run

pytestmark = pytest.mark.model


def test_an_exit_after_following_leaves_the_post_the_successor_took():
    text = ("Marta Kolbe was named chair of the Brightwater Trust on Monday following the "
            "departure of Osman Teller.")
    extraction = run(text)
    assert move_of(extraction, "Marta Kolbe").to_org == "Brightwater Trust"
    gone = move_of(extraction, "Osman Teller")
    assert (gone.from_org, gone.to_org) == ("Brightwater Trust", None)
    assert_evidence(text, gone, "departure of Osman Teller")


def test_a_surname_that_is_a_month_word_is_still_a_person():
    text = ("Hugo Brandt took over as chair of the Westmoor Rowing Club in June after Karen "
            "May retired.")
    gone = move_of(run(text, date="2023-08-10"), "Karen May")
    assert gone.from_org == "Westmoor Rowing Club"
    assert gone.to_org is None


def test_named_as_someones_successor_takes_the_post_they_left():
    text = ("Carla Nenn resigned as finance director of Siemens on Monday and the board "
            "appointed Omar Vitt as her successor.")
    extraction = run(text)
    gone = move_of(extraction, "Carla Nenn")
    heir = move_of(extraction, "Omar Vitt")
    assert (gone.from_org, gone.to_org) == ("Siemens", None)
    assert (heir.from_org, heir.to_org) == (None, "Siemens")
    assert heir.role == "finance director"
    assert_evidence(text, heir, "appointed Omar Vitt as her successor")


def test_the_person_whose_successor_is_named_is_the_one_leaving():
    text = ("Carla Nenn resigned as finance director of Siemens on Monday; the board then "
            "appointed Omar Vitt as Nenn's successor.")
    assert all(m.to_org is None for m in moves_of(run(text), "Carla Nenn"))


def test_a_departure_without_a_succession_word_takes_no_one_elses_post():
    text = ("Anna Berg became chief executive of Fennick Foods on Monday. "
            "Separately, Tom Lyle stepped down.")
    extraction = run(text)
    assert move_of(extraction, "Anna Berg").to_org == "Fennick Foods"
    assert not moves_of(extraction, "Tom Lyle")


def test_assumed_the_premiership_is_taking_office_in_the_government():
    text = "Tomas Reyl assumed the premiership in 2004 after a snap election."
    move = move_of(run(text), "Tomas Reyl")
    assert move.to_org == "government"
    assert move.role == "premiership"
    assert move.date == "2004"
    assert_evidence(text, move, "assumed the premiership")


def test_assumed_as_a_belief_is_no_move():
    text = "Analysts assumed the merger of Kelso Mills and Brandt Paper would close, said Ivo Tal."
    assert run(text).moves == ()


def test_started_serving_as_a_title_after_an_owner_with_the_start_date():
    text = "Helen Marsh started serving as the 30th mayor of Westmoor on 3 March 2015."
    move = move_of(run(text), "Helen Marsh")
    assert move.to_org == "Westmoor"
    assert move.role == "mayor of Westmoor"  # the post as the article words it
    assert move.date == "2015-03-03"


def test_a_legislator_leaves_parliament_not_the_party_named_before_the_title():
    text = ("Northern Unity MP Callum Frewin has resigned his seat, so the district will "
            "hold a by-election in the spring.")
    move = move_of(run(text), "Callum Frewin")
    assert move.from_org == "parliament"
    assert move.role == "MP"


def test_a_bare_surname_is_the_bearer_the_article_is_about():
    text = ("Michael Dunne built a chain of bakeries. Michael Dunne ran it for years while his "
            "sister Sarah Dunne kept the books. Michael Dunne sold it in 2019. "
            "Dunne assumed the chairmanship of Harwick Foods in 2021.")
    move = move_of(run(text), "Michael Dunne")
    assert move.to_org == "Harwick Foods"
    assert move.role == "chairmanship"
    assert not moves_of(run(text), "Dunne")


def test_two_posts_in_one_government_are_two_moves():
    text = ("The premier appointed Lars Penn as attorney general in 2016. "
            "Four years later Lars Penn was elected governor.")
    moves = moves_of(run(text, date="2021-01-10"), "Lars Penn")
    assert sorted(m.role for m in moves) == ["attorney general", "governor"]
    assert all(m.to_org == "government" for m in moves)


def test_one_post_named_two_ways_stays_one_move():
    text = ("Nadia Ferro was named chief executive officer of Quellfield Systems on Monday. "
            "The new CEO Nadia Ferro starts in May.")
    move = move_of(run(text), "Nadia Ferro")
    assert move.to_org == "Quellfield Systems"


def test_signed_a_player_from_another_club_gives_the_origin():
    text = ("The Redhill Foxes have signed midfielder Joel Amoako from the Dunmore Rovers "
            "for an undisclosed fee.")
    move = move_of(run(text), "Joel Amoako")
    assert move.from_org == "Dunmore Rovers"
    assert_evidence(text, move, "signed midfielder Joel Amoako")


def test_the_employer_in_a_title_before_the_name_is_the_one_left():
    text = "Umbrella Analytics hired Globex CTO Jane Dorrit as its new head of research."
    move = move_of(run(text), "Jane Dorrit")
    assert (move.from_org, move.to_org) == ("Globex", "Umbrella Analytics")


def test_chosen_as_running_mate_is_no_move():
    text = "The candidate chose Coastal Alliance treasurer Rita Lenz as a running mate."
    assert not moves_of(run(text), "Rita Lenz")


def test_a_date_opening_the_sentence_dates_both_clauses():
    text = ("On Monday, Paul Rand quit as chief executive of Orbis Freight and Mia Holt was "
            "appointed in his place as Orbis Freight's interim chief executive.")
    extraction = run(text, date="2024-06-15")
    assert move_of(extraction, "Paul Rand").date == "2024-06-10"
    heir = move_of(extraction, "Mia Holt")
    assert heir.date == "2024-06-10"
    assert heir.role == "chief executive"


def test_a_title_after_as_and_an_owner_is_the_new_post():
    text = ("Deputy mayor Ada Lune was named as the city's first female treasurer of "
            "Westmoor Council on Friday.")
    assert move_of(run(text), "Ada Lune").role == "treasurer"


def test_a_dismissal_in_an_until_clause_under_a_wish_is_still_a_fact():
    text = ("Investors still talk about Ostvale chairman Karl Wendt, who had hoped to take the "
            "firm abroad until he was dismissed by the Ostvale Group board in 2019.")
    move = move_of(run(text), "Karl Wendt")
    assert move.from_org == "Ostvale Group"
    assert move.role == "chairman"
    assert_evidence(text, move, "until he was dismissed")


def test_a_wish_still_blocks_the_move_it_governs():
    text = "Karl Wendt had hoped to leave the Ostvale Group board before the summer."
    assert not moves_of(run(text), "Karl Wendt")


def test_the_body_reporting_a_clause_is_not_where_the_person_went():
    text = ("The Westmoor Appeals Court ruled on Monday that Dana Kirsch had been wrongly "
            "appointed as treasurer.")
    assert not [m for m in run(text).moves if m.to_org and "Court" in m.to_org]


def test_appointed_to_her_position_is_the_post_her_title_names_elsewhere():
    text = ("Harwick Transit Authority director Lena Ostrova unveiled the new timetable. "
            "Critics noted that the council had appointed Ostrova to the post only in 2023.")
    move = move_of(run(text), "Lena Ostrova")
    assert move.to_org == "Harwick Transit Authority"
    assert move.role == "director"
    assert move.date == "2023"


def test_an_appointee_of_a_national_leader_joins_that_government():
    text = ("Norwegian prime minister Hanne Solberg-Lie has appointed economist Arne Vik to a "
            "newly created cabinet post.")
    move = move_of(run(text), "Arne Vik")
    assert move.to_org == "Norwegian government"
    assert not moves_of(run(text), "Hanne Solberg-Lie")


def test_a_company_appointing_someone_is_no_government():
    text = "Siemens has appointed economist Arne Vik to a new strategy role."
    move = move_of(run(text), "Arne Vik")
    assert move.to_org == "Siemens"


def test_a_departure_takes_the_employer_of_a_title_written_before_the_name():
    text = ("Dunmore Logistics CFO Petra Hahn presented the results in May. "
            "Petra Hahn resigned on Friday.")
    move = move_of(run(text), "Petra Hahn")
    assert move.from_org == "Dunmore Logistics"


def test_a_passive_with_its_own_named_subject_moves_only_that_subject():
    text = ("Dara Quinn was charged after she tried to auction Westmoor Council's old depot "
            "once Tomas Reyl was elected mayor.")
    assert not moves_of(run(text), "Dara Quinn")


def test_the_person_a_verb_of_leaving_has_for_object_does_not_move():
    text = ("Redhill Foxes coach Martin Oduya watched his side collect two red cards, leaving "
            "Oduya furious after the match.")
    assert not moves_of(run(text), "Martin Oduya")


def test_submitting_a_resignation_letter_is_resigning():
    text = ("The head of the Westmoor Water Board, Imre Takacs, handed in a resignation letter "
            "after the flooding.")
    move = move_of(run(text), "Imre Takacs")
    assert move.from_org == "Westmoor Water Board"
    assert move.to_org is None
    assert_evidence(text, move, "handed in a resignation letter")


def test_a_letter_demanding_a_resignation_is_no_resignation():
    text = "Ten lawmakers sent Imre Takacs a letter demanding his resignation from the Westmoor Water Board."
    assert not moves_of(run(text), "Imre Takacs")


def test_a_title_after_the_appointing_agent_is_still_the_appointees():
    text = ("Deputy Ilse Brun was appointed by Mayor Tomas Reyl as his chief of staff at "
            "Westmoor City Council in 2015.")
    move = move_of(run(text), "Ilse Brun")
    assert move.to_org == "Westmoor City Council"
    assert move.role == "chief of staff"
    assert not moves_of(run(text), "Tomas Reyl")


def test_the_title_of_an_organisation_written_before_the_name_is_the_role_left():
    text = ("The director of the Westmoor Coast Guard, Ivan Petrov, tendered a resignation "
            "letter on Sunday.")
    move = move_of(run(text), "Ivan Petrov")
    assert move.from_org == "Westmoor Coast Guard"
    assert move.role == "director"


def test_a_team_the_model_leaves_untagged_is_the_employer_of_its_hiring():
    text = "The Westmoor Wolves have named Carla Diaz as their new head coach."
    move = move_of(run(text), "Carla Diaz")
    assert move.to_org == "Westmoor Wolves"
    assert move.role == "head coach"


def test_a_team_the_model_leaves_untagged_is_the_employer_of_its_firing():
    text = "The Westmoor Wolves fired head coach Dan Pruitt on Sunday after a 2-9 start."
    move = move_of(run(text), "Dan Pruitt")
    assert (move.from_org, move.to_org) == ("Westmoor Wolves", None)


def test_retiring_at_the_end_of_the_year_is_no_award():
    text = ("Acme Corp announced that its chief executive, Paul Rand, will retire at the end "
            "of the year.")
    move = move_of(run(text), "Paul Rand")
    assert move.from_org == "Acme Corp"
    assert move.role == "chief executive"


def test_named_coach_of_the_year_is_an_award():
    text = "Dan Pruitt of the Westmoor Wolves was named coach of the year on Sunday."
    assert not moves_of(run(text), "Dan Pruitt")


def test_will_become_an_organisations_next_president_past_the_owner():
    text = "Ivan Petrov will become Kelso University's next president on July 1."
    move = move_of(run(text), "Ivan Petrov")
    assert move.to_org == "Kelso University"
    assert move.role == "president"
    assert move.date == "2024-07-01"


def test_succeeded_someone_is_also_their_departure():
    text = "Anna Berg succeeded Tom Reed as Siemens chairman in 2020."
    extraction = run(text)
    heir = move_of(extraction, "Anna Berg")
    gone = move_of(extraction, "Tom Reed")
    assert (heir.to_org, heir.role, heir.date) == ("Siemens", "chairman", "2020")
    assert (gone.from_org, gone.to_org, gone.date) == ("Siemens", None, "2020")


def test_a_planned_succession_is_neither_move():
    text = "Anna Berg is set to replace Tom Reed as chairman of Siemens next year."
    assert run(text).moves == ()


def test_stepping_down_as_head_of_an_organisation_leaves_it():
    text = "Ivo Tal steps down as head of the Ruritanian Football Federation."
    move = move_of(run(text), "Ivo Tal")
    assert (move.from_org, move.to_org) == ("Ruritanian Football Federation", None)


def test_joining_as_head_of_an_organisation_arrives_there():
    text = "Ivo Tal joins the Westmoor Sailing Club as head of the Ruritanian Football Federation's youth academy."
    move = move_of(run(text), "Ivo Tal")
    assert move.to_org == "Westmoor Sailing Club"


def test_inaugurated_as_president_takes_office():
    text = "Karl Vos is inaugurated as President of Ruritania."
    move = move_of(run(text), "Karl Vos")
    assert move.to_org == "Ruritania"
    assert move.role == "President of Ruritania"


def test_inaugurating_a_building_moves_no_one():
    text = "Mayor Karl Vos inaugurated the new Westmoor library on Sunday."
    assert run(text).moves == ()


def test_a_reported_would_is_an_announcement():
    text = "Siemens confirmed that Maria Lopez would join Unilever as finance chief next month."
    move = move_of(run(text), "Maria Lopez")
    assert (move.from_org, move.to_org) == (None, "Unilever")
    assert move.date == "2024-07"


@pytest.mark.parametrize("text", [
    "Maria Lopez said she would leave Siemens if the merger failed.",
    "Maria Lopez said she would not leave Siemens.",
    "Maria Lopez would leave Siemens, according to people familiar with the matter.",
])
def test_a_would_that_is_no_announcement_still_blocks(text):
    assert not moves_of(run(text), "Maria Lopez")


def test_an_organisation_established_in_a_year_is_a_founding():
    text = "The club's costs are paid by the Harwick Rowing Trust established in 1952."
    foundings = run(text).foundings
    assert [(f.org, f.date) for f in foundings] == [("Harwick Rowing Trust", "1952")]


def test_establishing_a_record_is_no_founding():
    text = "Maria Lopez established a national record in 2019 at the Westmoor Games."
    assert run(text).foundings == ()


def test_signed_a_contract_with_a_club_joins_it():
    text = "Mike Johnson signed a three-year contract with the Boston Celtics."
    move = move_of(run(text), "Mike Johnson")
    assert (move.from_org, move.to_org) == (None, "Boston Celtics")
    assert_evidence(text, move, "signed a three-year contract with")


def test_a_company_signing_a_contract_moves_no_one():
    text = "Acme Corp signed a contract with Boeing to build wings, said Mike Johnson."
    assert run(text).moves == ()


def test_traded_a_player_to_another_club_gives_both_sides():
    text = "The Chicago Bulls traded guard Mike Johnson to the Boston Celtics for two draft picks."
    move = move_of(run(text), "Mike Johnson")
    assert (move.from_org, move.to_org) == ("Chicago Bulls", "Boston Celtics")


def test_traded_in_the_passive_gives_the_destination():
    text = "Mike Johnson was traded to the Boston Celtics on Thursday."
    move = move_of(run(text), "Mike Johnson")
    assert move.to_org == "Boston Celtics"
    assert move.date == "2024-06-13"


@pytest.mark.parametrize("text", [
    "Shares of Acme Corp traded higher on the Nasdaq on Monday, said Mike Johnson.",
    "Mike Johnson traded blows with Ivan Petrov of the Westmoor Boxing Club in the final round.",
])
def test_other_senses_of_trade_move_no_one(text):
    assert run(text).moves == ()


def test_a_club_of_the_general_gazetteer_is_an_origin_even_when_tagged_a_place():
    text = "Arsenal have completed the signing of striker Mike Johnson from Everton."
    move = move_of(run(text), "Mike Johnson")
    assert move.from_org == "Everton"


def test_the_relative_clause_moves_only_the_person_it_is_about():
    text = ("Agent Paul Ostrow represented former Westmoor Wolves forward Dario Quint, who "
            "signed with the Phoenix Suns in 2019.")
    extraction = run(text)
    assert move_of(extraction, "Dario Quint").to_org == "Phoenix Suns"
    assert not moves_of(extraction, "Paul Ostrow")


def test_the_place_inside_a_territory_chain_is_the_one_governed():
    text = ("On Friday, Ramon Estevez resigned as the governor of United Kingdom territory of "
            "Valdoria, and Pedro Salgado was sworn in as the new governor.")
    move = move_of(run(text, date="2024-06-15"), "Ramon Estevez")
    assert move.from_org == "Valdoria"
    assert move.role == "governor"


def test_mayor_of_the_city_of_a_place_is_that_place():
    text = "Dana Kirsch was elected mayor of the city of Westmoor in 2019."
    move = move_of(run(text), "Dana Kirsch")
    assert move.to_org == "Westmoor"
    assert move.date == "2019"


def test_a_name_the_model_calls_an_organisation_before_a_new_title_is_the_appointee():
    text = "Siemens named Maria Lopez chief executive this week."
    move = move_of(run(text), "Maria Lopez")
    assert move.to_org == "Siemens"
    assert move.role == "chief executive"
