"""Canonical people and organisations: get-or-create by folded key, display names, merges.

Every function takes a connection inside the caller's write transaction. The alias
tables are the authority: a key resolves to exactly one person or organisation, so
resolving a name is one indexed lookup, and two entities become one by re-pointing
their aliases and reports.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sqlalchemy import Connection, Table, and_, delete, or_, select, update
from sqlalchemy.exc import IntegrityError

from talentflow.resolve.names import given_names, org_key, person_key, surname_key
from talentflow.resolve.orgs import shipped_canonical, shipped_variants
from talentflow.resolve.people import same_person
from talentflow.store.schema import (KIND_MOVE, OVERRIDE_DISTINCT_PEOPLE,
                                     facts, merge_overrides, org_aliases, organisations, people,
                                     person_aliases, quotes, report_founders, reports)

# Alias origins (see schema docstrings).
ORIGIN_NAME = "name"
ORIGIN_SHIPPED = "shipped"
ORIGIN_USER = "user"
ORIGIN_FUZZY = "fuzzy"
ORIGIN_CANONICAL = "canonical"


def _alias_owner(conn: Connection, aliases: Table, owner_col: str, key: str) -> int | None:
    return conn.execute(select(aliases.c[owner_col]).where(aliases.c.key == key)).scalar()


def _insert_or_reselect(conn: Connection, insert_rows, reselect):
    """Run ``insert_rows`` in a savepoint; on a unique-key race, use the winner's row.

    Writers are serialised by the store's write lock, but the constraint is what makes
    get-or-create correct, so it stays safe even for a writer that bypasses the lock.
    """
    try:
        with conn.begin_nested():
            return insert_rows()
    except IntegrityError:
        found = reselect()
        if found is None:
            raise
        return found


# --- organisations -----------------------------------------------------------------------

def _ensure_org_alias(conn: Connection, org_id: int, name: str, origin: str) -> int:
    key = org_key(name)
    owner = _alias_owner(conn, org_aliases, "org_id", key)
    if owner is not None:
        return owner
    return _insert_or_reselect(
        conn,
        lambda: (conn.execute(org_aliases.insert().values(org_id=org_id, name=name, key=key,
                                                          origin=origin)), org_id)[1],
        lambda: _alias_owner(conn, org_aliases, "org_id", key))


def _create_org(conn: Connection, name: str, origin: str) -> int:
    key = org_key(name)

    def insert() -> int:
        org_id = conn.execute(organisations.insert().values(name=name, key=key)
                              .returning(organisations.c.id)).scalar_one()
        conn.execute(org_aliases.insert().values(org_id=org_id, name=name, key=key,
                                                 origin=origin))
        return org_id

    return _insert_or_reselect(conn, insert,
                               lambda: _alias_owner(conn, org_aliases, "org_id", key))


def resolve_org(conn: Connection, name: str | None) -> int | None:
    """The organisation ``name`` designates, created when new; None for an empty name."""
    if not name or not org_key(name):
        return None
    key = org_key(name)
    found = _alias_owner(conn, org_aliases, "org_id", key)
    if found is not None:
        return found
    canonical = shipped_canonical(name)
    if canonical is None:
        return _create_org(conn, name.strip(), ORIGIN_NAME)
    org_id = _alias_owner(conn, org_aliases, "org_id", org_key(canonical))
    if org_id is None:
        org_id = _create_org(conn, canonical, ORIGIN_SHIPPED)
    for variant in shipped_variants(canonical):
        _ensure_org_alias(conn, org_id, variant, ORIGIN_SHIPPED)
    return _alias_owner(conn, org_aliases, "org_id", key)


def find_org(conn: Connection, name: str) -> int | None:
    """The existing organisation ``name`` designates, without creating anything."""
    return _alias_owner(conn, org_aliases, "org_id", org_key(name)) if org_key(name) else None


def refresh_org_name(conn: Connection, org_id: int) -> None:
    """Display name: the user's choice, else the shipped one, else the most reported spelling."""
    user_choice = conn.execute(select(org_aliases.c.name).where(
        org_aliases.c.org_id == org_id, org_aliases.c.origin == ORIGIN_CANONICAL)
        .order_by(org_aliases.c.name)).scalar()
    name = user_choice
    if name is None:
        current = conn.execute(select(organisations.c.name)
                               .where(organisations.c.id == org_id)).scalar_one()
        name = shipped_canonical(current)
    if name is None:
        user_keys = _alias_keys(conn, org_aliases, "org_id", org_id, ORIGIN_USER)
        counts: Counter[str] = Counter()
        for name_col, id_col in ((reports.c.from_name, reports.c.from_org_id),
                                 (reports.c.to_name, reports.c.to_org_id)):
            for surface, in conn.execute(select(name_col).where(id_col == org_id)):
                if surface and org_key(surface) not in user_keys:
                    counts[surface.strip()] += 1
        if counts:
            name = min(counts, key=lambda s: (-counts[s], len(s), s))
            canonical = shipped_canonical(name)
            name = canonical or name
    if name is not None:
        conn.execute(update(organisations).where(organisations.c.id == org_id,
                                                 organisations.c.name != name)
                     .values(name=name))


