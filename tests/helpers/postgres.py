"""Throwaway PostgreSQL databases on the test server that scripts/services.sh starts.

Its URL comes from TALENTFLOW_TEST_PG_URL (written to .ci/test-env.sh). Without it the
PostgreSQL cases skip locally, but fail in CI (CI=true), where a missing server is a
broken build, not an optional extra.
"""
from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PG_ENV = "TALENTFLOW_TEST_PG_URL"


def pg_server_url_or_skip() -> str:
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
        name = f"tf_test_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        self.names.append(name)
        return self.server.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        with self.admin.connect() as conn:
            for name in self.names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()
