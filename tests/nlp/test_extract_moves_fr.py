"""Moves in invented French articles, one construction per test (real French model)."""
from __future__ import annotations

import pytest

from .helpers import assert_evidence, move_of, run

pytestmark = pytest.mark.model


@pytest.fixture(autouse=True)
def _model(fr_nlp):
    """Every test here needs the real French pipeline, loaded once per session."""


def test_verbal_join_with_role_and_origin():
    text = ("Airbus renforce sa direction.\n"
            "Claire Vasseur, jusqu'alors chez Renault, a rejoint Airbus en tant que "
            "directrice financière en mars dernier.")
    result = run(text)
    move = move_of(result, "Claire Vasseur")
    assert (move.from_org, move.to_org) == ("Renault", "Airbus")
    assert move.role == "directrice financière"
    assert move.date == "2024-03"
    assert_evidence(text, move, "Claire Vasseur")


def test_departure_with_destination():
    text = "Le chercheur Paul Lemoine quitte Google pour rejoindre Mistral AI."
    move = move_of(run(text), "Paul Lemoine")
    assert (move.from_org, move.to_org) == ("Google", "Mistral AI")


def test_appointment_by_an_employer_is_not_the_employer_moving():
    text = "Le conseil de Danone a nommé Hélène Carrier directrice générale la semaine dernière."
    result = run(text)
    move = move_of(result, "Hélène Carrier")
    assert move.to_org == "Danone"
    assert move.role == "directrice générale"


def test_nominal_triggers_and_ellipsis():
    text = ("Côté recrutement, Thales se renforce.\n"
            "On note l'arrivée de Marc Delorme au poste de directeur technique, "
            "ou encore celle de Sofia Brun comme directrice juridique.")
    result = run(text)
    assert move_of(result, "Marc Delorme").to_org == "Thales"
    assert move_of(result, "Marc Delorme").role == "directeur technique"
    assert move_of(result, "Sofia Brun").role == "directrice juridique"


def test_coordination_with_roles_and_paragraph_context():
    text = ("Chez Ubisoft, c'est l'heure des départs.\n"
            "Après la directrice technique Julie Masson, c'est au tour du directeur "
            "artistique Hugo Ferrand et du vice-président Karim Djebbar de claquer la porte.")
    result = run(text)
    for person, role in (("Hugo Ferrand", "directeur artistique"),
                         ("Karim Djebbar", "vice-président")):
        move = move_of(result, person)
        assert move.from_org == "Ubisoft" and move.to_org is None
        assert move.role == role
        assert_evidence(text, move, person)


def test_surname_coreference_gives_the_full_name_and_one_move():
    text = ("Nadia Kessler quitte Renault.\n"
            "Kessler a rejoint Stellantis jeudi, selon le communiqué.")
    result = run(text)
    names = [m.person for m in result.moves]
    assert names == ["Nadia Kessler"]
    move = result.moves[0]
    assert (move.from_org, move.to_org) == ("Renault", "Stellantis")


@pytest.mark.parametrize("sentence", [
    "Louis Garnier menace de rejoindre Microsoft.",
    "Louis Garnier aurait refusé de rejoindre Microsoft.",
    "Louis Garnier pourrait être nommé directeur général de Microsoft.",
    "Louis Garnier envisage de quitter Microsoft.",
    "Selon des rumeurs, Louis Garnier va rejoindre Microsoft.",
    "Louis Garnier n'a pas quitté Microsoft.",
    "Louis Garnier, ancien directeur de Microsoft, a donné une conférence.",
    "Louis Garnier devra quitter Microsoft s'il est élu maire.",
    "La ville attend l'arrivée du président chilien Louis Garnier, en visite officielle.",
])
def test_not_moves(sentence):
    assert run(sentence).moves == ()


def test_a_cue_inside_a_relative_aside_does_not_block_the_main_verb(fr_nlp):
    """"X, qui veut ..., quitte Y": wanting belongs to the aside; the departure is a fact."""
    doc = fr_nlp("Louis Garnier, qui veut créer sa propre société, quitte Kalmio.")
    leave = next(s for s in doc.spans["tf_triggers"] if s.text == "quitte")
    assert leave.start not in doc._.tf_blocked
    assert run("Louis Garnier veut quitter Kalmio.").moves == ()


def test_a_new_title_before_an_arrival_keeps_the_appointment():
    text = "L'arrivée de la nouvelle ministre chilienne Lucie Marchetti a été saluée."
    move = move_of(run(text), "Lucie Marchetti")
    assert move.to_org == "gouvernement chilien"


def test_group_without_named_person_is_not_a_move():
    assert run("Des dizaines d'ingénieurs ont quitté Google cette année.").moves == ()


def test_new_minister_counts_as_appointment():
    text = "Le nouveau ministre de l'Intérieur, Bruno Caradec, a pris ses fonctions lundi."
    move = move_of(run(text), "Bruno Caradec")
    assert move.to_org and "gouvernement" in move.to_org.lower()


def test_a_source_is_not_a_side_and_a_possessor_is_not_a_mover():
    text = ("Selon les informations du Figaro, Inès Caradec quitte Danone.\n"
            "Après le départ de Paul Brisson, la plume de Nadia Ferrand a quitté Orange.")
    result = run(text)
    move = move_of(result, "Inès Caradec")
    assert move.from_org == "Danone"
    assert all(m.person != "Nadia Ferrand" for m in result.moves)


def test_departure_takes_the_employer_from_the_persons_title_elsewhere():
    text = ("Hugo Lemaire, directeur général de Decathlon, a présidé la réunion de lundi.\n"
            "Jeudi, Hugo Lemaire a annoncé qu'il quittait ses fonctions.")
    move = move_of(run(text), "Hugo Lemaire")
    assert move.from_org == "Decathlon" and move.to_org is None


