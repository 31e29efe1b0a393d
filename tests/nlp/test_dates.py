"""Date finding, French and English, against a publication date.

Sentences are invented for these tests. PUB is a Wednesday.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentflow.nlp.dates import DateMatch, find_dates

PUB = "2024-10-02"  # Wednesday 2 October 2024


def found(text: str, lang: str, pub: str | None = PUB) -> list[tuple[str, str]]:
    matches = find_dates(text, lang, pub)
    for m in matches:
        assert text[m.start:m.end] == m.text
    return [(m.text, m.value) for m in matches]


@pytest.mark.parametrize("text, expected", [
    ("Marion Delorme a rejoint Bricolux en mai dernier.", [("en mai dernier", "2024-05")]),
    ("Il a quitté le groupe en mai.", [("en mai", "2024-05")]),
    ("Elle est arrivée en décembre.", [("en décembre", "2023-12")]),
    ("Il a été nommé le 3 septembre.", [("le 3 septembre", "2024-09-03")]),
    ("Nommé le 3 septembre 2021, il part.", [("le 3 septembre 2021", "2021-09-03")]),
    ("Elle a pris ses fonctions le 1er mars.", [("le 1er mars", "2024-03-01")]),
    ("Il a démissionné jeudi.", [("jeudi", "2024-09-26")]),
    ("Il a démissionné jeudi dernier.", [("jeudi dernier", "2024-09-26")]),
    ("Le conseil s'est réuni mercredi.", [("mercredi", "2024-10-02")]),
    ("Le conseil s'est réuni mercredi dernier.", [("mercredi dernier", "2024-09-25")]),
    ("Elle sera reçue ce vendredi.", [("ce vendredi", "2024-10-04")]),
    ("Il arrivera lundi prochain.", [("lundi prochain", "2024-10-07")]),
    ("La nomination a été annoncée hier.", [("hier", "2024-10-01")]),
    ("Elle prend ses fonctions aujourd'hui.", [("aujourd'hui", "2024-10-02")]),
    ("Elle prend ses fonctions aujourd’hui.", [("aujourd’hui", "2024-10-02")]),
    ("Il l'a confirmé avant-hier.", [("avant-hier", "2024-09-30")]),
    ("Il a été remercié la semaine dernière.", [("la semaine dernière", "2024-09")]),
    ("Il a été remercié le mois dernier.", [("le mois dernier", "2024-09")]),
    ("Elle a rejoint la firme l'an dernier.", [("l'an dernier", "2023")]),
    ("Elle a rejoint la firme l'année dernière.", [("l'année dernière", "2023")]),
    ("La société a été fondée en 2021.", [("en 2021", "2021")]),
    ("Il arrive début septembre.", [("début septembre", "2024-09")]),
    ("Il partira fin 2023.", [("fin 2023", "2023")]),
    ("Il est parti à la mi-juin.", [("à la mi-juin", "2024-06")]),
    ("Il est parti mi-juin.", [("mi-juin", "2024-06")]),
    ("Elle a été promue cette année.", [("cette année", "2024")]),
    ("Il a fondé sa société il y a deux ans.", [("il y a deux ans", "2022")]),
    ("Il a fondé sa société il y a 3 mois.", [("il y a 3 mois", "2024-07")]),
    ("Elle dirige l'équipe depuis janvier.", [("depuis janvier", "2024-01")]),
    ("Nomination effective au 1er janvier 2025.", [("au 1er janvier 2025", "2025-01-01")]),
    ("Il sera en poste à partir du 1er avril.", [("à partir du 1er avril", "2025-04-01")]),
    ("Elle prendra ses fonctions le 1er décembre.", [("le 1er décembre", "2024-12-01")]),
    ("Elle a été nommée le jeudi 26 septembre.", [("le jeudi 26 septembre", "2024-09-26")]),
    ("Il est arrivé au mois d'août.", [("au mois d'août", "2024-08")]),
    ("Ce sera fin du mois de juin 2025.", [("fin du mois de juin 2025", "2025-06")]),
    ("La fusion date de mai 2019.", [("mai 2019", "2019-05")]),
    ("Le titre a bondi au premier trimestre 2023.", [("au premier trimestre 2023", "2023")]),
    ("Elle a été recrutée l'été dernier.", [("l'été dernier", "2024")]),
    ("Il arrive à partir de janvier.", [("à partir de janvier", "2025-01")]),
    ("Signé le 03/09/2024 à Lyon.", [("03/09/2024", "2024-09-03")]),
    ("Publié le 2024-09-03.", [("2024-09-03", "2024-09-03")]),
    ("Il y a été nommé le 3 septembre dernier.", [("le 3 septembre dernier", "2024-09-03")]),
    ("Il avait démarré l'an passé.", [("l'an passé", "2023")]),
    ("Il partira l'année prochaine.", [("l'année prochaine", "2025")]),
    ("Il l'a annoncé fin de l'année dernière.", [("fin de l'année dernière", "2023")]),
    ("Il partira le mois prochain.", [("le mois prochain", "2024-11")]),
    ("Les résultats de cette semaine.", [("cette semaine", "2024-10")]),
])
def test_french_expressions(text, expected):
    assert found(text, "fr") == expected


@pytest.mark.parametrize("text, expected", [
    ("Dana Whitfield joined Corvex last Tuesday.", [("last Tuesday", "2024-10-01")]),
    ("The board met on Tuesday.", [("on Tuesday", "2024-10-01")]),
    ("The board met on Wednesday.", [("on Wednesday", "2024-10-02")]),
    ("He resigned yesterday.", [("yesterday", "2024-10-01")]),
    ("She starts today.", [("today", "2024-10-02")]),
    ("She left in May.", [("in May", "2024-05")]),
    ("She left in November.", [("in November", "2023-11")]),
    ("She left last May.", [("last May", "2024-05")]),
    ("She was hired May 3.", [("May 3", "2024-05-03")]),
    ("She was hired on 3 May 2022.", [("on 3 May 2022", "2022-05-03")]),
    ("She was hired on May 3, 2022.", [("on May 3, 2022", "2022-05-03")]),
    ("She was hired on Tuesday, May 3, 2022.", [("on Tuesday, May 3, 2022", "2022-05-03")]),
    ("He took over earlier this year.", [("earlier this year", "2024")]),
    ("He took over last year.", [("last year", "2023")]),
    ("He took over this month.", [("this month", "2024-10")]),
    ("He took over last month.", [("last month", "2024-09")]),
    ("The lab was founded in 2021.", [("in 2021", "2021")]),
    ("She arrives in early September.", [("in early September", "2024-09")]),
    ("She left late 2023.", [("late 2023", "2023")]),
    ("She left in mid-June.", [("in mid-June", "2024-06")]),
    ("He founded it two years ago.", [("two years ago", "2022")]),
    ("He founded it 5 days ago.", [("5 days ago", "2024-09-27")]),
    ("The change is effective January 1.", [("effective January 1", "2025-01-01")]),
    ("He was promoted last week.", [("last week", "2024-09")]),
    ("Results for Q1 2024 were strong.", [("Q1 2024", "2024")]),
    ("It closed in the first quarter of 2024.", [("in the first quarter of 2024", "2024")]),
    ("She joined last summer.", [("last summer", "2024")]),
    ("He will join next year.", [("next year", "2025")]),
    ("He will join next Monday.", [("next Monday", "2024-10-07")]),
    ("He was named on September 30.", [("on September 30", "2024-09-30")]),
    ("He was named on the 3rd of May.", [("on the 3rd of May", "2024-05-03")]),
    ("He was named in September 2020.", [("in September 2020", "2020-09")]),
    ("He left at the end of last year.", [("at the end of last year", "2023")]),
    ("The 2019 uprising ousted the governor.", [("The 2019", "2019")]),
])
def test_english_expressions(text, expected):
    assert found(text, "en") == expected


@pytest.mark.parametrize("lang, text", [
    ("fr", "Le rendez-vous est à 14h."),
    ("fr", "Le groupe emploie 2021 salariés."),
    ("fr", "En 2000 magasins, la marque est présente."),
    ("fr", "La sonde a atteint Mars."),
    ("fr", "Elle dirige le groupe depuis deux ans."),
    ("fr", "Le jeudi, il donne cours."),
    ("en", "She may join the board."),
    ("en", "Clara May said so."),
    ("en", "It operates in 2000 stores."),
    ("en", "He sold the 2000 shares."),
    ("en", "The march ended peacefully."),
    ("en", "He earned $2021 last."),
])
def test_things_that_are_not_dates(lang, text):
    assert [m for m in find_dates(text, lang, PUB) if m.text not in ("last",)] == []


def test_no_publication_date_keeps_absolute_dates_only():
    text = "Nommé le 3 septembre 2021, il est parti en mai dernier, jeudi, puis en 2023."
    assert found(text, "fr", None) == [("le 3 septembre 2021", "2021-09-03"),
                                       ("en 2023", "2023")]
    assert found("He left last May, then on May 3, 2022.", "en", None) == [
        ("on May 3, 2022", "2022-05-03")]


def test_month_precision_publication_date_resolves_months_but_not_days():
    assert found("en mai dernier, puis hier", "fr", "2024-10") == [("en mai dernier", "2024-05")]
    assert found("l'an dernier, puis en mai", "fr", "2024") == [("l'an dernier", "2023")]


def test_malformed_publication_date_is_treated_as_unknown():
    assert found("hier", "fr", "not a date") == []
    assert found("hier", "fr", "2024-02-30") == []


class TestCalendarEdges:
    def test_last_month_in_january_is_previous_december(self):
        assert found("le mois dernier", "fr", "2025-01-15") == [("le mois dernier", "2024-12")]
        assert found("last month", "en", "2025-01-15") == [("last month", "2024-12")]

    def test_last_weekday_crossing_the_year(self):
        # 2025-01-01 is a Wednesday: the previous Friday is 2024-12-27
        assert found("vendredi dernier", "fr", "2025-01-01") == [("vendredi dernier",
                                                                  "2024-12-27")]

    def test_dernier_month_crossing_the_year(self):
        assert found("en novembre dernier", "fr", "2025-02-10") == [("en novembre dernier",
                                                                     "2024-11")]

    def test_yesterday_on_first_of_march_in_leap_year(self):
        assert found("hier", "fr", "2024-03-01") == [("hier", "2024-02-29")]
        assert found("yesterday", "en", "2023-03-01") == [("yesterday", "2023-02-28")]

    def test_leap_day(self):
        assert found("le 29 février 2024", "fr") == [("le 29 février 2024", "2024-02-29")]
        # not a day in 2023: fall back to the month the text does give
        assert found("le 29 février 2023", "fr") == [("février 2023", "2023-02")]

    def test_leap_day_without_year_picks_a_leap_year(self):
        assert found("le 29 février", "fr", "2025-06-01") == [("le 29 février", "2024-02-29")]

    def test_day_in_january_read_in_december_is_upcoming(self):
        assert found("le 10 janvier", "fr", "2024-12-15") == [("le 10 janvier", "2025-01-10")]

    def test_last_week_straddling_two_months_takes_the_majority_month(self):
        # pub Wed 2024-10-09: last week is Mon 30 Sep .. Sun 6 Oct, mostly October
        assert found("la semaine dernière", "fr", "2024-10-09") == [("la semaine dernière",
                                                                     "2024-10")]

    def test_weekday_fixes_the_year_of_a_day_without_year(self):
        # 26 September was a Thursday in 2024, a Tuesday in 2023
        assert found("mardi 26 septembre", "fr") == [("mardi 26 septembre", "2023-09-26")]


def test_date_match_is_a_frozen_value():
    m = DateMatch(0, 4, "hier", "2024-10-01")
    with pytest.raises(AttributeError):
        m.value = "x"  # type: ignore[misc]


def test_multiple_dates_in_one_sentence_come_out_in_order():
    text = ("Fondée en 2019, la société a nommé jeudi dernier Inès Varga, arrivée en mars "
            "2022, au poste de directrice, avec effet au 1er novembre.")
    assert found(text, "fr") == [("en 2019", "2019"), ("jeudi dernier", "2024-09-26"),
                                 ("en mars 2022", "2022-03"),
                                 ("au 1er novembre", "2024-11-01")]


# ---------------------------------------------------------------- properties

_PIECES = st.sampled_from([
    "hier", "jeudi", "jeudi dernier", "en mai dernier", "le 3 septembre", "l'an dernier",
    "la semaine dernière", "le mois dernier", "début mars", "fin 2023", "il y a deux ans",
    "last Tuesday", "last May", "yesterday", "May 3", "last week", "2021", "en 2021", "mai",
    "à 14h", "12/13/2024", "le 31 février", "Mars", " ", ", ", ".", "é", "’", "\u202f", "\n",
])
_DAYS = st.dates(min_value=__import__("datetime").date(1990, 1, 1),
                 max_value=__import__("datetime").date(2060, 12, 31))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=12), _DAYS,
       st.sampled_from(["fr", "en", "de"]))
def test_offsets_always_index_the_text(pieces, day, lang):
    text = " ".join(pieces)
    matches = find_dates(text, lang, day.isoformat())
    previous_end = 0
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= previous_end  # ordered and never overlapping
        previous_end = m.end
        assert len(m.value) in (4, 7, 10)


_PAST_TENSE = st.sampled_from([
    ("fr", "jeudi dernier"), ("fr", "lundi dernier"), ("fr", "dimanche dernier"),
    ("fr", "en mai dernier"), ("fr", "en décembre dernier"), ("fr", "janvier dernier"),
    ("fr", "le mois dernier"), ("fr", "l'an dernier"), ("fr", "l'année dernière"),
    ("fr", "la semaine dernière"), ("fr", "le 3 septembre dernier"),
    ("fr", "le 31 décembre dernier"), ("fr", "l'été dernier"), ("fr", "hier"),
    ("fr", "avant-hier"), ("fr", "il y a deux semaines"),
    ("en", "last Tuesday"), ("en", "last Sunday"), ("en", "last May"), ("en", "last December"),
    ("en", "last month"), ("en", "last year"), ("en", "last week"), ("en", "yesterday"),
    ("en", "last summer"), ("en", "three weeks ago"),
])


_CONTEXTS = st.sampled_from([
    ("", ""), ("Il prendra ses fonctions, nommé ", "."), ("She will say she left ", "."),
    ("Le 3 mars 2001, puis ", ""), ("On March 3, 2001, then ", ""), ("Il a annoncé ", "."),
])


@settings(max_examples=300, deadline=None)
@given(_PAST_TENSE, _DAYS, _CONTEXTS)
def test_past_expressions_never_resolve_after_publication(case, day, context):
    lang, expr = case
    before, after = context
    text = before + expr + after
    pub = day.isoformat()
    matches = [m for m in find_dates(text, lang, pub) if m.start >= len(before)]
    assert len(matches) == 1 and matches[0].text == expr
    value = matches[0].value
    assert value <= pub[:len(value)]


class TestTenseAndContext:
    """The clause's tense and nearby dates choose the year of a day or month without one."""

    @pytest.mark.parametrize("lang, text, expected", [
        ("fr", "Vendredi, la présidente a dit qu'elle allait partir en mars.",
         [("Vendredi", "2024-09-27"), ("en mars", "2025-03")]),
        ("fr", "En mars, il prendra la direction du laboratoire.", [("En mars", "2025-03")]),
        ("fr", "En mars, il a pris la direction du laboratoire.", [("En mars", "2024-03")]),
        ("fr", "Il a quitté ses fonctions le 31 décembre.", [("le 31 décembre", "2023-12-31")]),
        ("fr", "Il quittera ses fonctions le 31 décembre.", [("le 31 décembre", "2024-12-31")]),
        # a reporting verb dates the report, not the reported event: bare French day = this year
        ("fr", "Lucie Amaral a annoncé qu'elle partait le 31 décembre.",
         [("le 31 décembre", "2024-12-31")]),
        ("en", "She will join Kestrel in February.", [("in February", "2025-02")]),
        ("en", "She joined Kestrel in February.", [("in February", "2024-02")]),
        ("en", "He left on December 31.", [("on December 31", "2023-12-31")]),
        ("en", "He will be appointed on December 31.", [("on December 31", "2024-12-31")]),
        ("en", "She said she'll join in March.", [("in March", "2025-03")]),
        ("en", "He is expected to step down in December.", [("in December", "2024-12")]),
        ("en", "He is held pending a hearing on October 9.", [("on October 9", "2024-10-09")]),
    ])
    def test_tense_of_the_clause(self, lang, text, expected):
        assert found(text, lang) == expected

    def test_bare_french_day_is_this_years_unless_long_past(self):
        assert found("La réunion du 18 novembre.", "fr") == [("du 18 novembre", "2024-11-18")]
        assert found("La réunion du 5 janvier.", "fr", "2024-12-20") == [("du 5 janvier",
                                                                           "2025-01-05")]

    @pytest.mark.parametrize("lang, text, expected", [
        ("fr", "La réunion du 18 janvier de cette année.",
         [("du 18 janvier de cette année", "2024-01-18")]),
        ("fr", "Nommée le 12 juillet de l'année dernière.",
         [("le 12 juillet de l'année dernière", "2023-07-12")]),
        ("fr", "Arrivé en mars l'an dernier.", [("en mars l'an dernier", "2023-03")]),
        ("en", "He arrived in March last year.", [("in March last year", "2023-03")]),
        ("en", "He arrives on June 3 next year.", [("on June 3 next year", "2025-06-03")]),
    ])
    def test_year_named_after_the_day_or_month(self, lang, text, expected):
        assert found(text, lang) == expected

    def test_a_day_in_a_story_told_in_another_year(self):
        text = ("The board removed Ada Quint on March 3, 2019, after a long dispute. "
                "She signed her resignation on March 9.")
        assert found(text, "en", "2024-10-02") == [("on March 3, 2019", "2019-03-03"),
                                                   ("on March 9", "2019-03-09")]

    def test_a_new_paragraph_drops_the_story_year(self):
        text = "The lab opened on March 3, 2019.\nShe signed her contract on March 9."
        assert found(text, "en", "2024-10-02")[-1] == ("on March 9", "2024-03-09")


