"""English moves, one construction per test, on invented articles (people and firms made up)."""
from __future__ import annotations

import pytest

from talentflow.nlp import supported_languages
from .helpers import assert_evidence, move_of, moves_of, run

pytestmark = pytest.mark.model


def test_english_is_served_beside_french():
    assert supported_languages() == ("fr", "en")


def test_joins_as_role_with_from_by_formerly_of():
    text = ("Jane Porter has joined Acme Robotics as chief financial officer, the company said. "
            "Porter, formerly of Google, starts next month.")
    move = move_of(run(text), "Jane Porter")
    assert move.to_org == "Acme Robotics"
    assert move.role == "chief financial officer"
    assert_evidence(text, move, "Jane Porter has joined Acme Robotics")


def test_joins_from_one_org_to_another_in_one_sentence():
    text = "Kofi Mensah left Initech on Monday to join Globex as head of research."
    move = move_of(run(text), "Kofi Mensah")
    assert (move.from_org, move.to_org) == ("Initech", "Globex")


def test_was_appointed_passive_with_role():
    text = "Lena Vogt was appointed chief executive of Northwind Labs on Tuesday."
    move = move_of(run(text, date="2024-06-15"), "Lena Vogt")
    assert move.to_org == "Northwind Labs"
    assert move.role == "chief executive"
    assert move.date == "2024-06-11"  # "on Tuesday" before a Saturday publication


def test_employer_hires_person_is_not_the_mover():
    text = "Umbrella Analytics hired Marco Bellini as its new chief technology officer."
    extraction = run(text)
    move = move_of(extraction, "Marco Bellini")
    assert move.to_org == "Umbrella Analytics"
    assert move.role == "chief technology officer"


def test_possessive_title_gives_the_organisation_of_a_departure():
    text = "Globex's CTO Ravi Menon stepped down last week, a spokesperson said."
    move = move_of(run(text), "Ravi Menon")
    assert move.from_org == "Globex"
    assert move.to_org is None
    assert move.role == "CTO"
    start = text.index("Globex's")
    assert move.evidence.start == start
    assert text[move.evidence.start:move.evidence.end] == move.evidence.text


def test_resigns_with_national_title_leaves_that_government():
    text = "Estonian health minister Lena Kask resigns over the hospital scandal."
    move = move_of(run(text), "Lena Kask")
    assert move.from_org == "Estonian government"
    assert move.role == "health minister"


def test_becomes_title_of_a_country():
    text = "Ana Maria Florescu becomes the first female president of Moldova."
    moves = run(text).moves
    assert [m.to_org for m in moves if m.person.endswith("Florescu")] in ([], ["Moldova"])


def test_becomes_prime_minister_is_a_government_appointment():
    text = "Boris Kell became prime minister in July, ending months of deadlock."
    move = move_of(run(text, date="2024-10-01"), "Boris Kell")
    assert move.to_org == "government"
    assert move.role == "prime minister"
    assert move.date == "2024-07"


def test_lone_surname_and_pronoun_resolve_to_the_full_name():
    text = ("Priya Raman is leaving Stark Biotech after eight years.\n"
            "Raman will join Wayne Pharma as chief scientist in May.")
    extraction = run(text, date="2024-03-02")
    people = {m.person for m in extraction.moves}
    assert people == {"Priya Raman"}


def test_succession_gives_the_newcomer_a_move():
    text = "Sofia Alvarez succeeds Tom Walsh as chief executive of Hooli, the board said on Monday."
    extraction = run(text)
    move = move_of(extraction, "Sofia Alvarez")
    assert move.to_org == "Hooli"


@pytest.mark.parametrize("sentence", [
    "Dana Whitfield could join Initech as chief operating officer, people said.",
    "Dana Whitfield is expected to join Initech as chief operating officer.",
    "Dana Whitfield is in talks to join Initech as chief operating officer.",
    "Dana Whitfield reportedly plans to leave Initech.",
    "Dana Whitfield declined an offer to join Initech.",
    "Dana Whitfield denied rumours that she would leave Initech.",
    "Dana Whitfield threatened to quit Initech over the pay dispute.",
    "Dana Whitfield is set to replace the chief executive of Initech next year.",
    "Dana Whitfield did not join Initech after all.",
])
def test_unreal_moves_are_not_reported(sentence):
    assert run(sentence).moves == ()