def test_organisation_coordinated_with_the_person():
    text = "Julie Ferrat et TF1 ont décidé de mettre fin à leur collaboration."
    move = move_of(run(text), "Julie Ferrat")
    assert move.from_org == "TF1"


def test_unknown_one_word_organisation_joined_is_the_destination_not_a_person():
    text = ("Le laboratoire Velmora, fondé en 2022 à Lyon, se renforce.\n"
            "Lucien Taverdet, jusqu'ici ingénieur chez Meta, rejoint Velmora comme "
            "directeur de la recherche le 3 mars 2025.")
    result = run(text, date="2025-02-10")
    assert all(m.person != "Velmora" for m in result.moves)
    move = move_of(result, "Lucien Taverdet")
    assert (move.from_org, move.to_org) == ("Meta", "Velmora")
    assert text[move.evidence.start:move.evidence.end].startswith("Lucien Taverdet")
    assert_evidence(text, move, "Lucien Taverdet")


def test_departure_for_a_destination_keeps_the_date_between_both_verbs():
    text = ("Anaïs Porquet quittera Google DeepMind le 12 mai 2025 pour rejoindre Mistral AI "
            "en tant que responsable de la recherche sur la robotique.")
    move = move_of(run(text, date="2025-04-01"), "Anaïs Porquet")
    assert (move.from_org, move.to_org) == ("Google DeepMind", "Mistral AI")
    assert move.date == "2025-05-12"
    assert move.role.startswith("responsable de la recherche")
    assert (move.evidence.start, move.evidence.end) == (0, len(text))
    assert_evidence(text, move, "Anaïs Porquet")


def test_prime_minister_of_a_country_joins_its_government():
    text = "Le roi a nommé mercredi Albert Dunmore Premier ministre du Royaume-Uni."
    move = move_of(run(text), "Albert Dunmore")
    assert move.to_org == "gouvernement" and move.role == "Premier ministre"
    assert (move.evidence.start, move.evidence.end) == (0, len(text))
    assert_evidence(text, move, "Albert Dunmore")


def test_successor_at_the_head_gives_the_predecessor_departure():
    text = "Claire Vimont succède à Paul Ferrand à la tête de Renault."
    result = run(text)
    assert move_of(result, "Claire Vimont").to_org == "Renault"
    leaver = move_of(result, "Paul Ferrand")
    assert (leaver.from_org, leaver.to_org) == ("Renault", None)
    assert text[leaver.evidence.start:leaver.evidence.end] == text
    assert_evidence(text, leaver, "Paul Ferrand")


def test_future_chief_executive_is_an_appointment():
    text = "Hélène Carrier, future PDG de Danone, prendra ses fonctions en mai."
    move = move_of(run(text), "Hélène Carrier")
    assert move.to_org == "Danone" and move.role == "PDG"
    assert (move.evidence.start, move.evidence.end) == (0, len(text))
    assert_evidence(text, move, "Hélène Carrier")


def test_player_committing_to_a_club_joins_it():
    text = "L'attaquant Kevin Maldor s'engage avec l'Olympique de Marseille jusqu'en 2027."
    move = move_of(run(text), "Kevin Maldor")
    assert move.to_org == "Olympique de Marseille" and move.from_org is None
    assert (move.evidence.start, move.evidence.end) == (0, len(text))
    assert_evidence(text, move, "Kevin Maldor")


def test_player_loaned_to_a_club_joins_it():
    text = "Le défenseur Yanis Corbel a été prêté au FC Lorient pour une saison."
    move = move_of(run(text), "Yanis Corbel")
    assert move.to_org == "FC Lorient"
    assert (move.evidence.start, move.evidence.end) == (0, len(text))
    assert_evidence(text, move, "Yanis Corbel")


def test_a_city_after_a_verb_of_joining_or_leaving_is_its_team():
    text = "Le milieu de terrain Hugo Ferrand a quitté Bordeaux pour rejoindre Lens."
    move = move_of(run(text), "Hugo Ferrand")
    assert (move.from_org, move.to_org) == ("Bordeaux", "Lens")


def test_a_city_after_a_team_noun_and_its_adjective_is_the_destination():
    # "le club italien de X": the adjective does not hide the team noun
    text = "Le défenseur Hugo Ferrand a rejoint le club italien de Turin."
    move = move_of(run(text), "Hugo Ferrand")
    assert (move.from_org, move.to_org) == (None, "Turin")


def test_an_undated_past_or_planned_move_stays_undated():
    # the pluperfect tells an older step, the future a plan: the publication date is neither
    text = ("Clémence Aubrac avait quitté Forgeval. "
            "Gaspard Lemoine va rejoindre Navimar.")
    result = run(text, date="2025-03-18")
    assert [m.date for m in result.moves if m.person == "Clémence Aubrac"] in ([], [None])
    assert [m.date for m in result.moves if m.person == "Gaspard Lemoine"] in ([], [None])


def test_the_current_title_is_not_the_new_post():
    text = ("Lucie Ferrand, l'actuelle directrice commerciale de Brisval, a été nommée "
            "vice-présidente de Calmonte.")
    move = move_of(run(text), "Lucie Ferrand")
    assert move.role == "vice-présidente"


def test_numero_un_is_a_title():
    text = "Mathis Orgeval a été élu numéro un du syndicat Alliance Ouvrière Unie jeudi."
    move = move_of(run(text), "Mathis Orgeval")
    assert move.role == "numéro un"
