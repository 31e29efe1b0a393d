"""Career histories, media and sports moves in invented French articles (real French model)."""
from __future__ import annotations

import pytest

from .helpers import assert_evidence, run

pytestmark = pytest.mark.model


@pytest.fixture(autouse=True)
def _model(fr_nlp):
    """Every test here needs the real French pipeline, loaded once per session."""


def _moves_of(extraction, person):
    return [m for m in extraction.moves if m.person == person]


def _by_to(extraction, person):
    return {m.to_org: m for m in _moves_of(extraction, person)}


def test_pronoun_chain_keeps_the_subject_of_a_biography():
    text = ("Portrait.\n"
            "Lucie Marchetti a longtemps travaillé comme traductrice. Elle a ensuite enseigné "
            "la chimie dans un lycée de province. En 2011, elle rejoint Vantor comme analyste. "
            "Elle intègre Harbor Analytics en 2016.")
    result = run(text)
    moves = _by_to(result, "Lucie Marchetti")
    assert set(moves) >= {"Vantor", "Harbor Analytics"}
    assert moves["Vantor"].date == "2011"
    assert moves["Harbor Analytics"].date == "2016"
    move = moves["Harbor Analytics"]
    assert text[move.evidence.start:move.evidence.end] == "Elle intègre Harbor Analytics en 2016."


def test_long_sentence_step_belongs_to_the_far_subject():
    text = ("Lucie Marchetti a passé quinze ans à conseiller des armateurs, des chantiers "
            "navals et plusieurs compagnies de ferries de la côte atlantique sur leurs contrats "
            "d'affrètement les plus délicats, puis a fini par rejoindre Michelin en 2003.")
    result = run(text)
    moves = _by_to(result, "Lucie Marchetti")
    assert "Michelin" in moves
    assert moves["Michelin"].date == "2003"
    assert_evidence(text, moves["Michelin"], "Lucie Marchetti")


def test_later_step_of_the_same_subject_is_its_own_move():
    text = ("Portrait.\n"
            "Inès Rocheteau intègre Danone en 2009 comme acheteuse, puis rejoint Decathlon "
            "en 2014 pour diriger la logistique.")
    result = run(text)
    moves = _by_to(result, "Inès Rocheteau")
    assert moves.get("Decathlon") is not None and moves["Decathlon"].date == "2014"
    assert moves.get("Danone") is not None and moves["Danone"].date == "2009"
    start = text.index("Inès")
    assert (moves["Decathlon"].evidence.start, moves["Decathlon"].evidence.end) == (start, len(text))


def test_possessor_of_a_successor_is_the_one_leaving():
    text = ("Gérald Fontanel quitte ses fonctions chez Orange en juin. "
            "Il a demandé au conseil d'Orange que son successeur garde l'équipe actuelle.")
    result = run(text)
    moves = _moves_of(result, "Gérald Fontanel")
    assert len(moves) == 1
    assert (moves[0].from_org, moves[0].to_org) == ("Orange", None)


def test_club_named_after_its_city_is_the_destination():
    text = "Selon son agent, le milieu de terrain Ruben Okafor rejoint cet été le club de Valmont."
    result = run(text)
    moves = _moves_of(result, "Ruben Okafor")
    assert len(moves) == 1
    assert (moves[0].from_org, moves[0].to_org) == (None, "Valmont")
    assert_evidence(text, moves[0], "Ruben Okafor")


def test_promotion_told_with_a_pronoun_stays_at_the_previous_step():
    text = ("Portrait.\n"
            "Paul Lenoir est entré chez Michelin en 1994. "
            "Trois ans plus tard, il est promu directeur financier.")
    result = run(text)
    moves = sorted(_moves_of(result, "Paul Lenoir"), key=lambda m: m.date or "")
    assert [(m.to_org, m.date) for m in moves] == [("Michelin", "1994"), ("Michelin", "1997")]
    assert moves[1].role == "directeur financier"
    start = text.index("Trois ans")
    assert (moves[1].evidence.start, moves[1].evidence.end) == (start, len(text))


def test_apposed_participle_dates_an_earlier_step():
    text = ("Sabine Orsoni a été nommée lundi directrice de la recherche de Danone. "
            "Entrée chez Danone en 1998 comme chimiste, elle y a fait toute sa carrière.")
    result = run(text)
    dates = sorted(m.date for m in _moves_of(result, "Sabine Orsoni") if m.to_org == "Danone")
    assert dates == ["1998", "2024-06-10"]


def test_institution_tagged_as_a_place():
    text = ("Biographie.\n"
            "Hugo Tessier enseigne d'abord la physique au lycée ; il entre à l'université de "
            "Grenoble en 2004.")
    result = run(text)
    moves = _moves_of(result, "Hugo Tessier")
    assert [(m.to_org, m.date) for m in moves] == [("université de Grenoble", "2004")]


