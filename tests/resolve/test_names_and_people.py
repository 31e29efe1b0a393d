"""Name keys, the shipped organisation aliases and the fuzzy same-person rule."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from talentflow.resolve.names import org_key, person_key, surname_key
from talentflow.resolve.orgs import shipped_aliases, shipped_canonical
from talentflow.resolve.people import given_names_match, same_person


@pytest.mark.parametrize("a, b", [
    ("Éloïse Dupré-Lanvin", "eloise dupre lanvin"),
    ("  Jean   Roche ", "JEAN ROCHE"),
    ("O’Connor Liam", "O'Connor Liam"),
])
def test_person_keys_fold_accents_case_and_punctuation(a, b):
    assert person_key(a) == person_key(b)


@pytest.mark.parametrize("a, b", [
    ("Acme SAS", "ACME"), ("Acme Inc.", "acme"), ("Open AI", "OpenAI"),
    ("Société Générale S.A.", "societe generale"), ("Zeta GmbH & Co. KG", "Zeta GmbH"),
])
def test_org_keys_drop_legal_suffixes_and_spaces(a, b):
    assert org_key(a) == org_key(b)


def test_org_keys_keep_a_name_that_is_only_a_suffix():
    assert org_key("SA") == "sa"
    assert org_key("Acme Holding") != org_key("Acme")


def test_shipped_aliases_are_true_aliases_only():
    assert shipped_canonical("DeepMind") == "Google DeepMind"
    assert shipped_canonical("open ai") == "OpenAI"
    assert shipped_canonical("Facebook") == "Meta"
    # A parent company or a division is another organisation.
    assert shipped_canonical("Alphabet") is None and shipped_canonical("Google Brain") is None
    assert shipped_canonical("Google") is None


def test_shipped_alias_file_names_each_key_once():
    raw = json.loads(resources.files("talentflow.resolve").joinpath("data/org_aliases.json")
                     .read_text(encoding="utf-8"))
    names = [n for canonical, aliases in raw.items() if not canonical.startswith("_")
             for n in (canonical, *aliases)]
    assert len({org_key(n) for n in names}) == len(names) == len(shipped_aliases())


@pytest.mark.parametrize("a, b, same", [
    ("jon", "john", True), ("sergei", "sergey", True), ("alex", "alexander", True),
    ("j", "john", True), ("marie", "mario", False), ("daniel", "daniela", False),
    ("jean", "jeanne", False), ("pierre", "paul", False), ("", "john", False),
])
def test_given_names(a, b, same):
    assert given_names_match(a, b) is same


def test_same_person_needs_a_shared_organisation_and_surname():
    assert same_person(["Jon Varga"], {1}, ["John Varga"], {1, 2})
    assert not same_person(["Jon Varga"], {1}, ["John Varga"], {2})
    assert not same_person(["Jon Varga"], {1}, ["Jon Vargas"], {1})
    assert surname_key("Ana de la Vega") == "vega"
