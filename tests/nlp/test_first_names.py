"""The first-name gazetteer (Faker's lists) and the names it turns into people, on
invented sentences whose entities are set by hand as the NER might mistype them."""
from __future__ import annotations

from spacy.tokens import Span

from talentflow.nlp.first_names import first_names, is_first_name


def test_first_names_are_built_once_and_keep_no_common_word():
    names = first_names()
    assert first_names() is names  # cached: built once per process
    assert is_first_name("Kofi") and is_first_name("Miriam") and is_first_name("Jean-Luc")
    # countries, stop words and titles are no first names, whatever Faker lists
    assert not any(is_first_name(w) for w in ("France", "Le", "Will", "Saint"))
    # only a capitalised word is a first name
    assert not is_first_name("kofi") and not is_first_name("KOFI")


def _repaired(nlp, text, labels):
    """``text`` through the pipeline, its entities replaced by ``labels`` ((words, label)),
    then the person repair run again: the labels it leaves."""
    doc = nlp(text)
    ents = []
    for words, label in labels:
        size = len(nlp.make_doc(words))
        start = next(t.i for t in doc if doc[t.i:t.i + size].text == words)
        ents.append(Span(doc, start, start + size, label=label))
    doc.ents = ents
    doc = nlp.get_pipe("talentflow_person_repair")(doc)
    return [(e.text, e.label_) for e in doc.ents]


def test_a_first_name_and_surname_typed_org_beside_a_verb_of_saying_is_a_person(fr_nlp):
    text = "« Nous partons demain », a déclaré Kofi Amartey lundi."
    assert _repaired(fr_nlp, text, [("Kofi Amartey", "ORG")]) == [("Kofi Amartey", "PER")]


def test_an_organisation_opening_with_a_first_name_stays_one(fr_nlp):
    # an organisation word in the name
    text = "« Nous partons demain », a déclaré Victoria Holdings lundi."
    assert _repaired(fr_nlp, text, [("Victoria Holdings", "ORG")]) == \
        [("Victoria Holdings", "ORG")]
    # a preposition before it: a thing's name
    text = "Le contrat de Sierra Quelmont a été signé, a-t-il déclaré."
    assert _repaired(fr_nlp, text, [("Sierra Quelmont", "ORG")]) == \
        [("Sierra Quelmont", "ORG")]
    # the article writes the first word in lowercase: a common word there
    text = "La rose fleurit. « Nous partons », a déclaré Rose Quelmont lundi."
    assert _repaired(fr_nlp, text, [("Rose Quelmont", "ORG")]) == [("Rose Quelmont", "ORG")]


def test_an_untagged_first_name_before_a_company_surname_is_one_person(fr_nlp):
    text = "« Le marché ralentit », explique Miriam Dostal, analyste."
    assert _repaired(fr_nlp, text, [("Dostal", "ORG")]) == [("Miriam Dostal", "PER")]


def test_an_organisation_glued_before_a_person_after_a_title_is_split(fr_nlp):
    text = "Le directeur de Quillmark Miriam Dostal a démissionné."
    assert _repaired(fr_nlp, text, [("Quillmark Miriam Dostal", "ORG")]) == \
        [("Quillmark", "ORG"), ("Miriam Dostal", "PER")]
    # no title before it: a place or a body named after a person keeps its whole name
    text = "Le concert aura lieu au Quillmark Miriam Dostal samedi."
    assert _repaired(fr_nlp, text, [("Quillmark Miriam Dostal", "ORG")]) == \
        [("Quillmark Miriam Dostal", "ORG")]


def test_english_first_name_and_surname_anywhere_but_a_street(en_nlp):
    text = "The board met on Monday. Tobin Ardley joined it in May."
    assert _repaired(en_nlp, text, [("Tobin Ardley", "ORG")]) == [("Tobin Ardley", "PER")]
    text = "The board met on Monday at the hall. Tobin Avenue was closed in May."
    assert _repaired(en_nlp, text, [("Tobin Avenue", "LOC")]) == [("Tobin Avenue", "LOC")]
