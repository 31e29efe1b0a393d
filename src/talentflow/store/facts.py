"""Re-merging the reports of one anchor into facts, keeping fact ids stable.

An anchor is what merging groups by: a person for moves, the organisation founded or
invested in for foundings and investments. After any change touching an anchor (a new
article, an alias, an un-merge) its facts are recomputed from all its reports with
:func:`talentflow.resolve.merge.merge_reports`. A recomputed fact keeps the smallest
id its reports already pointed to, so fact ids seen by users survive re-merging.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

from sqlalchemy import Connection, delete, func, select, update

from talentflow.resolve.merge import MergedFact, ReportView, merge_reports
from talentflow.store.schema import (KIND_FOUNDING, KIND_INVESTMENT, KIND_MOVE,
                                     OVERRIDE_SEPARATE_REPORT, facts, merge_overrides, reports)


def _views(conn: Connection, condition) -> list[ReportView]:
    rows = conn.execute(select(reports).where(condition)).mappings().all()
    keys = [row["report_key"] for row in rows]
    separate: set[str] = set()
    for start in range(0, len(keys), 500):  # bounded IN lists
        separate.update(conn.execute(select(merge_overrides.c.subject).where(
            merge_overrides.c.kind == OVERRIDE_SEPARATE_REPORT,
            merge_overrides.c.subject.in_(keys[start:start + 500]))).scalars())
    return [ReportView(
        id=row["id"], report_key=row["report_key"], article_id=row["article_id"],
        kind=row["kind"], confidence=row["confidence"], person_id=row["person_id"],
        from_org_id=row["from_org_id"], to_org_id=row["to_org_id"],
        founder_ids=tuple(row["founder_ids"] or ()), role=row["role"],
        role_key=row["role_key"], date=row["date"], amount=row["amount"],
        currency=row["currency"], fact_id=row["fact_id"],
        separate=row["report_key"] in separate) for row in rows]


def _fact_values(fact: MergedFact) -> dict:
    rng = fact.date
    return {
        "kind": fact.kind, "person_id": fact.person_id, "from_org_id": fact.from_org_id,
        "to_org_id": fact.to_org_id,
        "founder_ids": fact.founder_ids if fact.kind == KIND_FOUNDING else None,
        "role": fact.role, "role_key": fact.role_key,
        "date": rng.value if rng else None, "date_start": rng.start if rng else None,
        "date_end": rng.end if rng else None, "date_precision": rng.precision if rng else None,
        "amount": fact.amount, "currency": fact.currency, "confidence": fact.confidence,
        "n_sources": fact.n_sources, "n_reports": fact.n_reports, "conflicts": fact.conflicts,
        "updated_at": func.now(),
    }


def _remerge(conn: Connection, kind: str, report_condition, fact_condition) -> list[int]:
    views = _views(conn, (reports.c.kind == kind) & report_condition)
    merged = merge_reports(views)
    # Only this anchor's own facts may be reused or deleted: a report just moved here
    # from another anchor (an alias removed) still points to a fact that is not ours.
    anchored = set(conn.execute(select(facts.c.id).where(facts.c.kind == kind,
                                                         fact_condition)).scalars())
    current = {v.id: v.fact_id for v in views}
    used: list[int] = []

    def reusable(fact: MergedFact) -> list[int]:
        return [fid for fid in fact.previous_fact_ids if fid in anchored]

    # Facts that existed longest claim their old id first.
    for fact in sorted(merged, key=lambda f: (reusable(f)[:1] or [math.inf], f.report_ids)):
        fact_id = next((fid for fid in reusable(fact) if fid not in used), None)
        if fact_id is None:
            fact_id = conn.execute(facts.insert().values(_fact_values(fact))
                                   .returning(facts.c.id)).scalar_one()
        else:
            conn.execute(update(facts).where(facts.c.id == fact_id).values(_fact_values(fact)))
        used.append(fact_id)
        moved = [rid for rid in fact.report_ids if current.get(rid) != fact_id]
        for start in range(0, len(moved), 500):
            conn.execute(update(reports).where(reports.c.id.in_(moved[start:start + 500]))
                         .values(fact_id=fact_id))
    stale = sorted(anchored - set(used))
    if stale:
        conn.execute(delete(facts).where(facts.c.id.in_(stale)))
    return used


def remerge_person(conn: Connection, person_id: int) -> list[int]:
    """Recompute the move facts of one person; returns their ids."""
    return _remerge(conn, KIND_MOVE, reports.c.person_id == person_id,
                    facts.c.person_id == person_id)


def remerge_org(conn: Connection, org_id: int) -> list[int]:
    """Recompute the foundings of and investments in one organisation."""
    return (_remerge(conn, KIND_FOUNDING, reports.c.to_org_id == org_id,
                     facts.c.to_org_id == org_id)
            + _remerge(conn, KIND_INVESTMENT, reports.c.to_org_id == org_id,
                       facts.c.to_org_id == org_id))


def remerge(conn: Connection, *, people: Iterable[int] = (), orgs: Iterable[int] = ()) -> None:
    """Recompute every anchor given, in id order (the result does not depend on it)."""
    for person_id in sorted(set(people)):
        remerge_person(conn, person_id)
    for org_id in sorted(set(orgs)):
        remerge_org(conn, org_id)


def anchors_of_org(conn: Connection, org_id: int) -> tuple[set[int], set[int]]:
    """(people, organisations) whose facts mention ``org_id``: what a change to it touches."""
    people_rows = conn.execute(select(reports.c.person_id).distinct().where(
        reports.c.kind == KIND_MOVE,
        (reports.c.from_org_id == org_id) | (reports.c.to_org_id == org_id)))
    org_rows = conn.execute(select(reports.c.to_org_id).distinct().where(
        reports.c.kind == KIND_INVESTMENT, reports.c.from_org_id == org_id))
    people_ids = {p for p in people_rows.scalars() if p is not None}
    org_ids = {o for o in org_rows.scalars() if o is not None} | {org_id}
    return people_ids, org_ids