def merge_orgs(conn: Connection, keep: int, drop: int) -> None:
    """Fold organisation ``drop`` into ``keep`` (aliases, reports, facts); caller re-merges."""
    if keep == drop:
        return
    for table in (reports, facts):
        for col in ("from_org_id", "to_org_id"):
            conn.execute(update(table).where(table.c[col] == drop).values({col: keep}))
    conn.execute(update(org_aliases).where(org_aliases.c.org_id == drop).values(org_id=keep))
    conn.execute(delete(organisations).where(organisations.c.id == drop))


# --- people ------------------------------------------------------------------------------

def _create_person(conn: Connection, name: str, origin: str) -> int:
    key = person_key(name)

    def insert() -> int:
        person_id = conn.execute(people.insert().values(name=name, key=key,
                                                        surname_key=surname_key(name))
                                 .returning(people.c.id)).scalar_one()
        conn.execute(person_aliases.insert().values(person_id=person_id, name=name, key=key,
                                                    origin=origin))
        return person_id

    return _insert_or_reselect(conn, insert,
                               lambda: _alias_owner(conn, person_aliases, "person_id", key))


def resolve_person(conn: Connection, name: str | None) -> int | None:
    """The person ``name`` designates, created when new; None for an empty name."""
    if not name or not person_key(name):
        return None
    found = _alias_owner(conn, person_aliases, "person_id", person_key(name))
    return found if found is not None else _create_person(conn, " ".join(name.split()),
                                                          ORIGIN_NAME)


def find_person(conn: Connection, name: str) -> int | None:
    key = person_key(name)
    return _alias_owner(conn, person_aliases, "person_id", key) if key else None


def _alias_keys(conn: Connection, aliases: Table, owner_col: str, owner: int,
                *origins: str) -> set[str]:
    query = select(aliases.c.key).where(aliases.c[owner_col] == owner)
    if origins:
        query = query.where(aliases.c.origin.in_(origins))
    return set(conn.execute(query).scalars())


def founding_reports_of(conn: Connection, person_id: int) -> list[tuple[int, list, list]]:
    """(report id, founder names, founder ids) of founding reports naming the person."""
    report_ids = select(report_founders.c.report_id).where(
        report_founders.c.person_id == person_id)
    rows = conn.execute(select(reports.c.id, reports.c.founders, reports.c.founder_ids)
                        .where(reports.c.id.in_(report_ids)).order_by(reports.c.id))
    return [(rid, list(names or []), list(ids or [])) for rid, names, ids in rows]


def set_founders(conn: Connection, report_id: int, names: list[str], ids: list[int]) -> int:
    """Rewrite a founding report's founders (JSON columns and links); returns its org id."""
    conn.execute(delete(report_founders).where(report_founders.c.report_id == report_id))
    if ids:
        conn.execute(report_founders.insert(), [
            {"report_id": report_id, "position": i, "person_id": pid, "name": name}
            for i, (name, pid) in enumerate(zip(names, ids))])
    return conn.execute(update(reports).where(reports.c.id == report_id)
                        .values(founders=names, founder_ids=ids)
                        .returning(reports.c.to_org_id)).scalar_one()


def person_spellings(conn: Connection, person_id: int) -> Counter[str]:
    """How often each spelling of the person appears in reports (moves, then founders)."""
    counts: Counter[str] = Counter(
        name for name, in conn.execute(select(reports.c.person_name).where(
            reports.c.person_id == person_id, reports.c.kind == KIND_MOVE)) if name)
    if not counts:
        for _rid, names, ids in founding_reports_of(conn, person_id):
            counts.update(n for n, i in zip(names, ids) if i == person_id and n)
    return counts


def refresh_person_name(conn: Connection, person_id: int) -> None:
    """Display name: the user's choice, else the most complete, most reported spelling."""
    name = conn.execute(select(person_aliases.c.name).where(
        person_aliases.c.person_id == person_id,
        person_aliases.c.origin == ORIGIN_CANONICAL).order_by(person_aliases.c.name)).scalar()
    if name is None:
        user_keys = _alias_keys(conn, person_aliases, "person_id", person_id, ORIGIN_USER)
        counts = Counter({" ".join(s.split()): c for s, c in
                          person_spellings(conn, person_id).items()
                          if person_key(s) not in user_keys})
        if counts:
            # on a tie the accented spelling wins: an accent-less one has only lost letters
            name = min(counts, key=lambda s: (-len(s.split()), -counts[s], -len(s),
                                              -sum(not c.isascii() for c in s), s))
    if name is not None:
        conn.execute(update(people).where(people.c.id == person_id, people.c.name != name)
                     .values(name=name, key=person_key(name), surname_key=surname_key(name)))


