"""The ISO value of one expression already known to be a date (a DATE entity's text, say).

Running text goes through :func:`talentflow.nlp.dates.find_dates`, which must not take a bare
year or month from prose; an expression the caller vouches for may be one, and what the
grammar cannot read falls back to dateparser, against the publication date only.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from talentflow.nlp.date_calendar import _iso_month, _month_year, _parse_pub, _valid_day
from talentflow.nlp.date_lexicon import _EN_MONTH, _FR_MONTH, _month_number
from talentflow.nlp.dates import find_dates

__all__ = ["resolve_date"]

_ANAPHORIC = re.compile(r"(?<!\w)(?:later|earlier|before|after|afterwards|previous|following"
                        r"|plus\s+tard|plus\s+tôt|auparavant|avant|après|veille|lendemain"
                        r"|précédent|précédente|suivant|suivante)(?!\w)", re.IGNORECASE)
_ISO_PARTIAL = re.compile(r"\s*(?P<y>\d{4})-(?P<m>\d{2})\s*")
_BARE_YEAR = re.compile(r"\s*((?:1[89]|20)\d\d)\s*[.,;]?\s*")
_BARE_MONTH = re.compile(rf"\s*(?:{_FR_MONTH}|{_EN_MONTH.replace('?P<mon>', '?P<enmon>')})"
                         r"\s*[.,;]?\s*", re.IGNORECASE)


def resolve_date(expression: str, lang: str, publication_date: str | None) -> str | None:
    """The ISO value of one date expression (say a DATE entity's text), or None.

    The caller vouches that ``expression`` is a date, so a bare year ("2021") or month
    ("mai") resolves here although :func:`find_dates` would not take it from running text.
    """
    if not expression or not expression.strip():
        return None
    pub = _parse_pub(publication_date)
    if m := _BARE_YEAR.fullmatch(expression):
        return m.group(1)
    if m := _ISO_PARTIAL.fullmatch(expression):  # already a value: "2024-09"
        return m.group(0).strip() if _valid_day(int(m["y"]), int(m["m"]), 1) else None
    if m := _BARE_MONTH.fullmatch(expression):
        return _month_year(_month_number(m["mon"] or m["enmon"]), pub, "past")
    matches = find_dates(expression, lang, publication_date)
    if not matches:
        other = {"fr": "en", "en": "fr"}.get((lang or "")[:2].lower())
        matches = find_dates(expression, other, publication_date) if other else []
    if matches:
        return max(matches, key=lambda d: d.end - d.start).value
    if pub is None or pub.date is None:
        return None  # dateparser would resolve relative words against today: wrong
    if _ANAPHORIC.search(expression):
        return None  # "trois jours plus tard" counts from the story's time, not publication
    return _dateparser_fallback(expression.strip(), (lang or "en")[:2].lower(),
                                pub.date.isoformat())


@lru_cache(maxsize=8192)
def _dateparser_fallback(expression: str, lang: str, publication_date: str) -> str | None:
    parser = _date_data_parser(lang if lang in ("fr", "en") else "en", publication_date)
    if parser is None:
        return None
    try:
        data = parser.get_date_data(expression)
    except Exception:  # dateparser raises assorted errors on odd input; a miss is fine here
        return None
    if data is None or data.date_obj is None:
        return None
    when = data.date_obj.date()
    if when > dt.date.fromisoformat(publication_date) + dt.timedelta(days=366):
        return None  # a far-future guess is not a reading we trust
    period = data.period or "day"
    if period == "year":
        return f"{when.year:04d}"
    if period in ("month", "week"):
        return _iso_month(when.year, when.month)
    return when.isoformat()


@lru_cache(maxsize=64)
def _date_data_parser(lang: str, publication_date: str):
    """One dateparser parser per language and publication date (building one is slow)."""
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    base = dt.datetime.fromisoformat(publication_date)
    return DateDataParser(languages=[lang], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True})
