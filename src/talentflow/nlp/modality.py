"""Mark triggers that do not report a real move: negation, rumours, threats, plans, offers.

"menace de rejoindre", "aurait refusé", "pourrait être nommé", "n'a pas quitté",
"selon des rumeurs" all leave ``doc._.tf_blocked[trigger start] = cue`` so the argument
finder skips them. Cues come from the pack: governing lemmas, nearby lemmas, the
conditional mood, negation, and surface phrases earlier in the sentence.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from talentflow.nlp import extensions  # noqa: F401  (registers Doc attributes)
from talentflow.nlp.extensions import TRIGGERS
from talentflow.nlp.lang import LEAVE, get_pack
from talentflow.nlp.move_cues import candidacy_cue, order_cue, record_cue, thing_object_cue

_WINDOW_BEFORE = 5
_OBJECT_CHARS = 5  # "joined the", "joins in the": where a verb's object starts
_ANCESTOR_DEPTH = 3


@Language.factory("talentflow_modality")
def make_modality(nlp: Language, name: str) -> "Modality":
    return Modality(nlp.lang)


class Modality:
    def __init__(self, lang: str):
        self.pack = get_pack(lang)

    def __call__(self, doc: Doc) -> Doc:
        blocked: dict[int, str] = {}
        for trigger in doc.spans.get(TRIGGERS, []):
            cue = self.cue_for(trigger)
            if cue:
                blocked[trigger.start] = cue
        doc._.tf_blocked = blocked
        return doc

    def cue_for(self, trigger: Span) -> str | None:
        """The word or phrase that makes this trigger non-factual, or None."""
        doc = trigger.doc
        sent = trigger.sent
        root = trigger[0]
        if _conditional(root):
            return "conditional"
        for child in root.children:
            if child.dep_.startswith("aux") and _conditional(child):
                return "conditional"
        if _attributive_departure(trigger):
            return "attributive"
        cue = record_cue(trigger, self.pack) or candidacy_cue(sent, self.pack) \
            or order_cue(trigger, self.pack) or (
            thing_object_cue(trigger, self.pack) if self.pack.thing_objects else None)
        if cue:
            return cue
        lemmas = self.pack.modality_lemmas
        asides = self._asides(trigger)
        head = root
        for _ in range(_ANCESTOR_DEPTH):
            if head.head is head or self._factual_clause(head):
                break
            if head.dep_ == "compound" and head.head.lemma_.lower() in self.pack.document_nouns:
                head = head.head  # "a resignation request" is the resignation filed
                continue
            head = head.head
            if head.i in asides:
                break
            if head.lemma_.lower() in lemmas or head.lower_ in lemmas or _conditional(head):
                return head.text
            for child in head.children:
                if child.dep_.startswith("aux") and _conditional(child):
                    return "conditional"
        start = max(sent.start, trigger.start - _WINDOW_BEFORE)
        reported = self._reported_future(trigger)
        for token in doc[start:trigger.start]:
            if token.ent_type_ == "PER":
                continue  # a name is no cue ("Nora May retired")
            if reported and token.lower_ == self.pack.reported_future_aux:
                continue
            if token.i in asides:
                continue
            if token.lemma_.lower() in lemmas or token.lower_ in lemmas:
                return token.text
        for token in doc[trigger.end:min(sent.end, trigger.end + 3)]:
            if token.lower_ in self.pack.after_cues:
                return token.text
        # slices of the sentence, not doc.text, which rebuilds the whole article on each access
        sent_text = sent.text
        after = sent_text[trigger.end_char - sent.start_char:][:40].lower()
        for phrase in self.pack.after_phrases:
            at = after.find(phrase)
            # a group's doing ("joined the protest") only as the verb's own object, not
            # further on ("resigns, bowing to the protesters' demands")
            if at >= 0 and (at <= _OBJECT_CHARS or not phrase.startswith("the ")):
                return phrase
        if self._negated(trigger):
            return "negation"
        before = sent_text[:trigger.start_char - sent.start_char].lower()
        for i in sorted(asides, reverse=True):  # blank the asides out, keeping offsets
            start_char = doc[i].idx - sent.start_char
            before = before[:start_char] + " " * len(doc[i]) + before[start_char + len(doc[i]):]
        for phrase in self.pack.modality_phrases:
            if phrase in before and not (reported and phrase == reported):
                return phrase
        return None

    def _reported_future(self, trigger: Span) -> str | None:
        """"Acme said that X would step down in March": an announcement, not a hypothesis.

        The pack's future-in-the-past auxiliary of a trigger whose clause a reporting verb
        governs; returns the phrase that cue would otherwise match.
        """
        aux = self.pack.reported_future_aux
        if not aux:
            return None
        root = trigger[0]
        if not any(c.lower_ == aux and c.dep_.startswith("aux") for c in root.children):
            return None
        head = root.head
        if root.dep_ in ("ccomp", "ccomp:obj") and head.lemma_.lower() in self.pack.reporting_lemmas:
            return aux + " "
        return None

    def _asides(self, trigger: Span) -> set[int]:
        """Tokens of relative clauses set off by commas before the trigger ("X, qui veut
        trouver un successeur, quitte Y"): a cue there is about that clause, not the move.
        Read off the commas, because the parser often hangs the main verb inside them."""
        doc = trigger.doc
        inside: set[int] = set()
        i = trigger.sent.start
        while i < trigger.start - 1:
            if doc[i].text == "," and doc[i + 1].lower_ in self.pack.relative_pronouns:
                close = next((j for j in range(i + 2, trigger.start) if doc[j].text == ","),
                             None)
                if close is None:
                    break
                inside.update(range(i, close + 1))
                i = close
            i += 1
        return inside

    def _factual_clause(self, token: Token) -> bool:
        """The token heads a temporal clause ("until she was dismissed"): what governs it
        ("had hoped to expand ... until") does not make it less of a fact."""
        return token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in self.pack.factual_clause_marks for c in token.children)

    def _negated(self, trigger: Span) -> bool:
        doc = trigger.doc
        sent = trigger.sent
        window = doc[max(sent.start, trigger.start - 4):min(sent.end, trigger.end + 2)]
        has_particle = any(t.lower_ in self.pack.negation_particles for t in window
                           if t.i < trigger.start)
        has_word = any(t.lower_ in self.pack.negation_words for t in window)
        return has_particle and has_word


def _conditional(token: Token) -> bool:
    return "Cnd" in token.morph.get("Mood")


_NAME_WINDOW = 6


def _attributive_departure(trigger: Span) -> bool:
    """"a march by friends of the ousted prime minister X": a departure
    word standing as an adjective on the title of someone only named as whose supporters,
    family or party these are is a description of that person, not the news (GOLD.md: a
    bare description of a position is no move). Only departures ("the newly appointed
    minister X" is a recent appointment, which counts), and only a person hanging on a
    preposition: "the court charges the dismissed minister X" may well be the article's
    own story."""
    root = trigger[0]
    if trigger.label_ != LEAVE or len(trigger) != 1 or root.dep_ != "amod":
        return False
    title = root.head
    if title.i <= root.i or title.pos_ not in ("NOUN", "PROPN"):
        return False
    doc = trigger.doc
    # the name right after the title, no verb or comma in between ("ousted X": the name itself)
    name = title if title.ent_type_ == "PER" else None
    for token in doc[title.i + 1:min(trigger.sent.end, title.i + 1 + _NAME_WINDOW)]:
        if name is not None:
            break
        if token.ent_type_ == "PER":
            name = token
            break
        if token.pos_ in ("VERB", "AUX") or token.is_punct:
            return False
    if name is None:
        return False
    end = name.i
    while end + 1 < trigger.sent.end and doc[end + 1].ent_type_ == "PER":
        end += 1
    phrase = range(root.i, end + 1)
    # the head of "ousted prime minister X", wherever the parser put it
    head = next((t for t in doc[root.i:end + 1] if t.head.i not in phrase), None)
    if head is None:
        return False
    return head.dep_ == "pobj" and head.head.head.pos_ in ("NOUN", "PROPN")
