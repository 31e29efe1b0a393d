"""The store's write API: add an article with its extraction, aliases, un-merging, info.

Each public method is one transaction. ``add_article`` stores the article, its reports,
resolves names to canonical people and organisations, merges people that are clearly
the same, and re-merges the facts of everything it touched, all or nothing.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, Engine, func, or_, select

from talentflow.core.errors import (ExtractionError, ForeignDatabaseError, NoStoreError,
                                    NotFoundError, UsageError)
from talentflow.core.models import Article, Extraction
from talentflow.resolve.dates import date_range
from talentflow.resolve.roles import normalize_role
from talentflow.store import entities
from talentflow.store.aliases import AliasInfo, add_alias, list_aliases, remove_alias
from talentflow.store.engine import (create_store_engine, display_url, lock_timeout_from_env,
                                     read_connection, resolve_db_url, translated,
                                     write_transaction)
from talentflow.store.facts import remerge, remerge_org, remerge_person
from talentflow.store.migrations import current_version, upgrade
from talentflow.store.quotes import add_quotes
from talentflow.store.schema import (SCHEMA_VERSION, KIND_FOUNDING, KIND_INVESTMENT, KIND_MOVE,
                                     OVERRIDE_SEPARATE_REPORT,
                                     articles, facts, merge_overrides, org_aliases,
                                     metadata, organisations, people, person_aliases,
                                     report_founders, reports)


#: Longest person or organisation name stored (the columns hold 512 characters).
MAX_NAME = 300


@dataclass(frozen=True)
class AddResult:
    """What ``Store.add_article`` did with one article."""

    article_id: int
    created: bool  # False: the article (same content hash or URL) was already stored
    n_reports: int = 0
    fact_ids: tuple[int, ...] = ()
    dropped: tuple[str, ...] = ()  # reports not stored, with the reason


@dataclass(frozen=True)
class StoreInfo:
    url: str
    schema_version: int
    counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "schema_version": self.schema_version, "counts": self.counts}


def _clip(name: str | None) -> str | None:
    """Names longer than any real one are extraction accidents; keep them storable."""
    return name[:MAX_NAME] if name else name


def report_key(content_hash: str, kind: str, seq: int, start: int, end: int) -> str:
    """Stable identity of a report: the same article and extraction give the same key."""
    return hashlib.sha256(f"{content_hash}|{kind}|{seq}|{start}|{end}".encode()).hexdigest()


class Store:
    """A talentflow knowledge store (SQLite file or PostgreSQL database)."""

    def __init__(self, engine: Engine, url: str):
        self.engine = engine
        self.url = url
        self.created = False  # set by open_store when it made a new store

    def check_writable(self) -> None:
        """Raise StoreReadOnlyError (or StoreLockedError) now if a write would fail later:
        a read-only file or role must be found before any article is extracted."""
        from sqlalchemy import update

        from talentflow.store.schema import meta
        with translated(self.url), self.engine.connect() as conn:
            conn.execution_options(talentflow_write=True)
            transaction = conn.begin()
            try:
                conn.execute(update(meta).where(meta.c.key == "schema_version")
                             .values(value=meta.c.value))
            finally:
                transaction.rollback()

    # --- lifecycle ---------------------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def display_url(self) -> str:
        return display_url(self.url)

    def read(self):
        """A read-only connection in a transaction (context manager) for the read side."""
        return read_connection(self.engine, self.url)

    def write(self):
        """A write transaction holding the store's write lock (context manager)."""
        return write_transaction(self.engine, self.url)

    # --- articles ----------------------------------------------------------------------

    def _known_id(self, conn: Connection, article: Article) -> int | None:
        condition = articles.c.content_hash == article.content_hash
        if article.url:
            condition = or_(condition, articles.c.url == article.url)
        return conn.execute(select(articles.c.id).where(condition).limit(1)).scalar()

    def is_known(self, article: Article) -> bool:
        """Whether the article (same content hash or same URL) is already stored."""
        with self.read() as conn:
            return self._known_id(conn, article) is not None

    def add_article(self, article: Article, extraction: Extraction) -> AddResult:
        """Store one article and what was extracted from it, in one transaction.

        Idempotent: an article already stored (same text or same URL) changes nothing.
        """
        with self.write() as conn:
            known = self._known_id(conn, article)
            if known is not None:
                return AddResult(known, False)
            published = date_range(article.date)
            article_id = conn.execute(articles.insert().values(
                ext_id=str(article.id)[:512], content_hash=article.content_hash,
                url=article.url if article.url and len(article.url) <= 2048 else None,
                title=article.title, lang=(article.lang or extraction.lang or "")[:8] or None,
                published=published.value if published else None, source=article.source,
                date_source=article.date_source if published else None,
                text=article.text,
            ).returning(articles.c.id)).scalar_one()
            rows, dropped = self._report_rows(conn, article, extraction, article_id)
            if rows:
                conn.execute(reports.insert(), rows)
                self._link_founders(conn, article_id, rows)
            touched_people = {r["person_id"] for r in rows if r["person_id"] is not None}
            founders = {p for r in rows for p in (r.get("founder_ids") or [])}
            touched_people, refounded = entities.fuzzy_merge(conn, touched_people | founders)
            anchors = {r["to_org_id"] for r in rows
                       if r["kind"] != KIND_MOVE and r["to_org_id"] is not None}
            self._refresh_names(conn, rows, touched_people)
            remerge(conn, people=touched_people, orgs=anchors | refounded)
            add_quotes(conn, article, extraction, article_id)
            fact_ids = tuple(sorted(set(conn.execute(
                select(reports.c.fact_id).where(reports.c.article_id == article_id)).scalars())
                - {None}))
            return AddResult(article_id, True, len(rows), fact_ids, tuple(dropped))

    def _report_rows(self, conn: Connection, article: Article, extraction: Extraction,
                     article_id: int) -> tuple[list[dict], list[str]]:
        rows: list[dict] = []
        dropped: list[str] = []
        lang = article.lang or extraction.lang
        for kind, items in ((KIND_MOVE, extraction.moves), (KIND_FOUNDING, extraction.foundings),
                            (KIND_INVESTMENT, extraction.investments)):
            for seq, item in enumerate(items):
                ev = item.evidence
                if article.text[ev.start:ev.end] != ev.text:
                    raise ExtractionError(
                        f"{kind} #{seq} has evidence [{ev.start}, {ev.end}) that does not "
                        "match the article text", item=str(article.id),
                        hint="offsets must index the text exactly as read")
                rng = date_range(item.date)
                row = dict(
                    article_id=article_id, kind=kind, seq=seq,
                    report_key=report_key(article.content_hash, kind, seq, ev.start, ev.end),
                    person_name=None, person_id=None, from_name=None, from_org_id=None,
                    to_name=None, to_org_id=None, founders=None, founder_ids=None, role=None,
                    role_key=None, date=rng.value if rng else None,
                    date_start=rng.start if rng else None, date_end=rng.end if rng else None,
                    date_precision=rng.precision if rng else None, amount=None, currency=None,
                    evidence_start=ev.start, evidence_end=ev.end, evidence_text=ev.text,
                    confidence=float(item.confidence), trigger=None, fact_id=None)
                if kind == KIND_MOVE:
                    item = replace(item, person=_clip(item.person), from_org=_clip(item.from_org),
                                   to_org=_clip(item.to_org))
                    person_id = entities.resolve_person(conn, item.person)
                    from_id = entities.resolve_org(conn, item.from_org)
                    to_id = entities.resolve_org(conn, item.to_org)
                    if person_id is None or (from_id is None and to_id is None):
                        dropped.append(f"move #{seq}: needs a person and an organisation")
                        continue
                    role = (item.role or "").strip() or None
                    row.update(person_name=item.person.strip(), person_id=person_id,
                               from_name=item.from_org if from_id else None, from_org_id=from_id,
                               to_name=item.to_org if to_id else None, to_org_id=to_id,
                               role=role, role_key=normalize_role(role, lang) if role else None,
                               trigger=(item.trigger or None) and item.trigger[:256])
                elif kind == KIND_FOUNDING:
                    item = replace(item, org=_clip(item.org),
                                   founders=tuple(_clip(n) for n in item.founders))
                    org_id = entities.resolve_org(conn, item.org)
                    if org_id is None:
                        dropped.append(f"founding #{seq}: no organisation name")
                        continue
                    names = [n.strip() for n in item.founders if n and n.strip()]
                    ids = [entities.resolve_person(conn, n) for n in names]
                    row.update(to_name=item.org, to_org_id=org_id,
                               founders=[n for n, i in zip(names, ids) if i is not None],
                               founder_ids=[i for i in ids if i is not None])
                else:
                    item = replace(item, investor=_clip(item.investor),
                                   investee=_clip(item.investee))
                    investee = entities.resolve_org(conn, item.investee)
                    if investee is None:
                        dropped.append(f"investment #{seq}: no investee")
                        continue
                    investor = entities.resolve_org(conn, item.investor)
                    row.update(from_name=item.investor if investor else None,
                               from_org_id=investor, to_name=item.investee, to_org_id=investee,
                               amount=item.amount,
                               currency=(item.currency or None) and item.currency.upper()[:3])
                rows.append(row)
        return rows, dropped

    def _link_founders(self, conn: Connection, article_id: int, rows: list[dict]) -> None:
        by_key = {r["report_key"]: r for r in rows if r["kind"] == KIND_FOUNDING and r["founders"]}
        if not by_key:
            return
        ids = conn.execute(select(reports.c.report_key, reports.c.id).where(
            reports.c.article_id == article_id, reports.c.kind == KIND_FOUNDING))
        links = [{"report_id": report_id, "position": i, "person_id": pid, "name": name}
                 for key, report_id in ids if key in by_key
                 for i, (name, pid) in enumerate(zip(by_key[key]["founders"],
                                                     by_key[key]["founder_ids"]))]
        if links:
            conn.execute(report_founders.insert(), links)

    def _refresh_names(self, conn: Connection, rows: list[dict], person_ids: set[int]) -> None:
        """Recompute display names this article may change.

        People are cheap to recount (and fuzzy merges may have combined them), so all
        touched people are. An organisation is recounted only when this article spells it
        differently from its current name: only then can the most-reported choice change,
        which keeps the result independent of ingestion order.
        """
        org_spellings: dict[int, set[str]] = {}
        for row in rows:
            for name_col, id_col in (("from_name", "from_org_id"), ("to_name", "to_org_id")):
                if row[id_col] is not None:
                    org_spellings.setdefault(row[id_col], set()).add(row[name_col].strip())
        for org_id, spellings in sorted(org_spellings.items()):
            name = conn.execute(select(organisations.c.name)
                                .where(organisations.c.id == org_id)).scalar()
            if name is not None and spellings != {name}:
                entities.refresh_org_name(conn, org_id)
        for person_id in sorted(person_ids):
            entities.refresh_person_name(conn, person_id)

    # --- aliases and un-merging --------------------------------------------------------

    def add_alias(self, alias: str, canonical: str, *, kind: str | None = None) -> AliasInfo:
        """Make ``alias`` another name of ``canonical`` (a person or an organisation).

        Existing reports under the alias are re-pointed and their facts re-merged.
        """
        with self.write() as conn:
            return add_alias(conn, alias, canonical, kind=kind)

    def remove_alias(self, alias: str, *, kind: str | None = None) -> AliasInfo:
        """Undo a user or fuzzy alias: its reports go back to a person/org of their own."""
        with self.write() as conn:
            return remove_alias(conn, alias, kind=kind)

    def aliases(self, *, kind: str | None = None, include_all: bool = False) -> list[AliasInfo]:
        """User and fuzzy aliases (what `alias remove` can undo); every name with include_all."""
        with self.read() as conn:
            if include_all:
                return list_aliases(conn, kind=kind, origins=None)
            return list_aliases(conn, kind=kind)

    def unmerge(self, report_id: int, *, fact_id: int | None = None) -> int:
        """Split a report out of its fact into a fact of its own; returns the new fact id.

        The decision is recorded by the report's stable key, so it survives later
        ingestion and re-merging.
        """
        with self.write() as conn:
            row = conn.execute(select(reports).where(reports.c.id == report_id)).mappings().first()
            if row is None:
                raise NotFoundError(f"no report {report_id}", item=str(report_id),
                                    hint="`talentflow sources FACT_ID` lists a fact's reports")
            if fact_id is not None and row["fact_id"] != fact_id:
                raise UsageError(f"report {report_id} is not part of fact {fact_id}",
                                 item=str(report_id),
                                 hint=f"it belongs to fact {row['fact_id']}")
            exists = conn.execute(select(merge_overrides.c.id).where(
                merge_overrides.c.kind == OVERRIDE_SEPARATE_REPORT,
                merge_overrides.c.subject == row["report_key"])).scalar()
            if exists is None:
                conn.execute(merge_overrides.insert().values(
                    kind=OVERRIDE_SEPARATE_REPORT, subject=row["report_key"], other="",
                    note=f"unmerged from fact {row['fact_id']}"))
            if row["kind"] == KIND_MOVE:
                remerge_person(conn, row["person_id"])
            else:
                remerge_org(conn, row["to_org_id"])
            return conn.execute(select(reports.c.fact_id)
                                .where(reports.c.id == report_id)).scalar_one()

    # --- information -------------------------------------------------------------------

    def info(self) -> StoreInfo:
        """Schema version and row counts, for `talentflow info`."""
        with self.read() as conn:
            counts = {name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                      for name, table in (("articles", articles), ("reports", reports),
                                          ("facts", facts), ("people", people),
                                          ("organisations", organisations))}
            for kind, n in conn.execute(select(facts.c.kind, func.count())
                                        .group_by(facts.c.kind)):
                counts[f"{kind}s"] = n
            for kind in ("moves", "foundings", "investments"):
                counts.setdefault(kind, 0)
            counts["aliases"] = sum(conn.execute(
                select(func.count()).select_from(t).where(t.c.origin.in_(("user", "fuzzy")))
            ).scalar_one() for t in (person_aliases, org_aliases))
            return StoreInfo(self.display_url, current_version(conn), counts)


