"""Find and resolve French and English date expressions, without spaCy.

News text dates events relative to the publication date ("en mai dernier", "jeudi", "last
week"), and dateparser misses many of the French forms, so a small precompiled regex grammar
does the work; dateparser is only a cached fallback in :func:`resolve_date`.

Values are ISO strings at the precision the text gives: "YYYY", "YYYY-MM" or "YYYY-MM-DD".
Relative expressions need the publication date; without it only absolute dates resolve.

Year choice for a month or day without a year (the publication date is P):
- "en mai", "mai dernier", "last May": the same year as P if the month is not after P's
  month, else the year before (news reports mostly look back);
- "le 3 septembre": the most recent such day on or before P, unless the next one is at most
  92 days after P (announced appointments "prendra ses fonctions le 1er septembre");
- effective dates ("à partir du 1er avril", "effective January 1", "à partir de septembre"):
  lean to the future; "prochain"/"next" strictly after P.
A bare weekday ("jeudi", "on Tuesday") is the latest such day on or before P, because wire
copy dated Thursday says "a annoncé jeudi" for that very day; "jeudi dernier"/"last
Thursday" is strictly before P. A week-level expression ("la semaine dernière") resolves to
the month holding most of that week's days: a week has no honest day-level value.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

__all__ = ["DateMatch", "find_dates", "resolve_date"]


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    value: str


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


@lru_cache(maxsize=4096)
def _parse_pub(publication_date: str | None) -> _Pub | None:
    """Lenient: a malformed publication date is treated as unknown, never as an error."""
    if not publication_date:
        return None
    m = _PUB_RE.match(publication_date)
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        if day:
            dt.date(year, month, day)
        elif month and not 1 <= month <= 12:
            return None
    except ValueError:
        return None
    return _Pub(year, month, day)


# ---------------------------------------------------------------- vocabulary

def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


_MONTH_PREFIX = {"jan": 1, "fev": 2, "feb": 2, "mar": 3, "avr": 4, "apr": 4, "mai": 5,
                 "may": 5, "aou": 8, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}


def _month_number(token: str) -> int:
    f = _fold(token).rstrip(".")
    if f.startswith(("juin", "jun")):
        return 6
    if f.startswith(("juil", "jul")):
        return 7
    return _MONTH_PREFIX[f[:3]]


_WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
             "dimanche": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
             "friday": 4, "saturday": 5, "sunday": 6}

_NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "trente": 30,
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "eighteen": 18, "twenty": 20, "thirty": 30,
}
_NUM = r"(?P<n>\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"

# Seasons by their first month; winter starts in December.
_SEASONS = {"printemps": 3, "ete": 6, "automne": 9, "hiver": 12,
            "spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

_A = r"['’]"  # straight or typographic apostrophe
_DE = rf"d(?:e\s+|u\s+|{_A}\s*)"  # de / du / d'
_HY = r"(?:\s*-\s*|\s+)"  # "mi-juin", "mi juin"

_FR_MONTH = (r"(?P<mon>janvier|janv\.|f[ée]vrier|f[ée]vr?\.|mars|avril|avr\.|mai|juin|juillet"
             r"|juil\.|ao[uû]t|septembre|sept\.|octobre|oct\.|novembre|nov\.|d[ée]cembre"
             r"|d[ée]c\.)(?!\w)")
_EN_MONTH = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October"
             r"|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?"
             r"|Oct\.?|Nov\.?|Dec\.?)(?!\w)(?!['’]s)")
_FR_WD = r"(?P<wd>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?!\w)"
_EN_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\w)"
_FR_DAY = r"(?<!\d)(?P<day>1er|1re|premier|[12]\d|3[01]|0?[1-9])(?!\d)"
_EN_DAY = r"(?<!\d)(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?<!\d)(?P<year>(?:19|20)\d\d)(?!\d|[.,]\d)"
# A year after a preposition is still not a year when it counts things ("en 2000 magasins").
_NOT_A_COUNT = (r"(?!\s*(?:%|€|\$|£|euros?|dollars?|salari[ée]s|employ[ée]s|personnes|habitants"
                r"|emplois|postes|collaborateurs|clients|utilisateurs|magasins|employees|people"
                r"|staff|jobs|workers|users|customers|stores|shares|actions|millions?"
                r"|milliards?|billions?|thousand|mille)(?!\w))")

_FR_DAY_LEAD = (rf"(?:(?P<eff>à\s+partir\s+du|à\s+compter\s+du|dès\s+le|au|jusqu{_A}au"
                rf"|d{_A}ici\s+le|à\s+dater\s+du)|le|du|depuis\s+le|avant\s+le|après\s+le"
                r"|ce)\s+")
_EN_DAY_LEAD = (r"(?:(?P<eff>effective(?:\s+from)?|as\s+of|starting|beginning|from|until"
                r"|through|by)\s+(?:on\s+)?|on\s+|since\s+|before\s+|after\s+)")

_FR_MONTH_LEAD = (rf"(?P<lead>(?P<eff>à\s+partir\s+{_DE}|à\s+compter\s+{_DE}|d{_A}ici\s+)"
                  rf"|(?:en|depuis|dès|avant|après|courant|pour|entre|jusqu{_A}(?:en|à|au))\s+)")
_FR_QUAL = (rf"(?P<qual>(?:(?:au|en|à\s+la|vers\s+la|dans\s+la)\s+)?"
            rf"(?:début|fin|mi|milieu|courant){_HY}(?:(?:du\s+mois\s+)?{_DE})?)")
_FR_MOIS = rf"(?P<mois>(?:au\s+|le\s+)?mois\s+d(?:e\s+|{_A}\s*))"
_EN_MONTH_LEAD = (r"(?P<lead>(?P<eff>starting(?:\s+in)?|effective|as\s+of|from|by|until)\s+"
                  r"|(?P<rel>last|next|this\s+past|this\s+coming|this|earlier\s+this)\s+"
                  r"|(?:in|since|before|after|during|through|throughout|of)\s+)")
_EN_QUAL = (r"(?P<qual>(?:(?:in|at|by|from|until|since)\s+)?(?:the\s+)?(?:early|late|mid"
            r"|end\s+of|start\s+of|beginning\s+of|middle\s+of|first\s+half\s+of"
            r"|second\s+half\s+of|first\s+week\s+of|last\s+week\s+of)" + _HY + ")")

_FR_YEAR_LEAD = (rf"(?:(?:en|depuis|dès|avant|après|jusqu{_A}en|d{_A}ici|à\s+partir\s+de"
                 rf"|courant|vers|entre|fin|début|mi|milieu|(?:au|en)\s+(?:début|milieu)\s+de"
                 rf"|(?:à\s+la|en)\s+fin\s+de|au\s+cours\s+de(?:\s+l{_A}année)?|l{_A}an(?:née)?"
                 rf"|en\s+l{_A}an|au\s+printemps|en\s+été|à\s+l{_A}été|en\s+automne"
                 rf"|à\s+l{_A}automne|en\s+hiver|à\s+l{_A}hiver|l{_A}(?:été|automne|hiver)"
                 r"|(?:au\s+)?(?:premier|1er|deuxième|second|2e|troisième|3e|quatrième|4e"
                 r"|dernier)\s+(?:trimestre|semestre)(?:\s+de)?|T[1-4]|S[12])" + _HY + ")")
_EN_YEAR_LEAD = (r"(?:(?:in|since|by|until|before|after|during|through|throughout|from|of"
                 r"|as\s+of|starting\s+in|early|late|mid|(?:(?:in|at|by)\s+)?(?:the\s+)?"
                 r"(?:end|start|beginning|middle|first\s+half|second\s+half|spring|summer"
                 r"|autumn|fall|winter|(?:first|second|third|fourth|last)\s+quarter)\s+of"
                 r"|(?:(?:in|by)\s+)?(?:early|late|mid)|spring|summer|autumn|fall|winter"
                 r"|Q[1-4]|H[12]|(?:the\s+)?year)" + _HY + ")")


# ---------------------------------------------------------------- calendar helpers

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
    if bias == "strict_past":
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


# ---------------------------------------------------------------- match handlers

Handler = Callable[[re.Match, "_Pub | None"], "str | None"]


def _group(m: re.Match, name: str) -> str | None:
    return m.groupdict().get(name)


def _capitalised(m: re.Match, *names: str) -> bool:
    """English month and weekday names only count when capitalised ("may" is a verb)."""
    return all(not _group(m, n) or _group(m, n)[0].isupper() for n in names)


def _capitalised_only(handler: Handler) -> Handler:
    def checked(m: re.Match, pub: _Pub | None) -> str | None:
        return handler(m, pub) if _capitalised(m, "mon", "wd") else None
    return checked


def _full_date(m: re.Match, pub: _Pub | None) -> str | None:
    d = _valid_day(int(m["year"]), _month_number(m["mon"]), _day_number(m["day"]))
    return d.isoformat() if d else None


def _day_month(m: re.Match, pub: _Pub | None) -> str | None:
    rel = _fold(_group(m, "rel") or "")
    if rel in ("dernier", "passe", "last"):
        bias = "strict_past"
    elif rel in ("prochain", "next"):
        bias = "next"
    else:
        bias = "future" if _group(m, "eff") else "past"
    wd = _group(m, "wd")
    return _day_month_year(_month_number(m["mon"]), _day_number(m["day"]), pub, bias,
                           _WEEKDAYS[_fold(wd)] if wd else None)


def _numeric_date(m: re.Match, pub: _Pub | None) -> str | None:
    d = _valid_day(int(m["y"]), int(m["m"]), int(m["d"]))
    return d.isoformat() if d else None


def _month(m: re.Match, pub: _Pub | None) -> str | None:
    month = _month_number(m["mon"])
    if _group(m, "year"):
        return _iso_month(int(m["year"]), month)
    if not (_group(m, "lead") or _group(m, "qual") or _group(m, "mois") or _group(m, "rel")):
        return None  # a bare month name is too often something else ("Mars", "May")
    rel = _fold(_group(m, "rel") or "")
    if rel in ("prochain", "next", "this coming"):
        return _month_year(month, pub, "next")
    if rel in ("this",) and pub is not None:
        return _iso_month(pub.year, month)
    return _month_year(month, pub, "future" if _group(m, "eff") else "past")


def _year(m: re.Match, pub: _Pub | None) -> str | None:
    return m["year"]


def _days_from_pub(delta: int) -> Handler:
    def handler(m: re.Match, pub: _Pub | None) -> str | None:
        ref = pub.date if pub else None
        return (ref + dt.timedelta(delta)).isoformat() if ref else None
    return handler


def _weekday(m: re.Match, pub: _Pub | None) -> str | None:
    rel = _fold(_group(m, "rel") or "")
    if rel in ("dernier", "passe", "last", "this past"):
        mode = "before"
    elif rel in ("prochain", "next", "this coming"):
        mode = "after"
    elif rel in ("ce", "this"):
        mode = "same_week"
    else:
        mode = "on_or_before"
    return _weekday_date(_WEEKDAYS[_fold(m["wd"])], pub, mode)


def _week(weeks: int) -> Handler:
    def handler(m: re.Match, pub: _Pub | None) -> str | None:
        ref = pub.date if pub else None
        if ref is None:
            return None
        return _week_month(ref - dt.timedelta(ref.weekday()) + dt.timedelta(7 * weeks))
    return handler


def _month_offset(months: int) -> Handler:
    def handler(m: re.Match, pub: _Pub | None) -> str | None:
        if pub is None or pub.month is None:
            return None
        return _iso_month(*_shift_month(pub.year, pub.month, months))
    return handler


def _year_offset(years: int) -> Handler:
    def handler(m: re.Match, pub: _Pub | None) -> str | None:
        return f"{pub.year + years:04d}" if pub else None
    return handler


def _ago(m: re.Match, pub: _Pub | None) -> str | None:
    n = _number(m["n"])
    return _offset(n, m["unit"], pub, -1) if n is not None else None


def _in_future(m: re.Match, pub: _Pub | None) -> str | None:
    n = _number(m["n"])
    return _offset(n, m["unit"], pub, +1) if n is not None else None


def _season(m: re.Match, pub: _Pub | None) -> str | None:
    """A season as a year: "l'été dernier" is this year's summer once it is over."""
    if pub is None:
        return None
    start = _SEASONS[_fold(m["season"])]
    rel = _fold(_group(m, "rel") or "")
    if rel in ("dernier", "passe", "last"):
        if pub.month is None:
            return None
        over = start != 12 and pub.month >= start + 3
        return f"{pub.year if over else pub.year - 1:04d}"
    if rel in ("prochain", "next"):
        return f"{pub.year + 1:04d}"
    return f"{pub.year:04d}"