def merge_people(conn: Connection, keep: int, drop: int, *, origin: str | None = None
                  ) -> set[int]:
    """Fold person ``drop`` into ``keep``; ``origin`` relabels drop's spellings (fuzzy).

    Returns the organisations whose founding facts name ``drop`` (to be re-merged).
    """
    if keep == drop:
        return set()
    conn.execute(update(reports).where(reports.c.person_id == drop).values(person_id=keep))
    conn.execute(update(facts).where(facts.c.person_id == drop).values(person_id=keep))
    conn.execute(update(quotes).where(quotes.c.person_id == drop).values(person_id=keep))
    founded: set[int] = set()
    for rid, names, ids in founding_reports_of(conn, drop):
        founded.add(set_founders(conn, rid, names, [keep if i == drop else i for i in ids]))
    moved = update(person_aliases).where(person_aliases.c.person_id == drop)
    if origin is not None:
        conn.execute(moved.where(person_aliases.c.origin == ORIGIN_NAME).values(origin=origin))
    conn.execute(update(person_aliases).where(person_aliases.c.person_id == drop)
                 .values(person_id=keep))
    conn.execute(delete(people).where(people.c.id == drop))
    return founded


def _person_orgs(conn: Connection, person_id: int) -> set[int]:
    """Organisations a person moved from or to, or founded."""
    rows = conn.execute(select(reports.c.from_org_id, reports.c.to_org_id).where(
        reports.c.person_id == person_id, reports.c.kind == KIND_MOVE))
    orgs = {org for row in rows for org in row if org is not None}
    orgs.update(conn.execute(select(reports.c.to_org_id).join(
        report_founders, report_founders.c.report_id == reports.c.id).where(
        report_founders.c.person_id == person_id)).scalars())
    return orgs - {None}


def _namesakes_sharing_an_org(conn: Connection, person_id: int, surname: str,
                              orgs: set[int]) -> list[int]:
    """Other people with this surname tied to one of ``orgs``, found by index.

    Filtering in SQL keeps a common surname from costing a check per namesake.
    """
    if not orgs:
        return []
    org_list = sorted(orgs)
    namesakes = select(people.c.id).where(people.c.surname_key == surname,
                                          people.c.id != person_id)
    movers = select(reports.c.person_id).where(
        reports.c.person_id.in_(namesakes), reports.c.kind == KIND_MOVE,
        or_(reports.c.from_org_id.in_(org_list), reports.c.to_org_id.in_(org_list)))
    founders = select(report_founders.c.person_id).join(
        reports, reports.c.id == report_founders.c.report_id).where(
        report_founders.c.person_id.in_(namesakes), reports.c.to_org_id.in_(org_list))
    return sorted(set(conn.execute(movers).scalars()) | set(conn.execute(founders).scalars()))


def _fuzzy_names(conn: Connection, person_id: int) -> list[str]:
    names = set(person_spellings(conn, person_id)) | set(conn.execute(
        select(person_aliases.c.name).where(person_aliases.c.person_id == person_id)).scalars())
    full = [n for n in names if len(given_names(n).split()[0] if given_names(n) else "") > 1]
    # Once a full given name is known, an initial ("J. Smith") must not bridge to others.
    return sorted(full or names)


def _kept_apart(conn: Connection, keys_a: set[str], keys_b: set[str]) -> bool:
    rows = conn.execute(select(merge_overrides.c.subject, merge_overrides.c.other).where(
        merge_overrides.c.kind == OVERRIDE_DISTINCT_PEOPLE,
        or_(and_(merge_overrides.c.subject.in_(keys_a), merge_overrides.c.other.in_(keys_b)),
            and_(merge_overrides.c.subject.in_(keys_b), merge_overrides.c.other.in_(keys_a)))))
    return rows.first() is not None


def fuzzy_merge(conn: Connection, person_ids: Iterable[int]) -> tuple[set[int], set[int]]:
    """Merge each person with the one other person they are clearly the same as.

    Candidates share the surname key; :func:`same_person` then requires a shared
    organisation and matching given names. Two or more matching candidates is
    ambiguous and merges nothing. Returns the surviving ids of the given people and the
    organisations whose foundings changed founders.
    """
    survivors: set[int] = set()
    founded: set[int] = set()
    for person_id in sorted(set(person_ids)):
        while True:
            row = conn.execute(select(people.c.surname_key)
                               .where(people.c.id == person_id)).first()
            if row is None:  # merged away earlier in this pass; its survivor is listed
                break
            if not row.surname_key:
                survivors.add(person_id)
                break
            orgs = _person_orgs(conn, person_id)
            candidates = _namesakes_sharing_an_org(conn, person_id, row.surname_key, orgs)
            if not candidates:
                survivors.add(person_id)
                break
            names = _fuzzy_names(conn, person_id)
            keys = _alias_keys(conn, person_aliases, "person_id", person_id)
            matches = [c for c in candidates
                       if same_person(names, orgs, _fuzzy_names(conn, c), _person_orgs(conn, c))
                       and not _kept_apart(conn, keys, _alias_keys(conn, person_aliases,
                                                                   "person_id", c))]
            if len(matches) != 1:
                survivors.add(person_id)
                break
            keep, drop = sorted((person_id, matches[0]))
            founded |= merge_people(conn, keep, drop, origin=ORIGIN_FUZZY)
            survivors.discard(drop)
            person_id = keep
    return survivors, founded