def open_store(url_or_path: str | os.PathLike | None = None, *,
               lock_timeout: float | None = None, create: bool = True) -> Store:
    """Open (creating or upgrading as needed) the store at a path or URL.

    ``None`` means $TALENTFLOW_DB, else the per-user default (see ``default_db_path``).
    With ``create=False`` (read commands) a store that does not exist yet is an error
    (NoStoreError) instead of a new empty one: a mistyped path must not look like an
    empty store. A database holding other tables and no talentflow schema is never
    written to (ForeignDatabaseError). ``Store.created`` says whether this call made it.
    ``lock_timeout`` defaults to $TALENTFLOW_LOCK_TIMEOUT, else 10 seconds.
    """
    if lock_timeout is None:
        lock_timeout = lock_timeout_from_env()
    url = resolve_db_url(url_or_path)
    where = display_url(url)
    database = _sqlite_file(url)
    if database is not None:
        _check_sqlite_file(database, where, create)
    engine = create_store_engine(url, lock_timeout=lock_timeout)
    try:
        # Reading the version needs no write lock: a reader opening a store while a
        # writer holds it goes on. Only a store to create or upgrade takes the lock.
        with read_connection(engine, url) as conn:
            version = current_version(conn)
            foreign = version == 0 and _foreign_tables(conn)
        if foreign:
            raise ForeignDatabaseError(
                f"the database holds other tables ({', '.join(foreign[:3])}"
                f"{', ...' if len(foreign) > 3 else ''}) and no talentflow store",
                item=where, hint="give --db a new file name or an existing talentflow store")
        if version == 0 and not create:
            raise NoStoreError("no talentflow store here yet", item=where,
                               hint="check --db, or create the store with `talentflow ingest`")
        if version != SCHEMA_VERSION:
            with write_transaction(engine, url) as conn:
                upgrade(conn, where=where)
    except BaseException:
        engine.dispose()
        raise
    store = Store(engine, url)
    store.created = version == 0
    return store


