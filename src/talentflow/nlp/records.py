"""Doc-level results in plain Python (character offsets, strings), before conversion.

Components leave these on the Doc; :mod:`talentflow.nlp.convert` resolves dates and
amounts, merges duplicates and builds the core objects.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class MoveCandidate:
    person: str
    from_org: str | None
    to_org: str | None
    role: str | None
    kind: str
    trigger: str
    trigger_char: int      # where the trigger starts: the date nearest to it is the move's
    sent_start: int
    sent_end: int
    confidence: float
    other_trigger_chars: tuple[int, ...] = ()  # a date nearer to one of these is not ours
    # the person's other reports of a move (move_reports.Site): dates when the sentence has none
    reports: tuple[tuple[str, int, int, int], ...] = ()


@dataclass
class FoundingCandidate:
    org: str
    founders: list[str]
    trigger_char: int
    sent_start: int
    sent_end: int
    confidence: float
    dated: bool = True     # whether a date in the sentence is the founding's


@dataclass
class InvestmentCandidate:
    investor: str | None
    investee: str
    trigger_char: int
    sent_start: int
    sent_end: int
    confidence: float
    needs_amount: bool = False  # investee guessed from context: keep only with an amount
    names: list[str] = field(default_factory=list)


@dataclass
class QuoteCandidate:
    speaker: str           # canonical full name, as coref gives movers'
    start: int             # the quoted words, without the marks or the attribution
    end: int
    style: str             # "marks", "dash" or "block"
