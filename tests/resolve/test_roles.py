"""The shared job-title vocabulary: French and English forms meet on one key."""
from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentflow.resolve.roles import normalize_role, role_keys, role_label


@pytest.mark.parametrize("key, forms", [
    ("cfo", [("directeur financier", "fr"), ("directrice financière", "fr"), ("CFO", "en"),
             ("chief financial officer", "en"), ("Chief Financial Officer", None),
             ("DAF", "fr")]),
    ("ceo", [("PDG", "fr"), ("P.-D.G.", "fr"), ("président-directeur général", "fr"),
             ("présidente-directrice générale", "fr"), ("CEO", "en"), ("chief executive", "en"),
             ("chief executive officer", None), ("président du directoire", "fr")]),
    ("cto", [("directeur technique", "fr"), ("directrice technique", "fr"), ("CTO", None),
             ("chief technology officer", "en")]),
    ("chief_scientist", [("directeur scientifique", "fr"), ("directrice scientifique", "fr"),
                         ("chief scientist", "en")]),
    ("cpo", [("chef de produit", "fr"), ("CPO", "en"), ("chief product officer", "en")]),
    ("managing_director", [("directeur général", "fr"), ("directrice générale", "fr"),
                           ("managing director", "en"), ("general manager", "en")]),
    ("president", [("président", "fr"), ("présidente", "fr"), ("president", "en")]),
    ("chairman", [("chairman", "en"), ("chairwoman", "en"),
                  ("président du conseil d'administration", "fr"),
                  ("présidente du conseil de surveillance", "fr")]),
    ("vice_president", [("vice-président", "fr"), ("vice-présidente", "fr"), ("VP", "en"),
                        ("vice president", "en")]),
    ("finance_minister", [("ministre des Finances", "fr"), ("finance minister", "en"),
                          ("ministre de l'Économie et des Finances", "fr")]),
    ("coach", [("entraîneur", "fr"), ("entraîneuse", "fr"), ("coach", "en"),
               ("manager", "en"), ("head coach", "en")]),
    ("prime_minister", [("premier ministre", "fr"), ("Première ministre", "fr"),
                        ("prime minister", "en")]),
    ("head_of_research", [("directeur de la recherche", "fr"),
                          ("directrice de la recherche", "fr"), ("head of research", "en")]),
    ("deputy_managing_director", [("directeur général adjoint", "fr"),
                                  ("directrice générale déléguée", "fr")]),
    ("co_founder", [("cofondatrice", "fr"), ("co-fondateur", "fr"), ("co-founder", "en"),
                    ("cofounder", "en")]),
    ("board_member", [("administratrice", "fr"), ("non-executive director", "en")]),
])
def test_forms_share_one_key(key, forms):
    for form, lang in forms:
        assert normalize_role(form, lang) == key, form


@pytest.mark.parametrize("form, lang, key", [
    ("CEO of Acme Robotics", "en", "ceo"),
    ("Vantora's chief executive", "en", "ceo"),
    ("directeur général de Lumeris", "fr", "managing_director"),
    ("directrice financière du groupe Halvard", "fr", "cfo"),
    ("nouveau directeur financier par intérim", "fr", "cfo"),
    ("l’ancienne directrice financière", "fr", "cfo"),
    ("the new interim CEO", "en", "ceo"),
    ("former group CFO", "en", "cfo"),
    ("chief executive officer (CEO)", "en", "ceo"),
    ("présidente sortante", "fr", "president"),
    ("co-founder and CEO", "en", "co_founder"),
    ("  Directeur   Technique  ", "fr", "cto"),
])
def test_titles_with_organisations_and_modifiers(form, lang, key):
    assert normalize_role(form, lang) == key


def test_language_decides_ambiguous_forms():
    assert normalize_role("secretary of state", "en") == "foreign_minister"
    assert normalize_role("secrétaire d'État", "fr") == "junior_minister"


@pytest.mark.parametrize("form", ["plombier", "", "   ", "Acme Robotics", "the", "de la"])
def test_unknown_roles_are_none(form):
    assert normalize_role(form, "fr") is None


def test_labels():
    assert role_label("cfo") == "chief financial officer"
    assert role_label("ceo") == "chief executive officer"
    assert role_label(normalize_role("directeur scientifique", "fr")) == "chief scientist"
    with pytest.raises(KeyError, match="nosuchrole"):
        role_label("nosuchrole")


def test_every_key_has_a_label_and_its_label_resolves_back():
    keys = role_keys()
    assert len(keys) > 50
    for key in keys:
        label = role_label(key)
        assert label and normalize_role(label) == key, key


def test_data_file_has_no_form_claimed_twice_within_a_language():
    raw = json.loads(resources.files("talentflow.resolve").joinpath("data", "roles.json")
                     .read_text(encoding="utf-8"))
    for lang in ("en", "fr"):
        owners: dict[str, str] = {}
        for key, entry in raw["roles"].items():
            for form in entry.get(lang, []):
                folded = form.lower()
                assert owners.setdefault(folded, key) == key, (lang, form)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.sampled_from(["fr", "en", None]))
def test_never_raises_and_returns_a_known_key(text, lang):
    key = normalize_role(text, lang)
    assert key is None or key in role_keys()


@pytest.mark.parametrize("form, lang, key", [
    ("ministre de l'Agriculture", "fr", "agriculture_minister"),
    ("energy minister", "en", "energy_minister"),
    ("ministre de la Pêche", "fr", "minister"),  # a portfolio not listed is still a minister
    ("fisheries minister", "en", "minister"),
    ("envoyée spéciale", "fr", "special_envoy"),
    ("special envoy to the Sahel", "en", "special_envoy"),
    ("procureure", "fr", "prosecutor"),
    ("présentatrice", "fr", "presenter"),
    ("news anchor", "en", "presenter"),
    ("chef d'état-major des armées", "fr", "chief_of_defence_staff"),
    ("archevêque de Bordeaux", "fr", "archbishop"),
    ("national security adviser", "en", "national_security_advisor"),
    ("running back", "en", "player"),
    ("correspondante", "fr", "journalist"),
])
def test_government_media_military_and_church_titles(form, lang, key):
    assert normalize_role(form, lang) == key


@pytest.mark.parametrize("form, lang, key", [
    ("administrateurs", "fr", "board_member"),
    ("directeurs financiers", "fr", "cfo"),
    ("vice presidents", "en", "vice_president"),
    ("sales director", "en", "cco"),  # a listed form ending in "s" is not singularised
    ("directrice administrative et financière", "fr", "cfo"),
    ("préfète", "fr", "prefect"),
    ("directrice artistique", "fr", "artistic_director"),
    ("secrétaire générale adjointe", "fr", "deputy_secretary_general"),
    ("patronne", "fr", "head"),
    ("colonel", "fr", "military_officer"),
    ("avocate", "fr", "lawyer"),
])
def test_plurals_and_more_titles(form, lang, key):
    assert normalize_role(form, lang) == key
