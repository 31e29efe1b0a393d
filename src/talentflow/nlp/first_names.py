"""A gazetteer of first names, so that a name the NER typed ORG, LOC or MISC can be told
from the organisations, places and media that stand in the same slots ("a déclaré X Y" and
"a indiqué Reuters" look alike to the parse; only the first name tells them apart).

The names come from Faker (MIT licence, a runtime dependency pinned in pyproject.toml):
``faker.providers.person.<locale>.Provider`` holds ``first_names``, ``first_names_male`` and
``first_names_female`` (tuples, or dicts of weights) for ~90 locales. Only Latin-script
entries are kept (the articles are French and English). Nothing here comes from the
benchmark or training articles.

Many first names are common words too ("Rose", "Will", "Pierre", "France", "Major"). The
ones that are stop words, calendar words, titles, job or organisation words, countries or
regions of either language are dropped here; the rest is left to context: callers ask
for a second capitalised word, no organisation word, and ``written_lowercase`` says when
the article itself writes the word in lowercase (then it is a common word there).
The set is built once per process, on first use (about 0.3 s), and looked up in O(1).
"""
from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import unicodedata
from functools import lru_cache
from pathlib import Path

# name lists of other scripts hold no Latin entries anyway; these are skipped unread
_NON_LATIN = ("ar_", "bg_", "bn_", "el_", "fa_", "gu_", "he_", "hi_", "hy_", "ja_", "ka_",
              "ko_", "mk_", "mr_", "ne_", "or_", "ru_", "si_", "ta_", "th_", "uk_", "zh_")
_NAME_ATTRS = ("first_names", "first_names_male", "first_names_female")
# the languages whose stop words a first name must not be ("Son", "Mon", "Will" lowercased)
_STOP_LANGS = ("fr", "en", "de", "es", "it", "pt", "nl")
# places Faker's address providers list, in the languages of the articles
_PLACE_LISTS = (("fr_FR", "countries"), ("fr_FR", "regions"), ("en_US", "countries"),
                ("en_US", "states"), ("de_DE", "states"), ("es_ES", "countries"))
# a first name shorter than this is too often an abbreviation or a word ("Al", "Le")
_MIN_LENGTH = 3


def _latin(word: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in word)


def _class_attr(cls, name: str):
    """The attribute as the class body defines it (some providers compute it in a property,
    which only an instance can read: those hold no list of their own)."""
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass.__dict__[name]
    return None


def _faker_names() -> set[str]:
    import faker.providers.person as person

    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        if module.name.startswith(_NON_LATIN):
            continue
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr in _NAME_ATTRS:
            value = _class_attr(provider, attr)
            if isinstance(value, (dict, tuple, list, set, frozenset)):
                names.update(n.lower() for n in value
                             if isinstance(n, str) and " " not in n and _latin(n))
    return names


def _places() -> set[str]:
    places: set[str] = set()
    for locale, attr in _PLACE_LISTS:
        provider = importlib.import_module(f"faker.providers.address.{locale}").Provider
        for entry in getattr(provider, attr, ()) or ():
            name = entry[-1] if isinstance(entry, tuple) else entry
            places.add(name.lower())  # whole: "Saint-Vincent" says nothing of "Vincent"
    return places


def _stop_words(lang: str) -> set[str]:
    """spaCy's stop words of ``lang``, read from their own file: importing the language
    package compiles its tokenizer exceptions (seconds for French) for a word list."""
    spec = importlib.util.find_spec("spacy.lang")
    path = Path(spec.submodule_search_locations[0]) / lang / "stop_words.py"
    module = importlib.util.module_from_spec(
        importlib.util.spec_from_file_location(f"_talentflow_stop_words_{lang}", path))
    module.__loader__.exec_module(module)
    return set(module.STOP_WORDS)


def _common_words() -> set[str]:
    """Words of the languages and of our lexicons that a first name may also be."""
    from talentflow.nlp.lang import DATA_DIR, get_pack, read_lines
    from talentflow.nlp.quote_names import _TITLE_WORDS

    words: set[str] = set(_TITLE_WORDS) | stop_words()
    for lang in ("fr", "en"):
        pack = get_pack(lang)
        words |= set(pack.calendar_words) | set(pack.org_head_words) | set(pack.not_org_words)
        words |= set(pack.honorifics) | set(pack.nationalities_after_title)
        words |= {w for role in read_lines(DATA_DIR / lang / "roles.txt")
                  for w in role.lower().split()}
    return words | _places()


@lru_cache(maxsize=1)
def street_words() -> frozenset[str]:
    """The words that name a street or a place after a name, from Faker's address lists
    ("Avenue", "Street", "Harbor", "Garden"): "X Street" is no person."""
    words: set[str] = set()
    for locale, attr in (("en_US", "street_suffixes"), ("fr_FR", "street_prefixes")):
        provider = importlib.import_module(f"faker.providers.address.{locale}").Provider
        words.update(str(w).lower().strip(".") for w in getattr(provider, attr, ()) or ())
    return frozenset(words)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The stop words of the languages a name in the articles may come from ("los", "the")."""
    return frozenset(w for lang in _STOP_LANGS for w in _stop_words(lang))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Lower-cased first names: Faker's, less the common words (see the module's doc)."""
    common = _common_words()
    return frozenset(n for n in _faker_names()
                     if len(n) >= _MIN_LENGTH and n not in common and n.isalpha())


def is_first_name(word: str) -> bool:
    """``word`` is a capitalised first name; a compound one ("Jean-Luc") when each part is."""
    if not word[:1].isupper() or word.isupper() and len(word) > 1:
        return False
    names = first_names()
    lowered = word.lower()
    if lowered in names:
        return True
    parts = lowered.split("-")
    return len(parts) == 2 and all(p in names for p in parts)
