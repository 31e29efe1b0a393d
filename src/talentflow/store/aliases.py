"""User aliases: `talentflow alias add/list/remove`, applied to what is already stored.

Adding an alias re-points every report made under it to the canonical person or
organisation and re-merges their facts; removing one (a user alias, or a fuzzy match
that was wrong) gives those reports back an entity of their own and records that the
two must stay apart, so later ingestion does not merge them again.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, Table, and_, delete, or_, select, update

from talentflow.core.errors import NotFoundError, UsageError
from talentflow.resolve.names import org_key, person_key
from talentflow.resolve.orgs import shipped_canonical
from talentflow.store import entities
from talentflow.store.entities import (ORIGIN_CANONICAL, ORIGIN_FUZZY, ORIGIN_NAME,
                                       ORIGIN_SHIPPED, ORIGIN_USER)
from talentflow.store.facts import anchors_of_org, remerge
from talentflow.store.schema import (KIND_MOVE, OVERRIDE_DISTINCT_PEOPLE,
                                     merge_overrides, org_aliases, organisations, people,
                                     person_aliases, reports)

PERSON = "person"
ORG = "org"
_KIND_NAMES = {"person": PERSON, "people": PERSON, "org": ORG, "organisation": ORG,
               "organization": ORG}


@dataclass(frozen=True)
class AliasInfo:
    """One alias: ``alias`` is another name of ``canonical`` (entity ``entity_id``)."""

    kind: str  # "person" or "org"
    alias: str
    canonical: str
    origin: str  # "user", "fuzzy", "shipped", "name" or "canonical"
    entity_id: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _normalise_kind(kind: str | None) -> str | None:
    if kind is None:
        return None
    try:
        return _KIND_NAMES[kind.strip().lower()]
    except KeyError:
        raise UsageError(f"unknown alias kind {kind!r}", hint="use person or org") from None


def _detect_kind(conn: Connection, names: tuple[str, ...], kind: str | None) -> str:
    kind = _normalise_kind(kind)
    if kind is not None:
        return kind
    as_person = any(entities.find_person(conn, n) is not None for n in names)
    as_org = any(entities.find_org(conn, n) is not None for n in names)
    if as_person != as_org:
        return PERSON if as_person else ORG
    what = "both a person and an organisation" if as_person else "not in the store yet"
    raise UsageError(f"cannot tell whether {names[0]!r} is a person or an organisation: "
                     f"the name is {what}", item=names[0], hint="add --kind person or --kind org")


def _tables(kind: str) -> tuple[Table, str, Table]:
    if kind == PERSON:
        return person_aliases, "person_id", people
    return org_aliases, "org_id", organisations


def _key(kind: str, name: str) -> str:
    return person_key(name) if kind == PERSON else org_key(name)


def _info(conn: Connection, kind: str, key: str) -> AliasInfo:
    aliases, owner_col, owners = _tables(kind)
    row = conn.execute(select(aliases.c.name, aliases.c.origin, aliases.c[owner_col],
                              owners.c.name.label("canonical"))
                       .join(owners, owners.c.id == aliases.c[owner_col])
                       .where(aliases.c.key == key)).one()
    return AliasInfo(kind, row.name, row.canonical, row.origin, row[2])


def add_alias(conn: Connection, alias: str, canonical: str, *, kind: str | None = None
              ) -> AliasInfo:
    """Make ``alias`` a name of ``canonical``, merging any entity already under ``alias``."""
    alias, canonical = " ".join(alias.split()), " ".join(canonical.split())
    kind = _detect_kind(conn, (canonical, alias), kind)
    alias_key, canonical_key = _key(kind, alias), _key(kind, canonical)
    if not alias_key or not canonical_key:
        raise UsageError("an alias and its canonical name must both contain letters or digits",
                         item=alias or canonical)
    if alias_key == canonical_key:
        raise UsageError(f"{alias!r} and {canonical!r} are already the same name once accents, "
                         "case and punctuation are folded", item=alias)
    aliases, owner_col, _owners = _tables(kind)
    if kind == PERSON:
        target = entities.resolve_person(conn, canonical)
        existing = entities.find_person(conn, alias)
    else:
        target = entities.resolve_org(conn, canonical)
        existing = entities.find_org(conn, alias)
    # The canonical spelling becomes the display name, unless talentflow ships one.
    conn.execute(update(aliases).where(aliases.c.key == canonical_key,
                                       aliases.c.origin.in_((ORIGIN_NAME, ORIGIN_FUZZY)))
                 .values(origin=ORIGIN_CANONICAL))
    refounded: set[int] = set()
    if existing is None:
        conn.execute(aliases.insert().values({owner_col: target, "name": alias,
                                              "key": alias_key, "origin": ORIGIN_USER}))
    else:
        if existing != target:
            if kind == PERSON:
                refounded = entities.merge_people(conn, target, existing)
            else:
                entities.merge_orgs(conn, target, existing)
        conn.execute(update(aliases).where(aliases.c.key == alias_key,
                                           aliases.c.origin.in_((ORIGIN_NAME, ORIGIN_FUZZY)))
                     .values(origin=ORIGIN_USER))
    if kind == PERSON:
        _forget_distinct(conn, alias_key, _alias_keys(conn, aliases, owner_col, target))
        entities.refresh_person_name(conn, target)
        remerge(conn, people={target}, orgs=refounded)
    else:
        entities.refresh_org_name(conn, target)
        touched_people, touched_orgs = anchors_of_org(conn, target)
        remerge(conn, people=touched_people, orgs=touched_orgs)
    return _info(conn, kind, alias_key)


def _alias_keys(conn: Connection, aliases: Table, owner_col: str, owner: int) -> set[str]:
    return set(conn.execute(select(aliases.c.key).where(aliases.c[owner_col] == owner))
               .scalars())


def _forget_distinct(conn: Connection, key: str, others: set[str]) -> None:
    """The user said these are one person: drop any earlier "keep apart" decision."""
    conn.execute(delete(merge_overrides).where(
        merge_overrides.c.kind == OVERRIDE_DISTINCT_PEOPLE,
        or_(and_(merge_overrides.c.subject == key, merge_overrides.c.other.in_(others)),
            and_(merge_overrides.c.other == key, merge_overrides.c.subject.in_(others)))))


def _keep_distinct(conn: Connection, key: str, others: set[str]) -> None:
    for other in sorted(others - {key}):
        exists = conn.execute(select(merge_overrides.c.id).where(
            merge_overrides.c.kind == OVERRIDE_DISTINCT_PEOPLE,
            merge_overrides.c.subject == key, merge_overrides.c.other == other)).scalar()
        if exists is None:
            conn.execute(merge_overrides.insert().values(
                kind=OVERRIDE_DISTINCT_PEOPLE, subject=key, other=other,
                note="alias removed by the user"))


def remove_alias(conn: Connection, alias: str, *, kind: str | None = None) -> AliasInfo:
    """Remove a user or fuzzy alias and split the reports made under it back out."""
    kind = _detect_kind(conn, (alias,), kind)
    aliases, owner_col, _owners = _tables(kind)
    key = _key(kind, alias)
    if not conn.execute(select(aliases.c.id).where(aliases.c.key == key)).first():
        if kind == ORG and shipped_canonical(alias):
            raise UsageError(f"{alias!r} is a shipped alias of {shipped_canonical(alias)!r}",
                             item=alias, hint="shipped aliases name the same organisation; "
                                              "they cannot be removed")
        raise NotFoundError(f"no {'person' if kind == PERSON else 'organisation'} alias "
                            f"{alias!r}", item=alias, hint="`talentflow alias list` shows them")
    info = _info(conn, kind, key)
    if info.origin == ORIGIN_SHIPPED:
        raise UsageError(f"{alias!r} is a shipped alias of {info.canonical!r}", item=alias,
                         hint="shipped aliases name the same organisation; they cannot be removed")
    if info.origin in (ORIGIN_NAME, ORIGIN_CANONICAL):
        raise UsageError(f"{alias!r} is the name of {info.canonical!r} itself, not an alias",
                         item=alias, hint="`talentflow alias list` shows removable aliases")
    owner = info.entity_id
    conn.execute(delete(aliases).where(aliases.c.key == key))
    if kind == PERSON:
        _keep_distinct(conn, key, _alias_keys(conn, aliases, owner_col, owner))
        _split_person(conn, owner, key)
    else:
        _split_org(conn, owner, key)
    return info


def _split_person(conn: Connection, owner: int, key: str) -> None:
    new_id: int | None = None
    moved = [(rid, name) for rid, name in conn.execute(
        select(reports.c.id, reports.c.person_name).where(
            reports.c.person_id == owner, reports.c.kind == KIND_MOVE))
        if person_key(name or "") == key]
    if moved:
        new_id = entities.resolve_person(conn, moved[0][1])
        conn.execute(update(reports).where(reports.c.id.in_([rid for rid, _ in moved]))
                     .values(person_id=new_id))
    refounded: set[int] = set()
    for rid, names, ids in entities.founding_reports_of(conn, owner):
        positions = [i for i, (n, pid) in enumerate(zip(names, ids))
                     if pid == owner and person_key(n) == key]
        if positions:
            if new_id is None:
                new_id = entities.resolve_person(conn, names[positions[0]])
            ids = [new_id if i in positions else pid for i, pid in enumerate(ids)]
            refounded.add(entities.set_founders(conn, rid, names, ids))
    touched = {owner} | ({new_id} if new_id is not None else set())
    for person_id in sorted(touched):
        entities.refresh_person_name(conn, person_id)
    remerge(conn, people=touched, orgs=refounded)


def _split_org(conn: Connection, owner: int, key: str) -> None:
    new_id: int | None = None
    for name_col, id_col in (("from_name", "from_org_id"), ("to_name", "to_org_id")):
        moved = [(rid, name) for rid, name in conn.execute(
            select(reports.c.id, reports.c[name_col]).where(reports.c[id_col] == owner))
            if org_key(name or "") == key]
        if moved:
            if new_id is None:
                new_id = entities.resolve_org(conn, moved[0][1])
            conn.execute(update(reports).where(reports.c.id.in_([r for r, _ in moved]))
                         .values({id_col: new_id}))
    touched_people, touched_orgs = anchors_of_org(conn, owner)
    entities.refresh_org_name(conn, owner)
    if new_id is not None:
        more_people, more_orgs = anchors_of_org(conn, new_id)
        touched_people |= more_people
        touched_orgs |= more_orgs
        entities.refresh_org_name(conn, new_id)
    remerge(conn, people=touched_people, orgs=touched_orgs)


def list_aliases(conn: Connection, *, kind: str | None = None,
                 origins: tuple[str, ...] | None = (ORIGIN_USER, ORIGIN_FUZZY)
                 ) -> list[AliasInfo]:
    """Aliases, by kind then canonical name; by default those a user added or can remove."""
    kind = _normalise_kind(kind)
    found: list[AliasInfo] = []
    for each in ((PERSON, ORG) if kind is None else (kind,)):
        aliases, owner_col, owners = _tables(each)
        query = (select(aliases.c.name, aliases.c.origin, aliases.c[owner_col],
                        owners.c.name.label("canonical"))
                 .join(owners, owners.c.id == aliases.c[owner_col]))
        if origins:
            query = query.where(aliases.c.origin.in_(origins))
        for row in conn.execute(query.order_by(owners.c.name, aliases.c.name)):
            found.append(AliasInfo(each, row.name, row.canonical, row.origin, row[2]))
    return found


__all__ = ["AliasInfo", "add_alias", "list_aliases", "remove_alias", "PERSON", "ORG"]
