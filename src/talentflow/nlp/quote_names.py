"""A quote's speaker as a reader would name them: the person's own first name and surname.

The canonical names coref gives are built for moves and keep what the NER glued to a
name ("Sheriff X Y", "X Y Cast", two people run together) or leave a bare surname or
title ("Köhler", "Dre Y"). For quotes the speaker is tidied with the article's own
mentions only: the plain "First Last" forms it writes, counted once per article.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

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


class Forms:
    """An article's name forms (``name_forms``) indexed once for ``tidy``, which runs for
    every candidate of every quote: scanning all the article's names, or the whole text
    for a surname's first names, per candidate made a long article's quotes quadratic."""

    def __init__(self, forms: Counter, text: str = ""):
        self.counts, self.text = forms, text
        self.order = {f: i for i, f in enumerate(forms)}
        # a form by its words joined with single spaces: "inside" a name is a run of its words
        self.by_words: dict[str, list[str]] = {}
        self.last_words: set[str] = set()
        # the forms of two words or more by their last and by their first word, lowercased
        self.ending: dict[str, list[str]] = {}
        self.opening: dict[str, list[str]] = {}
        for form in forms:
            words = form.split()
            self.by_words.setdefault(" ".join(words), []).append(form)
            if not words:
                continue
            self.last_words.add(words[-1])
            if len(words) > 1:
                self.ending.setdefault(words[-1].lower(), []).append(form)
                self.opening.setdefault(words[0].lower(), []).append(form)
        self._written: dict[str, Counter] = {}

    def written(self, surname: str) -> Counter:
        if surname not in self._written:
            self._written[surname] = written_forms(self.text, surname)
        return self._written[surname]


def tidy(speaker: str, forms: "Counter | Forms", text: str = "") -> str:
    """``speaker`` without glued titles or words, and a bare surname or first name made
    whole, when the article's own forms say how; else ``speaker`` with plain spaces.
    ``forms`` is best a ``Forms`` built once per text (a Counter is indexed per call)."""
    index = forms if isinstance(forms, Forms) else Forms(forms, text)
    counts = index.counts
    words = _untitled(_words(speaker))
    if not words:
        return speaker
    joined = " ".join(words)
    if len(words) >= 2:
        # the most written form inside the name: "X Y Cast" -> "X Y", "A B C D" -> "C D"
        runs = {" ".join(words[i:j]) for i in range(len(words))
                for j in range(i, len(words) + 1)}
        inside = sorted((f for run in runs for f in index.by_words.get(run, ()) if f != joined),
                        key=index.order.__getitem__)  # the forms' order breaks ties
        if inside and joined not in counts:
            return max(inside, key=lambda f: (counts[f], len(f)))
        return joined
    # a surname alone ("Köhler", "De Hoop"): the single longer name the article gives
    # ending with it, else starting with it (a first name alone)
    extra: Counter | None = None
    if words[0] not in index.last_words:
        extra = index.written(words[0])  # the text's own "First Surname" as well
    folded = words[0].lower()
    for side, by_word in ((-1, index.ending), (0, index.opening)):
        whole = set(by_word.get(folded, ()))
        if extra is not None:
            whole |= {f for f in extra if len(f.split()) > 1 and f.split()[side].lower() == folded}
            # as the sum of two Counters would: the forms whose counts add up above zero
            whole = {f for f in whole if counts[f] + extra[f] > 0}
        if len(whole) == 1:
            return whole.pop()
    return joined


def is_name(name: str, text: str = "") -> bool:
    """Not a title or a common word the NER took for a person ("Président", and a lone
    capitalised word the text also writes in lowercase: "République", "Gouvernement")."""
    words = _words(name)
    if len(words) == 1 and text and _written_lowercase(text, words[0]):
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
                or _written_lowercase(text, first):
            continue
        forms[f"{first} {surname}"] += 1
    return forms


_ONE_WORD = re.compile(r"\w+")


def _written_lowercase(text: str, word: str) -> bool:
    """``word`` lowercased stands as a whole word in ``text``. A plain word is looked up
    among the text's words, listed once per text: a regex over the whole text per name
    made a long article's names quadratic."""
    lowered = word.lower()
    if _ONE_WORD.fullmatch(lowered):
        return lowered in _text_words(text)
    return re.search(r"\b" + re.escape(lowered) + r"\b", text) is not None


@lru_cache(maxsize=4)
def _text_words(text: str) -> frozenset[str]:
    """The maximal runs of word characters of ``text``: ``\\bw\\b`` matches in the text
    exactly when the plain word ``w`` is one of them."""
    return frozenset(_ONE_WORD.findall(text))

