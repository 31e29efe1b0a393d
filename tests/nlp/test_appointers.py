"""Who acts on a move rather than moves: the founder named as a founding verb's agent
(invented sentences, real models)."""
from __future__ import annotations

import pytest

from talentflow.nlp.appointers import FOUNDER, founder_features
from talentflow.nlp.lang import get_pack
from talentflow.nlp.move_features import PairCandidate, PairGroup
from talentflow.nlp.move_model import _founder_only

pytestmark = pytest.mark.model


def _head(doc, name: str):
    span = next(e for e in doc.ents if e.text == name)
    return span.root


def test_the_agent_of_a_french_founding_verb_is_a_founder(fr_nlp):
    doc = fr_nlp("Les départs se multiplient chez la start-up fondée par Inès Kader.")
    assert founder_features(_head(doc, "Inès Kader"), get_pack("fr")) == [FOUNDER]


def test_the_agent_of_an_english_founding_verb_is_a_founder(en_nlp):
    doc = en_nlp("Departures are piling up at the lab founded by Tom Reyes.")
    assert founder_features(_head(doc, "Tom Reyes"), get_pack("en")) == [FOUNDER]


def test_the_subject_of_a_move_is_no_founder(fr_nlp):
    doc = fr_nlp("Inès Kader a quitté la start-up en mars.")
    assert founder_features(_head(doc, "Inès Kader"), get_pack("fr")) == []


def _candidate(features):
    return PairCandidate(person="Inès Kader", org="Lumora", sent_start=0, sent_end=10,
                         person_token=0, org_token=3, trigger_char=0, role=None,
                         features=features)


def test_a_person_only_named_as_founder_gets_no_learned_move():
    founder = PairGroup(person="Inès Kader", org="Lumora", features=[],
                        candidates=[_candidate(["bias_scope=far", FOUNDER])])
    mover = PairGroup(person="Inès Kader", org="Lumora", features=[],
                      candidates=[_candidate(["bias_scope=far", FOUNDER]),
                                  _candidate(["bias_scope=same"])])
    assert _founder_only(founder) and not _founder_only(mover)
