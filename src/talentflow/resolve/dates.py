"""Sortable day ranges for partial ISO dates ("2024", "2024-05", "2024-05-14").

The store keeps a partial date as written plus the first and last day it covers, so a
range query is an indexed comparison on full ``YYYY-MM-DD`` strings.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

_PARTIAL_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class DateRange:
    value: str  # the partial date, normalised ("2024-05")
    start: str  # first day covered, "2024-05-01"
    end: str  # last day covered, inclusive, "2024-05-31"
    precision: str  # "year", "month" or "day"

    @property
    def rank(self) -> int:
        """Higher is more precise."""
        return {"year": 1, "month": 2, "day": 3}[self.precision]

    @property
    def month_index(self) -> int:
        """Months since year 0 of the first day: for measuring how far apart two dates are."""
        return int(self.start[:4]) * 12 + int(self.start[5:7]) - 1


def date_range(value: str | None) -> DateRange | None:
    """The days a partial ISO date covers; None for None and for anything not a real date."""
    if not value:
        return None
    match = _PARTIAL_ISO.match(value.strip())
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    y = int(year)
    if month is None:
        return DateRange(year, f"{year}-01-01", f"{year}-12-31", "year")
    m = int(month)
    if not 1 <= m <= 12:
        return None
    last = calendar.monthrange(y, m)[1]
    if day is None:
        return DateRange(f"{year}-{month}", f"{year}-{month}-01", f"{year}-{month}-{last:02d}",
                         "month")
    if not 1 <= int(day) <= last:
        return None
    full = f"{year}-{month}-{day}"
    return DateRange(full, full, full, "day")


def dates_agree(a: DateRange, b: DateRange) -> bool:
    """Same date, or one is a more precise form of the other ("2024" and "2024-05-14")."""
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def months_apart(a: DateRange, b: DateRange) -> int:
    return abs(a.month_index - b.month_index)
