"""Words that signal a move, a founding or an investment, matched by lemma.

Each trigger becomes a span in ``doc.spans["tf_triggers"]`` labelled with its kind
(JOIN, LEAVE, APPOINT, SUCCEED, FOUND, INVEST). The pack lists the lemmas; this
component only compiles them once into one Matcher.
"""
from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from talentflow.nlp.extensions import ROLES, TRIGGERS
from talentflow.nlp.lang import APPOINT, get_pack
from talentflow.nlp.linking import _introduced_post


@Language.factory("talentflow_triggers")
def make_triggers(nlp: Language, name: str) -> "TriggerMatcher":
    return TriggerMatcher(nlp)


class TriggerMatcher:
    def __init__(self, nlp: Language):
        pack = get_pack(nlp.lang)
        self.new_role_adjectives = pack.new_role_adjectives
        self.pack = pack
        self.matcher = Matcher(nlp.vocab)
        # One pattern per kind and word class, with IN-sets: the Matcher's cost grows with
        # the number of patterns, not with the size of their sets.
        by_kind: dict[str, list[list[dict]]] = {}
        verbal = {"IN": ["VERB", "AUX", "ADJ"]}
        nominal = {"IN": ["NOUN", "PROPN", "ADJ"]}
        for kind, lemmas in _group(pack.verb_triggers).items():
            by_kind.setdefault(kind, []).append([{"LEMMA": {"IN": lemmas}, "POS": verbal}])
        # a known verb form the tagger could not place ("X") after an unknown name is the verb
        verb_form = {"IN": ["VERB", "AUX", "ADJ", "X"]}
        for kind, forms in _group(pack.verb_forms).items():
            by_kind.setdefault(kind, []).append([{"LOWER": {"IN": forms}, "POS": verb_form}])
        for kind, lemmas in _group(pack.noun_triggers).items():
            by_kind.setdefault(kind, []).append([{"LEMMA": {"IN": lemmas}, "POS": nominal}])
            # the lemmatizer sometimes leaves plurals or capitalised forms alone
            surface = sorted({w for lemma in lemmas for w in (lemma, lemma + "s")})
            by_kind[kind].append([{"LOWER": {"IN": surface}}])
        for kind, patterns in pack.phrase_triggers.items():
            by_kind.setdefault(kind, []).extend(patterns)
        for kind, patterns in by_kind.items():
            self.matcher.add(kind, patterns)
        self.openers = _Openers.build(nlp, by_kind)

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=match_id)
                 for match_id, start, end in self._matches(doc)]
        # "le nouveau PDG de X", "la nouvelle ministre": a recent appointment
        for role in doc.spans.get(ROLES, []):
            if role.start > 0 and doc[role.start - 1].lower_ in self.new_role_adjectives:
                spans.append(Span(doc, role.start - 1, role.start, label=APPOINT))
        # "accueillir X comme directeur" is an arrival, "accueillir un sommet" is not
        spans = [s for s in spans if s[0].lemma_.lower() not in self.pack.role_bound_verbs
                 or _introduced_post(doc, s, self.pack) is not None]
        # "the Office of Trade Promotion", "the Council Election Board": a capitalised move
        # word inside an organisation's or event's name is part of the name
        spans = [s for s in spans if not (s[0].is_title and s[0].ent_iob_ == "I"
                                          and s[0].ent_type_ in ("ORG", "MISC"))]
        doc.spans[TRIGGERS] = filter_spans(spans)
        return doc

    def _matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The Matcher's cost grows with patterns times tokens, and most tokens start no
        pattern: only a token that can open a pattern is tried, with only the patterns
        it can open, over the longest trigger's reach."""
        if self.openers is None:
            return self.matcher(doc)
        return self.openers.matches(doc)


#: Longest trigger phrase, in tokens ("a signé un contrat de trois ans avec")
_MAX_TRIGGER_TOKENS = 12


class _Openers:
    """One small Matcher per possible first lemma or lower-case form, holding only the
    patterns that can start with it."""

    def __init__(self, by_lemma: dict[str, Matcher], by_lower: dict[str, Matcher],
                 kind_order: dict[int, int], strings):
        self.by_lemma = by_lemma
        self.by_lower = by_lower
        self.kind_order = kind_order
        self.lemma_keys = numpy.array([strings[k] for k in by_lemma], dtype="uint64")
        self.lower_keys = numpy.array([strings[k] for k in by_lower], dtype="uint64")

    @classmethod
    def build(cls, nlp: Language, by_kind: dict[str, list[list[dict]]]) -> "_Openers | None":
        by_lemma: dict[str, dict[str, list[list[dict]]]] = {}
        by_lower: dict[str, dict[str, list[list[dict]]]] = {}
        for kind, patterns in by_kind.items():
            for pattern in patterns:
                keys = _first_token_keys(pattern)
                if keys is None:
                    return None  # a pattern could start anywhere: match whole Docs
                attr, values = keys
                for value in values:
                    (by_lemma if attr == "LEMMA" else by_lower).setdefault(
                        value, {}).setdefault(kind, []).append(pattern)

        def matchers(grouped):
            built = {}
            for key, kinds in grouped.items():
                built[key] = Matcher(nlp.vocab)
                for kind, patterns in kinds.items():
                    built[key].add(kind, patterns)
            return built
        kind_order = {nlp.vocab.strings[kind]: n for n, kind in enumerate(by_kind)}
        return cls(matchers(by_lemma), matchers(by_lower), kind_order, nlp.vocab.strings)

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        if not len(doc):
            return []
        keys = doc.to_array([LEMMA, LOWER])
        opens = numpy.isin(keys[:, 0], self.lemma_keys) | numpy.isin(keys[:, 1], self.lower_keys)
        found: set[tuple[int, int, int]] = set()
        for i in numpy.flatnonzero(opens).tolist():
            token = doc[i]
            window = doc[i:min(len(doc), i + _MAX_TRIGGER_TOKENS)]
            for matcher in (self.by_lemma.get(token.lemma_), self.by_lower.get(token.lower_)):
                if matcher is not None:
                    found.update((match_id, i + start, i + end)
                                 for match_id, start, end in matcher(window) if start == 0)
        return sorted(found, key=lambda m: (m[1], m[2], self.kind_order.get(m[0], 0)))


def _first_token_keys(pattern: list[dict]) -> tuple[str, list[str]] | None:
    """("LEMMA" or "LOWER", the values a pattern's first token must have), or None when the
    pattern could start on any token (its first token is optional or keyed otherwise)."""
    first = pattern[0]
    if "OP" in first:
        return None
    for key in ("LEMMA", "LOWER"):
        value = first.get(key)
        if isinstance(value, str):
            return key, [value]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return key, list(value["IN"])
    return None


def _group(words: dict[str, str]) -> dict[str, list[str]]:
    """{word: kind} -> {kind: sorted words}."""
    grouped: dict[str, list[str]] = {}
    for word, kind in words.items():
        grouped.setdefault(kind, []).append(word)
    return {kind: sorted(ws) for kind, ws in grouped.items()}
