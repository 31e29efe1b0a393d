"""Builders for the extraction tests: invented French articles and assertions on moves."""
from __future__ import annotations

from talentflow.core import Article, Extraction, Move
from talentflow.nlp import extract


def run(text: str, date: str | None = "2024-06-15", lang: str | None = "fr") -> Extraction:
    return extract(Article(id="test", text=text, lang=lang, date=date))


def move_of(extraction: Extraction, person: str) -> Move:
    found = [m for m in extraction.moves if m.person == person]
    assert found, f"no move for {person}: {[m.to_dict() for m in extraction.moves]}"
    assert len(found) == 1, f"{person} has {len(found)} moves"
    return found[0]


def assert_evidence(text: str, move: Move, person_words: str) -> None:
    """Evidence offsets are end-exclusive into the text and cover the person's sentence."""
    assert text[move.evidence.start:move.evidence.end] == move.evidence.text
    assert person_words in move.evidence.text
    assert "\n" not in move.evidence.text
