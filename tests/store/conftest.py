"""A ``store`` fixture over both backends (builders of test articles are in builders.py).

PostgreSQL: each store gets its own throwaway database on the server named by
TALENTFLOW_TEST_PG_URL (scripts/services.sh starts one and writes .ci/test-env.sh).
Without the variable the PostgreSQL cases skip locally, but fail in CI (CI=true), where
a missing server is a broken build, not an optional extra.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from talentflow.store import open_store

PG_ENV = "TALENTFLOW_TEST_PG_URL"


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        message = f"{PG_ENV} is not set: run scripts/services.sh and source .ci/test-env.sh"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return url


class PgDatabases:
    """Creates throwaway databases on the test server and drops them at session end."""

    def __init__(self, server_url: str):
        self.server = make_url(server_url)
        self.admin = create_engine(self.server, isolation_level="AUTOCOMMIT")
        self.names: list[str] = []

    def create(self) -> str:
        name = f"tf_store_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        self.names.append(name)
        return self.server.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        with self.admin.connect() as conn:
            for name in self.names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


@pytest.fixture(scope="session")
def pg_databases(pg_server_url) -> Iterator[PgDatabases]:
    databases = PgDatabases(pg_server_url)
    yield databases
    databases.drop_all()


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path_factory) -> str:
    """URL (or SQLite path) of a new, empty store on each backend."""
    if request.param == "sqlite":
        return str(tmp_path_factory.mktemp("store") / "talentflow.db")
    return request.getfixturevalue("pg_databases").create()


@pytest.fixture
def store(store_url) -> Iterator:
    with open_store(store_url) as opened:
        yield opened
