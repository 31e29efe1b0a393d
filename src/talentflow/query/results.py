"""Plain result types of the read side, each with a stable JSON shape (``to_dict``).

The CLI prints these and the web API serialises them as they are, so every field is
a JSON-friendly value and every ``to_dict`` is the documented public format:

* a :class:`Fact` is one merged move, founding or investment, in the GOLD.md shape
  (``person``/``from``/``to`` for moves, ``org``/``founders`` for foundings,
  ``investor``/``investee`` for investments) plus ``fact_id``, the canonical ids,
  ``role_key``, ``confidence``, ``n_sources`` and ``conflicts``;
* a :class:`Page` wraps a list that can be long with ``total``, ``limit`` and ``offset``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Ref:
    """A canonical person or organisation: its store id and display name."""

    id: int
    name: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name}


def _name(ref: Ref | None) -> str | None:
    return ref.name if ref else None


def _id(ref: Ref | None) -> int | None:
    return ref.id if ref else None


@dataclass(frozen=True)
class Fact:
    """One merged fact. Unused fields stay None for a kind (see the module docstring)."""

    id: int
    kind: str
    person: Ref | None = None
    from_org: Ref | None = None
    to_org: Ref | None = None
    founders: tuple[Ref, ...] = ()
    role: str | None = None
    role_key: str | None = None
    date: str | None = None
    amount: float | None = None
    currency: str | None = None
    confidence: float = 0.0
    n_sources: int = 0
    conflicts: dict[str, list] | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"fact_id": self.id, "kind": self.kind}
        if self.kind == "founding":
            data.update({"org": _name(self.to_org), "org_id": _id(self.to_org),
                         "founders": [f.to_dict() for f in self.founders]})
        elif self.kind == "investment":
            amount = self.amount
            if amount is not None and float(amount).is_integer():
                amount = int(amount)
            data.update({"investor": _name(self.from_org), "investor_id": _id(self.from_org),
                         "investee": _name(self.to_org), "investee_id": _id(self.to_org),
                         "amount": amount, "currency": self.currency})
        else:
            data.update({"person": _name(self.person), "person_id": _id(self.person),
                         "from": _name(self.from_org), "from_id": _id(self.from_org),
                         "to": _name(self.to_org), "to_id": _id(self.to_org),
                         "role": self.role, "role_key": self.role_key})
        data.update({"date": self.date, "confidence": round(self.confidence, 3),
                     "n_sources": self.n_sources, "conflicts": self.conflicts})
        return data


@dataclass(frozen=True)
class Page(Generic[T]):
    """A slice of a longer list: ``items`` from ``offset``, ``total`` items in all."""

    items: tuple[T, ...]
    total: int
    limit: int | None = None
    offset: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"items": [item.to_dict() for item in self.items], "total": self.total,
                "limit": self.limit, "offset": self.offset}


@dataclass(frozen=True)
class Flow:
    """Number of moves from one organisation to another; ``to`` None = left for unknown,
    ``from`` None = came from unknown."""

    from_org: Ref | None
    to_org: Ref | None
    count: int

    def to_dict(self) -> dict[str, Any]:
        return {"from": _name(self.from_org), "from_id": _id(self.from_org),
                "to": _name(self.to_org), "to_id": _id(self.to_org), "count": self.count}


@dataclass(frozen=True)
class Flows:
    """Organisation -> organisation counts over a period, largest first."""

    flows: Page[Flow]
    since: str | None = None
    until: str | None = None
    min_count: int = 1
    org: Ref | None = None
    include_unknown: bool = False

    def to_dict(self) -> dict[str, Any]:
        page = self.flows.to_dict()
        return {"flows": page["items"], "total": page["total"], "limit": page["limit"],
                "offset": page["offset"], "since": self.since, "until": self.until,
                "min": self.min_count, "org": self.org.to_dict() if self.org else None,
                "include_unknown": self.include_unknown}


@dataclass(frozen=True)
class PersonTimeline:
    """A person's moves by date (undated last) and the organisations they founded."""

    person: Ref
    aliases: tuple[str, ...]
    moves: tuple[Fact, ...]
    foundings: tuple[Fact, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"person": self.person.to_dict(), "aliases": list(self.aliases),
                "moves": [m.to_dict() for m in self.moves],
                "foundings": [f.to_dict() for f in self.foundings]}


@dataclass(frozen=True)
class PeriodCount:
    """Arrivals and departures in one period ("2024", "2024-Q2", "2024-05"; None = undated).

    A fact dated less precisely than the period asked for is counted in its own coarser
    period (a "2024" move stays in "2024" in a monthly view) rather than guessed into one.
    """

    period: str | None
    arrivals: int
    departures: int

    @property
    def net(self) -> int:
        return self.arrivals - self.departures

    def to_dict(self) -> dict[str, Any]:
        return {"period": self.period, "arrivals": self.arrivals,
                "departures": self.departures, "net": self.net}


@dataclass(frozen=True)
class PersonCount:
    """How many of an organisation's moves involve one person."""

    person: Ref
    arrivals: int
    departures: int

    def to_dict(self) -> dict[str, Any]:
        return {"person": self.person.to_dict(), "arrivals": self.arrivals,
                "departures": self.departures}


@dataclass(frozen=True)
class OrgProfile:
    """Who arrived at and left an organisation, by period, plus its foundings/investments."""

    org: Ref
    aliases: tuple[str, ...]
    period: str
    arrivals_total: int
    departures_total: int
    periods: tuple[PeriodCount, ...]
    arrivals: Page[Fact]
    departures: Page[Fact]
    people: tuple[PersonCount, ...]
    foundings: tuple[Fact, ...] = ()
    investments: tuple[Fact, ...] = ()
    since: str | None = None
    until: str | None = None

    @property
    def net(self) -> int:
        return self.arrivals_total - self.departures_total

    def to_dict(self) -> dict[str, Any]:
        return {"org": self.org.to_dict(), "aliases": list(self.aliases),
                "period": self.period, "since": self.since, "until": self.until,
                "arrivals_total": self.arrivals_total,
                "departures_total": self.departures_total, "net": self.net,
                "periods": [p.to_dict() for p in self.periods],
                "arrivals": self.arrivals.to_dict(), "departures": self.departures.to_dict(),
                "people": [p.to_dict() for p in self.people],
                "foundings": [f.to_dict() for f in self.foundings],
                "investments": [i.to_dict() for i in self.investments]}


@dataclass(frozen=True)
class Source:
    """One report of a fact: the article it comes from and its evidence sentence."""

    report_id: int
    article_id: int
    article_ext_id: str
    title: str | None
    published: str | None
    url: str | None
    lang: str | None
    evidence_start: int
    evidence_end: int
    evidence: str
    confidence: float
    as_written: dict[str, Any] = field(default_factory=dict)
    date_source: str | None = None  # where ``published`` came from (core DATE_SOURCES)

    def to_dict(self) -> dict[str, Any]:
        return {"report_id": self.report_id,
                "article": {"id": self.article_id, "ext_id": self.article_ext_id,
                            "title": self.title, "date": self.published,
                            "date_source": self.date_source, "url": self.url,
                            "lang": self.lang},
                "evidence": {"start": self.evidence_start, "end": self.evidence_end,
                             "text": self.evidence},
                "confidence": round(self.confidence, 3), "as_written": self.as_written}


@dataclass(frozen=True)
class FactSources:
    """A fact with every report that supports it."""

    fact: Fact
    sources: tuple[Source, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"fact": self.fact.to_dict(), "sources": [s.to_dict() for s in self.sources]}
