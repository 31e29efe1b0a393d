"""Articles posted as JSON to ``POST /api/articles``, turned into core ``Article`` objects."""
from __future__ import annotations

import re
from datetime import date as Date, datetime
from typing import Any

from talentflow.core.errors import MalformedRecordError
from talentflow.core.models import Article

#: Most articles one request may carry (the body size limit applies too).
MAX_ARTICLES = 500
_TEXT_FIELDS = ("lang", "date", "title", "url")
_PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2}))?")


def publication_date(value: str, where: str) -> str:
    """``value`` as the store keeps dates: YYYY, YYYY-MM or YYYY-MM-DD.

    A full ISO timestamp keeps its date. Anything else is refused rather than dropped,
    since relative dates in the text ("last May") are resolved against it.
    """
    text = value.strip()
    match = _PARTIAL_DATE.fullmatch(text)
    if match and (match.group(2) is None or 1 <= int(match.group(2)) <= 12):
        return text
    try:
        if len(text) == 10:
            return Date.fromisoformat(text).isoformat()
        if len(text) > 10 and text[:4].isascii() and text[:4].isdigit():
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    raise MalformedRecordError(f"'date' {value[:40]!r} is not a date", item=where,
                               hint="use YYYY-MM-DD (or YYYY-MM, YYYY, or an ISO timestamp)")


def _article(record: Any, position: int) -> Article:
    where = f"article {position}"
    if not isinstance(record, dict):
        raise MalformedRecordError("an article must be a JSON object", item=where)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise MalformedRecordError("'text' is missing or empty", item=where,
                                   hint="each article needs its text in 'text'")
    ext_id = record.get("id", f"http-{position}")
    if not isinstance(ext_id, (str, int)):
        raise MalformedRecordError("'id' must be a string", item=where)
    fields = {}
    for name in _TEXT_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise MalformedRecordError(f"'{name}' must be a string", item=where)
        fields[name] = value
    if fields["date"] is not None:
        fields["date"] = publication_date(fields["date"], where) if fields["date"].strip() \
            else None
    return Article(str(ext_id), text, source=f"http:{ext_id}", **fields)


def articles_from_json(payload: Any) -> list[Article]:
    """One article object, a list of them, or ``{"articles": [...]}``; a malformed one
    raises MalformedRecordError naming its position, before anything is stored."""
    if isinstance(payload, dict) and isinstance(payload.get("articles"), list):
        payload = payload["articles"]
    records = payload if isinstance(payload, list) else [payload]
    if not records:
        raise MalformedRecordError("no article in the body", item="body")
    if len(records) > MAX_ARTICLES:
        raise MalformedRecordError(f"{len(records)} articles in one request; at most "
                                   f"{MAX_ARTICLES}", item="body",
                                   hint="split the batch into several requests")
    return [_article(record, position) for position, record in enumerate(records)]
