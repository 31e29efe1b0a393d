"""Robustness: odd texts never crash extraction and every evidence offset indexes the text.

Texts here are invented; the crashes they reproduce were found by benchmarks/crash_hunt.py.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talentflow.core import Article, Extraction
from talentflow.nlp import api, extract, extract_many
from talentflow.nlp.api import text_chunks
from talentflow.nlp.dates import find_dates


def assert_offsets_valid(text: str, extraction: Extraction) -> None:
    facts = [*extraction.moves, *extraction.foundings, *extraction.investments]
    for fact in facts:
        ev = fact.evidence
        assert 0 <= ev.start < ev.end <= len(text), (ev.start, ev.end, len(text))
        assert text[ev.start:ev.end] == ev.text
    for move in extraction.moves:
        for mention in move.mentions:
            assert text[mention.start:mention.end] == mention.text


# --- long articles: pieces on paragraph boundaries ------------------------------------

def test_text_chunks_cover_the_text_and_cut_after_paragraphs():
    text = "Premier paragraphe assez long.\n\nSecond paragraphe.\n\nTroisième ici."
    pieces = list(text_chunks(text, 40))
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 40 for _, piece in pieces)
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in pieces)
    assert pieces[0][1].endswith("\n\n")


def test_text_chunks_fall_back_to_spaces_then_a_hard_cut():
    assert [p for _, p in text_chunks("aaaa bbbb cccc", 6)] == ["aaaa ", "bbbb ", "cccc"]
    assert [p for _, p in text_chunks("x" * 10, 4)] == ["xxxx", "xxxx", "xx"]


FILLER_FR = "Le marché des fromages affinés reste calme cette saison dans la vallée.\n\n"
MOVE_FR = ("Isaure Valcombe a été nommée directrice générale de la société Brumelac "
           "en mars 2024.\n\n")


@pytest.mark.model
def test_an_article_over_max_length_is_read_in_pieces_with_offsets_into_the_whole(
        fr_nlp, monkeypatch):
    # The real limit is 1,000,000 characters; a small one keeps the test quick while
    # taking the same path (the several-megabyte case was checked by hand, see the report).
    monkeypatch.setattr(fr_nlp, "max_length", 3000)
    monkeypatch.setattr(api, "CHUNK_CHARS", 1000)
    text = FILLER_FR * 40 + MOVE_FR + FILLER_FR * 5
    assert len(text) > fr_nlp.max_length
    article = Article(id="long", text=text, lang="fr", date="2024-06-01")
    extraction = extract(article)
    assert [m.person for m in extraction.moves] == ["Isaure Valcombe"]
    assert extraction.moves[0].evidence.start > 2500
    assert_offsets_valid(text, extraction)
    [(_, streamed)] = list(extract_many([article]))
    assert streamed == extraction


def _recorder(calls: list):
    return lambda article, done, total, step: calls.append((article.id, done, total, step))


def _assert_counts_rise_to_the_total(calls: list, total: int) -> None:
    dones = [done for _, done, _, _ in calls]
    assert dones == list(range(total + 1))  # every step reported once, in order
    assert {t for _, _, t, _ in calls} == {total}
    assert calls[-1][3] == ""  # nothing left running


@pytest.mark.model
def test_progress_follows_each_step_of_an_article_and_changes_no_result(fr_nlp):
    text = FILLER_FR * 20 + MOVE_FR + FILLER_FR * 3
    article = Article(id="long", text=text, lang="fr", date="2024-06-01")
    calls: list = []
    extraction = extract(article, progress=_recorder(calls))
    steps = ["tokenizer", *fr_nlp.pipe_names, "facts"]
    _assert_counts_rise_to_the_total(calls, len(steps))
    assert [step for _, _, _, step in calls[:-1]] == steps
    assert extraction == extract(article)


@pytest.mark.model
def test_progress_counts_every_piece_of_an_article_over_max_length(fr_nlp, monkeypatch):
    monkeypatch.setattr(fr_nlp, "max_length", 3000)
    monkeypatch.setattr(api, "CHUNK_CHARS", 1000)
    text = FILLER_FR * 40 + MOVE_FR + FILLER_FR * 5
    article = Article(id="long", text=text, lang="fr", date="2024-06-01")
    calls: list = []
    extraction = extract(article, progress=_recorder(calls))
    pieces = len(list(text_chunks(text, 1000)))
    assert pieces > 1
    _assert_counts_rise_to_the_total(calls, pieces * (len(fr_nlp.pipe_names) + 2))
    assert extraction == extract(article)


@pytest.mark.model
def test_extract_many_reports_the_steps_of_long_articles_only(fr_nlp, monkeypatch):
    monkeypatch.setattr(api, "PROGRESS_MIN_CHARS", 2000)
    long = Article(id="long", text=FILLER_FR * 30 + MOVE_FR, lang="fr", date="2024-06-01")
    short = Article(id="short", text=MOVE_FR, lang="fr", date="2024-06-01")
    calls: list = []
    followed = list(extract_many([short, long], progress=_recorder(calls)))
    assert {article_id for article_id, *_ in calls} == {"long"}
    _assert_counts_rise_to_the_total(calls, len(fr_nlp.pipe_names) + 2)
    assert followed == list(extract_many([short, long]))


# --- arbitrary text never crashes ------------------------------------------------------

ODD_FRAGMENTS = (
    "👩‍💼🚀", "e\u0301te\u0301", "\u0000\u0007\u001b", "\u200b\u200d\u2028\u2029\u202e",
    "\t\r\x0b\x0c", "\n" * 60, "x" * 3000, "!?.;:…—«»" * 20, "9" * 400, "1e308 € $ 10^999",
    "M. ", "Mme ", "Dr ", "(", ")", "’", "'", "-", ". ", ", ",
)
MOVE_WORDS_FR = ("Ondine Casterac", "a été nommée", "directrice générale", "de Brumelac",
                 "a rejoint", "quitte", "fondée en 2019 par", "lève 3 millions d'euros",
                 "remplace", "le 3 mars", "Vireloc SA")
MOVE_WORDS_EN = ("Tobin Ashgrove", "was appointed", "chief executive", "of Quellmark",
                 "joined", "resigned from", "founded in 2019 by", "raised $3 million",
                 "replaces", "on March 3", "Harrowgate Inc")


def odd_texts(words: tuple[str, ...]):
    fragment = st.one_of(st.sampled_from(ODD_FRAGMENTS), st.sampled_from(words),
                         st.text(max_size=40))
    glue = st.sampled_from((" ", "", "\n", "\n\n", ". "))
    pieces = st.lists(st.tuples(fragment, glue), max_size=30)
    joined = pieces.map(lambda parts: "".join(a + b for a, b in parts))
    return st.one_of(joined, st.text(max_size=300))


ROBUST = settings(max_examples=25, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def extracts_cleanly(text: str, lang: str) -> None:
    # extract wraps an internal failure in ExtractionError; for a text that is a crash.
    extraction = extract(Article(id="odd", text=text, lang=lang, date="2024-06-15"))
    assert_offsets_valid(text, extraction)


@pytest.mark.model
@ROBUST
@given(text=odd_texts(MOVE_WORDS_FR))
def test_french_extraction_survives_any_text(fr_nlp, text):
    extracts_cleanly(text, "fr")


@pytest.mark.model
@ROBUST
@given(text=odd_texts(MOVE_WORDS_EN))
def test_english_extraction_survives_any_text(en_nlp, text):
    extracts_cleanly(text, "en")


# --- crashes found by probing the date and amount readers --------------------------------

def test_a_bare_29_february_resolves_to_the_leap_year_that_has_one():
    [found] = find_dates("Prochain conseil : le 29 février.", "fr", "2024-12-02")
    assert found.value == "2024-02-29"


@pytest.mark.model
def test_a_bare_29_february_read_late_in_a_leap_year_is_no_crash(fr_nlp):
    # A bare "le 29 février" read in December of a leap year was taken for next year's,
    # which has no 29 February.
    text = ("Marc Delorme a été nommé directeur général de Quintaval. "
            "Prochain conseil : le 29 février.")
    extraction = extract(Article(id="leap", text=text, lang="fr", date="2024-12-02"))
    assert [m.person for m in extraction.moves] == ["Marc Delorme"]
    assert_offsets_valid(text, extraction)


@pytest.mark.model
@pytest.mark.parametrize("publication_date", ["0001-01-01", "9999-12-31"])
def test_a_publication_date_at_the_calendar_s_edge_is_no_crash(en_nlp, publication_date):
    text = ("Wendell Prisk was appointed chief executive of Corbelline Foods last Monday. "
            "The board meets again next week.")
    extraction = extract(Article(id="edge", text=text, lang="en", date=publication_date))
    assert [m.person for m in extraction.moves] == ["Wendell Prisk"]
    assert_offsets_valid(text, extraction)
