"""Where the store lives and how to talk to it: URLs, engines, transactions, errors.

SQLite is the default (a file); PostgreSQL is reached by a ``postgresql+psycopg://`` URL.
Every write runs in one transaction that holds the store's write lock for its duration
(``BEGIN IMMEDIATE`` on SQLite, a transaction-level advisory lock on PostgreSQL), so
concurrent writers never interleave a merge, and a crash or Ctrl-C rolls back cleanly.
"""
from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from talentflow.core.errors import (ConfigError, StoreError, StoreLockedError,
                                    StoreReadOnlyError, StoreUnavailableError)

ENV_DB = "TALENTFLOW_DB"
ENV_LOCK_TIMEOUT = "TALENTFLOW_LOCK_TIMEOUT"
#: Seconds a writer waits for another writer before giving up with StoreLockedError.
DEFAULT_LOCK_TIMEOUT = 10.0
LOCK_HINT = ("wait for the other talentflow command to finish, or raise the lock timeout "
             f"(--lock-timeout SECONDS or ${ENV_LOCK_TIMEOUT})")
_PG_SCHEMES = ("postgres://", "postgresql://")
# Arbitrary constant identifying talentflow's write lock among PostgreSQL advisory locks.
_PG_WRITE_LOCK = 0x7A1E47F1


def default_db_path() -> Path:
    """Per-user default database file (XDG data directory)."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
    return Path(base) / "talentflow" / "talentflow.db"


def lock_timeout_from_env() -> float:
    """$TALENTFLOW_LOCK_TIMEOUT in seconds, else the default."""
    value = os.environ.get(ENV_LOCK_TIMEOUT)
    if not value:
        return DEFAULT_LOCK_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if seconds < 0:
        raise ConfigError(f"${ENV_LOCK_TIMEOUT} is {value!r}, not a number of seconds",
                          hint="e.g. 30")
    return seconds


def resolve_db_url(db: str | os.PathLike | None = None) -> str:
    """The database URL to use: ``db`` (a path or URL), else $TALENTFLOW_DB, else the default.

    A value containing ``://`` is an SQLAlchemy URL; anything else is an SQLite file path.
    ``postgres://`` and ``postgresql://`` (what hosting services hand out) mean the psycopg
    driver, the one talentflow installs.
    """
    value = os.fspath(db) if db is not None else os.environ.get(ENV_DB) or None
    if value is None:
        value = os.fspath(default_db_path())
    if value.startswith(_PG_SCHEMES):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if "://" in value:
        return value
    path = Path(value).expanduser()
    if path.is_dir():
        raise ConfigError(f"{value} is a directory, not a database file",
                          hint="give a file path such as talentflow.db", item=value)
    return f"sqlite:///{path.resolve()}"


def missing_sqlite_file(url: str) -> Path | None:
    """The file an SQLite ``url`` names when it does not exist yet (opening would create
    it empty), else None: an existing file, :memory: or another database."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    path = Path(parsed.database)
    return None if path.exists() else path


def display_url(url: str) -> str:
    """The URL without its password, for messages and `talentflow info`."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def create_store_engine(url: str, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Engine:
    """An engine configured for the store's transaction discipline."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise ConfigError(f"not a database URL: {url}",
                          hint="use a file path or postgresql+psycopg://user@host/db") from error
    try:
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(parsed, lock_timeout)
        if parsed.get_backend_name() == "postgresql":
            engine = create_engine(parsed, pool_pre_ping=True,
                                   connect_args={"connect_timeout": max(1, int(lock_timeout))})
            return engine.execution_options(talentflow_lock_timeout=lock_timeout)
    except NoSuchModuleError as error:
        raise ConfigError(f"no database driver for {display_url(url)}",
                          hint="use sqlite or postgresql+psycopg URLs") from error
    raise ConfigError(f"unsupported database {parsed.get_backend_name()!r}",
                      hint="talentflow supports SQLite files and PostgreSQL", item=display_url(url))