def test_a_person_described_by_a_past_position_does_not_move():
    text = "Retired Initech engineer Dana Whitfield told reporters the product was late."
    assert run(text).moves == ()


def test_a_group_without_a_named_person_is_no_move():
    text = "Dozens of engineers left Initech for Globex last year."
    assert run(text).moves == ()


def test_nominal_departure_of_a_named_person():
    text = "The departure of Omar Haddad from Vandelay Industries was announced on Friday."
    move = move_of(run(text), "Omar Haddad")
    assert move.from_org == "Vandelay Industries"


def test_possessor_of_something_else_is_not_the_mover():
    text = ("Initech's board appointed Carla Mendes as chief executive following the "
            "collapse of Chairman Victor Lang's plan for the company.")
    extraction = run(text)
    assert moves_of(extraction, "Victor Lang") == []
    assert move_of(extraction, "Carla Mendes").to_org == "Initech"


def test_apposed_title_with_a_possessive_place_gives_the_departure():
    text = ("Marisol Quintero Vidal, Ruritania's governor, announced her resignation late on "
            "Wednesday.")
    move = move_of(run(text), "Marisol Quintero Vidal")
    assert move.from_org == "Ruritania"
    assert move.role == "governor"
    assert_evidence(text, move, "announced her resignation")


def test_possessive_noun_trigger_belongs_to_its_possessor():
    text = ("Helix Foods chairman Arjun Mehta welcomed Dora Lindqvist's appointment as chief "
            "operating officer of Helix Foods.")
    extraction = run(text)
    assert moves_of(extraction, "Arjun Mehta") == []
    assert move_of(extraction, "Dora Lindqvist").to_org == "Helix Foods"


def test_a_plan_with_is_to_is_not_a_move():
    text = "Bram Oosterhuis said he is to leave Vandelay Industries next month."
    assert run(text).moves == ()


def test_a_brand_owned_by_a_person_is_no_destination():
    text = ("In a message posted to her Twitter account, Secretary Nadia Ferro was sworn in "
            "as governor.")
    assert all(m.to_org != "Twitter" for m in run(text).moves)


def test_first_surname_alone_is_the_person_named_in_full():
    text = ("Ana Garcia Lopez has joined Initech as general counsel.\n"
            "Garcia previously left Globex in March.")
    extraction = run(text, date="2024-06-15")
    assert {m.person for m in extraction.moves} == {"Ana Garcia Lopez"}


def test_subject_of_the_move_verb_is_the_mover_not_a_nearby_name():
    text = "Under the deal struck by Omar Bakri, Lena Holt became chief executive of Initech."
    extraction = run(text)
    assert moves_of(extraction, "Omar Bakri") == []
    assert move_of(extraction, "Lena Holt").to_org == "Initech"


def test_any_portfolio_minister_is_appointed_to_the_government():
    text = "Pavel Dren was appointed energy minister on Friday after a week of talks."
    move = move_of(run(text), "Pavel Dren")
    assert move.to_org == "government"
    assert move.role == "energy minister"
    assert_evidence(text, move, "Pavel Dren was appointed energy minister")
    start = text.index("Pavel Dren")
    assert text[start:start + len("Pavel Dren")] == move.person


def test_replaced_person_moved_to_another_post_is_no_departure():
    text = ("Premier Anna Korsak appointed Tomas Vell as finance minister, replacing Ola Berg, "
            "who becomes defence minister.")
    extraction = run(text)
    # a change of post, not a departure: Ola Berg takes the defence portfolio
    reshuffled = move_of(extraction, "Ola Berg")
    assert (reshuffled.from_org, reshuffled.to_org) == (None, "government")
    assert reshuffled.role == "defence minister"
    move = move_of(extraction, "Tomas Vell")
    assert move.role == "finance minister"
    assert_evidence(text, move, "appointed Tomas Vell as finance minister")


