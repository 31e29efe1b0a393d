"""Frozen value objects that every layer speaks.

Offsets are character offsets into ``Article.text`` exactly as read, end exclusive,
so ``article.text[ev.start:ev.end] == ev.text`` always holds.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


def content_hash(text: str) -> str:
    """Identity of an article's text, robust to surrounding whitespace only."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


#: Where an article's publication date came from, most trustworthy first: the page's or
#: record's own metadata (meta tags, JSON-LD, a feed entry, a JSONL "date"), its URL,
#: the user (--publication-date), a date written in the page's text, or a guess from the
#: page's free text (never a copyright line). A stored date's origin is shown with it.
DATE_SOURCES = ("metadata", "url", "user", "text", "guess")


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    lang: str | None = None
    date: str | None = None  # publication date, ISO "YYYY-MM-DD" (or coarser), may be None
    title: str | None = None
    url: str | None = None
    source: str | None = None  # where it was read from: a path, a feed URL, "jsonl:PATH:LINE"
    date_source: str | None = None  # where ``date`` came from: one of DATE_SOURCES

    def __post_init__(self) -> None:
        if self.date_source is not None and self.date_source not in DATE_SOURCES:
            raise ValueError(f"unknown date source {self.date_source!r}")

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad evidence interval [{self.start}, {self.end})")
        if len(self.text) != self.end - self.start:
            raise ValueError("evidence text length does not match its interval")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Evidence":
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True)
class Mention:
    """A span of the article naming something: a PERSON, ORG, ROLE, DATE or MONEY."""

    text: str
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Move:
    person: str
    from_org: str | None
    to_org: str | None
    role: str | None
    date: str | None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    evidence: Evidence
    confidence: float = 0.5
    trigger: str | None = None  # the word(s) that signalled the move, for inspection
    mentions: tuple[Mention, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {"person": self.person, "from": self.from_org, "to": self.to_org,
                "role": self.role, "date": self.date, "evidence": self.evidence.to_dict(),
                "confidence": round(self.confidence, 3), "trigger": self.trigger}


@dataclass(frozen=True)
class Founding:
    org: str
    founders: tuple[str, ...]
    date: str | None
    evidence: Evidence
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {"org": self.org, "founders": list(self.founders), "date": self.date,
                "evidence": self.evidence.to_dict(), "confidence": round(self.confidence, 3)}


@dataclass(frozen=True)
class Investment:
    investor: str | None
    investee: str
    amount: float | None
    currency: str | None  # ISO 4217
    date: str | None
    evidence: Evidence
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount
        if amount is not None and float(amount).is_integer():
            amount = int(amount)
        return {"investor": self.investor, "investee": self.investee, "amount": amount,
                "currency": self.currency, "date": self.date,
                "evidence": self.evidence.to_dict(), "confidence": round(self.confidence, 3)}


@dataclass(frozen=True)
class Quote:
    """A person's own words, quoted directly; ``evidence`` covers the words only."""

    speaker: str
    evidence: Evidence
    move: int | None = None  # index into Extraction.moves when the speaker moves in the article
    style: str = "marks"     # "marks", "dash" (interview answer) or "block" (set apart)

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "evidence": self.evidence.to_dict(),
                "move": self.move, "style": self.style}


@dataclass(frozen=True)
class Extraction:
    """Everything one article reports, in the GOLD.md output shape via :meth:`to_dict`."""

    article_id: str
    lang: str | None
    moves: tuple[Move, ...] = ()
    foundings: tuple[Founding, ...] = ()
    investments: tuple[Investment, ...] = ()
    quotes: tuple[Quote, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.article_id, "lang": self.lang,
                "moves": [m.to_dict() for m in self.moves],
                "foundings": [f.to_dict() for f in self.foundings],
                "investments": [i.to_dict() for i in self.investments],
                "quotes": [q.to_dict() for q in self.quotes]}
