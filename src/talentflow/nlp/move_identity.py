"""When two names in one article are one person or one organisation, for the move model and
the rules that merge its moves with theirs (score.py's own tests are stricter on people:
this one lets a bare surname match the full name)."""
from __future__ import annotations

from functools import lru_cache

from talentflow.nlp.convert import fold

__all__ = ["by_surname", "same_org", "same_person", "surname"]


@lru_cache(maxsize=1 << 16)  # asked for the same few names over and over in a long article
def same_person(a: str, b: str) -> bool:
    fa, fb = fold(a).split(), fold(b).split()
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    if len(fa) >= 2 and len(fb) >= 2:
        return fa[-1] == fb[-1] and fa[0][0] == fb[0][0]
    return fa[-1] == fb[-1]


@lru_cache(maxsize=1 << 16)
def same_org(a: str | None, b: str | None) -> bool:
    wa, wb = set(fold(a).split()), set(fold(b).split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def surname(name: str) -> str:
    """The folded last word: same_person never matches two names without it in common, so
    comparing only within a surname keeps long articles linear."""
    words = fold(name).split()
    return words[-1] if words else ""


def by_surname(items, name_of) -> dict[str, list]:
    index: dict[str, list] = {}
    for item in items:
        index.setdefault(surname(name_of(item)), []).append(item)
    return index
