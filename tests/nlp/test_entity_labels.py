"""Employers the NER does not know: invented company names in the slots only an
organisation fills (real models; the French one reads unknown companies as people)."""
from __future__ import annotations

import pytest

from .en import helpers as en
from .helpers import assert_evidence, move_of, run

pytestmark = pytest.mark.model


@pytest.fixture(autouse=True)
def _models(fr_nlp, en_nlp):
    """Both real pipelines, loaded once per session."""


@pytest.mark.parametrize("text, person, sides, role", [
    ("Lucie Marchetti quitte Quill Systems pour rejoindre Vantor au poste de directrice "
     "financière.", "Lucie Marchetti", ("Quill Systems", "Vantor"), "directrice financière"),
    ("Vantor a recruté Lucie Marchetti, jusqu'ici directrice financière de Quill Systems.",
     "Lucie Marchetti", ("Quill Systems", "Vantor"), "directrice financière"),
    ("Kalmio annonce l'arrivée de Tom Verhoeven au poste de directeur commercial.",
     "Tom Verhoeven", (None, "Kalmio"), "directeur commercial"),
    ("Tom Verhoeven a démissionné de son poste de directeur général de Kalmio.",
     "Tom Verhoeven", ("Kalmio", None), "directeur général"),
])
def test_french_unknown_company_in_an_employer_slot(text, person, sides, role):
    move = move_of(run(text), person)
    assert (move.from_org, move.to_org) == sides
    assert move.role == role
    assert_evidence(text, move, person)


def test_french_generic_noun_before_an_unknown_name_makes_it_a_company():
    text = "La start-up Brenva débauche Tom Verhoeven pour piloter sa recherche."
    move = move_of(run(text), "Tom Verhoeven")
    assert move.to_org == "Brenva"


def test_a_person_named_in_full_stays_a_person_in_an_employer_slot():
    text = ("Nadia Ferrand a fondé l'atelier.\n"
            "Tom Verhoeven rejoint Ferrand Design, dirigé par Ferrand depuis 2010.")
    result = run(text)
    assert all(m.person != "Ferrand" and m.to_org != "Ferrand" for m in result.moves)


@pytest.mark.parametrize("text, person, sides, role", [
    ("Vantor has hired Lucie Marchetti as chief financial officer.",
     "Lucie Marchetti", (None, "Vantor"), "chief financial officer"),
    ("Lucie Marchetti is leaving Quill Systems to join Vantor as CFO.",
     "Lucie Marchetti", ("Quill Systems", "Vantor"), "CFO"),
])
def test_english_unknown_company_as_the_hirer_or_destination(text, person, sides, role):
    move = en.move_of(en.run(text), person)
    assert (move.from_org, move.to_org) == sides
    assert move.role == role
    en.assert_evidence(text, move, person)


def test_english_words_that_lead_to_people_do_not_make_a_name_a_company():
    text = ("The podcast for The Maddie and Joe Hour, which replaced a morning show hosted by "
            "Joe Brennan, moved to a new studio.")
    assert all(m.to_org != "Maddie" for m in en.run(text).moves)


@pytest.mark.parametrize("text, person, sides", [
    ("Tom Verhoeven prend la tête de Kalmio, où il succède à Lucie Marchetti.",
     "Tom Verhoeven", (None, "Kalmio")),
    ("Le groupe Vantor a nommé Lucie Marchetti à la présidence de son conseil d'administration.",
     "Lucie Marchetti", (None, "Vantor")),
    ("Tom Verhoeven est parti chez Kalmio.", "Tom Verhoeven", (None, "Kalmio")),
    ("Lucie Marchetti claque la porte de Vantor après trois ans.",
     "Lucie Marchetti", ("Vantor", None)),
])
def test_french_unknown_company_headed_joined_or_left(text, person, sides):
    move = move_of(run(text), person)
    assert (move.from_org, move.to_org) == sides
    assert_evidence(text, move, person)


