"""Who appoints rather than moves: the person a move sentence names as the one who acts.

"The president, X, dismisses the prime minister", "the secretary-general X appoints Y as
head of the mission", "a deputy prime minister in X's government": X makes or owns the
change, the move is Y's. The move model reads this as a feature of the person's mention
(``p_appointer``), and a learned move whose reporting mention is such a person is dropped
(:func:`talentflow.nlp.move_model.combine_with_rules`): the rules already read the
grammar of their own triggers ("hired by", the object of "appoint").
"""
from __future__ import annotations

from spacy.tokens import Token

from talentflow.nlp.lang import LanguagePack

APPOINTER = "p_appointer"
FOUNDER = "p_founder_agent"
_SUBJECTS = ("nsubj", "nsubj:obj")
_OBJECTS = ("dobj", "obj")


def appointer_features(head: Token, pack: LanguagePack) -> list[str]:
    """``p_appointer`` when the mention whose head is ``head`` acts on someone else's move:
    the active subject of an appointing or dismissing verb that has an object, or the owner
    of a government ("X's government", "the X administration")."""
    if not pack.appointer_cues:
        return []
    token = head
    while token.dep_ == "appos" and token.head.i != token.i:  # "the president, X, appoints"
        token = token.head
        # "the president of Veska, X": the parser hangs the name on the place
        if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ == "NOUN":
            token = token.head.head
    verb = token.head
    if token.dep_ in _SUBJECTS and verb.lemma_.lower() in pack.agent_verbs \
            and any(c.dep_ in _OBJECTS for c in verb.children) \
            and not any(c.dep_ in ("auxpass", "aux:pass") for c in verb.children):
        return [APPOINTER, "p_appointer=subject"]
    # "X's government", "the X administration"
    if token.dep_ in ("poss", "compound") and verb.lower_ in pack.government_words:
        return [APPOINTER, "p_appointer=owner"]
    return []


def founder_features(head: Token, pack: LanguagePack) -> list[str]:
    """``p_founder_agent`` for the agent of a founding verb ("la société fondée par X",
    "the lab founded by X"): X made the organisation, the sentence's move is someone
    else's (a wave of departures from "the company founded by X" is not X's)."""
    if head.dep_ == "obl:agent":
        verb = head.head
    elif head.dep_ == "pobj" and head.head.dep_ == "agent":
        verb = head.head.head
    else:
        return []
    return [FOUNDER] if verb.lemma_.lower() in pack.founding_verbs else []
