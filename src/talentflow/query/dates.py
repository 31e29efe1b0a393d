"""Date bounds given by users ("2024", "2024-05", "2024-05-14") turned into store ranges.

Facts carry ``date_start`` (the first day their date covers, ``YYYY-MM-DD``). A range
filter ``since <= date <= until`` keeps a fact when its first day falls between the
first day of ``since`` and the last day of ``until``, so ``--since 2024 --until 2024``
keeps everything dated in 2024 at any precision, and ISO strings compare correctly on
SQLite and PostgreSQL alike.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from talentflow.core.errors import UsageError

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class DateRange:
    """Inclusive range of ``date_start`` values; either end may be open (None)."""

    start: str | None = None
    end: str | None = None

    @property
    def is_open(self) -> bool:
        return self.start is None and self.end is None


def partial_date_bounds(text: str, *, option: str = "date") -> tuple[str, str]:
    """First and last day covered by an ISO partial date, both ``YYYY-MM-DD``.

    Raises UsageError naming the option when the text is not a real partial date.
    """
    match = _PARTIAL_DATE.match(text.strip())
    if not match:
        raise UsageError(f"{text!r} is not a date",
                         hint="use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024 or 2024-05",
                         item=option)
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise UsageError(f"{text!r} has no month {month}", hint="months run 01..12", item=option)
    if month is None:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    last_day = calendar.monthrange(year, month)[1]
    if day is None:
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last_day:02d}"
    if not 1 <= day <= last_day:
        raise UsageError(f"{text!r} is not a day of {year:04d}-{month:02d}",
                         hint=f"that month has {last_day} days", item=option)
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    return iso, iso


def date_range(since: str | None = None, until: str | None = None) -> DateRange:
    """The ``date_start`` range for user bounds; a reversed range is a usage error."""
    start = partial_date_bounds(since, option="--since")[0] if since else None
    end = partial_date_bounds(until, option="--until")[1] if until else None
    if start and end and start > end:
        raise UsageError(f"--since {since} is after --until {until}",
                         hint="swap the two dates", item="--since/--until")
    return DateRange(start, end)