def test_a_glued_ex_title_is_the_past_post_not_the_new_one():
    text = "L'ex-PDG de Renault, Lucie Marchetti, rejoint Kalmio."
    move = move_of(run(text), "Lucie Marchetti")
    assert (move.from_org, move.to_org) == ("Renault", "Kalmio")
    assert move.role is None


def test_a_former_minister_keeps_the_portfolio_in_the_title():
    text = ("L'ex-ministre de la Culture Lucie Marchetti a été nommée mardi présidente de "
            "la fondation Arvella.")
    move = move_of(run(text), "Lucie Marchetti")
    assert move.from_org is None


def test_english_the_helm_of_an_unknown_company_read_as_a_person():
    text = "Lucie Marchetti takes the helm of Vantor after Tom Verhoeven stepped down."
    result = en.run(text)
    assert en.move_of(result, "Lucie Marchetti").to_org == "Vantor"
    assert en.move_of(result, "Tom Verhoeven").from_org == "Vantor"


def test_english_a_name_in_apposition_to_the_subject_noun_is_the_mover():
    text = "Former Vantor executive Lucie Marchetti is joining Kalmio as president."
    move = en.move_of(en.run(text), "Lucie Marchetti")
    assert move.to_org == "Kalmio"
    assert move.role == "president"
    en.assert_evidence(text, move, "Lucie Marchetti")


@pytest.mark.parametrize("text, person, role", [
    ("Lucie Marchetti rejoindra Vantor le 1er septembre comme directrice des affaires "
     "publiques.", "Lucie Marchetti", "directrice des affaires publiques"),
    ("Tom Verhoeven devient directeur de la stratégie et de l'innovation de Kalmio.",
     "Tom Verhoeven", "directeur de la stratégie et de l'innovation"),
])
def test_a_head_title_takes_its_field_along(text, person, role):
    move = move_of(run(text), person)
    assert move.role == role
    assert text[move.evidence.start:move.evidence.end].find(role) >= 0


def test_the_owner_of_a_long_title_is_not_the_one_moving():
    text = "L'ancienne directrice de campagne de Tom Verhoeven a rejoint Kalmio comme consultante."
    assert not [m for m in run(text).moves if m.person == "Tom Verhoeven"]


def test_the_one_replaced_in_a_passive_succession_leaves():
    text = "Tom Verhoeven a été remplacé à la tête du groupe Kalmio par Lucie Marchetti."
    move = move_of(run(text), "Tom Verhoeven")
    assert (move.from_org, move.to_org) == ("Kalmio", None)


def _tagged(nlp, text, labels):
    """A Doc with the given (words, label) entities set by hand, as the NER might have."""
    from spacy.tokens import Span
    doc = nlp.make_doc(text)
    ents = []
    for words, label in labels:
        start = next(t.i for t in doc if doc[t.i:t.i + len(words.split())].text == words)
        ents.append(Span(doc, start, start + len(words.split()), label=label))
    doc.ents = ents
    return doc


def test_english_name_tagged_as_organisation_among_people_is_a_person(en_nlp):
    repair = en_nlp.get_pipe("talentflow_entity_repair")
    doc = _tagged(en_nlp, "Ana Morel, Tobin Vasquez and Lena Hart resigned on Friday.",
                  [("Ana Morel", "PER"), ("Tobin Vasquez", "ORG"), ("Lena Hart", "PER")])
    assert [e.label_ for e in repair._people_in_slots(doc, list(doc.ents), set())] == \
        ["PER", "PER", "PER"]
    # a comma or an "and" on one side only may join an employer to its person
    doc = _tagged(en_nlp, "Ana Morel, Quill Systems, said Lena Hart and Vantor Labs parted ways.",
                  [("Ana Morel", "PER"), ("Quill Systems", "ORG"), ("Lena Hart", "PER"),
                   ("Vantor Labs", "ORG")])
    assert [e.label_ for e in repair._people_in_slots(doc, list(doc.ents), set())] == \
        ["PER", "ORG", "PER", "ORG"]


