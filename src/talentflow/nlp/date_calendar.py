"""Calendar arithmetic behind :mod:`talentflow.nlp.dates`: the publication date, and the
year, day or week a partial expression falls on relative to it."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from talentflow.nlp.date_lexicon import _NUMBER_WORDS, _fold


@dataclass(frozen=True)
class _Pub:
    """A publication date at whatever precision it was given."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.day else None


_PUB_RE = re.compile(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
# Publication years a relative expression can count from without stepping off the
# calendar (year 1 or 9999 come from placeholder dates, and "next week" overflowed).
_PUB_YEARS = range(1000, 9000)


@lru_cache(maxsize=4096)
def _parse_pub(publication_date: str | None) -> _Pub | None:
    """Lenient: a malformed publication date is treated as unknown, never as an error."""
    if not publication_date:
        return None
    m = _PUB_RE.match(publication_date)
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    if year not in _PUB_YEARS:
        return None
    try:
        if day:
            dt.date(year, month, day)
        elif month and not 1 <= month <= 12:
            return None
    except ValueError:
        return None
    return _Pub(year, month, day)


def _iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _valid_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _week_month(monday: dt.date) -> str:
    """The month holding most days of the week starting on ``monday``."""
    counts = Counter((d.year, d.month) for d in (monday + dt.timedelta(i) for i in range(7)))
    (year, month), _ = counts.most_common(1)[0]
    return _iso_month(year, month)


def _month_year(month: int, pub: _Pub | None, bias: str) -> str | None:
    if pub is None or pub.month is None:
        return None
    year = pub.year
    if bias == "past" and month > pub.month:
        year -= 1
    elif bias == "future" and month < pub.month:
        year += 1
    elif bias == "next" and month <= pub.month:
        year += 1
    return _iso_month(year, month)


def _day_month_year(month: int, day: int, pub: _Pub | None, bias: str,
                    weekday: int | None = None) -> str | None:
    ref = pub.date if pub else None
    if ref is None:
        return None
    cands = [d for d in (_valid_day(y, month, day) for y in range(ref.year - 1, ref.year + 2))
             if d is not None]
    if weekday is not None:  # "jeudi 3 octobre": the weekday tells the year
        fitting = [d for d in cands if d.weekday() == weekday]
        if fitting:
            return min(fitting, key=lambda d: abs((d - ref).days)).isoformat()
    past = [d for d in cands if d < ref]
    future = [d for d in cands if d > ref]
    if ref in cands and bias != "strict_past":
        return ref.isoformat()
    if bias == "same_year":
        this_year = _valid_day(ref.year, month, day)
        if this_year is not None:
            next_year = _valid_day(ref.year + 1, month, day)  # None for a 29 February
            if (ref - this_year).days > 270 and next_year:  # "le 5 janvier" in late December
                return next_year.isoformat()
            return this_year.isoformat()
        bias = "past"
    if bias == "next_or_same":
        choice = future[0] if future else None
    elif bias == "on_or_before":
        choice = past[-1] if past else None
    elif bias == "strict_past":
        choice = past[-1] if past else None
    elif bias == "next":
        choice = future[0] if future else None
    elif bias == "future":
        if future and (not past or (future[0] - ref).days <= 2 * (ref - past[-1]).days):
            choice = future[0]
        else:
            choice = past[-1] if past else None
    else:
        choice = future[0] if future and (future[0] - ref).days <= 92 else (
            past[-1] if past else None)
    return choice.isoformat() if choice else None


def _weekday_date(weekday: int, pub: _Pub | None, mode: str) -> str | None:
    ref = pub.date if pub else None
    if ref is None:
        return None
    if mode == "on_or_before":
        delta = -((ref.weekday() - weekday) % 7)
    elif mode == "before":
        delta = -(((ref.weekday() - weekday - 1) % 7) + 1)
    elif mode == "after":
        delta = ((weekday - ref.weekday() - 1) % 7) + 1
    else:  # same calendar week
        delta = weekday - ref.weekday()
    return (ref + dt.timedelta(delta)).isoformat()


def _offset(n: int, unit: str, pub: _Pub | None, sign: int) -> str | None:
    """``n`` years/months/weeks/days before (sign -1) or after (+1) the publication date."""
    if pub is None:
        return None
    unit = _fold(unit)
    if unit.startswith(("an", "ye")):
        return f"{pub.year + sign * n:04d}"
    if unit.startswith(("mo", "mois")):
        if pub.month is None:
            return None
        return _iso_month(*_shift_month(pub.year, pub.month, sign * n))
    ref = pub.date
    if ref is None:
        return None
    if unit.startswith(("sem", "we")):
        monday = ref - dt.timedelta(ref.weekday()) + dt.timedelta(7 * sign * n)
        return _week_month(monday)
    return (ref + dt.timedelta(sign * n)).isoformat()


def _number(token: str) -> int | None:
    token = _fold(token)
    return int(token) if token.isdigit() else _NUMBER_WORDS.get(token)


def _day_number(token: str) -> int:
    token = _fold(token)
    return 1 if token.startswith(("1e", "1r", "prem")) else int(token)
