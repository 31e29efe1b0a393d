"""Quotes in the store: written with their article, read by person, organisation or fact.

A quote's identity is its folded words, so the same words reported by two articles are
one quote with two sources. The move a quote is about is kept as the speaker's move
report in that article; the merged fact is read through ``reports.fact_id``, so it stays
right when facts are re-merged or unmerged.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from talentflow.core.models import Article, Extraction
from talentflow.resolve.names import fold
from talentflow.store import entities
from talentflow.store.schema import (KIND_MOVE, articles, facts, people, quote_sources, quotes,
                                     reports)


def quote_key(words: str) -> str:
    return hashlib.sha256(fold(words).encode("utf-8")).hexdigest()


def add_quotes(conn: Connection, article: Article, extraction: Extraction,
               article_id: int) -> int:
    """Store the extraction's quotes for a just-inserted article; returns how many."""
    if not extraction.quotes:
        return 0
    move_reports = dict(conn.execute(
        select(reports.c.seq, reports.c.id).where(reports.c.article_id == article_id,
                                                  reports.c.kind == KIND_MOVE)).all())
    stored = 0
    for quote in extraction.quotes:
        ev = quote.evidence
        words = article.text[ev.start:ev.end]
        if words != ev.text or not fold(words):
            continue
        person_id = entities.resolve_person(conn, quote.speaker[:512])
        if person_id is None:
            continue
        key = quote_key(words)
        row = conn.execute(select(quotes.c.id, quotes.c.n_sources)
                           .where(quotes.c.quote_key == key)).first()
        if row is None:
            quote_id = conn.execute(quotes.insert().values(
                quote_key=key, text=words, person_id=person_id,
                speaker_name=quote.speaker[:512], n_sources=0).returning(quotes.c.id)).scalar_one()
        else:
            quote_id = row.id
        if conn.execute(select(quote_sources.c.id).where(
                quote_sources.c.quote_id == quote_id,
                quote_sources.c.article_id == article_id)).first() is not None:
            continue  # the article repeats its own quote: one source
        conn.execute(quote_sources.insert().values(
            quote_id=quote_id, article_id=article_id, evidence_start=ev.start,
            evidence_end=ev.end, style=quote.style[:16],
            report_id=move_reports.get(quote.move) if quote.move is not None else None))
        conn.execute(quotes.update().where(quotes.c.id == quote_id)
                     .values(n_sources=quotes.c.n_sources + 1))
        stored += 1
    return stored


def select_quotes(conn: Connection, *, person_ids: Iterable[int] | None = None,
                  org_ids: Iterable[int] | None = None, fact_ids: Iterable[int] | None = None,
                  limit: int | None = None) -> list[dict[str, Any]]:
    """Quotes with their speaker and sources, newest quote first.

    ``org_ids`` keeps quotes about a move from or to those organisations; ``fact_ids``
    quotes linked to those facts."""
    stmt = (select(quotes.c.id, quotes.c.text, quotes.c.person_id, quotes.c.n_sources,
                   people.c.name.label("speaker"))
            .select_from(quotes.outerjoin(people, people.c.id == quotes.c.person_id))
            .order_by(quotes.c.id.desc()))
    if person_ids is not None:
        stmt = stmt.where(quotes.c.person_id.in_(list(person_ids)))
    if org_ids is not None or fact_ids is not None:
        linked = (select(quote_sources.c.quote_id)
                  .join(reports, reports.c.id == quote_sources.c.report_id)
                  .join(facts, facts.c.id == reports.c.fact_id))
        if org_ids is not None:
            ids = list(org_ids)
            linked = linked.where(or_(facts.c.from_org_id.in_(ids), facts.c.to_org_id.in_(ids)))
        if fact_ids is not None:
            linked = linked.where(facts.c.id.in_(list(fact_ids)))
        stmt = stmt.where(quotes.c.id.in_(linked))
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = [dict(r._mapping) for r in conn.execute(stmt)]
    if not rows:
        return rows
    sources: dict[int, list[dict]] = {}
    for src in conn.execute(
            select(quote_sources.c.quote_id, quote_sources.c.article_id,
                   quote_sources.c.evidence_start, quote_sources.c.evidence_end,
                   quote_sources.c.style, reports.c.fact_id, articles.c.title, articles.c.url,
                   articles.c.published)
            .select_from(quote_sources.join(articles, articles.c.id == quote_sources.c.article_id)
                         .outerjoin(reports, reports.c.id == quote_sources.c.report_id))
            .where(quote_sources.c.quote_id.in_([r["id"] for r in rows]))
            .order_by(quote_sources.c.id)):
        sources.setdefault(src.quote_id, []).append(dict(src._mapping))
    for row in rows:
        row["sources"] = sources.get(row["id"], [])
    return rows


def quotes_of_article(conn: Connection, article_id: int) -> list[dict[str, Any]]:
    """The quotes read in one article, in text order, with the fact each is linked to."""
    stmt = (select(quote_sources.c.quote_id, quote_sources.c.evidence_start,
                   quote_sources.c.evidence_end, quote_sources.c.style, reports.c.fact_id,
                   quotes.c.person_id, people.c.name.label("speaker"))
            .select_from(quote_sources.join(quotes, quotes.c.id == quote_sources.c.quote_id)
                         .outerjoin(people, people.c.id == quotes.c.person_id)
                         .outerjoin(reports, reports.c.id == quote_sources.c.report_id))
            .where(quote_sources.c.article_id == article_id)
            .order_by(quote_sources.c.evidence_start))
    return [dict(r._mapping) for r in conn.execute(stmt)]


__all__ = ["add_quotes", "quote_key", "quotes_of_article", "select_quotes"]