def test_english_name_tagged_as_organisation_before_as_a_title_is_a_person(en_nlp):
    repair = en_nlp.get_pipe("talentflow_entity_repair")
    doc = _tagged(en_nlp, "The president appoints Tobin Vasquez as the new prime minister.",
                  [("Tobin Vasquez", "ORG")])
    title = next(t.i for t in doc if t.text == "prime")
    assert repair._people_in_slots(doc, list(doc.ents), {title})[0].label_ == "PER"
    doc = _tagged(en_nlp, "Tobin Vasquez is sworn in on Monday.", [("Tobin Vasquez", "LOC")])
    assert repair._people_in_slots(doc, list(doc.ents), set())[0].label_ == "PER"


def test_english_subject_of_a_personal_passive_is_a_person(en_nlp):
    # the passive is matched on its form: the lemmatizer makes "elected" "elect"
    repair = en_nlp.get_pipe("talentflow_entity_repair")
    doc = _tagged(en_nlp, "On Sunday, Tomas Vikander was elected.", [])
    assert [(e.text, e.label_) for e in repair._personal_subjects(doc, list(doc.ents))] == \
        [("Tomas Vikander", "PER")]
    # a surname ending like a nationality ("-i") is still a name
    doc = _tagged(en_nlp, "Lena Hart and Dario Morandi are sworn in on Monday.",
                  [("Lena Hart", "PER"), ("Dario Morandi", "LOC")])
    assert [e.label_ for e in repair._people_in_slots(doc, list(doc.ents), set())] == \
        ["PER", "PER"]


def test_english_name_given_a_post_by_an_appointing_verb_is_a_person(en_nlp):
    repair = en_nlp.get_pipe("talentflow_entity_repair")
    doc = _tagged(en_nlp, "The president appoints Jorim Talvek as his successor.", [])
    assert [(e.text, e.label_) for e in repair._appointed_names(doc, list(doc.ents))] == \
        [("Jorim Talvek", "PER")]
    doc = _tagged(en_nlp, "The council named Ines Caradec Morel, a former judge, on Friday.",
                  [("Ines Caradec Morel", "ORG")])
    assert [e.label_ for e in repair._appointed_names(doc, list(doc.ents))] == ["PER"]
    # a longer capitalised run is an organisation's name, and a club is signed
    doc = _tagged(en_nlp, "The club signed Tavo Brenlund Rovers Academy.", [])
    assert repair._appointed_names(doc, list(doc.ents)) == []


def test_english_name_apposed_after_a_title_phrase_is_its_holder(en_nlp):
    from spacy.tokens import Span
    repair = en_nlp.get_pipe("talentflow_entity_repair")
    doc = en_nlp("The new head of the bank, Pietro Vancelli, plans to cut costs.")
    start = next(t.i for t in doc if t.text == "Pietro")
    doc.ents = [Span(doc, start, start + 2, label="LOC")]
    head = next(t.i for t in doc if t.text == "head")
    assert repair._apposed_after_title(doc, doc.ents[0], {head}).label_ == "PER"
    # a verb between the title and the name: the name is no apposition
    doc = en_nlp("The head resigned, Pietro Vancelli, said on Friday.")
    start = next(t.i for t in doc if t.text == "Pietro")
    doc.ents = [Span(doc, start, start + 2, label="LOC")]
    head = next(t.i for t in doc if t.text == "head")
    assert repair._apposed_after_title(doc, doc.ents[0], {head}).label_ == "LOC"


def test_french_nationality_noun_opening_a_name_is_split_off(fr_nlp):
    # "le Ghanéen Kofi Mensah" read as one organisation: the name after it is a person
    repair = fr_nlp.get_pipe("talentflow_person_repair")
    doc = _tagged(fr_nlp, "Le Ghanéen Kofi Mensah a rejoint le club.",
                  [("Ghanéen Kofi Mensah", "ORG")])
    assert [(e.text, e.label_) for e in repair._nationality_then_name(doc.ents[0])] == \
        [("Ghanéen", "MISC"), ("Kofi Mensah", "PER")]
    doc = _tagged(fr_nlp, "Le Ghanéen Vantor Holdings a recruté.",
                  [("Ghanéen Vantor Holdings", "ORG")])
    assert repair._nationality_then_name(doc.ents[0]) is None
