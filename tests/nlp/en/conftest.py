"""The English pipeline, loaded once per test session for every English test."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def en_nlp():
    """en_core_web_sm (PyPI republication) + talentflow components, built once."""
    from talentflow.nlp import load_pipeline
    return load_pipeline("en")
