"""Query and path parameters as the API accepts them, checked before any library call.

Store ids are INTEGER columns (32-bit on PostgreSQL), so a larger number can never name
anything and overflows in the database driver or server: it is refused here with a 422,
and so are counts and offsets past the same bound. Filters that take "a name or an id"
read only ASCII digits as an id: ``str.isdigit()`` also accepts superscripts and other
scripts' digits, which ``int()`` either rejects or silently reads as another number.
"""
from __future__ import annotations

import re
from typing import Annotated

from fastapi import Path, Query

from talentflow.core.errors import UsageError

#: Largest store id, and largest count or offset worth asking for (PostgreSQL INTEGER).
MAX_ID = 2**31 - 1

_ASCII_ID = re.compile(r"[0-9]+")

Since = Annotated[str | None, Query(description="From this date on: YYYY, YYYY-MM or "
                                                "YYYY-MM-DD.", examples=["2024"],
                                    max_length=40)]
Until = Annotated[str | None, Query(description="Up to this date, inclusive: YYYY, "
                                                "YYYY-MM or YYYY-MM-DD.", max_length=40)]
Limit = Annotated[int | None, Query(ge=0, le=10_000, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=MAX_ID, description="Items skipped first.")]
MinCount = Annotated[int, Query(ge=1, le=MAX_ID, description="Smallest count kept.")]


def _name_or_id(description: str, alias: str | None = None):
    return Annotated[str | None, Query(alias=alias, max_length=300,
                                       description=description + " A store id (ASCII "
                                       "digits) or a name matched through aliases.")]


def _id_path(what: str):
    return Annotated[int, Path(ge=0, le=MAX_ID, description=f"The {what}'s store id.")]


OrgFilter = _name_or_id("Flows or moves into or out of this organisation.")
PersonFilter = _name_or_id("The person who moved.")
FromFilter = _name_or_id("The organisation left.", alias="from")
ToFilter = _name_or_id("The organisation joined.")
PersonId = _id_path("person")
OrgId = _id_path("organisation")
FactId = _id_path("fact")
ArticleId = _id_path("article")


def name_or_id(value: str | None, *, option: str) -> str | int | None:
    """A filter value as the query layer takes it: an int id, a name, or None.

    Only ASCII digits make an id; any other text is a name, looked up through aliases
    (an unknown one gets a 404 with near matches, never a crash).
    """
    if value is None or not value.strip():
        return None
    value = value.strip()
    if not _ASCII_ID.fullmatch(value):
        return value
    number = int(value)
    if number > MAX_ID:
        raise UsageError(f"{option}: {value[:30]}{'…' if len(value) > 30 else ''} is too "
                         "large to be an id", item=option,
                         hint=f"ids run from 1 to {MAX_ID}")
    return number
