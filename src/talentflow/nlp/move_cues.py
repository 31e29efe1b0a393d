"""Parse-based cues that a move trigger reports no move, read by ``talentflow_modality``.

Two shapes that read as moves to the trigger lexicon but are not (GOLD.md: a record, a
court's ruling, a person merely holding a post):

- a record: "X becomes the first serving governor to be indicted", "the first leader to
  visit Y". The infinitive after the ordinal says what X is first to do; only doing a post
  ("the first woman to lead Y", "to serve as", "to be elected") is a move.
- a candidacy anywhere in the sentence: "X emerged as a contender, joining Y and Z as
  potential candidates", "why he joined the party, what his role as presidential nominee
  entails" (GOLD.md: a candidacy or a campaign is no move; the cue before the trigger is
  the pack's modality phrases, this one reads the whole sentence).
- a departure verb whose object is a thing, not a person: "the judge dismisses the
  charges", "the court dismisses the motion", "the bank must remove its investments".
  People, titles and governments are what a dismissal removes from a post.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from talentflow.nlp.lang import LEAVE, LanguagePack, read_lines

# how far past the trigger the "to" of "the first X to do" may stand
_RECORD_WINDOW = 14


@lru_cache(maxsize=4)
def _title_words(roles_file: str) -> frozenset[str]:
    return frozenset(w for line in read_lines(Path(roles_file)) for w in line.lower().split())


def record_cue(trigger: Span, pack: LanguagePack) -> str | None:
    """"becomes the first X to <verb>" where the verb is not taking up a post."""
    root = trigger[0]
    if root.lemma_.lower() not in pack.record_verbs:
        return None
    doc = trigger.doc
    sent_end = trigger.sent.end
    ranked = False
    for token in doc[root.i + 1:min(sent_end, root.i + _RECORD_WINDOW)]:
        if token.text in (",", ";", ":", "(") or token.dep_ in ("ROOT", "ccomp", "conj"):
            return None
        if token.lower_ in pack.record_ranks or token.tag_ == "JJS":
            ranked = True
            continue
        if token.lower_ == "to" and token.tag_ == "TO":
            if not ranked:
                return None
            verb = token.head
            if verb.dep_ in ("aux", "auxpass"):  # "to be elected" hung from "be"
                verb = verb.head
            if verb.pos_ not in ("VERB", "AUX") or verb.i < token.i:
                return None
            # "the first mayor to be re-elected twice": a record of the same post kept
            # (the parser may split "re-elected" and take "re" for the verb)
            again = verb.lower_ == "re" or (
                verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "re")
            if verb.lemma_.lower() in pack.record_post_verbs and not again:
                return None
            return "record:" + verb.lemma_.lower()
    return None


def thing_object_cue(trigger: Span, pack: LanguagePack) -> str | None:
    """An active departure verb ("dismiss", "remove") whose direct object is a common noun
    that is neither a title nor a government: a charge, a case, a motion, an investment."""
    root = trigger[0]
    if trigger.label_ != LEAVE or len(trigger) != 1 or root.pos_ != "VERB":
        return None
    if root.lemma_.lower() not in pack.agent_verbs:
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass", "nsubj:pass", "aux:pass") for c in root.children):
        return None
    obj = next((c for c in root.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None or not _is_thing(obj, pack):
        return None
    return "object:" + obj.lemma_.lower()


def _is_thing(obj: Token, pack: LanguagePack) -> bool:
    if obj.pos_ != "NOUN" or obj.ent_type_:
        return False
    lemma = obj.lemma_.lower()
    if lemma in pack.government_words or obj.lower_ in pack.government_words:
        return False
    titles = _title_words(str(pack.files["roles"]))
    if lemma in titles or obj.lower_ in titles:
        return False
    # "fired its chief executive, X": a name beside the object; a name behind a
    # preposition ("the charges against X") is the thing's, not the object itself
    return not any(t.ent_type_ == "PER" and not _behind_preposition(t, obj)
                   for t in obj.subtree)


def _behind_preposition(token: Token, top: Token) -> bool:
    # spaCy makes a new Token object on each access: compare positions, not identities
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ in ("prep", "pobj"):
            return True
        token = token.head
    return False


def candidacy_cue(sent: Span, pack: LanguagePack) -> str | None:
    """A phrase of candidacy anywhere in the sentence ("running mate", "candidates")."""
    if not pack.candidacy_phrases:
        return None
    text = sent.text.lower()
    return next((p for p in pack.candidacy_phrases if p in text), None)


def order_cue(trigger: Span, pack: LanguagePack) -> str | None:
    """"tells X to resign", "an ultimatum to step down by Friday": an infinitive move
    someone is told or ordered to make has not happened (GOLD.md: threats and demands
    are no move); a move told of ("told staff she is leaving") is no infinitive."""
    root = trigger[0]
    if not pack.order_lemmas or not any(c.lower_ == "to" and c.dep_ == "aux"
                                        for c in root.children):
        return None
    head = root.head
    if head.i != root.i and head.lemma_.lower() in pack.order_lemmas:
        return head.text
    return None
