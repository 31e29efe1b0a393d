"""A ``store`` fixture over both backends (builders of test articles are in builders.py).

PostgreSQL: each store gets its own throwaway database on the server named by
TALENTFLOW_TEST_PG_URL (scripts/services.sh starts one and writes .ci/test-env.sh).
Without the variable the PostgreSQL cases skip locally, but fail in CI (CI=true), where
a missing server is a broken build, not an optional extra.
"""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from talentflow.store import open_store



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