def _sqlite_engine(parsed, lock_timeout: float) -> Engine:
    database = parsed.database
    if database and database != ":memory:":
        folder = Path(database).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ConfigError(f"cannot create the folder {folder}: "
                              f"{error.strerror or error}", item=database,
                              hint="give --db a path in a folder you can write") from None
    engine = create_engine(parsed, connect_args={"timeout": lock_timeout})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin (see _on_begin).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(lock_timeout * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if database and database != ":memory:":
            # WAL lets readers go on while one article is being written.
            _switch_to_wal(cursor, lock_timeout)
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # Writers take the lock up front: upgrading a read transaction later can fail
        # at once in WAL mode instead of waiting for the busy timeout.
        mode = "IMMEDIATE" if connection.get_execution_options().get("talentflow_write") else ""
        connection.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


def _switch_to_wal(cursor, lock_timeout: float) -> None:
    """Turn WAL on once per database file.

    Switching needs an exclusive lock and SQLite reports a busy database at once
    instead of waiting, so writers opening a new file together retry until the timeout.
    """
    deadline = time.monotonic() + lock_timeout
    while cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        try:
            # A busy database may also leave the mode unchanged without an error.
            cursor.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
        if time.monotonic() > deadline:
            return  # rollback-journal mode: slower for concurrent readers, still correct
        time.sleep(0.01)


def translate_error(error: BaseException, url: str) -> StoreError | None:
    """The talentflow error a database error means, or None for a genuine bug."""
    if not isinstance(error, DBAPIError):
        return None
    message = str(getattr(error, "orig", error)).strip().splitlines()[0] if str(error) else ""
    where = display_url(url)
    if ("database is locked" in message or "database table is locked" in message
            or "lock timeout" in message):
        return StoreLockedError("the database is locked by another process", item=where,
                                hint=LOCK_HINT)
    if "readonly database" in message or "read-only" in message \
            or "permission denied" in message.lower():
        return StoreReadOnlyError(f"the database cannot be written: {message}", item=where,
                                  hint="check the permissions of the file and its folder, "
                                       "or the database role's rights")
    if "file is not a database" in message or "disk image is malformed" in message:
        return StoreError(f"not a talentflow database: {message}", item=where,
                          hint="give --db a new file name or an existing talentflow store")
    if isinstance(error, OperationalError):
        if where.startswith("sqlite"):
            return StoreError(f"cannot use the database: {message}", item=where,
                              hint="check the file path and its permissions")
        if "does not exist" in message or "authentication failed" in message:
            # The server answered: the address is right, the user or database is not.
            return StoreUnavailableError(
                f"the database server refused the connection: {message}", item=where,
                hint="create the role and database (createuser NAME; createdb -O NAME DB) "
                     "or fix the user, password and database name in the URL")
        return StoreUnavailableError(
            f"cannot reach the database server: {message}", item=where,
            hint="is PostgreSQL running? scripts/services.sh starts a local one")
    return None


@contextmanager
def translated(url: str) -> Iterator[None]:
    """Turn driver errors into the talentflow error tree, keeping the cause."""
    try:
        yield
    except DBAPIError as error:
        mapped = translate_error(error, url)
        if mapped is None:
            raise
        raise mapped from error


@contextmanager
def write_transaction(engine: Engine, url: str) -> Iterator[Connection]:
    """One all-or-nothing write holding the store's write lock."""
    with translated(url):
        with engine.connect() as connection:
            connection.execution_options(talentflow_write=True)
            with connection.begin():
                if not is_sqlite(engine):
                    # Wait for another writer as long as SQLite would, then StoreLockedError.
                    timeout = connection.get_execution_options().get(
                        "talentflow_lock_timeout", DEFAULT_LOCK_TIMEOUT)
                    connection.exec_driver_sql(
                        f"SET LOCAL lock_timeout = '{int(timeout * 1000)}ms'")
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                       {"key": _PG_WRITE_LOCK})
                    connection.exec_driver_sql("SET LOCAL lock_timeout = 0")
                yield connection


@contextmanager
def read_connection(engine: Engine, url: str) -> Iterator[Connection]:
    """A connection in a plain (non-locking) transaction for reads."""
    with translated(url):
        with engine.connect() as connection:
            with connection.begin():
                yield connection