class TestRanges:
    @pytest.mark.parametrize("lang, text, expected", [
        ("fr", "Le congrès s'est tenu les 16 et 17 juin.", [("les 16 et 17 juin", "2024-06")]),
        ("fr", "Le salon a lieu du 3 au 5 mai 2023.", [("du 3 au 5 mai 2023", "2023-05")]),
        ("en", "The summit ran June 16-17.", [("June 16-17", "2024-06")]),
        ("en", "The summit ran on 16 and 17 June 2022.", [("on 16 and 17 June 2022",
                                                            "2022-06")]),
        ("en", "She served as mayor, 1998–2004, then as senator.",
         [("1998", "1998"), ("2004", "2004")]),
        ("fr", "Il a dirigé le club entre 2004 et 2007.", [("entre 2004", "2004"),
                                                          ("2007", "2007")]),
    ])
    def test_ranges(self, lang, text, expected):
        assert found(text, lang) == expected

    def test_a_count_after_a_year_is_no_range(self):
        assert found("entre 1990 et 2000 salariés", "fr") == [("entre 1990", "1990")]


def test_super_tuesday_is_not_a_tuesday():
    assert found("Before Super Tuesday, she campaigned.", "en") == []


def test_effective_date_by_deadline():
    assert found("Il doit partir d'ici au 15 novembre.", "fr") == [("d'ici au 15 novembre",
                                                                    "2024-11-15")]