def _sqlite_file(url: str) -> str | None:
    from sqlalchemy.engine import make_url
    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001  create_store_engine reports bad URLs
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return parsed.database


def _check_sqlite_file(database: str, where: str, create: bool) -> None:
    """Refuse a missing file for readers, and another program's database for everyone,
    before any connection: connecting switches the file to WAL mode, itself a write."""
    path = Path(database)
    if not path.exists():
        if not create:
            raise NoStoreError("no such store", item=database,
                               hint="check --db, or create the store with `talentflow ingest`")
        return
    if path.stat().st_size == 0:
        return  # an empty file is an empty SQLite database: nothing to protect
    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            names = [row[0] for row in probe.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")]
        finally:
            probe.close()
    except sqlite3.DatabaseError:
        return  # not a database at all, or locked: the engine reports it precisely
    if names and "meta" not in names:
        raise ForeignDatabaseError(
            f"the database holds other tables ({', '.join(sorted(names)[:3])}"
            f"{', ...' if len(names) > 3 else ''}) and no talentflow store", item=where,
            hint="give --db a new file name or an existing talentflow store")


def _foreign_tables(conn: Connection) -> list[str]:
    from sqlalchemy import inspect
    ours = set(metadata.tables)
    return sorted(set(inspect(conn).get_table_names()) - ours)