def test_title_of_an_unknown_brand_names_the_employer_left():
    text = "Mira Lund stepped down as chief executive of Globex on Friday."
    move = move_of(run(text), "Mira Lund")
    assert move.from_org == "Globex"
    org_start = text.index("Globex")
    assert text[org_start:org_start + len(move.from_org)] == move.from_org
    assert_evidence(text, move, "stepped down as chief executive of Globex")


def test_team_subject_of_a_firing_is_the_employer_not_a_person():
    text = "The Rivertown Rovers fired head coach Dallin Marsh on Sunday after a losing streak."
    extraction = run(text)
    assert not moves_of(extraction, "Rivertown Rovers")
    move = move_of(extraction, "Dallin Marsh")
    assert move.from_org == "Rivertown Rovers"
    assert move.role == "head coach"
    assert_evidence(text, move, "fired head coach Dallin Marsh")


def test_nationality_after_a_title_is_no_employer():
    text = "Tomas Vell, the minister of French affairs, resigned on Monday."
    move = move_of(run(text), "Tomas Vell")
    assert move.from_org != "French"


def test_a_city_joined_is_its_team():
    text = "Linebacker Marcus Hale joined Denver on Monday after four seasons in the league."
    move = move_of(run(text), "Marcus Hale")
    assert (move.from_org, move.to_org) == (None, "Denver")


def test_a_city_moved_to_or_owning_someone_is_no_employer():
    for text in ("Marcus Hale moved to Denver in 2019.",
                 "The coach was fired on Sunday, joining Denver's Marcus Hale on the list."):
        assert not [m for m in run(text).moves if m.person == "Marcus Hale"], text


def test_the_publication_date_is_no_move_date():
    # GOLD.md: only "today" and its like make the publication date the move's date
    text = "Marla Quint has resigned from Velmora Bank."
    assert move_of(run(text, date="2025-03-18"), "Marla Quint").date is None
    text = "Marla Quint resigned from Velmora Bank today."
    assert move_of(run(text, date="2025-03-18"), "Marla Quint").date == "2025-03-18"


def test_an_undated_planned_move_stays_undated():
    text = "Marla Quint is set to join Velmora Bank, the bank said."
    assert [m.date for m in run(text, date="2025-03-18").moves] in ([], [None])


def test_a_rank_before_a_title_is_part_of_the_role():
    text = "Orrin Vale was named deputy prime minister of Calderia on Monday."
    move = move_of(run(text), "Orrin Vale")
    assert move.role.lower().startswith("deputy prime minister")


def test_a_title_keeps_the_body_it_serves():
    text = "Tamsin Orlo was appointed ambassador to Norway by the government of Calderia."
    move = move_of(run(text), "Tamsin Orlo")
    assert move.role == "ambassador to Norway"


def test_a_title_keeps_an_abbreviated_country():
    text = "Tamsin Orlo was appointed ambassador to the U.S. by the government of Calderia."
    move = move_of(run(text), "Tamsin Orlo")
    assert move.role == "ambassador to the U.S."


def test_ousted_as_a_title_adjective_of_a_mere_genitive_is_no_move():
    # "ousted" only describes whose supporters these are: the ousting is not the news
    text = ("A march by friends of ousted prime minister Jorund Vasek filled the old square "
            "on Sunday.")
    assert moves_of(run(text), "Jorund Vasek") == []


def test_dismissed_as_a_title_adjective_of_the_clause_person_still_counts():
    text = "The court charged the dismissed regional minister Ilse Varga with negligence."
    assert moves_of(run(text), "Ilse Varga")


def test_ousted_as_a_verb_is_still_a_departure():
    text = "Prime minister Jorund Vasek was ousted on Tuesday after a vote in parliament."
    assert moves_of(run(text), "Jorund Vasek")
