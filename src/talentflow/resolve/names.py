"""Folded name keys: how two spellings of one person or organisation are recognised.

A key folds accents, case and punctuation, so "Éric Dupont-Moretti" and "eric dupont
moretti" share one. Organisation keys also drop legal suffixes ("Acme SAS", "Acme Inc.")
and spaces ("Open AI" = "OpenAI" = "open-ai"), because spacing varies between outlets
while two different organisations differing only by a space are very rare.
"""
from __future__ import annotations

import re
import unicodedata

# Trailing legal-form words; dropped only at the end of the name and never when nothing
# would remain ("SA" alone stays "sa").
LEGAL_SUFFIXES = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc",
    "llp", "plc", "sa", "sas", "sasu", "sarl", "eurl", "sca", "se", "gmbh", "ag", "kg", "bv",
    "nv", "spa", "srl", "ab", "oy", "oyj", "asa", "pty", "pte", "kk",
})

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case, accent-free words separated by single spaces ("L'Oréal" -> "l oreal")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # ß and similar letters have no decomposition; casefold spells them out.
    return _NON_WORD.sub(" ", bare.casefold()).strip()


def person_key(name: str) -> str:
    """Key of a person's name: folded words ("Jean-Luc  Picard" -> "jean luc picard")."""
    return fold(name)


def surname_key(name: str) -> str:
    """Folded last word of a person's name: the anchor of context-checked fuzzy matching."""
    words = fold(name).split()
    return words[-1] if words else ""


def given_names(name: str) -> str:
    """Folded words before the surname ("" for a single-word name)."""
    return " ".join(fold(name).split()[:-1])


def org_words(name: str) -> list[str]:
    """Folded words of an organisation name without trailing legal suffixes."""
    words: list[str] = []
    previous_single = False
    for word in fold(name).split():
        # Dotted initials fold to single letters ("S.A." -> "s a"): rejoin them ("sa").
        if len(word) == 1 and previous_single:
            words[-1] += word
        else:
            words.append(word)
        previous_single = len(word) == 1
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return words


def org_key(name: str) -> str:
    """Key of an organisation: folded words, legal suffixes dropped, no spaces."""
    return "".join(org_words(name))
