"""Merging reports (one article's account of an event) into facts (the event itself).

Pure functions over :class:`ReportView`; the store loads the reports of one person (moves)
or one organisation (foundings, investments), calls :func:`merge_reports` and writes the
result. The outcome depends only on the set of reports, never on the order they arrived
in: reports are sorted by content-derived keys before the greedy clustering, and every
merged value is chosen by counts with deterministic tie-breaks.

Rules:
- moves of one person merge when their organisations are compatible (no side names two
  different organisations, and at least one named side is shared: to=X merges with
  from=Y,to=X) and their dates agree (same, or one a more precise form of the other) or
  are within :data:`NEAR_MONTHS` of each other (then the dates are kept as a conflict);
- foundings of one organisation always merge (differing dates become a conflict);
- investments in one organisation merge when investors and currencies are compatible,
  amounts are within :data:`AMOUNT_TOLERANCE`, and dates as for moves;
- a report the user split out (``separate``) stays alone.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from talentflow.resolve.dates import DateRange, date_range, dates_agree, months_apart
from talentflow.resolve.names import fold

#: Two dates further apart than this are two different events (a person can come back).
NEAR_MONTHS = 12
#: Two amounts within this relative difference are the same round of funding.
AMOUNT_TOLERANCE = 0.05
#: Independent sources raise confidence, but never to certainty.
MAX_CONFIDENCE = 0.99


@dataclass(frozen=True)
class ReportView:
    """What merging needs to know about one stored report."""

    id: int
    report_key: str
    article_id: int
    kind: str
    confidence: float
    person_id: int | None = None
    from_org_id: int | None = None
    to_org_id: int | None = None
    founder_ids: tuple[int, ...] = ()
    role: str | None = None
    role_key: str | None = None
    date: str | None = None
    amount: float | None = None
    currency: str | None = None
    fact_id: int | None = None
    separate: bool = False

    @property
    def date_range(self) -> DateRange | None:
        return date_range(self.date)

    def sort_key(self) -> tuple:
        """Content-only ordering: best-described reports seed clusters first."""
        rng = self.date_range
        sides = (self.from_org_id is not None) + (self.to_org_id is not None)
        return (-sides, -(rng.rank if rng else 0), rng.start if rng else "9999",
                self.report_key)


@dataclass
class MergedFact:
    """Field values of one fact and the reports it stands on."""

    kind: str
    report_ids: list[int]
    previous_fact_ids: list[int]
    person_id: int | None
    from_org_id: int | None
    to_org_id: int | None
    founder_ids: list[int]
    role: str | None
    role_key: str | None
    date: DateRange | None
    amount: float | None
    currency: str | None
    confidence: float
    n_sources: int
    n_reports: int
    conflicts: dict[str, list] | None = field(default=None)


def _dates_compatible(report: ReportView, members: Sequence[ReportView]) -> bool:
    rng = report.date_range
    if rng is None:
        return True
    for member in members:
        other = member.date_range
        if other is not None and not dates_agree(rng, other) \
                and months_apart(rng, other) > NEAR_MONTHS:
            return False
    return True


def _side(members: Sequence[ReportView], attr: str):
    values = {getattr(m, attr) for m in members} - {None}
    return next(iter(values)) if values else None


def _move_fits(report: ReportView, members: Sequence[ReportView]) -> bool:
    shared = False
    for attr in ("from_org_id", "to_org_id"):
        mine, theirs = getattr(report, attr), _side(members, attr)
        if mine is not None and theirs is not None:
            if mine != theirs:
                return False
            shared = True
    return shared and _dates_compatible(report, members)


def _amounts_close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return True
    return abs(a - b) <= AMOUNT_TOLERANCE * max(abs(a), abs(b))


def _investment_fits(report: ReportView, members: Sequence[ReportView]) -> bool:
    for attr in ("from_org_id", "currency"):
        mine, theirs = getattr(report, attr), _side(members, attr)
        if mine is not None and theirs is not None and mine != theirs:
            return False
    if not all(_amounts_close(report.amount, m.amount) for m in members):
        return False
    return _dates_compatible(report, members)


def _fits(report: ReportView, members: Sequence[ReportView]) -> bool:
    if report.kind == "move":
        return _move_fits(report, members)
    if report.kind == "investment":
        return _investment_fits(report, members)
    return True  # foundings: one per organisation


def cluster_reports(reports: Iterable[ReportView]) -> list[list[ReportView]]:
    """Group reports of one kind and one anchor (person or organisation) into events."""
    clusters: list[list[ReportView]] = []
    for report in sorted(reports, key=ReportView.sort_key):
        if not report.separate:
            for members in clusters:
                if not members[0].separate and _fits(report, members):
                    members.append(report)
                    break
            else:
                clusters.append([report])
        else:
            clusters.append([report])
    return clusters


def _most_common(values: Iterable, *, prefer=None):
    """Most frequent non-None value; ties broken by ``prefer`` (a sort key) then value."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], prefer(v) if prefer else 0, str(v)))


