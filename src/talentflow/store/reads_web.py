"""Read-only SELECTs the web views need beyond ``store/reads.py``: one article with the
reports extracted from it, and name search over the alias tables. Nothing here writes.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, select

from talentflow.store.schema import (articles, org_aliases, organisations, people,
                                     person_aliases, reports)

__all__ = ["article_row", "reports_of_article", "search_owner_ids"]


def article_row(conn: Connection, article_id: int) -> dict[str, Any] | None:
    """One stored article with its full text, or None."""
    stmt = select(articles.c.id, articles.c.ext_id, articles.c.title, articles.c.url,
                  articles.c.lang, articles.c.published, articles.c.date_source,
                  articles.c.source, articles.c.text).where(articles.c.id == article_id)
    row = conn.execute(stmt).mappings().first()
    return dict(row) if row is not None else None


def reports_of_article(conn: Connection, article_id: int) -> list[dict[str, Any]]:
    """Every report of one article in text order, with the names as the article wrote them."""
    stmt = (select(reports.c.id, reports.c.fact_id, reports.c.kind, reports.c.person_name,
                   reports.c.from_name, reports.c.to_name, reports.c.founders, reports.c.role,
                   reports.c.date, reports.c.amount, reports.c.currency,
                   reports.c.evidence_start, reports.c.evidence_end, reports.c.evidence_text,
                   reports.c.confidence, reports.c.trigger)
            .where(reports.c.article_id == article_id)
            .order_by(reports.c.evidence_start, reports.c.id))
    return [dict(row) for row in conn.execute(stmt).mappings()]


def search_owner_ids(conn: Connection, kind: str, key: str, *, limit: int | None,
                     offset: int = 0) -> tuple[list[tuple[int, str]], int]:
    """People (``kind="person"``) or organisations whose alias key contains ``key``.

    Returns one ``(id, display name)`` per owner, exact key matches first then by name,
    and the number of owners matched in all.
    """
    if kind == "person":
        alias, owner_col, owners = person_aliases, person_aliases.c.person_id, people
    else:
        alias, owner_col, owners = org_aliases, org_aliases.c.org_id, organisations
    matched = (select(owner_col.label("owner"),
                      func.max(func.cast(alias.c.key == key, owners.c.id.type)).label("exact"))
               .where(alias.c.key.contains(key, autoescape=True))
               .group_by(owner_col).subquery())
    total = conn.execute(select(func.count()).select_from(matched)).scalar_one()
    stmt = (select(owners.c.id, owners.c.name)
            .join(matched, matched.c.owner == owners.c.id)
            .order_by(matched.c.exact.desc(), owners.c.name, owners.c.id)
            .offset(offset))
    if limit is not None:
        stmt = stmt.limit(limit)
    return [(row.id, row.name) for row in conn.execute(stmt)], total