def test_this_year_followed_by_a_year_is_that_year():
    assert found("Au cours de cette année 2019, le groupe a recruté.", "fr") == [
        ("Au cours de cette année 2019", "2019")]


def test_a_newspaper_named_after_a_weekday_is_no_date():
    assert found("selon le Journal du dimanche", "fr") == []


def test_that_year_refers_to_the_story_not_to_publication():
    assert found("Cette année-là, elle a rejoint la banque.", "fr") == []


def test_start_of_this_year():
    assert found("Il dirige l'équipe depuis le début de l'année.", "fr") == [
        ("le début de l'année", "2024")]


def test_of_may_is_not_a_month_but_the_month_of_may_is():
    assert found("The premiership of May ended.", "en") == []
    assert found("in the month of May", "en") == [("month of May", "2024-05")]


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Son arrivée est prévue en mars.", [("en mars", "2025-03")]),
    ("en", "Her arrival is scheduled for March 3.", [("March 3", "2025-03-03")]),
])
def test_planned_events_look_forward(lang, text, expected):
    assert found(text, lang) == expected


def test_dates_within_spans_are_those_a_whole_scan_finds_there():
    """Searching only the facts' sentences (plus the context their dates read) keeps every
    date inside them, a story year counted from an earlier paragraph included."""
    text = ("Lucie Marchetti entre chez Vantor en mars 2015.\n"
            + "Le groupe publie ses comptes.\n" * 12
            + "Deux ans plus tard, elle rejoint Kalmio. Elle quittera Brenva jeudi prochain.\n"
            + "Le 3 septembre dernier, Tom Verhoeven a rejoint Quill Systems.")
    second = text.index("Deux ans")
    spans = [(second, text.index("\n", second)), (text.rindex("\n") + 1, len(text))]
    whole = find_dates(text, "fr", PUB)
    within = find_dates(text, "fr", PUB, within=spans)

    def inside(matches):
        return [(m.text, m.value) for m in matches
                if any(start <= m.start and m.end <= end for start, end in spans)]
    assert inside(within) == inside(whole) == [
        ("Deux ans plus tard", "2017"), ("jeudi prochain", "2024-10-03"),
        ("Le 3 septembre dernier", "2024-09-03")]
    assert all(text[m.start:m.end] == m.text for m in within)
