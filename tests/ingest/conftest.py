"""Fixtures for the readers: a loopback HTTP server and fetch settings short enough for tests."""
from __future__ import annotations

import pytest

from talentflow.ingest.fetch import FetchPolicy
from helpers.http_server import LoopbackServer  # tests/ is on sys.path (rootdir conftest)


@pytest.fixture(scope="module")
def server():
    with LoopbackServer(slow_seconds=2.0, flaky_failures=1) as running:
        yield running


@pytest.fixture
def policy() -> FetchPolicy:
    # Short timeouts and no real waiting between retries: tests must not sleep for nothing.
    return FetchPolicy(connect_timeout=1.0, read_timeout=0.5, retries=2, backoff=0.01,
                       max_bytes=1_000_000, max_redirects=3)
