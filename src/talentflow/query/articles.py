"""One stored article as the article view shows it: its text, each extracted fact and
the evidence span (offsets into the text) that supports it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from talentflow.core.errors import NotFoundError
from talentflow.query.facts import facts_from_rows
from talentflow.query.quotes import article_quotes
from talentflow.query.results import Fact
from talentflow.store import reads, reads_web


@dataclass(frozen=True)
class ArticleReport:
    """One fact as this article reports it: its words, its evidence, the merged fact."""

    report_id: int
    kind: str
    evidence_start: int
    evidence_end: int
    evidence: str
    confidence: float
    as_written: dict[str, Any]
    fact: Fact | None

    def to_dict(self) -> dict[str, Any]:
        return {"report_id": self.report_id, "kind": self.kind,
                "evidence": {"start": self.evidence_start, "end": self.evidence_end,
                             "text": self.evidence},
                "confidence": round(self.confidence, 3), "as_written": self.as_written,
                "fact": self.fact.to_dict() if self.fact else None}


@dataclass(frozen=True)
class ArticleView:
    id: int
    ext_id: str
    title: str | None
    url: str | None
    lang: str | None
    published: str | None
    source: str | None
    text: str
    reports: tuple[ArticleReport, ...]
    quotes: tuple[dict[str, Any], ...] = ()  # quoted words: offsets, speaker, linked fact
    date_source: str | None = None  # where ``published`` came from (core DATE_SOURCES)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "ext_id": self.ext_id, "title": self.title, "url": self.url,
                "lang": self.lang, "date": self.published, "date_source": self.date_source,
                "source": self.source,
                "text": self.text, "reports": [r.to_dict() for r in self.reports],
                "quotes": list(self.quotes)}


def _as_written(row: dict[str, Any]) -> dict[str, Any]:
    written = {"person": row["person_name"], "from": row["from_name"], "to": row["to_name"],
               "founders": row["founders"], "role": row["role"], "date": row["date"],
               "amount": row["amount"], "currency": row["currency"], "trigger": row["trigger"]}
    return {key: value for key, value in written.items() if value is not None}


def article(store, article_id: int) -> ArticleView:
    """The article with every report extracted from it, in text order.

    Unknown id -> NotFoundError. Evidence offsets index ``text`` exactly as stored.
    """
    with store.read() as conn:
        row = reads_web.article_row(conn, article_id)
        if row is None:
            raise NotFoundError(f"no article with id {article_id}", item=str(article_id),
                                hint="article ids are in the sources of a fact")
        report_rows = reads_web.reports_of_article(conn, article_id)
        fact_rows = [fact for fact_id in sorted({r["fact_id"] for r in report_rows
                                                 if r["fact_id"] is not None})
                     if (fact := reads.fact_by_id(conn, fact_id)) is not None]
        facts = {fact.id: fact for fact in facts_from_rows(conn, fact_rows)}
        quotes = tuple(article_quotes(conn, article_id))
    items = tuple(ArticleReport(
        report_id=r["id"], kind=r["kind"], evidence_start=r["evidence_start"],
        evidence_end=r["evidence_end"], evidence=r["evidence_text"],
        confidence=r["confidence"] or 0.0, as_written=_as_written(r),
        fact=facts.get(r["fact_id"])) for r in report_rows)
    return ArticleView(id=row["id"], ext_id=row["ext_id"], title=row["title"], url=row["url"],
                       lang=row["lang"], published=row["published"], source=row["source"],
                       text=row["text"], reports=items, quotes=quotes,
                       date_source=row.get("date_source"))
