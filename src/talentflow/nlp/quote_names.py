"""A quote's speaker as a reader would name them: the person's own first name and surname.

The canonical names coref gives are built for moves and keep what the NER glued to a
name ("Sheriff X Y", "X Y Cast", two people run together) or leave a bare surname or
title ("Brünner", "Dre Y"). For quotes the speaker is tidied with the article's own
mentions only: the plain "First Last" forms it writes, counted once per article.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from talentflow.nlp.first_names import is_first_name

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
    "chanteur", "chanteuse", "saint", "st", "constable", "const", "sister", "sœur", "brother",
    "frère", "père", "abbé", "legislator", "lawmaker", "señor", "señora", "senor", "senora",
    "sra", "srta", "député", "députée",
})
# lowercase words inside a name ("Charles de Gaulle", "Ahmed bin Salman")
_PARTICLES = frozenset({"de", "du", "des", "d", "van", "von", "der", "den", "al", "el", "bin",
                        "ben", "da", "di", "do", "dos", "del", "della", "la", "le", "y", "ter"})
# a generation after a surname: not the surname ("X Y Jr.")
GENERATION_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
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
    words = _untitled(_words(speaker))
    if not words:
        return speaker
    # a capitalised common noun glued before a full name ("Novelist X Y"): the
    # article writes the word in lowercase elsewhere, so it is no first name
    while len(words) >= 3 and text and words[0].lower() not in _PARTICLES \
            and written_lowercase(text, words[0]):
        words = words[1:]
    # a capitalised word glued before a known first name and a surname (a medium, a place:
    # "Radiox Maëlle Y") that the article also writes without it: the name starts at the
    # first name (an initial, "J. Maëlle Y", stays: it is the person's own)
    if len(words) >= 3 and text and words[0].lower() not in _PARTICLES \
            and not words[0].endswith(".") and len(words[0]) > 2 \
            and is_first_name(words[1]) and not is_first_name(words[0]):
        words = words[1:]
    joined = " ".join(words)
    if len(words) >= 2:
        return _inside(words, joined, index)
    return _whole_surname(words[0], index) or joined


def _inside(words: list[str], joined: str, index: Forms) -> str:
    """The article's own form inside a glued multi-word name, else the name itself."""
    counts = index.counts
    # the most written form inside the name: "X Y Cast" -> "X Y", "A B C D" -> "C D"
    runs = {" ".join(words[i:j]) for i in range(len(words))
            for j in range(i, len(words) + 1)}
    inside = sorted((f for run in runs for f in index.by_words.get(run, ()) if f != joined),
                    key=index.order.__getitem__)  # the forms' order breaks ties
    if not inside:
        return joined
    if joined not in counts:
        return max(inside, key=lambda f: (counts[f], len(f)))
    # written as such too: a word glued after the name ("X Y Cast", "X Y Jr.") gives way
    # to the name the article writes more often without it, or as often when the word is
    # a common one (written in lowercase too) or a generation's suffix; two names glued
    # together once ("A B C D") to the one the article goes on writing (three times or
    # more), whatever the first name of the glued form
    best = None
    for form in inside:
        fw = form.split()
        prefix = words[:len(fw)] == fw and (counts[form] > counts[joined] or all(
            w.strip(".").lower() in GENERATION_SUFFIXES or written_lowercase(index.text, w)
            for w in words[len(fw):]))
        suffix = words[-len(fw):] == fw and len(words) - len(fw) >= 2 \
            and counts[joined] == 1 and counts[form] >= 3
        if (prefix or suffix) and (best is None or counts[form] > counts[best]):
            best = form
    return best or joined


def _whole_surname(word: str, index: Forms) -> str | None:
    """A surname alone ("Brünner", "De Vrandt"): the longer name the article gives ending
    with it, else starting with it (a first name alone). Forms that differ only past the
    first initial ("Robert X", "Robrt X") are one person to a reader (and to the scorer):
    the one most written, as the NER tagged it first."""
    counts = index.counts
    extra: Counter | None = None
    if word not in index.last_words:
        extra = index.written(word)  # the text's own "First Surname" as well
    folded = word.lower()
    for side, by_word in ((-1, index.ending), (0, index.opening)):
        whole = set(by_word.get(folded, ()))
        if extra is not None:
            whole |= {f for f in extra if len(f.split()) > 1 and f.split()[side].lower() == folded}
            # as the sum of two Counters would: the forms whose counts add up above zero
            whole = {f for f in whole if counts[f] + extra[f] > 0}
        if len(whole) == 1:
            return whole.pop()
        if side == 0 and len(whole) > 1 and len({" ".join(f.split()[:2]) for f in whole}) == 1 \
                and all(len(f.split()) >= 3 for f in whole):
            # a first name alone, the article's forms differing past the second word
            # ("A B Cxy", "A B Cxi"): one person spelt two ways, the most written
            return max(sorted(whole), key=lambda f: (counts[f], len(f)))
        if side == -1 and len({f[:1].lower() for f in whole}) == 1:
            # the names the NER tagged first, then those only the text's words give
            return max(sorted(whole), key=lambda f: (
                counts[f], extra[f] if extra is not None else 0, len(f)))
    return None


def is_name(name: str, text: str = "") -> bool:
    """Not a title or a common word the NER took for a person ("Président", and a lone
    capitalised word the text also writes in lowercase: "République", "Gouvernement")."""
    words = _words(name)
    if len(words) == 1 and text and written_lowercase(text, words[0]):
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
                or written_lowercase(text, first):
            continue
        forms[f"{first} {surname}"] += 1
    return forms


_ONE_WORD = re.compile(r"\w+")


def written_lowercase(text: str, word: str) -> bool:
    """``word`` lowercased stands as a whole word in ``text``. A plain word is looked up
    among the text's words, listed once per text: a regex over the whole text per name
    made a long article's names quadratic."""
    lowered = word.lower()
    if _ONE_WORD.fullmatch(lowered):
        return lowered in _text_words(text)
    # a substring test first: the regex, built per word, scans the whole text
    return lowered in text and re.search(r"\b" + re.escape(lowered) + r"\b", text) is not None


@lru_cache(maxsize=4)
def _text_words(text: str) -> frozenset[str]:
    """The maximal runs of word characters of ``text``: ``\\bw\\b`` matches in the text
    exactly when the plain word ``w`` is one of them."""
    return frozenset(_ONE_WORD.findall(text))

