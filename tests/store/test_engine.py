"""Opening stores: where they live, schema versions, a locked file, a server that is down."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from talentflow.core.errors import (ConfigError, SchemaVersionError, StoreLockedError,
                                    StoreUnavailableError)
from talentflow.store import default_db_path, open_store, resolve_db_url
from talentflow.store.migrations import MIGRATIONS
from talentflow.store.schema import SCHEMA_VERSION, meta
from helpers.foreign_db import another_programs_database

from .builders import move_article


def test_db_resolution_order(tmp_path, monkeypatch):
    monkeypatch.delenv("TALENTFLOW_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "talentflow" / "talentflow.db"
    assert resolve_db_url() == f"sqlite:///{tmp_path / 'xdg' / 'talentflow' / 'talentflow.db'}"
    monkeypatch.setenv("TALENTFLOW_DB", str(tmp_path / "env.db"))
    assert resolve_db_url() == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_db_url(tmp_path / "given.db") == f"sqlite:///{tmp_path / 'given.db'}"
    assert resolve_db_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    with pytest.raises(ConfigError, match="directory"):
        resolve_db_url(tmp_path)


def test_default_store_is_created_with_its_directory(tmp_path, monkeypatch):
    monkeypatch.delenv("TALENTFLOW_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    with open_store() as store:
        assert store.info().schema_version == SCHEMA_VERSION
    assert default_db_path().exists()


def test_bad_urls_are_configuration_errors():
    with pytest.raises(ConfigError):
        open_store("mysql://nobody@localhost/db")
    with pytest.raises(ConfigError):
        open_store("nonsense+driver://x")


def test_migrations_end_at_the_schema_version():
    assert [version for version, _, _ in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))


def test_a_newer_schema_is_refused_with_a_hint(store_url):
    with open_store(store_url) as store:
        with store.write() as conn:
            conn.execute(meta.update().where(meta.c.key == "schema_version")
                         .values(value=str(SCHEMA_VERSION + 1)))
    with pytest.raises(SchemaVersionError, match="newer") as caught:
        open_store(store_url)
    assert caught.value.hint


def test_an_older_schema_is_upgraded_on_open(store_url):
    with open_store(store_url) as store:
        with store.write() as conn:
            conn.execute(meta.delete())  # as if written before versions were recorded
    with open_store(store_url) as store:
        assert store.info().schema_version == SCHEMA_VERSION


def test_a_locked_sqlite_file_gives_store_locked(tmp_path):
    path = tmp_path / "locked.db"
    open_store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with _opened_unlocked(path) as store:
            with pytest.raises(StoreLockedError, match="locked") as caught:
                store.add_article(*move_article("l1", "Ana Costa rejoint Pelican Soft.",
                                                "Ana Costa", None, "Pelican Soft"))
            assert caught.value.item and "locked.db" in caught.value.item
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with open_store(path) as store:  # released: writing works again
        assert store.add_article(*move_article("l1", "Ana Costa rejoint Pelican Soft.",
                                               "Ana Costa", None, "Pelican Soft")).created


def _opened_unlocked(path: Path):
    # The store must be opened before the lock is taken in a real race; here the lock
    # is already held, so build the Store directly with a short timeout.
    from talentflow.store.engine import create_store_engine, resolve_db_url
    from talentflow.store.store import Store

    url = resolve_db_url(path)
    return Store(create_store_engine(url, lock_timeout=0.2), url)


def test_a_locked_sqlite_file_can_be_opened_and_read_but_not_written(tmp_path):
    # Readers never take the write lock: opening and reading go on while another
    # process writes; only a write waits for the lock and then gives StoreLockedError.
    path = tmp_path / "locked.db"
    open_store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with open_store(path, lock_timeout=0.2, create=False) as store:
            assert store.info().counts["articles"] == 0
            with pytest.raises(StoreLockedError) as caught:
                store.add_article(*move_article("l1", "Ana Costa rejoint Pelican Soft.",
                                                "Ana Costa", None, "Pelican Soft"))
            assert "--lock-timeout" in caught.value.hint
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_postgresql_down_gives_store_unavailable():
    # Port 9 on loopback: nothing listens there, the connection is refused at once.
    with pytest.raises(StoreUnavailableError, match="cannot reach") as caught:
        open_store("postgresql+psycopg://nobody@127.0.0.1:9/none", lock_timeout=2)
    assert "services.sh" in caught.value.hint


def test_version_1_store_is_upgraded_and_founders_backfilled(store_url):
    from sqlalchemy import func, select

    from talentflow.store.schema import report_founders

    from .builders import founding_article

    with open_store(store_url) as store:
        store.add_article(*founding_article("v1", "Tamarind Bio, fondée par Zoé Klein et Adam "
                                            "Roth.", "Tamarind Bio", ("Zoé Klein", "Adam Roth")))
        with store.write() as conn:  # make it look like a version 1 database
            report_founders.drop(conn)
            conn.execute(meta.update().where(meta.c.key == "schema_version").values(value="1"))
    with open_store(store_url) as store:
        assert store.info().schema_version == SCHEMA_VERSION
        with store.read() as conn:
            assert conn.execute(select(func.count()).select_from(report_founders)).scalar() == 2


@pytest.mark.postgres
def test_a_busy_postgresql_writer_gives_store_locked(pg_databases):
    from sqlalchemy import create_engine, text

    from talentflow.store.engine import _PG_WRITE_LOCK

    url = pg_databases.create()
    open_store(url).close()
    holder = create_engine(url)
    with holder.connect() as conn, conn.begin():
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_WRITE_LOCK})
        with _pg_store(url) as store:
            with pytest.raises(StoreLockedError):
                store.add_article(*move_article("p1", "Ana Costa rejoint Pelican Soft.",
                                                "Ana Costa", None, "Pelican Soft"))
    holder.dispose()


def _pg_store(url: str):
    from talentflow.store.engine import create_store_engine
    from talentflow.store.store import Store

    return Store(create_store_engine(url, lock_timeout=0.3), url)


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    from talentflow.core.errors import StoreError
    from talentflow.store import open_store
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a talentflow database") as info:
        open_store(path)
    assert info.value.hint


def test_version_2_store_gets_the_covering_org_indexes(store_url):
    from sqlalchemy import inspect

    with open_store(store_url) as store:
        with store.write() as conn:  # make it look like a version 2 database
            for name in ("ix_facts_to_kind_date", "ix_facts_from_kind_date"):
                conn.exec_driver_sql(f"DROP INDEX {name}")
            conn.exec_driver_sql("CREATE INDEX ix_facts_to_date ON facts (to_org_id, date_start)")
            conn.execute(meta.update().where(meta.c.key == "schema_version").values(value="2"))
    with open_store(store_url) as store:
        assert store.info().schema_version == SCHEMA_VERSION
        with store.engine.connect() as conn:
            names = {ix["name"] for ix in inspect(conn).get_indexes("facts")}
    assert {"ix_facts_to_kind_date", "ix_facts_from_kind_date"} <= names
    assert "ix_facts_to_date" not in names


def test_version_3_store_gets_article_date_sources(store_url):
    from dataclasses import replace

    from sqlalchemy import inspect, select

    from talentflow.store.schema import articles

    with open_store(store_url) as store:
        store.add_article(*move_article("d0", "Léa Morin rejoint Brise Labs.", "Léa Morin",
                                        None, "Brise Labs"))
        with store.write() as conn:  # make it look like a version 3 database
            conn.exec_driver_sql("ALTER TABLE articles DROP COLUMN date_source")
            conn.execute(meta.update().where(meta.c.key == "schema_version").values(value="3"))
    with open_store(store_url) as store:
        assert store.info().schema_version == SCHEMA_VERSION
        with store.engine.connect() as conn:
            assert "date_source" in {c["name"] for c in inspect(conn).get_columns("articles")}
        item, extraction = move_article("d1", "Noé Ferrat rejoint Brise Labs.", "Noé Ferrat",
                                        None, "Brise Labs")
        store.add_article(replace(item, date_source="user"), extraction)
        with store.read() as conn:
            stored = dict(conn.execute(select(articles.c.ext_id, articles.c.date_source)).all())
    assert stored == {"d0": None, "d1": "user"}


def test_read_commands_refuse_a_store_that_does_not_exist(tmp_path):
    from talentflow.core.errors import NoStoreError

    with pytest.raises(NoStoreError) as caught:
        open_store(tmp_path / "tpyo.db", create=False)
    assert caught.value.exit_code == 2 and "ingest" in caught.value.hint
    assert not (tmp_path / "tpyo.db").exists()
    with open_store(tmp_path / "new.db") as store:
        assert store.created
    with open_store(tmp_path / "new.db", create=False) as store:
        assert not store.created


def test_another_programs_sqlite_database_is_never_written(tmp_path):
    from talentflow.core.errors import ForeignDatabaseError

    path = tmp_path / "photos.db"
    before = another_programs_database(path, "CREATE TABLE albums (id INTEGER PRIMARY KEY, "
                                             "name TEXT)")
    for create in (True, False):
        with pytest.raises(ForeignDatabaseError, match="albums"):
            open_store(path, create=create)
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    check.close()


def test_a_read_only_store_is_found_before_any_write(tmp_path):
    import os

    from talentflow.core.errors import StoreReadOnlyError

    if os.geteuid() == 0:
        pytest.skip("root writes read-only files")
    path = tmp_path / "ro.db"
    open_store(path).close()
    path.chmod(0o444)
    try:
        with open_store(path, create=False) as store:
            with pytest.raises(StoreReadOnlyError):
                store.check_writable()
    finally:
        path.chmod(0o644)


def test_a_database_folder_that_cannot_be_created_is_a_configuration_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ConfigError, match="cannot create the folder"):
        open_store(blocker / "sub" / "tf.db")


def test_postgres_urls_mean_the_psycopg_driver():
    assert resolve_db_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_db_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


def test_a_missing_postgresql_role_is_not_called_a_server_that_is_down():
    from sqlalchemy.exc import OperationalError

    from talentflow.store.engine import translate_error

    error = OperationalError("connect", {}, Exception(
        'connection failed: FATAL:  role "nobody" does not exist'))
    mapped = translate_error(error, "postgresql+psycopg://nobody@db/x")
    assert isinstance(mapped, StoreUnavailableError)
    assert "createuser" in mapped.hint and "running" not in mapped.hint