# ---------------------------------------------------------------- grammars

_F = re.IGNORECASE


def _rules(*pairs: tuple[str, Handler]) -> tuple[tuple[re.Pattern, Handler], ...]:
    return tuple((re.compile(p, _F), h) for p, h in pairs)


_BEFORE = r"(?<![\w-])"
_ISO = (r"(?<![\w/.-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
        r"(?![\w-])", _numeric_date)
_DMY_NUMERIC = (r"(?<![\w/.-])(?P<d>0?[1-9]|[12]\d|3[01])[/.](?P<m>0?[1-9]|1[0-2])[/.]"
                r"(?P<y>(?:19|20)\d\d)(?![\w/-]|\.\d)", _numeric_date)

def _weekday_fr(m: re.Match, pub: _Pub | None) -> str | None:
    rel = _fold(_group(m, "rel2") or _group(m, "rel") or "")
    mode = {"dernier": "before", "passe": "before", "prochain": "after",
            "ce": "same_week"}.get(rel, "on_or_before")
    return _weekday_date(_WEEKDAYS[_fold(m["wd"])], pub, mode)


_FR_RULES = _rules(
    (rf"{_BEFORE}(?:{_FR_DAY_LEAD})?(?:{_FR_WD}\s+)?{_FR_DAY}\s+{_FR_MONTH}\s+{_YEAR}",
     _full_date),
    (rf"{_BEFORE}(?:{_FR_DAY_LEAD})?(?:{_FR_WD}\s+)?{_FR_DAY}\s+{_FR_MONTH}"
     r"(?:\s+(?P<rel>dernier|prochain|passé)(?!\w)|(?!\s*\d))", _day_month),
    _ISO, _DMY_NUMERIC,
    (rf"{_BEFORE}(?:{_FR_MONTH_LEAD})?(?:{_FR_QUAL})?(?:{_FR_MOIS})?{_FR_MONTH}"
     rf"(?:\s+{_YEAR}|\s+(?P<rel>dernier|prochain|passé)(?!\w)|(?!\s*\d))", _month),
    (rf"{_BEFORE}{_FR_YEAR_LEAD}{_YEAR}{_NOT_A_COUNT}", _year),
    (rf"{_BEFORE}avant{_HY}hier(?!\w)", _days_from_pub(-2)),
    (rf"{_BEFORE}après{_HY}demain(?!\w)", _days_from_pub(2)),
    (rf"{_BEFORE}hier(?!\w)(?:\s+(?:matin|soir|après-midi)(?!\w))?", _days_from_pub(-1)),
    (rf"{_BEFORE}demain(?!\w)", _days_from_pub(1)),
    (rf"{_BEFORE}(?:aujourd{_A}\s?hui|ce\s+matin|ce\s+soir|cet\s+après-midi)(?!\w)",
     _days_from_pub(0)),
    (rf"(?<!\ble\s)(?<!\bles\s){_BEFORE}(?:(?P<rel>ce)\s+)?{_FR_WD}"
     r"(?:\s+(?:(?:matin|soir|midi|après-midi)\s+)?(?P<rel2>dernier|prochain|passé)(?!\w))?",
     _weekday_fr),
    (rf"{_BEFORE}(?:la\s+)?semaine\s+(?:derni[èe]re|pass[ée]e)(?!\w)", _week(-1)),
    (rf"{_BEFORE}(?:(?:plus\s+tôt|en\s+début\s+de|en\s+fin\s+de)\s+)?cette\s+semaine(?![\w-])",
     _week(0)),
    (rf"{_BEFORE}(?:la\s+)?semaine\s+prochaine(?!\w)", _week(1)),
    (rf"{_BEFORE}(?:(?:le|au\s+cours\s+du|(?:au|à\s+la|en)\s+(?:début|fin|milieu)\s+du"
     r"|(?:début|fin|mi|courant){_HY}(?:du\s+)?)\s*)?mois\s+(?:dernier|passé)(?!\w)",
     _month_offset(-1)),
    (rf"{_BEFORE}(?:(?:plus\s+tôt|en\s+début\s+de|en\s+fin\s+de)\s+)?ce\s+mois(?:-ci)?"
     r"(?![\w-])(?!\s+d)", _month_offset(0)),
    (rf"{_BEFORE}(?:le\s+)?mois\s+prochain(?!\w)", _month_offset(1)),
    (rf"{_BEFORE}(?:(?:(?:au|en|à\s+la|dans\s+le)\s+)?(?:début|fin|milieu|courant|cours)"
     rf"\s+(?:de\s+l{_A}\s*|d{_A}\s*))?(?:l{_A}\s*)?an(?:née)?\s+(?:derni[èe]re?|pass[ée]e?)"
     r"(?!\w)", _year_offset(-1)),
    (rf"{_BEFORE}(?:(?:(?:au|en|à\s+la|dans\s+le)\s+)?(?:début|fin|milieu|courant|cours)\s+de"
     r"\s+|plus\s+tôt\s+|plus\s+tard\s+)?cette\s+année(?![\w-])", _year_offset(0)),
    (rf"{_BEFORE}(?:en|au)\s+(?:début|fin|milieu|cours)\s+d{_A}\s*année"
     r"(?!\s+(?:derni|proch|pass|\d))", _year_offset(0)),
    (rf"{_BEFORE}(?:l{_A}\s*)?an(?:née)?\s+prochaine?(?!\w)", _year_offset(1)),
    (rf"{_BEFORE}il\s+y\s+a\s+{_NUM}\s+(?P<unit>ans?|années?|mois|semaines?|jours?)(?!\w)",
     _ago),
    (rf"{_BEFORE}dans\s+{_NUM}\s+(?P<unit>ans|années|mois|semaines?|jours)(?!\w)",
     _in_future),
    (rf"{_BEFORE}(?:l{_A}|le\s+|cet\s+|ce\s+)?(?P<season>été|printemps|automne|hiver)\s+"
     r"(?P<rel>dernier|passé|prochain)(?!\w)", _season),
    (rf"{_BEFORE}(?:cet|ce)\s+(?P<season>été|printemps|automne|hiver)(?!\w)", _season),
)


