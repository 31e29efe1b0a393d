"""Which words give a French move its role and date, on invented articles: an office named
by its noun ("prend la présidence de"), the apposed title that names the organisation left,
a title's field, and a succession sharing the arrival's date (real French model)."""
from __future__ import annotations

import pytest

from .helpers import move_of, run

pytestmark = pytest.mark.model


@pytest.fixture(autouse=True)
def _model(fr_nlp):
    """Every test here needs the real French pipeline, loaded once per session."""


def test_an_office_named_by_the_trigger_is_the_role():
    text = "Marie Lefort prendra la présidence de la société Vexor, a annoncé le groupe."
    move = move_of(run(text), "Marie Lefort")
    assert move.to_org == "Vexor"
    assert move.role == "présidence de la société Vexor"


def test_the_office_taken_beats_the_title_held():
    text = ("Claire Noël, directrice du marketing de Vexor, reprend la direction de la "
            "filiale pour six mois.")
    assert move_of(run(text), "Claire Noël").role == "direction de la filiale"


def test_an_office_after_the_appointment_keeps_its_body_and_stops_before_a_date():
    text = "Inès Carpentier a été nommée vendredi à la tête d'une Agence des Routes, dit la préfecture."
    assert move_of(run(text), "Inès Carpentier").role == "tête d'une Agence des Routes"


def test_the_one_replaced_leaves_the_office_the_successor_takes():
    text = ("Sacha Berthier a été désigné lundi à la présidence de l'Office des Forêts en "
            "remplacement de Rémi Caradec.")
    assert move_of(run(text), "Rémi Caradec").role == "présidence de l'Office des Forêts"


def test_the_apposed_title_naming_the_organisation_left_beats_a_rank():
    text = "Le cardinal Hugo Verlinde, évêque de Nantes, a démissionné jeudi."
    assert move_of(run(text), "Hugo Verlinde").role == "évêque"


def test_an_ambassador_keeps_the_field_of_the_post():
    text = "Anne Roy, ambassadrice des océans, a quitté le gouvernement."
    assert move_of(run(text), "Anne Roy").role == "ambassadrice des océans"


def test_a_succession_and_the_appointment_it_completes_share_the_date():
    text = ("Paul Martin a été nommé directeur général de Vexor le 1er avril en remplacement "
            "de Jean Dubois.")
    result = run(text, date="2019-11-15")
    assert move_of(result, "Paul Martin").date == "2019-04-01"
    assert move_of(result, "Jean Dubois").date == "2019-04-01"


def test_a_move_told_without_a_title_keeps_the_one_set_beside_the_name_elsewhere():
    text = ("La ministre des Sports Odile Ferrat présidera le jury du festival. Odile Ferrat a "
            "quitté le gouvernement ce mardi 3 mars.")
    move = move_of(run(text, date="2020-03-03"), "Odile Ferrat")
    assert move.from_org == "gouvernement"
    assert move.role == "ministre des Sports"


def test_an_undated_move_takes_the_date_of_another_report_of_it():
    text = "Claire Noël rejoint le groupe Vexor. Elle avait été recrutée en janvier."
    move = move_of(run(text, date="2020-03-10"), "Claire Noël")
    assert move.to_org == "Vexor"
    assert move.date == "2020-01"


def test_a_bare_title_elsewhere_takes_the_full_form_the_article_gives_the_post():
    text = ("Le haut-commissaire à la jeunesse a démissionné lundi. Le haut-commissaire Paul "
            "Roux devait inaugurer un stade à Nantes. Paul Roux a quitté le gouvernement.")
    move = move_of(run(text, date="2021-06-14"), "Paul Roux")
    assert move.from_org == "gouvernement"
    assert move.role == "haut-commissaire à la jeunesse"


def test_a_title_set_beside_the_successor_is_not_the_post_of_the_one_replaced():
    text = ("Odile Ferrat, candidate à la présidence de la région, a quitté le gouvernement "
            "mardi. Elle est remplacée par Marc Telier, sénateur.")
    move = move_of(run(text, date="2020-03-03"), "Odile Ferrat")
    assert move.from_org == "gouvernement"
    assert move.role != "sénateur"


def test_the_one_replaced_takes_the_title_the_article_gives_the_successor():
    text = ("Le club a renvoyé l'entraîneur Luc Morel. Arrivé au FC Valbonne en mars en "
            "remplacement de Jean Dubois, Luc Morel part après une seule saison.")
    assert move_of(run(text, date="2020-08-18"), "Jean Dubois").role == "entraîneur"
