"""One vocabulary of job titles, so "directeur financier", "CFO" and "chief financial
officer" are the same role (key "cfo") wherever people and facts are compared or queried.

The surface forms live in ``data/roles.json``. Lookup folds case, accents, dots, hyphens and
apostrophes, turns French feminine forms masculine ("directrice financière" ->
"directeur financier"), drops determiners and modifiers that do not change the role ("the
new", "ancien", "par intérim"), and then tries ever shorter prefixes so "CEO of Acme" and
"directeur général de Renault" find their role. Unknown titles give None rather than a guess.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = ["normalize_role", "role_label", "role_keys"]

_DATA = "roles.json"

# Words in front of or after a title that say when or how someone holds it, not what it is.
_LEADING = {"le", "la", "les", "l", "un", "une", "son", "sa", "ses", "leur", "notre", "the",
            "a", "an", "its", "his", "her", "their", "our", "new", "nouveau", "nouvel",
            "nouvelle", "futur", "future", "ancien", "ancienne", "ex", "former", "interim",
            "acting",
            "outgoing", "incoming", "sortant", "sortante", "designe", "designee", "current",
            "actuel", "actuelle", "then", "group",
            "global", "groupe", "worldwide", "permanent"}
_TRAILING = ("par interim", "a titre interimaire", "interim", "designate", "designe", "designee",
             "sortant", "sortante", "group", "groupe", "monde", "worldwide", "global", "elect",
             "elu", "elue")
_MINISTER = re.compile(r"\b(?:minister|ministre|secretary of state for)\b")
# Where a title ends and its organisation or a second title begins.
_CUT = re.compile(r"\s(?:de|du|des|d'|of|at|chez|for|pour|in|en|au|aux|a|et|and|with|avec"
                  r"|to|aupres|within|on|sur)(?=\s|')|,")


def _fold(text: str) -> str:
    """Lower case, no accents, no dots, hyphens and commas as spaces, one apostrophe."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("`", "'").replace(".", "")
    text = re.sub(r"[-‐–—_/,;:]", " ", text)
    text = re.sub(r"'\s*", "' ", text)  # "d'information" and "d' information" alike
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """(labels, english forms, french forms, feminine -> masculine words), loaded once."""
    raw = json.loads(resources.files("talentflow.resolve").joinpath("data", _DATA)
                     .read_text(encoding="utf-8"))
    feminine = {_fold(k): _fold(v) for k, v in raw["feminine"].items()}
    labels: dict[str, str] = {}
    english: dict[str, str] = {}
    french: dict[str, str] = {}
    for key, entry in raw["roles"].items():
        labels[key] = entry["label"]
        for form in entry.get("en", []):
            english.setdefault(_fold(form), key)
        for form in entry.get("fr", []):
            french.setdefault(_masculine(_fold(form), feminine), key)
    return labels, english, french, feminine


def _masculine(folded: str, feminine: dict[str, str]) -> str:
    return " ".join(feminine.get(word, word) for word in folded.split(" "))


def _strip_modifiers(folded: str) -> str:
    words = folded.split(" ")
    while words and (words[0] in _LEADING or words[0].rstrip("'") in _LEADING):
        words.pop(0)
    folded = " ".join(words)
    changed = True
    while changed and folded:
        changed = False
        for tail in _TRAILING:
            if folded.endswith(" " + tail):
                folded, changed = folded[: -len(tail) - 1].rstrip(), True
    return re.sub(r"\s+", " ", folded).strip()


def _candidates(role: str) -> list[str]:
    """Folded readings of ``role`` to look up, most faithful first."""
    role = role.strip()
    if "'s " in role.replace("’", "'"):  # "Acme's chief executive"
        role = role.replace("’", "'").split("'s ", 1)[1]
    outside = re.sub(r"\([^)]*\)", " ", role)
    inside = re.findall(r"\(([^)]*)\)", role)
    readings = []
    for text in [role, outside, *inside]:
        folded = _fold(text)
        readings.extend([folded, _strip_modifiers(folded)])
    seen, ordered = set(), []
    for r in readings:
        if r and r not in seen:
            seen.add(r)
            ordered.append(r)
    return ordered


def _singular(folded: str) -> str:
    return " ".join(w[:-1] if len(w) > 3 and w[-1] in "sx" and not w.endswith("ss") else w
                    for w in folded.split(" "))


def _prefixes(folded: str) -> list[str]:
    """The text before each cut point, longest first: "ceo of acme corp" -> ["ceo"]."""
    cuts = [m.start() for m in _CUT.finditer(folded)]
    return [folded[:i].strip() for i in reversed(cuts) if folded[:i].strip()]


@lru_cache(maxsize=16384)
def normalize_role(role: str, lang: str | None = None) -> str | None:
    """The canonical key of a job title ("CFO", "directrice financière" -> "cfo"), or None.

    ``lang`` decides which language's reading wins when a form means different things
    ("secretary of state" is a foreign minister in English); without it English goes first.
    """
    if not role or not role.strip():
        return None
    _, english, french, feminine = _vocabulary()
    french_first = (lang or "").lower().startswith("fr")

    def lookup(folded: str) -> str | None:
        fr = french.get(_masculine(folded, feminine))
        en = english.get(folded)
        return (fr or en) if french_first else (en or fr)

    readings = _candidates(role)
    for reading in readings:
        if key := lookup(reading):
            return key
    for reading in readings:
        for prefix in _prefixes(reading):
            if key := lookup(_strip_modifiers(prefix)):
                return key
    for reading in readings:  # plurals: "administrateurs", "vice presidents"
        if (singular := _singular(reading)) != reading and (key := lookup(singular)):
            return key
    # A portfolio the vocabulary lacks ("minister of fisheries") is still a minister
    if any(_MINISTER.search(reading) for reading in readings):
        return "minister"
    return None


def role_label(key: str) -> str:
    """The English label of a role key ("cfo" -> "chief financial officer")."""
    labels = _vocabulary()[0]
    try:
        return labels[key]
    except KeyError:
        raise KeyError(f"unknown role key {key!r}; known keys come from normalize_role()") \
            from None


def role_keys() -> list[str]:
    """Every canonical role key, sorted."""
    return sorted(_vocabulary()[0])