_EN_RULES = _rules(
    (rf"{_BEFORE}(?:{_EN_DAY_LEAD})?(?:{_EN_WD},?\s+)?{_EN_MONTH}\s+{_EN_DAY},?\s+{_YEAR}",
     _full_date),
    (rf"{_BEFORE}(?:{_EN_DAY_LEAD})?(?:{_EN_WD},?\s+)?(?:the\s+)?{_EN_DAY}\s+(?:of\s+)?"
     rf"{_EN_MONTH},?\s+{_YEAR}", _full_date),
    (rf"{_BEFORE}(?:{_EN_DAY_LEAD})?(?:{_EN_WD},?\s+)?{_EN_MONTH}\s+{_EN_DAY}(?!,?\s*\d)"
     r"(?!\s+(?:million|billion|thousand|percent|per\s+cent)\b)", _day_month),
    (rf"{_BEFORE}(?:{_EN_DAY_LEAD})?(?:{_EN_WD},?\s+)?(?:the\s+)?{_EN_DAY}\s+(?:of\s+)?"
     rf"{_EN_MONTH}(?!,?\s*\d)", _day_month),
    _ISO,
    (rf"{_BEFORE}(?:{_EN_MONTH_LEAD})?(?:{_EN_QUAL})?{_EN_MONTH}(?:,?\s+{_YEAR}|(?!\s*\d))",
     _month),
    (rf"{_BEFORE}{_EN_YEAR_LEAD}{_YEAR}{_NOT_A_COUNT}", _year),
    (rf"{_BEFORE}the\s+day\s+before\s+yesterday(?!\w)", _days_from_pub(-2)),
    (rf"{_BEFORE}yesterday(?!\w)(?:\s+(?:morning|afternoon|evening)(?!\w))?",
     _days_from_pub(-1)),
    (rf"{_BEFORE}(?:today|this\s+morning|this\s+afternoon|this\s+evening|tonight)(?!\w)",
     _days_from_pub(0)),
    (rf"{_BEFORE}tomorrow(?!\w)", _days_from_pub(1)),
    (rf"{_BEFORE}(?:(?P<rel>last|this\s+past|this\s+coming|this|next|on)\s+)?{_EN_WD}",
     _weekday),
    (rf"{_BEFORE}(?:(?:early|late)\s+)?last\s+week(?!\w)", _week(-1)),
    (rf"{_BEFORE}(?:(?:earlier|later|early|late)\s+)?this\s+week(?!\w)", _week(0)),
    (rf"{_BEFORE}next\s+week(?!\w)", _week(1)),
    (rf"{_BEFORE}(?:(?:(?:at\s+)?the\s+(?:end|start|beginning)\s+of|early|late|earlier|mid)"
     rf"{_HY})?last\s+month(?!\w)", _month_offset(-1)),
    (rf"{_BEFORE}(?:(?:earlier|later|early|late)\s+)?this\s+month(?!\w)", _month_offset(0)),
    (rf"{_BEFORE}next\s+month(?!\w)", _month_offset(1)),
    (rf"{_BEFORE}(?:(?:(?:at\s+)?the\s+(?:end|start|beginning|middle)\s+of|early|late|mid)"
     rf"{_HY})?last\s+year(?!\w)", _year_offset(-1)),
    (rf"{_BEFORE}(?:(?:earlier|later|early|late)\s+)?this\s+year(?!\w)"
     r"|(?:earlier|later)\s+in\s+the\s+year(?!\w)"
     r"|(?:(?:at|by)\s+)?the\s+(?:end|start|beginning)\s+of\s+the\s+year(?!\w)",
     _year_offset(0)),
    (rf"{_BEFORE}next\s+year(?!\w)", _year_offset(1)),
    (rf"{_BEFORE}{_NUM}\s+(?P<unit>years?|months?|weeks?|days?)\s+ago(?!\w)", _ago),
    (rf"{_BEFORE}(?P<rel>last|this|next)\s+(?P<season>spring|summer|autumn|fall|winter)(?!\w)",
     _season),
)

