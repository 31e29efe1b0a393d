"""Builders for the English extraction tests: invented articles and assertions on moves."""
from __future__ import annotations

from talentflow.core import Article, Extraction, Move
from talentflow.nlp import extract


def run(text: str, date: str | None = "2024-06-15") -> Extraction:
    return extract(Article(id="test-en", text=text, lang="en", date=date))


def moves_of(extraction: Extraction, person: str) -> list[Move]:
    return [m for m in extraction.moves if m.person == person]


def move_of(extraction: Extraction, person: str) -> Move:
    found = moves_of(extraction, person)
    assert found, f"no move for {person}: {[m.to_dict() for m in extraction.moves]}"
    assert len(found) == 1, f"{person} has {len(found)} moves: {[m.to_dict() for m in found]}"
    return found[0]


def assert_evidence(text: str, move: Move, words: str) -> None:
    """Evidence offsets are end-exclusive into the text and cover the reporting sentence."""
    assert text[move.evidence.start:move.evidence.end] == move.evidence.text
    assert words in move.evidence.text
    assert "\n" not in move.evidence.text
