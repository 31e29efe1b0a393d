"""Extraction of talent moves, foundings and investments from news articles.

    from talentflow.nlp import extract, extract_many, load_pipeline, supported_languages

spaCy types never leave this package: :func:`extract` returns a core ``Extraction``.
"""
from __future__ import annotations

from talentflow.nlp.api import extract, extract_many, pipeline_language
from talentflow.nlp.lang import supported_languages
from talentflow.nlp.pipeline import load_pipeline

__all__ = ["extract", "extract_many", "load_pipeline", "pipeline_language", "supported_languages"]
