"""Builders of invented test articles and a backend-neutral view of the stored facts."""
from __future__ import annotations

from talentflow.core import Article, Evidence, Extraction, Founding, Investment, Move


def evidence(body: str, fragment: str) -> Evidence:
    start = body.index(fragment)
    return Evidence.of(body, start, start + len(fragment))


def article(ext_id: str, body: str, *, lang: str = "fr", date: str | None = "2024-06-01",
            url: str | None = None, title: str | None = None) -> Article:
    return Article(ext_id, body, lang=lang, date=date, title=title or ext_id, url=url,
                   source=f"tests:{ext_id}")


def move_article(ext_id: str, body: str, person: str, from_org: str | None,
                 to_org: str | None, *, role: str | None = None, date: str | None = None,
                 confidence: float = 0.6, lang: str = "fr", url: str | None = None,
                 published: str | None = "2024-06-01") -> tuple[Article, Extraction]:
    """One article whose whole text is the evidence of one move."""
    return (article(ext_id, body, lang=lang, url=url, date=published),
            Extraction(ext_id, lang, moves=(Move(person, from_org, to_org, role, date,
                                                  Evidence.of(body, 0, len(body)),
                                                  confidence),)))


def founding_article(ext_id: str, body: str, org: str, founders: tuple[str, ...],
                     date: str | None = None) -> tuple[Article, Extraction]:
    return (article(ext_id, body),
            Extraction(ext_id, "fr", foundings=(Founding(org, founders, date,
                                                         Evidence.of(body, 0, len(body)),
                                                         0.7),)))


def investment_article(ext_id: str, body: str, investor: str | None, investee: str,
                       amount: float | None, currency: str | None = "EUR",
                       date: str | None = None) -> tuple[Article, Extraction]:
    return (article(ext_id, body),
            Extraction(ext_id, "fr", investments=(Investment(investor, investee, amount,
                                                             currency, date,
                                                             Evidence.of(body, 0, len(body)),
                                                             0.7),)))


def fact_summaries(store) -> list[dict]:
    """Every fact with names instead of ids and its source article ext ids, sorted."""
    from sqlalchemy import select
    from talentflow.store.schema import articles, facts, organisations, people, reports

    with store.read() as conn:
        orgs = dict(conn.execute(select(organisations.c.id, organisations.c.name)).all())
        persons = dict(conn.execute(select(people.c.id, people.c.name)).all())
        sources: dict[int, set[str]] = {}
        for fact_id, ext_id in conn.execute(
                select(reports.c.fact_id, articles.c.ext_id)
                .join(articles, articles.c.id == reports.c.article_id)):
            sources.setdefault(fact_id, set()).add(ext_id)
        summaries = []
        for row in conn.execute(select(facts)).mappings():
            summaries.append({
                "id": row["id"], "kind": row["kind"], "person": persons.get(row["person_id"]),
                "from": orgs.get(row["from_org_id"]), "to": orgs.get(row["to_org_id"]),
                "founders": sorted(persons[p] for p in row["founder_ids"] or []),
                "role": row["role"], "role_key": row["role_key"], "date": row["date"],
                "amount": row["amount"], "confidence": row["confidence"],
                "n_sources": row["n_sources"], "conflicts": row["conflicts"],
                "sources": sorted(sources.get(row["id"], ())),
            })
    return sorted(summaries, key=lambda f: (f["kind"], str(f["person"]), str(f["to"]),
                                            str(f["from"]), str(f["date"])))


def without_ids(summaries: list[dict]) -> list[dict]:
    return [{k: v for k, v in s.items() if k != "id"} for s in summaries]