def _per_article(members: Sequence[ReportView], value) -> list:
    """One vote per article and value, so an article repeating itself counts once."""
    return [v for v in {(m.article_id, value(m)) for m in members}]


def _best_date(members: Sequence[ReportView]) -> tuple[DateRange | None, list[str] | None]:
    dated = [(m.article_id, m.date_range) for m in members if m.date_range is not None]
    if not dated:
        return None, None
    ranges = [rng for _, rng in set(dated)]
    top_rank = max(rng.rank for rng in ranges)
    best = _most_common((rng for rng in ranges if rng.rank == top_rank),
                        prefer=lambda rng: rng.start)
    values = sorted({rng.value for rng in ranges})
    conflicting = any(not dates_agree(a, b) for a in ranges for b in ranges)
    return best, (values if conflicting else None)


def _role_identity(member: ReportView) -> str | None:
    if member.role_key:
        return member.role_key
    return fold(member.role) if member.role else None


def _best_role(members: Sequence[ReportView]) -> tuple[str | None, str | None, list | None]:
    identities = _per_article(members, _role_identity)
    winner = _most_common((identity for _, identity in identities),
                          prefer=lambda v: -len(v))
    if winner is None:
        return None, None, None
    holders = [m for m in members if _role_identity(m) == winner]
    role = _most_common((m.role for m in holders), prefer=lambda v: -len(v))
    role_key = _most_common(m.role_key for m in holders)
    distinct = sorted({identity for _, identity in identities if identity is not None})
    return role, role_key, (distinct if len(distinct) > 1 else None)


def _confidence(members: Sequence[ReportView]) -> float:
    best_per_article: dict[int, float] = {}
    for member in members:
        best_per_article[member.article_id] = max(best_per_article.get(member.article_id, 0.0),
                                                  member.confidence)
    doubt = 1.0
    for value in best_per_article.values():
        doubt *= 1.0 - min(max(value, 0.0), 1.0)
    return round(min(1.0 - doubt, MAX_CONFIDENCE), 4)


def merge_cluster(members: Sequence[ReportView]) -> MergedFact:
    """The fact that a cluster of reports describes."""
    kind = members[0].kind
    date, date_conflict = _best_date(members)
    role, role_key, role_conflict = _best_role(members)
    conflicts: dict[str, list] = {}
    if date_conflict:
        conflicts["date"] = date_conflict
    if role_conflict:
        conflicts["role"] = role_conflict
    amount = currency = None
    if kind == "investment":
        amounts = sorted({m.amount for m in members if m.amount is not None})
        # Ties go to the lower figure: round numbers are often rounded up in headlines.
        amount = _most_common((a for _, a in _per_article(members, lambda m: m.amount)),
                              prefer=lambda a: a)
        currency = _most_common(m.currency for m in members)
        if len(amounts) > 1:
            conflicts["amount"] = amounts
    founders = sorted({fid for m in members for fid in m.founder_ids})
    return MergedFact(
        kind=kind,
        report_ids=sorted(m.id for m in members),
        previous_fact_ids=sorted({m.fact_id for m in members if m.fact_id is not None}),
        person_id=_most_common(m.person_id for m in members),
        from_org_id=_side(members, "from_org_id") if kind != "founding" else None,
        to_org_id=_most_common(m.to_org_id for m in members),
        founder_ids=founders,
        role=role, role_key=role_key, date=date, amount=amount, currency=currency,
        confidence=_confidence(members),
        n_sources=len({m.article_id for m in members}),
        n_reports=len(members),
        conflicts=conflicts or None,
    )


def merge_reports(reports: Iterable[ReportView]) -> list[MergedFact]:
    """Facts of a set of reports of one kind and one anchor, in a stable order."""
    return [merge_cluster(members) for members in cluster_reports(reports)]
