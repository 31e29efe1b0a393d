"""A quote's speaker as a reader would name them: the person's own first name and surname.

The canonical names coref gives are built for moves and keep what the NER glued to a
name ("Sheriff X Y", "X Y Cast", two people run together) or leave a bare surname or
title ("Köhler", "Dre Y"). For quotes the speaker is tidied with the article's own
mentions only: the plain "First Last" forms it writes, counted once per article.
"""
from __future__ import annotations

import re
from collections import Counter

# a capitalised word taken for part of a name though it is a title or a form of address
_TITLE_WORDS = frozenset({
    "m", "mm", "mme", "mlle", "melle", "mr", "mrs", "ms", "miss", "dr", "dre", "pr", "me",
    "monsieur", "madame", "mademoiselle", "sir", "dame", "lord", "lady", "rev", "reverend",
    "father", "doctor", "docteur", "professor", "professeur", "prof", "sheriff",
    "undersheriff", "deputy", "councilman", "councilwoman", "councillor", "senator",
    "sénateur", "sénatrice", "governor", "gouverneur", "mayor", "maire", "inspector",
    "inspecteur", "detective", "officer", "sergeant", "sgt", "lt", "lieutenant", "captain",
    "capitaine", "colonel", "general", "général", "gen", "coach", "judge", "juge", "president",
    "président", "présidente", "minister", "ministre", "chancellor", "chancelier", "prince",
    "princess", "princesse", "king", "queen", "roi", "reine", "pope", "pape", "cardinal",
    "bishop", "évêque", "mgr", "maître", "chief", "chef", "secretary", "rep", "sen", "gov",
    "companion", "star", "comedian", "actor", "actress", "acteur", "actrice", "singer",
    "chanteur", "chanteuse", "saint", "st",
})
# lowercase words inside a name ("Charles de Gaulle", "Ahmed bin Salman")
_PARTICLES = frozenset({"de", "du", "des", "d", "van", "von", "der", "den", "al", "el", "bin",
                        "ben", "da", "di", "do", "dos", "del", "della", "la", "le", "y", "ter"})
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")


def _words(name: str) -> list[str]:
    return [w for w in name.replace("\u00a0", " ").replace("\u202f", " ").split() if w]


def _untitled(words: list[str]) -> list[str]:
    """The words after any title or lowercase word that opens the name."""
    at = 0
    while at < len(words) - 1 and (words[at].strip(".").lower() in _TITLE_WORDS
                                   or not words[at][:1].isupper()):
        at += 1
    return words[at:]


def _plain(words: list[str]) -> bool:
    """"First Last": at least two words, each a capitalised word or a name particle."""
    return len(words) >= 2 and words[0][:1].isupper() and words[-1][:1].isupper() and all(
        _NAME_WORD.match(w) and (w[:1].isupper() or w.lower() in _PARTICLES) for w in words)


def name_forms(text: str, persons) -> Counter:
    """How often the article writes each plain full name, from its person mentions."""
    forms: Counter = Counter()
    for start, end, _name in persons:
        words = _untitled(_words(text[start:end]))
        if _plain(words) and words[0].lower() not in _TITLE_WORDS:
            forms[" ".join(words)] += 1
    return forms


def tidy(speaker: str, forms: Counter, text: str = "") -> str:
    """``speaker`` without glued titles or words, and a bare surname or first name made
    whole, when the article's own forms say how; else ``speaker`` with plain spaces."""
    words = _untitled(_words(speaker))
    if not words:
        return speaker
    joined = " ".join(words)
    if len(words) == 1 and not any(f.split()[-1] == words[0] for f in forms):
        forms = forms + written_forms(text, words[0])
    if len(words) >= 2:
        # the most written form inside the name: "X Y Cast" -> "X Y", "A B C D" -> "C D"
        inside = [f for f in forms if f != joined and _contains(words, f.split())]
        if inside and joined not in forms:
            return max(inside, key=lambda f: (forms[f], len(f)))
        return joined
    # a surname alone ("Köhler", "De Hoop"): the single longer name the article gives
    # ending with it, else starting with it (a first name alone)
    folded = [w.lower() for w in words]
    for side in (-1, 0):
        whole = {f for f in forms if len(f.split()) > len(words) and (
            [w.lower() for w in f.split()[-len(words):]] == folded if side else
            [w.lower() for w in f.split()[:len(words)]] == folded)}
        if len(whole) == 1:
            return whole.pop()
    return joined


def is_name(name: str, text: str = "") -> bool:
    """Not a title or a common word the NER took for a person ("Président", and a lone
    capitalised word the text also writes in lowercase: "République", "Gouvernement")."""
    words = _words(name)
    if len(words) == 1 and text and re.search(r"\b" + re.escape(words[0].lower()) + r"\b",
                                              text):
        return False
    return bool(words) and any(w[:1].isupper() and w.strip(".").lower() not in _TITLE_WORDS
                               for w in words)


def written_forms(text: str, surname: str) -> Counter:
    """"First Last" in the text for a surname the NER only tagged alone: a capitalised
    word before it that the text never writes in lowercase (so not "Mais", "Selon")."""
    forms: Counter = Counter()
    pattern = re.compile(r"\b([^\W\d_][\w'’-]+) " + re.escape(surname) + r"\b")
    for match in pattern.finditer(text):
        first = match.group(1)
        if not first[:1].isupper() or first.lower() in _TITLE_WORDS or first.isupper() \
                or re.search(r"\b" + re.escape(first.lower()) + r"\b", text):
            continue
        forms[f"{first} {surname}"] += 1
    return forms


def _contains(words: list[str], part: list[str]) -> bool:
    return any(words[i:i + len(part)] == part for i in range(len(words) - len(part) + 1))
