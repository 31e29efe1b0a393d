"""Articles posted as JSON to ``POST /api/articles``, turned into core ``Article`` objects."""
from __future__ import annotations

from typing import Any

from talentflow.core.errors import MalformedRecordError
from talentflow.core.models import Article

#: Most articles one request may carry (the body size limit applies too).
MAX_ARTICLES = 500
_TEXT_FIELDS = ("lang", "date", "title", "url")


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
