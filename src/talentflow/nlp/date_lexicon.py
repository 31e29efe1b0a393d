"""Words and regex fragments of the French and English date grammar in :mod:`dates`.

Kept apart so the grammar's vocabulary reads as data; every fragment is a plain string
that :mod:`talentflow.nlp.dates` compiles once at import.
"""
from __future__ import annotations

import unicodedata


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
_NOT_A_COUNT = (r"(?!\s*(?:%|€|\$|£|euros?|dollars?|salari[ée]s|employ[ée]s|personnes"
                r"|habitants|emplois|postes|collaborateurs|clients|utilisateurs|magasins"
                r"|employees|people|staff|jobs|workers|users|customers|stores|shares|actions"
                r"|millions?|milliards?|billions?|thousand|mille)(?!\w))")

_FR_DAY_LEAD = (rf"(?:(?P<eff>à\s+partir\s+du|à\s+compter\s+du|dès\s+le|au|jusqu{_A}au"
                rf"|d{_A}ici\s+(?:le|au)|à\s+dater\s+du)|le|du|depuis\s+le|avant\s+le|après\s+le"
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
                  r"|(?:in|since|before|after|during|through|throughout|month\s+of)\s+)")
_EN_QUAL = (r"(?P<qual>(?:(?:in|at|by|from|until|since)\s+)?(?:the\s+)?(?:early|late|mid"
            r"|end\s+of|start\s+of|beginning\s+of|middle\s+of|first\s+half\s+of"
            r"|second\s+half\s+of|first\s+week\s+of|last\s+week\s+of)" + _HY + ")")

_FR_YEAR_LEAD = (rf"(?:(?:en|depuis|dès|avant|après|jusqu{_A}en|d{_A}ici|à\s+partir\s+de"
                 rf"|courant|vers|entre|fin|début|mi|milieu|(?:au|en)\s+(?:début|milieu)\s+de"
                 rf"|(?:à\s+la|en)\s+fin\s+de|au\s+cours\s+de(?:\s+l{_A}année|\s+cette\s+année)?"
                 rf"|l{_A}an(?:née)?|cette\s+année"
                 rf"|en\s+l{_A}an|au\s+printemps|en\s+été|à\s+l{_A}été|en\s+automne"
                 rf"|à\s+l{_A}automne|en\s+hiver|à\s+l{_A}hiver|l{_A}(?:été|automne|hiver)"
                 r"|(?:au\s+)?(?:premier|1er|deuxième|second|2e|troisième|3e|quatrième|4e"
                 r"|dernier)\s+(?:trimestre|semestre)(?:\s+de)?|T[1-4]|S[12])" + _HY + ")")
_EN_YEAR_LEAD = (r"(?:(?:in|since|by|until|before|after|during|through|throughout|from|of"
                 r"|as\s+of|starting\s+in|early|late|mid|(?:(?:in|at|by)\s+)?(?:the\s+)?"
                 r"(?:end|start|beginning|middle|first\s+half|second\s+half|spring|summer"
                 r"|autumn|fall|winter|(?:first|second|third|fourth|last)\s+quarter)\s+of"
                 r"|(?:(?:in|by)\s+)?(?:early|late|mid)|spring|summer|autumn|fall|winter"
                 r"|Q[1-4]|H[12]|(?:the\s+)?year"
                 # a year naming an event: "the 2024 election", "the 1998 merger"
                 r"|the(?=\s+(?:19|20)\d\d\s+[a-z]))" + _HY + ")")
