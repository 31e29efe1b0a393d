"""Find and resolve French and English date expressions, without spaCy.

News text dates events relative to the publication date ("en mai dernier", "jeudi", "last
week"), and dateparser misses many of the French forms, so a small precompiled regex grammar
does the work; dateparser is only a cached fallback when one known date expression
(:func:`talentflow.nlp.date_resolution.resolve_date`) is not read by the grammar.

Values are ISO strings at the precision the text gives: "YYYY", "YYYY-MM" or "YYYY-MM-DD".
Relative expressions need the publication date; without it only absolute dates resolve.

Year choice for a month or day without a year (the publication date is P):
- a year named after it wins ("le 18 janvier de cette année", "in March last year");
- "mai dernier", "last May", "en mai" in a past or tenseless clause: the same year as P if
  the month is not after P's month, else the year before (news mostly looks back);
- a clause in the future ("il prendra ses fonctions en mars", "she will join on May 3") or an
  effective date ("à partir du 1er avril", "effective January 1") looks forward;
  "prochain"/"next" is strictly after P; a reporting verb ("a annoncé qu'il...") sets no tense;
- a bare French day ("le 3 septembre") is this year's, because French adds "dernier" for a
  past date of another year, unless more than 270 days back; in English it is the latest
  such day on or before P unless the next one is at most 92 days away;
- a day in a paragraph that has just dated an event of an earlier year ("on November 15,
  2017 ... on November 21") takes that year, when the clause is not in the future.
A bare weekday ("jeudi", "on Tuesday") is the latest such day on or before P, because wire
copy dated Thursday says "a annoncé jeudi" for that very day; "jeudi dernier"/"last
Thursday" is strictly before P. A week-level expression ("la semaine dernière") resolves to
the month holding most of that week's days: a week has no honest day-level value; a day
range ("les 16 et 17 juin") to its month, and a year range ("1998–2004") to both years.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import partial
from typing import Callable

from talentflow.nlp.date_calendar import (
    _day_month_year, _day_number, _iso_month, _month_year, _number, _offset, _parse_pub, _Pub,
    _shift_month, _valid_day, _week_month, _weekday_date)
from talentflow.nlp.date_lexicon import (
    _A, _EN_DAY, _EN_DAY_LEAD, _EN_MONTH, _EN_MONTH_LEAD, _EN_QUAL, _EN_WD, _EN_YEAR_LEAD,
    _FR_DAY, _FR_DAY_LEAD, _FR_MOIS, _FR_MONTH, _FR_MONTH_LEAD, _FR_QUAL, _FR_WD,
    _FR_YEAR_LEAD, _HY, _NOT_A_COUNT, _NUM, _SEASONS, _WEEKDAYS, _YEAR, _fold, _month_number)
from talentflow.nlp.spans import longest_first

__all__ = ["DateMatch", "find_dates"]


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    value: str


# ---------------------------------------------------------------- match handlers

Handler = Callable[[re.Match, "_Pub | None"], "str | list[tuple[int, int, str]] | None"]


_LETTER = "[a-zàâçéèêëîïôûù]"
_TENSE_CUES = {
    "fr": re.compile(
        r"(?<!\w)(?:(?P<fut>va|vont|allait|allaient|devrait|devraient|devra|devront|doit"
        r"|doivent|sera|seront|aura|auront|fera|feront|ira|iront|prévoit\s+de"
        r"|(?:est|sont|était|étaient|a\s+été)\s+"
        r"(?:prévu|attendu|programmé|envisagé|fixé)e?s?"
        rf"|{_LETTER}{{2,}}(?:era|eront|erait|eraient|ira|iront|irait|dra|dront|drait))"
        r"|(?P<past>(?:a|ont|avait|avaient|est|sont|était|étaient|fut|furent)\s+"
        r"(?:(?:été|déjà|alors|officiellement|finalement|récemment)\s+)?"
        rf"{_LETTER}+(?:é|ée|és|ées|i|ie|is|it|u|ue|us|ert|erte|ort|int|eint)))(?!\w)",
        re.IGNORECASE),
    "en": re.compile(
        r"(?<!\w)(?:(?P<fut>(?:will|shall|would|['’]ll)(?:\s+not)?(?:\s+(?:be|have\s+been)"
        r"\s+\w+)?|(?:is|are|was|were)\s+(?:set\s+|expected\s+|due\s+|scheduled\s+"
        r"|going\s+)?to|plans?\s+to|planned\s+to|takes?\s+effect"
        r"|(?:is|are|was|were)\s+(?:scheduled|planned|slated|expected|due)"
        r"|(?:is|are)\s+(?:stepping|leaving|joining|retiring|moving|taking))"
        r"|(?P<past>was|were|had|has|have|did|(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)"
        r"(?<!\bbeen\s)(?<!\bbeing\s)(?:left|took|became|quit|went|came|won|led|began|held"
        r"|chose|rose|\w+(?<!e)ed)))(?!\w)|(?P<fut2>['’]ll)(?!\w)",
        re.IGNORECASE),
}
_REPORTING = {"annonce", "declare", "indique", "affirme", "precise", "explique", "confirme",
              "assure", "estime", "souligne", "ajoute", "dit", "ecrit", "rappele", "revele",
              "said", "announced", "confirmed", "stated", "added", "told", "explained",
              "reported", "revealed", "wrote", "noted"}
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")


def _tense(m: re.Match, lang: str) -> str | None:
    """"future", "past" or None: the tense of the clause around a date ("il prendra ses
    fonctions en mars", "she joined in May"). The nearest tense cue before the date decides,
    else the first one after it in the same sentence."""
    cues = _TENSE_CUES.get(lang)
    if cues is None:
        return None
    text, start, end = m.string, m.start(), m.end()
    before = text[max(0, start - 120):start]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end():]
    tenses = [t for t in map(_cue_tense, cues.finditer(before)) if t]
    if not tenses:
        after = text[end:end + 80]
        stop = _SENTENCE_END.search(after)
        tenses = [t for t in map(_cue_tense, cues.finditer(after[:stop.start()] if stop
                                                          else after)) if t][:1]
    return tenses[-1] if tenses else None


_ANCHORS = {
    "fr": re.compile(rf"{_FR_MONTH}\s+{_YEAR}", re.IGNORECASE),
    "en": re.compile(rf"{_EN_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?{_YEAR}"),
}


def _narrative_year(m: re.Match, lang: str, pub: _Pub | None) -> int | None:
    """The year of an earlier dated event in the same paragraph, when it is not the
    publication year: "the board met on March 3, 2019 ... she resigned on March 9".
    Used for days only: a bare month ("back in July") is as often back in the present."""
    anchors = _ANCHORS.get(lang)
    if anchors is None or pub is None:
        return None
    before = m.string[max(0, m.start() - 400):m.start()]
    before = before[before.rfind("\n") + 1:]
    last = None
    for last in anchors.finditer(before):
        pass
    if last is None or int(last["year"]) >= pub.year:
        return None
    return int(last["year"])


def _cue_tense(cue: re.Match) -> str | None:
    """A reporting verb ("a annoncé qu'il...", "said he would") dates the report, not the
    event it reports, so it gives no tense."""
    if cue.group("past"):
        return None if _fold(cue.group(0).split()[-1]) in _REPORTING else "past"
    return "future"


def _future_tense(m: re.Match, lang: str) -> bool:
    return _tense(m, lang) == "future"


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


def _year_of_qualifier(m: re.Match, pub: _Pub | None) -> int | None:
    """The year named after a day or month: "le 18 janvier de cette année", "in March last
    year"."""
    qualifier = _fold(_group(m, "yrel") or "")
    if pub is None:
        return None
    if "dern" in qualifier or "pass" in qualifier or "last" in qualifier:
        return pub.year - 1
    if "proch" in qualifier or "next" in qualifier:
        return pub.year + 1
    return pub.year


def _day_month(m: re.Match, pub: _Pub | None, lang: str = "en") -> str | None:
    month, day = _month_number(m["mon"]), _day_number(m["day"])
    if _group(m, "yrel"):
        year = _year_of_qualifier(m, pub)
        d = _valid_day(year, month, day) if year else None
        return d.isoformat() if d else None
    rel = _fold(_group(m, "rel") or "")
    if rel in ("dernier", "passe", "last"):
        bias = "strict_past"
    elif rel in ("prochain", "next"):
        bias = "next"
    elif _group(m, "eff"):
        bias = "future"
    else:
        tense = _tense(m, lang)
        year = _narrative_year(m, lang, pub) if tense != "future" else None
        if year is not None and (d := _valid_day(year, month, day)):
            return d.isoformat()
        if tense == "future":
            bias = "next_or_same"
        elif tense == "past":
            bias = "on_or_before"
        else:
            # French marks a past date of another year with "dernier": a bare one is this
            # year's, whether already passed or announced
            bias = "same_year" if lang == "fr" else "past"
    wd = _group(m, "wd")
    return _day_month_year(month, day, pub, bias, _WEEKDAYS[_fold(wd)] if wd else None)


def _numeric_date(m: re.Match, pub: _Pub | None) -> str | None:
    d = _valid_day(int(m["y"]), int(m["m"]), int(m["d"]))
    return d.isoformat() if d else None


def _month(m: re.Match, pub: _Pub | None, lang: str = "en") -> str | None:
    month = _month_number(m["mon"])
    if _group(m, "year"):
        return _iso_month(int(m["year"]), month)
    if _group(m, "yrel"):
        year = _year_of_qualifier(m, pub)
        return _iso_month(year, month) if year else None
    if not (_group(m, "lead") or _group(m, "qual") or _group(m, "mois") or _group(m, "rel")):
        return None  # a bare month name is too often something else ("Mars", "May")
    rel = _fold(_group(m, "rel") or "")
    if rel in ("prochain", "next", "this coming"):
        return _month_year(month, pub, "next")
    if rel in ("this",) and pub is not None:
        return _iso_month(pub.year, month)
    if rel:  # "dernier", "last": the spec's past reading, whatever the tense around
        return _month_year(month, pub, "past")
    future = _group(m, "eff") or _future_tense(m, lang)
    return _month_year(month, pub, "future" if future else "past")


def _day_range(m: re.Match, pub: _Pub | None, lang: str = "en") -> str | None:
    """"les 16 et 17 juin", "June 3-5": no single day is right, so the month is the value."""
    first, last = _day_number(m["d1"]), _day_number(m["d2"])
    if not first < last <= 31:
        return None
    month = _month_number(m["mon"])
    if _group(m, "year"):
        return _iso_month(int(m["year"]), month)
    return _month_year(month, pub, "future" if _future_tense(m, lang) else "past")


def _year_range(m: re.Match, pub: _Pub | None) -> list[tuple[int, int, str]] | None:
    """"1980–1987", "entre 2004 et 2007": each year is a date of its own."""
    if int(m["y1"]) >= int(m["y2"]):
        return None
    return [(m.start("y1"), m.end("y1"), m["y1"]), (m.start("y2"), m.end("y2"), m["y2"])]


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
_YEAR_RANGE = (r"(?<![\w/.-])(?:(?:entre|between|de|from|du)\s+)?(?P<y1>(?:19|20)\d\d)"
               r"(?:\s*[-–—]\s*|\s+(?:et|and|à|to|au)\s+)(?P<y2>(?:19|20)\d\d)(?![\w-]|[.,]\d)"
               + _NOT_A_COUNT, _year_range)
_FR_YEAR_REL = (rf",?\s+(?:de\s+)?(?P<yrel>cette\s+année|l{_A}\s*an(?:née)?\s+"
                r"(?:derni[èe]re?|pass[ée]e?|prochaine?))(?!\w)")
_EN_YEAR_REL = r",?\s+(?:of\s+)?(?P<yrel>this\s+year|last\s+year|next\s+year)(?!\w)"
_D1 = r"(?<!\d)(?P<d1>1er|[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_D2 = r"(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"

def _weekday_fr(m: re.Match, pub: _Pub | None) -> str | None:
    rel = _fold(_group(m, "rel2") or _group(m, "rel") or "")
    mode = {"dernier": "before", "passe": "before", "prochain": "after",
            "ce": "same_week"}.get(rel, "on_or_before")
    return _weekday_date(_WEEKDAYS[_fold(m["wd"])], pub, mode)


_FR_RULES = _rules(
    (rf"{_BEFORE}(?:{_FR_DAY_LEAD})?(?:{_FR_WD}\s+)?{_FR_DAY}\s+{_FR_MONTH}\s+{_YEAR}",
     _full_date),
    (rf"{_BEFORE}(?:{_FR_DAY_LEAD})?(?:{_FR_WD}\s+)?{_FR_DAY}\s+{_FR_MONTH}"
     rf"(?:{_FR_YEAR_REL}|\s+(?P<rel>dernier|prochain|passé)(?!\w)|(?!\s*\d))",
     partial(_day_month, lang="fr")),
    _ISO, _DMY_NUMERIC, _YEAR_RANGE,
    (rf"{_BEFORE}(?:{_FR_MONTH_LEAD})?(?:{_FR_QUAL})?(?:{_FR_MOIS})?{_FR_MONTH}"
     rf"(?:\s+{_YEAR}|{_FR_YEAR_REL}|\s+(?P<rel>dernier|prochain|passé)(?!\w)|(?!\s*\d))",
     partial(_month, lang="fr")),
    (rf"{_BEFORE}(?:(?:les|du|des|entre\s+le)\s+)?{_D1}\s*(?:et\s+le|et|au|à|-|–)\s*{_D2}\s+"
     rf"{_FR_MONTH}(?:\s+{_YEAR}|(?!\s*\d))", partial(_day_range, lang="fr")),
    (rf"{_BEFORE}{_FR_YEAR_LEAD}{_YEAR}{_NOT_A_COUNT}", _year),
    (rf"{_BEFORE}avant{_HY}hier(?!\w)", _days_from_pub(-2)),
    (rf"{_BEFORE}après{_HY}demain(?!\w)", _days_from_pub(2)),
    (rf"{_BEFORE}hier(?!\w)(?:\s+(?:matin|soir|après-midi)(?!\w))?", _days_from_pub(-1)),
    (rf"{_BEFORE}demain(?!\w)", _days_from_pub(1)),
    (rf"{_BEFORE}(?:aujourd{_A}\s?hui|ce\s+matin|ce\s+soir|cet\s+après-midi)(?!\w)",
     _days_from_pub(0)),
    # "le jeudi" is a habit, "Journal du dimanche" a newspaper
    (rf"(?<!\ble\s)(?<!\bles\s)(?<!journal\sdu\s){_BEFORE}(?:(?P<rel>ce)\s+)?{_FR_WD}"
     r"(?:\s+(?:(?:matin|soir|midi|après-midi)\s+)?(?P<rel2>dernier|prochain|passé)(?!\w))?",
     _weekday_fr),
    (rf"{_BEFORE}(?:la\s+)?semaine\s+(?:derni[èe]re|pass[ée]e)(?!\w)", _week(-1)),
    (rf"{_BEFORE}(?:(?:plus\s+tôt|en\s+début\s+de|en\s+fin\s+de)\s+)?cette\s+semaine(?![\w-])",
     _week(0)),
    (rf"{_BEFORE}(?:la\s+)?semaine\s+prochaine(?!\w)", _week(1)),
    (rf"{_BEFORE}(?:(?:le|au\s+cours\s+du|(?:au|à\s+la|en)\s+(?:début|fin|milieu)\s+du"
     rf"|(?:début|fin|mi|courant){_HY}(?:du\s+)?)\s*)?mois\s+(?:dernier|passé)(?!\w)",
     _month_offset(-1)),
    (rf"{_BEFORE}(?:(?:plus\s+tôt|en\s+début\s+de|en\s+fin\s+de)\s+)?ce\s+mois(?:-ci)?"
     r"(?![\w-])(?!\s+d)", _month_offset(0)),
    (rf"{_BEFORE}(?:le\s+)?mois\s+prochain(?!\w)", _month_offset(1)),
    (rf"{_BEFORE}(?:(?:(?:au|en|à\s+la|dans\s+le)\s+)?(?:début|fin|milieu|courant|cours)"
     rf"\s+(?:de\s+l{_A}\s*|d{_A}\s*))?(?:l{_A}\s*)?an(?:née)?\s+(?:derni[èe]re?|pass[ée]e?)"
     r"(?!\w)", _year_offset(-1)),
    (rf"{_BEFORE}(?:(?:(?:au|en|à\s+la|dans\s+le)\s+)?(?:début|fin|milieu|courant|cours)\s+de"
     r"\s+|plus\s+tôt\s+|plus\s+tard\s+)?cette\s+année(?![\w-])(?!\s+\d)", _year_offset(0)),
    (rf"{_BEFORE}(?:(?:au|le|du|à\s+la|la|en|dans\s+le)\s+)?(?:début|fin|milieu|cours)\s+"
     rf"de\s+l{_A}\s*année(?!\s+(?:derni|proch|pass|\d))", _year_offset(0)),
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
     rf"(?:{_EN_YEAR_REL}|(?!\s+(?:million|billion|thousand|percent|per\s+cent)\b))",
     partial(_day_month, lang="en")),
    (rf"{_BEFORE}(?:{_EN_DAY_LEAD})?(?:{_EN_WD},?\s+)?(?:the\s+)?{_EN_DAY}\s+(?:of\s+)?"
     rf"{_EN_MONTH}(?:{_EN_YEAR_REL}|(?!,?\s*\d))", partial(_day_month, lang="en")),
    _ISO, _YEAR_RANGE,
    (rf"{_BEFORE}(?:{_EN_MONTH_LEAD})?(?:{_EN_QUAL})?{_EN_MONTH}"
     rf"(?:,?\s+{_YEAR}|{_EN_YEAR_REL}|(?!\s*\d))", partial(_month, lang="en")),
    (rf"{_BEFORE}(?:(?:from|between|on)\s+)?{_EN_MONTH}\s+{_D1}\s*(?:-|–|to|and|through)\s*"
     rf"{_D2}(?:,?\s+{_YEAR}|(?!,?\s*\d))", partial(_day_range, lang="en")),
    (rf"{_BEFORE}(?:(?:from|between|on)\s+)?(?:the\s+)?{_D1}\s*(?:-|–|to|and)\s*{_D2}\s+"
     rf"(?:of\s+)?{_EN_MONTH}(?:,?\s+{_YEAR}|(?!,?\s*\d))", partial(_day_range, lang="en")),
    (rf"{_BEFORE}{_EN_YEAR_LEAD}{_YEAR}{_NOT_A_COUNT}", _year),
    (rf"{_BEFORE}the\s+day\s+before\s+yesterday(?!\w)", _days_from_pub(-2)),
    (rf"{_BEFORE}yesterday(?!\w)(?:\s+(?:morning|afternoon|evening)(?!\w))?",
     _days_from_pub(-1)),
    (rf"{_BEFORE}(?:today|this\s+morning|this\s+afternoon|this\s+evening|tonight)(?!\w)",
     _days_from_pub(0)),
    (rf"{_BEFORE}tomorrow(?!\w)", _days_from_pub(1)),
    (rf"(?<!Super\s){_BEFORE}(?:(?P<rel>last|this\s+past|this\s+coming|this|next|on)\s+)?"
     rf"{_EN_WD}",
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

def find_dates(text: str, lang: str, publication_date: str | None,
               within: list[tuple[int, int]] | None = None) -> list[DateMatch]:
    """Every date expression in ``text`` that resolves, left to right, never overlapping.

    Where expressions overlap the longest wins ("le 3 septembre 2024" over "septembre 2024").
    Relative expressions that cannot be resolved (no publication date) are left out.
    ``within`` limits the search to the date expressions inside those (start, end) spans,
    say the sentences of the facts found: some thirty patterns scanning a whole article
    cost more than everything else done after the parse.
    """
    pub = _parse_pub(publication_date)
    windows = [(0, len(text))] if within is None else _windows(text, within)
    found: list[DateMatch] = []
    for pattern, handler in _rules_for(lang):
        for start, end in windows:
            for m in pattern.finditer(text, start, end):
                value = handler(m, pub)
                if isinstance(value, list):  # one match naming several dates ("2004-2007")
                    found.extend(DateMatch(s, e, text[s:e], v) for s, e, v in value)
                elif value:
                    found.append(DateMatch(m.start(), m.end(), m.group(0), value))
    found.extend(_story_years(text, lang, found, windows))
    return longest_first(found)


# Around each wanted span a window also reads what its dates depend on: the dates a
# "deux ans plus tard" counts from (up to _STORY_REACH back) and what the patterns'
# lookaheads see past its end. A window opens at a line start, because a pattern's
# lookbehind cannot see before the position a search starts from.
_AFTER_SPAN = 40


def _windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    # bisected: rfind ran back over a whole article without line breaks, once per span
    breaks = [m.start() for m in re.finditer("\n", text)]
    for span_start, span_end in sorted(spans):
        before = bisect_left(breaks, max(0, span_start - _STORY_REACH - 100))
        start = breaks[before - 1] + 1 if before else 0
        end = min(len(text), span_end + _AFTER_SPAN)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


# "deux ans plus tard", "l'année suivante": counted from the year the story just gave
_STORY_YEARS = {
    "fr": re.compile(rf"{_BEFORE}(?:{_NUM}\s+ans\s+plus\s+(?P<dir>tard|tôt)"
                     rf"|l{_A}\s*année\s+(?P<next>suivante))(?!\w)", _F),
    "en": re.compile(rf"{_BEFORE}(?:{_NUM}\s+years\s+(?P<dir>later|earlier)"
                     r"|the\s+(?P<next>following)\s+year)(?!\w)", _F),
}
_STORY_REACH = 600  # characters back to the year counted from


def _story_years(text: str, lang: str, found: list[DateMatch],
                 windows: list[tuple[int, int]]) -> list[DateMatch]:
    pattern = _STORY_YEARS.get((lang or "").lower()[:2])
    if pattern is None:
        return []
    years = []
    for m in (m for start, end in windows for m in pattern.finditer(text, start, end)):
        before = [d for d in found if d.end <= m.start() and m.start() - d.end <= _STORY_REACH]
        if not before:
            continue
        n = 1 if m["next"] else _number(m["n"])
        if n is None:
            continue
        sign = -1 if (m["dir"] or "").lower() in ("tôt", "earlier") else 1
        year = int(max(before, key=lambda d: d.end).value[:4]) + sign * n
        years.append(DateMatch(m.start(), m.end(), m.group(0), f"{year:04d}"))
    return years
