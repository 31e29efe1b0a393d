"""Money amounts in French and English. Sentences are invented for these tests."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentflow.nlp.money import MoneyMatch, find_amounts, parse_amount


def found(text: str, lang: str) -> list[tuple[str, float, str | None]]:
    matches = find_amounts(text, lang)
    for m in matches:
        assert text[m.start:m.end] == m.text
    return [(m.text, m.amount, m.currency) for m in matches]


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Vertigo investit 4 milliards de dollars dans Nuvola.",
     [("4 milliards de dollars", 4e9, "USD")]),
    ("fr", "une levée de 1,5 milliard d'euros", [("1,5 milliard d'euros", 1.5e9, "EUR")]),
    ("fr", "une levée de 1,5 milliard d’euros", [("1,5 milliard d’euros", 1.5e9, "EUR")]),
    ("fr", "un tour de 300 millions d'euros", [("300 millions d'euros", 3e8, "EUR")]),
    ("fr", "elle a levé 10 M€ auprès de fonds", [("10 M€", 1e7, "EUR")]),
    ("fr", "une valorisation de 2 Md$", [("2 Md$", 2e9, "USD")]),
    ("fr", "un financement de 2,5 Mds€", [("2,5 Mds€", 2.5e9, "EUR")]),
    ("en", "a seed round of £650,000", [("£650,000", 650000.0, "GBP")]),
    ("en", "it raised $1.3m from angels", [("$1.3m", 1.3e6, "USD")]),
    ("en", "a $4 billion investment", [("$4 billion", 4e9, "USD")]),
    ("en", "a €500 million fund", [("€500 million", 5e8, "EUR")]),
    ("fr", "une bourse de 200 000 dollars", [("200 000 dollars", 2e5, "USD")]),
    ("fr", "une bourse de 200\u00a0000 dollars", [("200\u00a0000 dollars", 2e5, "USD")]),
    ("fr", "une bourse de 200\u202f000 €", [("200\u202f000 €", 2e5, "EUR")]),
    ("en", "a 1.2bn deal", [("1.2bn", 1.2e9, None)]),
    ("en", "a ¥5 billion loan", [("¥5 billion", 5e9, "JPY")]),
    ("en", "a 5 billion yen loan", [("5 billion yen", 5e9, "JPY")]),
    ("fr", "50 millions de francs suisses", [("50 millions de francs suisses", 5e7, "CHF")]),
    ("fr", "10 millions de livres sterling", [("10 millions de livres sterling", 1e7, "GBP")]),
    ("en", "3 million Swiss francs", [("3 million Swiss francs", 3e6, "CHF")]),
    ("en", "a $50M round", [("$50M", 5e7, "USD")]),
    ("en", "USD 5 million", [("USD 5 million", 5e6, "USD")]),
    ("en", "CHF 12 million", [("CHF 12 million", 1.2e7, "CHF")]),
    ("fr", "un milliard de dollars", [("un milliard de dollars", 1e9, "USD")]),
    ("en", "a billion dollars", [("a billion dollars", 1e9, "USD")]),
    ("en", "$1,300,000 in grants", [("$1,300,000", 1.3e6, "USD")]),
    ("fr", "1.500.000 euros de dette", [("1.500.000 euros", 1.5e6, "EUR")]),
    ("fr", "650,000 dollars", [("650,000 dollars", 6.5e5, "USD")]),
    ("fr", "5 k€ par mois", [("5 k€", 5e3, "EUR")]),
    ("fr", "20 millions de dollars canadiens", [("20 millions de dollars canadiens", 2e7,
                                                 "CAD")]),
    ("en", "C$20 million", [("C$20 million", 2e7, "CAD")]),
    ("en", "HK$3bn", [("HK$3bn", 3e9, "HKD")]),
    ("en", "an A$40m stake", [("A$40m", 4e7, "AUD")]),
    ("fr", "4 billions de dollars", [("4 billions de dollars", 4e12, "USD")]),
])
def test_amounts(lang, text, expected):
    assert found(text, lang) == expected


@pytest.mark.parametrize("lang, text", [
    ("fr", "300 millions d'utilisateurs"),
    ("fr", "Le groupe compte 12 000 salariés."),
    ("fr", "Il mesure 3 m de haut."),
    ("en", "The tower is 300 m tall."),
    ("en", "In 2021, 40 people joined."),
    ("en", "He scored 25 points."),
])
def test_not_money(lang, text):
    assert found(text, lang) == []


def test_several_amounts_in_order_and_counts_ignored():
    text = "The firm has 2,000 employees, $3.5 billion in revenue and a £20m fund."
    assert found(text, "en") == [("$3.5 billion", 3.5e9, "USD"), ("£20m", 2e7, "GBP")]


def test_year_before_an_amount_is_not_part_of_it():
    assert found("en 2021 300 millions d'euros", "fr") == [("300 millions d'euros", 3e8,
                                                           "EUR")]


def test_decimal_comma_depends_on_language():
    assert found("2,5 millions d'euros", "fr") == [("2,5 millions d'euros", 2.5e6, "EUR")]
    assert found("1,500 dollars", "en") == [("1,500 dollars", 1500.0, "USD")]
    assert found("1,500 milliard d'euros", "fr") == [("1,500 milliard d'euros", 1.5e9, "EUR")]


class TestParseAmount:
    @pytest.mark.parametrize("expr, lang, expected", [
        ("4 milliards de dollars", "fr", (4e9, "USD")),
        ("$2bn", "en", (2e9, "USD")),
        ("300 millions", "fr", (3e8, None)),
        ("4 milliards", "fr", (4e9, None)),
        ("1,5 milliard", "fr", (1.5e9, None)),
        ("12", "en", (12.0, None)),
        ("dollars", "fr", (None, "USD")),
        ("€", "fr", (None, "EUR")),
        ("beaucoup", "fr", (None, None)),
        ("", "en", (None, None)),
    ])
    def test_parse(self, expr, lang, expected):
        assert parse_amount(expr, lang) == expected


def test_money_match_is_a_frozen_value():
    with pytest.raises(AttributeError):
        MoneyMatch(0, 2, "$1", 1.0, "USD").amount = 2.0  # type: ignore[misc]


_PIECES = st.sampled_from([
    "4 milliards de dollars", "$1.3m", "£650,000", "10 M€", "1.2bn", "200 000", "dollars",
    "€", "$", "1,5", "millions", "d'euros", " ", ",", ".", "\u202f", "2021", "bn", "m", "k€",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=12),
       st.sampled_from(["fr", "en", ""]))
def test_offsets_always_index_the_text(pieces, lang):
    text = "".join(pieces)
    previous_end = 0
    for m in find_amounts(text, lang):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= previous_end
        previous_end = m.end
        assert m.amount >= 0


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "AMD shares rose.", []),  # a capital A before "MD" is no "a" billion
    ("en", "It weighs 6.6 pounds.", []),
    ("fr", "Elle a écrit 300 livres.", []),
    ("fr", "un contrat de 10 millions de livres", [("10 millions de livres", 1e7, "GBP")]),
    ("en", "a 10 million pound deal", [("10 million pound", 1e7, "GBP")]),
    ("en", "a $140-million bid", [("$140-million", 1.4e8, "USD")]),
    ("en", "the 100, 000 pounds of cheese", []),  # converter-spaced digits: no "000 pounds"
    ("en", "sold for $1, 799 each", [("$1, 799", 1799.0, "USD")]),
    ("en", "a dollar a day", [("a dollar", 1.0, "USD")]),
])
def test_ambiguous_units_and_spacing(lang, text, expected):
    assert found(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "a $3-5 million round", [("$3-5 million", 3e6, "USD")]),
    ("en", "worth $3 to $5 billion", [("$3 to $5 billion", 3e9, "USD")]),
    ("en", "between $3 and $5 million", [("$3 and $5 million", 3e6, "USD")]),
    ("en", "a €2–3bn plan", [("€2–3bn", 2e9, "EUR")]),
])
def test_a_range_reads_as_its_lower_bound_at_the_shared_scale(lang, text, expected):
    assert found(text, lang) == expected
