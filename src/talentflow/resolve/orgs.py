"""The shipped table of organisation aliases (resolve/data/org_aliases.json).

Only true aliases belong there: renamings (Facebook -> Meta), short forms (DeepMind),
translations (European Commission). A parent or a subsidiary is a different organisation.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from talentflow.resolve.names import org_key


@lru_cache(maxsize=1)
def shipped_aliases() -> dict[str, str]:
    """org_key of every shipped name (canonical ones included) -> canonical display name."""
    raw = json.loads(resources.files("talentflow.resolve").joinpath("data/org_aliases.json")
                     .read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    for canonical, aliases in raw.items():
        if canonical.startswith("_"):
            continue
        for name in (canonical, *aliases):
            key = org_key(name)
            if key in table and table[key] != canonical:
                raise ValueError(f"org_aliases.json: {name!r} listed under both "
                                 f"{table[key]!r} and {canonical!r}")
            table[key] = canonical
    return table


def shipped_canonical(name: str) -> str | None:
    """Canonical name of ``name`` in the shipped table, or None when it is not listed."""
    return shipped_aliases().get(org_key(name))


def shipped_variants(canonical: str) -> list[str]:
    """Every shipped name of the organisation whose canonical name is ``canonical``."""
    raw = json.loads(resources.files("talentflow.resolve").joinpath("data/org_aliases.json")
                     .read_text(encoding="utf-8"))
    return [canonical, *raw.get(canonical, [])]