_RULES = {"fr": _FR_RULES,
          "en": tuple((p, _capitalised_only(h)) for p, h in _EN_RULES)}


def _rules_for(lang: str | None) -> tuple[tuple[re.Pattern, Handler], ...]:
    lang = (lang or "").lower()[:2]
    if lang in _RULES:
        return _RULES[lang]
    return _RULES["fr"] + _RULES["en"]  # unknown language: try both grammars


# ---------------------------------------------------------------- public API

def find_dates(text: str, lang: str, publication_date: str | None) -> list[DateMatch]:
    """Every date expression in ``text`` that resolves, left to right, never overlapping.

    Where expressions overlap the longest wins ("le 3 septembre 2024" over "septembre 2024").
    Relative expressions that cannot be resolved (no publication date) are left out.
    """
    pub = _parse_pub(publication_date)
    found: list[DateMatch] = []
    for pattern, handler in _rules_for(lang):
        for m in pattern.finditer(text):
            value = handler(m, pub)
            if value:
                found.append(DateMatch(m.start(), m.end(), m.group(0), value))
    return _longest_first(found)


def _longest_first(found: list[DateMatch]) -> list[DateMatch]:
    chosen: list[DateMatch] = []
    for cand in sorted(found, key=lambda d: (d.start - d.end, d.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda d: d.start)


_BARE_YEAR = re.compile(r"\s*((?:1[89]|20)\d\d)\s*[.,;]?\s*")
_BARE_MONTH = re.compile(rf"\s*(?:{_FR_MONTH}|{_EN_MONTH.replace('?P<mon>', '?P<enmon>')})"
                         r"\s*[.,;]?\s*", _F)


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
