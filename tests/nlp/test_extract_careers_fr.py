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


def test_long_sentence_step_belongs_to_the_apposed_subject():
    text = ("Ancienne avocate, Lucie Marchetti, née en 1971 dans une famille de pêcheurs "
            "bretons, a été pendant une décennie la conseillère juridique de plusieurs grands "
            "armateurs du port avant de rejoindre Michelin en 2003.")
    result = run(text)
    moves = _by_to(result, "Lucie Marchetti")
    assert "Michelin" in moves
    assert moves["Michelin"].date == "2003"
    assert_evidence(text, moves["Michelin"], "Lucie Marchetti")


def test_later_step_of_the_same_subject_is_its_own_move():
    text = ("Carrière.\n"
            "En 2009, Inès Rocheteau a pris la direction du marketing au sein de la société "
            "Danone, avant de rejoindre Decathlon en 2014.")
    result = run(text)
    moves = _by_to(result, "Inès Rocheteau")
    assert moves.get("Decathlon") is not None and moves["Decathlon"].date == "2014"
    assert moves.get("Danone") is not None and moves["Danone"].date == "2009"
    start = text.index("En 2009")
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
            "Il a été nommé directeur financier trois ans plus tard.")
    result = run(text)
    moves = sorted(_moves_of(result, "Paul Lenoir"), key=lambda m: m.date or "")
    assert [(m.to_org, m.date) for m in moves] == [("Michelin", "1994"), ("Michelin", "1997")]
    assert moves[1].role == "directeur financier"
    start = text.index("Il a été")
    assert (moves[1].evidence.start, moves[1].evidence.end) == (start, len(text))


def test_apposed_participle_dates_an_earlier_step():
    text = ("Sabine Orsoni a été nommée lundi directrice de la recherche de Danone. "
            "Mme Orsoni, entrée chez Danone en 1998, dirigeait jusqu'ici le laboratoire "
            "de Lyon.")
    result = run(text)
    dates = sorted(m.date for m in _moves_of(result, "Sabine Orsoni") if m.to_org == "Danone")
    assert dates == ["1998", "2024-06-10"]


def test_institution_tagged_as_a_place_and_date_of_its_own_clause():
    text = ("Biographie.\n"
            "Après sa thèse, Hugo Tessier publie un premier livre en 2001 et entre à "
            "l'université de Grenoble en 2004.")
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
    text = ("Le Racing Club de Lens a bouclé son mercato. L'équipe, avec le défenseur Ruben "
            "Okafor débauché du FC Nantes -, manque encore de rythme.")
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
    text = ("Sophie Arnal a annoncé son départ de la chaîne cryptée. "
            "L'animatrice du jeu de l'été quittera officiellement Canal+ le 30 juin.")
    result = run(text)
    moves = _moves_of(result, "Sophie Arnal")
    assert [(m.from_org, m.to_org, m.date) for m in moves] == [("Canal+", None, "2024-06-30")]
    start = text.index("L'animatrice")
    assert (moves[0].evidence.start, moves[0].evidence.end) == (start, len(text))


def test_a_since_date_does_not_date_the_step():
    text = ("Biographie.\n"
            "Julien Marchal, qui était depuis mars 2018 responsable des achats, a quitté "
            "Michelin.")
    result = run(text)
    moves = _moves_of(result, "Julien Marchal")
    assert [(m.from_org, m.date) for m in moves] == [("Michelin", None)]


def test_first_step_of_a_career_and_dates_owned_by_their_clause():
    text = ("Portrait.\n"
            "Clara Vidal a débuté sa carrière chez Danone en 1996, avant de rejoindre "
            "Michelin en 2002.")
    result = run(text)
    moves = _by_to(result, "Clara Vidal")
    assert {org: m.date for org, m in moves.items()} == {"Danone": "1996", "Michelin": "2002"}


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
    assert [(m.from_org, m.to_org) for m in moves] == [("Michelin", None)]
