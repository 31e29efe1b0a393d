"""What people said: direct quotes with their speaker, sources and the move they are about."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from talentflow.core.errors import NotFoundError
from talentflow.query.lookup import org_filter_ids, person_filter_ids
from talentflow.query.results import Ref
from talentflow.store import quotes as quote_reads
from talentflow.store import reads


@dataclass(frozen=True)
class QuoteSource:
    """One article a quote was read in, with the quoted words' offsets in its text."""

    article_id: int
    title: str | None
    published: str | None
    url: str | None
    evidence_start: int
    evidence_end: int
    style: str
    fact_id: int | None  # the merged move the quote is about, read from this article

    def to_dict(self) -> dict[str, Any]:
        return {"article": {"id": self.article_id, "title": self.title,
                            "date": self.published, "url": self.url},
                "evidence": {"start": self.evidence_start, "end": self.evidence_end},
                "style": self.style, "fact_id": self.fact_id}


@dataclass(frozen=True)
class QuoteResult:
    id: int
    text: str
    speaker: Ref | None
    sources: tuple[QuoteSource, ...]

    @property
    def fact_ids(self) -> tuple[int, ...]:
        return tuple(sorted({s.fact_id for s in self.sources if s.fact_id is not None}))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text,
                "speaker": self.speaker.to_dict() if self.speaker else None,
                "fact_ids": list(self.fact_ids), "n_sources": len(self.sources),
                "sources": [s.to_dict() for s in self.sources]}


def _results(rows) -> list[QuoteResult]:
    return [QuoteResult(
        id=r["id"], text=r["text"],
        speaker=Ref(r["person_id"], r["speaker"]) if r["person_id"] is not None else None,
        sources=tuple(QuoteSource(s["article_id"], s["title"], s["published"], s["url"],
                                  s["evidence_start"], s["evidence_end"], s["style"],
                                  s["fact_id"]) for s in r["sources"]))
        for r in rows]


def quotes(store, *, person: str | int | None = None, org: str | int | None = None,
           fact_id: int | None = None, limit: int | None = None) -> list[QuoteResult]:
    """Quotes, newest first: of a person (name or id), about a move from or to an
    organisation, or about one merged fact."""
    with store.read() as conn:
        person_ids = person_filter_ids(conn, person)
        org_ids = org_filter_ids(conn, org, option="--org")
        if fact_id is not None and reads.fact_by_id(conn, fact_id) is None:
            raise NotFoundError(f"no fact with id {fact_id}", item=str(fact_id),
                                hint="fact ids are in the output of `talentflow moves`")
        rows = quote_reads.select_quotes(
            conn, person_ids=person_ids, org_ids=org_ids,
            fact_ids=None if fact_id is None else (fact_id,), limit=limit)
    return _results(rows)


def article_quotes(conn, article_id: int) -> list[dict[str, Any]]:
    """The quotes of one article for its page: offsets, speaker and linked fact."""
    return [{"quote_id": r["quote_id"], "start": r["evidence_start"], "end": r["evidence_end"],
             "style": r["style"], "fact_id": r["fact_id"],
             "speaker": {"id": r["person_id"], "name": r["speaker"]}}
            for r in quote_reads.quotes_of_article(conn, article_id)]


__all__ = ["QuoteResult", "QuoteSource", "article_quotes", "quotes"]
