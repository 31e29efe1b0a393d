"""Every English test needs the English pipeline: build it once, before the first test runs."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def _english_pipeline_loaded(en_nlp):
    """Uses the session-wide ``en_nlp`` fixture of tests/conftest.py."""
    return en_nlp
