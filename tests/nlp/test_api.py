"""The public API: language choice, streaming order, one bad article never stops a batch."""
from __future__ import annotations

import dataclasses

import pytest

from talentflow.core import Article, Extraction, TalentflowError
from talentflow.core.errors import (ExtractionError, ModelNotInstalledError,
                                    UnsupportedLanguageError)
from talentflow.nlp import api, extract, extract_many, pipeline_language, supported_languages
from talentflow.nlp import pipeline as pipeline_module
from talentflow.nlp.lang import get_pack


def test_french_is_supported_and_the_default():
    assert "fr" in supported_languages()
    assert pipeline_language(Article(id="a", text="x", lang=None)) == "fr"
    assert pipeline_language(Article(id="a", text="x", lang="FR")) == "fr"


def test_an_unsupported_language_is_an_input_error_naming_the_article():
    with pytest.raises(UnsupportedLanguageError) as caught:
        pipeline_language(Article(id="art-7", text="x", lang="de"))
    assert caught.value.item == "art-7"
    assert caught.value.to_dict()["error"]["code"] == "TF220"


def test_a_missing_model_raises_with_an_install_hint(monkeypatch):
    missing = dataclasses.replace(get_pack("fr"), model="xx_talentflow_not_installed")
    monkeypatch.setattr(pipeline_module, "get_pack", lambda lang: missing)
    with pytest.raises(ModelNotInstalledError) as caught:
        pipeline_module.load_bare_model("fr")
    assert caught.value.hint and "install" in caught.value.hint


@pytest.mark.model
def test_pipeline_is_loaded_once(fr_nlp):
    assert pipeline_module.load_pipeline("fr") is fr_nlp
    assert fr_nlp.pipe_names[-1] == "talentflow_quotes"


@pytest.mark.model
def test_extract_many_keeps_order_and_isolates_failures(fr_nlp, monkeypatch):
    real_convert = api.doc_to_extraction

    def convert(doc, article, lang):
        if article.id == "boom":
            raise RuntimeError("converter exploded")
        return real_convert(doc, article, lang)

    monkeypatch.setattr(api, "doc_to_extraction", convert)
    articles = [Article(id="one", text="Léa Morel a rejoint Airbus.", lang="fr"),
                Article(id="boom", text="Paul Roux a quitté Renault.", lang="fr"),
                Article(id="de", text="Ein deutscher Satz.", lang="de"),
                Article(id="two", text="Rien ne se passe ici.", lang=None)]
    results = list(extract_many(articles, batch_size=2))
    assert [a.id for a, _ in results] == ["one", "boom", "de", "two"]
    kinds = [type(r) for _, r in results]
    assert kinds[0] is Extraction and kinds[3] is Extraction
    assert isinstance(results[1][1], ExtractionError) and results[1][1].item == "boom"
    assert isinstance(results[2][1], UnsupportedLanguageError)
    assert all(isinstance(r, (Extraction, TalentflowError)) for _, r in results)
    assert results[0][1].moves[0].to_org == "Airbus"


@pytest.mark.model
def test_extract_to_dict_is_the_gold_line_shape(fr_nlp):
    result = extract(Article(id="x1", text="Léa Morel a rejoint Airbus en mars 2023.",
                             lang="fr", date="2023-06-01"))
    line = result.to_dict()
    assert set(line) == {"id", "lang", "moves", "foundings", "investments", "quotes"}
    move = line["moves"][0]
    assert move["person"] == "Léa Morel" and move["to"] == "Airbus" and move["date"] == "2023-03"
    assert 0 <= move["confidence"] <= 1