def test_taking_on_a_role_is_an_appointment():
    text = ("Chez Decathlon, Yasmine Belkacem a endossé le rôle de directrice des achats "
            "en 2019.")
    result = run(text)
    moves = _moves_of(result, "Yasmine Belkacem")
    assert len(moves) == 1
    assert (moves[0].to_org, moves[0].date) == ("Decathlon", "2019")


def test_pronoun_chain_stops_at_another_name():
    text = ("Marc Aubry a présenté le journal pendant dix ans. Il a travaillé avec "
            "Claire Dumont. Cette dernière a annoncé qu'elle quittait Orange pour Danone.")
    result = run(text)
    assert not _moves_of(result, "Marc Aubry")


def test_newcomer_of_the_team_goes_to_the_club_of_the_paragraph():
    text = ("Le Racing Club de Lens a bouclé son mercato. Cet été, l'équipe a accueilli "
            "Ruben Okafor, un défenseur débauché du FC Nantes -.")
    result = run(text)
    moves = _moves_of(result, "Ruben Okafor")
    assert len(moves) == 1
    assert (moves[0].from_org, moves[0].to_org) == ("FC Nantes", "Racing Club de Lens")
    assert_evidence(text, moves[0], "Ruben")


def test_replaced_person_is_the_antecedent_of_the_relative_object():
    text = ("Au conseil de surveillance de Michelin, Jana Novotna, qu'a remplacée Pavel Horak "
            "en mars, reste observatrice.")
    result = run(text)
    left = _moves_of(result, "Jana Novotna")
    joined = _moves_of(result, "Pavel Horak")
    assert [(m.from_org, m.to_org) for m in left] == [("Michelin", None)]
    assert [(m.from_org, m.to_org) for m in joined] == [(None, "Michelin")]


def test_taking_the_team_in_hand_is_an_appointment_at_the_club():
    text = ("Pour les trois derniers matchs, l'entraîneur adjoint Karim Saïdi prend le club "
            "en main, a indiqué le Racing Club de Lens dans un communiqué.")
    result = run(text)
    moves = _moves_of(result, "Karim Saïdi")
    assert [(m.to_org, m.role) for m in moves] == [("Racing Club de Lens", "entraîneur adjoint")]


def test_definite_title_subject_stands_for_the_person_just_named():
    text = ("Sophie Arnal change de cap après dix ans de télévision. "
            "En mai, la chroniqueuse a quitté Canal+ sans regret.")
    result = run(text)
    moves = _moves_of(result, "Sophie Arnal")
    assert [(m.from_org, m.to_org, m.date) for m in moves] == [("Canal+", None, "2024-05")]
    start = text.index("En mai")
    assert (moves[0].evidence.start, moves[0].evidence.end) == (start, len(text))


def test_a_since_date_does_not_date_the_step():
    text = ("Biographie.\n"
            "Julien Marchal, qui était depuis mars 2018 responsable des achats, a quitté "
            "Michelin.")
    result = run(text)
    moves = _moves_of(result, "Julien Marchal")
    assert [(m.from_org, m.date) for m in moves] == [("Michelin", None)]


def test_first_step_of_a_career_is_an_arrival():
    text = ("Portrait.\n"
            "Clara Vidal a débuté sa carrière chez Danone en 1996. Elle rejoint Michelin "
            "en 2002.")
    result = run(text)
    moves = _by_to(result, "Clara Vidal")
    assert {org: m.date for org, m in moves.items()} == {"Danone": "1996", "Michelin": "2002"}


def test_a_date_across_a_clause_of_sequence_belongs_to_the_clause_before():
    text = ("Portrait.\n"
            "Clara Vidal soutient sa thèse à Lyon en 1996, avant d'entrer chez Danone en 1999.")
    result = run(text)
    moves = _moves_of(result, "Clara Vidal")
    assert [(m.to_org, m.date) for m in moves] == [("Danone", "1999")]


def test_debuts_at_an_organisation():
    text = "Portrait.\nClara Vidal a fait ses débuts au Crédit Agricole en 1996."
    result = run(text)
    moves = _moves_of(result, "Clara Vidal")
    assert [(m.to_org, m.date) for m in moves] == [("Crédit Agricole", "1996")]
    assert_evidence(text, moves[0], "Clara Vidal")


def test_a_lent_step_names_its_own_organisation():
    text = ("Mercato.\n"
            "Les arrivées se multiplient au FC Nantes. "
            "Le défenseur Ruben Okafor a quitté Michelin pour rejoindre l'Espagnol Tolvar, "
            "un club de deuxième division.")
    result = run(text)
    moves = _moves_of(result, "Ruben Okafor")
    # the paragraph's club is not lent to the step; the place tagged after "rejoindre" is
    # the step's own destination
    assert [(m.from_org, m.to_org) for m in moves] == [("Michelin", "Espagnol Tolvar")]
