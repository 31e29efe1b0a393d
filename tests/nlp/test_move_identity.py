"""Names that are one person or one organisation within an article (invented names)."""
from __future__ import annotations

from talentflow.nlp.move_identity import by_surname, same_org, same_person, surname


def test_a_bare_surname_and_an_initial_are_the_full_name():
    assert same_person("Léa Marchetti", "Marchetti")
    assert same_person("Léa Marchetti", "L. Marchetti")
    assert same_person("Lea Marchetti", "Léa Marchetti")  # accents folded
    assert not same_person("Léa Marchetti", "Paul Marchetti")
    assert not same_person("", "Marchetti")


def test_an_organisation_matches_a_shorter_or_longer_form_of_itself():
    assert same_org("Corvane Labs", "Corvane")
    assert not same_org("Corvane Labs", "Tessaro")
    assert not same_org(None, "Corvane")


def test_items_are_indexed_by_folded_surname():
    index = by_surname(["Léa Marchetti", "Marchetti", "Paul Oyelaran"], lambda name: name)
    assert surname("Léa Marchetti") == "marchetti"
    assert index["marchetti"] == ["Léa Marchetti", "Marchetti"]
    assert index["oyelaran"] == ["Paul Oyelaran"]
