"""Schema upgrades, applied in order when a store is opened.

Each entry of :data:`MIGRATIONS` brings a database from the previous version to its own.
Version 1 creates the whole current schema (``create_all`` skips tables that exist), so
later migrations only add what older databases lack (a column, an index) and must be
idempotent. A database newer than this talentflow is refused rather than guessed at.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, inspect, select

from talentflow.core.errors import SchemaVersionError
from talentflow.store import schema


def _create_schema(connection: Connection) -> None:
    schema.metadata.create_all(connection, checkfirst=True)


def _add_report_founders(connection: Connection) -> None:
    schema.report_founders.create(connection, checkfirst=True)
    table = schema.report_founders
    if connection.execute(select(table.c.report_id).limit(1)).first() is not None:
        return
    rows = connection.execute(select(schema.reports.c.id, schema.reports.c.founders,
                                     schema.reports.c.founder_ids)
                              .where(schema.reports.c.kind == schema.KIND_FOUNDING))
    links = [{"report_id": rid, "position": i, "person_id": pid, "name": name}
             for rid, names, ids in rows
             for i, (name, pid) in enumerate(zip(names or [], ids or []))]
    if links:
        connection.execute(table.insert(), links)


def _add_org_profile_indexes(connection: Connection) -> None:
    # The covering (org, kind, date, ...) indexes replace (org, date): same leading
    # column, so every query the old ones served is served at least as well.
    for index in schema.facts.indexes:
        if index.name in ("ix_facts_to_kind_date", "ix_facts_from_kind_date"):
            index.create(connection, checkfirst=True)
    for name in ("ix_facts_to_date", "ix_facts_from_date"):
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")


def _add_quotes(connection: Connection) -> None:
    schema.quotes.create(connection, checkfirst=True)
    schema.quote_sources.create(connection, checkfirst=True)


def _add_article_date_source(connection: Connection) -> None:
    # Articles stored before version 5 keep NULL: where their date came from is unknown.
    columns = {c["name"] for c in inspect(connection).get_columns("articles")}
    if "date_source" not in columns:
        connection.exec_driver_sql("ALTER TABLE articles ADD COLUMN date_source VARCHAR(16)")


#: (version reached, what it does, how). Append only; never edit a released entry.
MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "initial schema: articles, people, organisations, aliases, reports, facts", _create_schema),
    (2, "report_founders: founders of founding reports, indexed by person", _add_report_founders),
    (3, "covering indexes for an organisation's arrivals and departures",
     _add_org_profile_indexes),
    (4, "quotes and quote_sources: direct quotes with their speaker, articles and move",
     _add_quotes),
    (5, "articles.date_source: where each publication date came from",
     _add_article_date_source),
]

assert MIGRATIONS[-1][0] == schema.SCHEMA_VERSION, "SCHEMA_VERSION must match the migrations"


def current_version(connection: Connection) -> int:
    """The schema version recorded in the database (0 for an empty database)."""
    if not inspect(connection).has_table("meta"):
        return 0
    value = connection.execute(select(schema.meta.c.value)
                               .where(schema.meta.c.key == "schema_version")).scalar()
    return int(value) if value is not None else 0


def upgrade(connection: Connection, *, where: str) -> int:
    """Apply every pending migration inside the caller's transaction; return the version."""
    version = current_version(connection)
    if version > schema.SCHEMA_VERSION:
        raise SchemaVersionError(
            f"the database has schema version {version}, newer than the {schema.SCHEMA_VERSION} "
            "this talentflow knows", item=where,
            hint="upgrade talentflow (pip install -U talentflow) or use another database")
    for target, _description, apply in MIGRATIONS:
        if target > version:
            apply(connection)
            _record(connection, target)
            version = target
    return version


def _record(connection: Connection, version: int) -> None:
    table = schema.meta
    updated = connection.execute(table.update().where(table.c.key == "schema_version")
                                 .values(value=str(version)))
    if updated.rowcount == 0:
        connection.execute(table.insert().values(key="schema_version", value=str(version)))
