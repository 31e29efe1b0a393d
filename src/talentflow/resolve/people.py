"""When two differently spelled people are the same person.

Name similarity alone never decides: the store only asks :func:`same_person` about two
people who share a surname AND an organisation (both moved from or to it, or founded it).
Even then the given names must be close ("Jon"/"John", "Sergei"/"Sergey") or one must be
the initial or the short form of the other ("J."/"John", "Alex"/"Alexander").
"""
from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from talentflow.resolve.names import given_names, surname_key

#: rapidfuzz ratio (0-100) above which two given names are spelling variants.
GIVEN_NAME_SIMILARITY = 80
#: A short form must be at least this long to count ("Al" is not "Albert").
MIN_SHORT_FORM = 3


def _gendered_pair(a: str, b: str) -> bool:
    """Masculine/feminine forms of one name: close in spelling, different people."""
    short, long_ = sorted((a, b), key=len)
    if long_ in (short + "a", short + "e", short + "ne", short + "le"):
        return True  # Daniel/Daniela, Jean/Jeanne, Michel/Michelle
    return (len(a) == len(b) and a[:-1] == b[:-1]
            and a[-1] in "aeo" and b[-1] in "aeo")  # Mario/Maria/Marie


def given_names_match(a: str, b: str) -> bool:
    """Whether two folded given-name strings can name the same person."""
    if not a or not b:
        return False  # a bare surname is too weak even with a shared organisation
    if a == b:
        return True
    first_a, first_b = a.split()[0], b.split()[0]
    if _gendered_pair(first_a, first_b):
        return False
    if len(first_a) == 1 or len(first_b) == 1:
        return first_a[0] == first_b[0]
    if min(len(first_a), len(first_b)) >= MIN_SHORT_FORM and (
            first_a.startswith(first_b) or first_b.startswith(first_a)):
        return True
    return fuzz.ratio(a, b) >= GIVEN_NAME_SIMILARITY


def same_person(names_a: Iterable[str], orgs_a: set[int],
                names_b: Iterable[str], orgs_b: set[int]) -> bool:
    """Two people (all their spellings, the organisations they are tied to) are one.

    Requires a shared organisation, a shared surname and matching given names on at
    least one pair of spellings.
    """
    if not orgs_a & orgs_b:
        return False
    names_b = list(names_b)
    for a in names_a:
        for b in names_b:
            if surname_key(a) and surname_key(a) == surname_key(b) \
                    and given_names_match(given_names(a), given_names(b)):
                return True
    return False
