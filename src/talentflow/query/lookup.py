"""From what a user types ("deepmind", "schulman", 12) to canonical store ids.

Names go through the alias tables with the same folded keys the write side stores
(``resolve.names``), so case, accents, punctuation and legal suffixes never matter.
When the exact key is unknown an organisation may still be found by whole words
("DeepMind" inside "Google DeepMind"), a person by surname alone; an unknown or
ambiguous name raises NotFoundError whose hint lists the nearest spellings (rapidfuzz).
"""
from __future__ import annotations

from sqlalchemy import Connection

from talentflow.core.errors import NotFoundError
from talentflow.query.results import Ref
from talentflow.resolve.names import org_key, org_words, person_key, surname_key
from talentflow.store import reads

_HINT_LIMIT = 5
_HINT_CUTOFF = 60


def _nearest_owners(query: str, candidates: list[tuple[int, str]]) -> list[int]:
    """Ids owning the spellings closest to ``query``, best first, each id once."""
    from rapidfuzz import fuzz, process, utils

    if not candidates:
        return []
    scored = process.extract(query, [name for _, name in candidates], scorer=fuzz.WRatio,
                             processor=utils.default_process, limit=_HINT_LIMIT * 4,
                             score_cutoff=_HINT_CUTOFF)
    owners: list[int] = []
    for _, _, index in scored:
        owner = candidates[index][0]
        if owner not in owners:
            owners.append(owner)
    return owners[:_HINT_LIMIT]


def _hint(matches: list[str], what: str) -> str:
    if not matches:
        return f"no {what} with a similar name is stored"
    return "did you mean " + ", ".join(repr(m) for m in matches) + "?"


def _contains_words(haystack: list[str], needle: list[str]) -> bool:
    width = len(needle)
    return any(haystack[i:i + width] == needle for i in range(len(haystack) - width + 1))


def org_candidates(conn: Connection, name: str) -> list[int]:
    """Ids of the organisations ``name`` may designate: exact alias key, else whole words."""
    key = org_key(name)
    if not key:
        return []
    exact = reads.find_org_ids(conn, key)
    if exact:
        return exact
    words = org_words(name)
    found: list[int] = []
    for org_id, alias in reads.find_org_ids_containing(conn, key):
        if org_id not in found and _contains_words(org_words(alias), words):
            found.append(org_id)
    return found


def _resolve_one(ref: str | int, *, names_of, candidates, near_matches, what: str,
                 plural: str, narrow_hint: str) -> Ref:
    """The one entity ``ref`` (a name or an id) designates, else NotFoundError: an unknown
    id, a name matching several entities (listed in the hint) or none (near matches)."""
    if isinstance(ref, int):
        names = names_of([ref])
        if ref not in names:
            raise NotFoundError(f"no {what} with id {ref}", item=str(ref),
                                hint="ids are listed by `talentflow moves --format json`")
        return Ref(ref, names[ref])
    ids = candidates(ref)
    names = names_of(ids)
    if len(ids) == 1:
        return Ref(ids[0], names[ids[0]])
    if ids:
        choices = sorted(names.values())
        raise NotFoundError(f"{ref!r} matches {len(ids)} {plural}", item=ref,
                            hint=narrow_hint + ", ".join(repr(n) for n in choices[:8]))
    raise NotFoundError(f"no {what} named {ref!r}", item=ref,
                        hint=_hint(near_matches(ref), what))


def resolve_org(conn: Connection, org: str | int, *, what: str = "organisation") -> Ref:
    """The one organisation ``org`` (a name or an id) designates, else NotFoundError."""
    return _resolve_one(org, names_of=lambda ids: reads.org_names(conn, ids),
                        candidates=lambda name: org_candidates(conn, name),
                        near_matches=lambda name: _org_near_matches(conn, name),
                        what=what, plural="organisations", narrow_hint="be more specific: ")


def _org_near_matches(conn: Connection, name: str) -> list[str]:
    owners = _nearest_owners(name, reads.org_names_for_hints(conn))
    names = reads.org_names(conn, owners)
    return [names[o] for o in owners if o in names]


def person_candidates(conn: Connection, name: str) -> list[int]:
    """Ids of the people ``name`` may designate: exact alias key, else a lone surname."""
    key = person_key(name)
    if not key:
        return []
    exact = reads.find_person_ids(conn, key)
    if exact or " " in key:
        return exact
    return reads.find_person_ids_by_surname(conn, surname_key(name))


def resolve_person(conn: Connection, person: str | int) -> Ref:
    """The one person ``person`` (a name or an id) designates, else NotFoundError."""
    return _resolve_one(person, names_of=lambda ids: reads.person_names(conn, ids),
                        candidates=lambda name: person_candidates(conn, name),
                        near_matches=lambda name: _person_near_matches(conn, name),
                        what="person", plural="people", narrow_hint="give the full name: ")


def _person_near_matches(conn: Connection, name: str) -> list[str]:
    owners = _nearest_owners(name, reads.person_names_for_hints(conn))
    names = reads.person_names(conn, owners)
    return [names[o] for o in owners if o in names]


def org_filter_ids(conn: Connection, name: str | int | None, *,
                   option: str) -> tuple[int, ...] | None:
    """Ids for an organisation filter option (a name or an id), None when not given.

    Several organisations sharing the words asked for are all kept: a filter narrows a
    list, it need not pick one entity.
    """
    if name is None:
        return None
    if isinstance(name, int):
        return (resolve_org(conn, name).id,)
    ids = org_candidates(conn, name)
    if not ids:
        raise NotFoundError(f"no organisation named {name!r}", item=option,
                            hint=_hint(_org_near_matches(conn, name), "organisation"))
    return tuple(ids)


def person_filter_ids(conn: Connection, name: str | int | None) -> tuple[int, ...] | None:
    """Ids for a person filter (a name or an id); every person a lone surname fits."""
    if name is None:
        return None
    if isinstance(name, int):
        return (resolve_person(conn, name).id,)
    ids = person_candidates(conn, name)
    if not ids:
        resolve_person(conn, name)  # raises NotFoundError with near matches
    return tuple(ids)


__all__ = ["org_candidates", "org_filter_ids", "person_candidates",
           "person_filter_ids", "resolve_org", "resolve_person"]
