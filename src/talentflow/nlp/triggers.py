"""Words that signal a move, a founding or an investment, matched by lemma.

Each trigger becomes a span in ``doc.spans["tf_triggers"]`` labelled with its kind
(JOIN, LEAVE, APPOINT, SUCCEED, FOUND, INVEST). The pack lists the lemmas; this
component only compiles them once into one Matcher.
"""
from __future__ import annotations

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
        self.first_lemmas, self.first_lowers = _first_token_keys(
            [p for patterns in by_kind.values() for p in patterns])

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
        doc.spans[TRIGGERS] = filter_spans(spans)
        return doc

    def _matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The Matcher's cost grows with patterns times tokens, and most tokens start no
        pattern: match only windows that open on a possible first token."""
        if self.first_lemmas is None:
            return self.matcher(doc)
        windows: list[list[int]] = []
        for token in doc:
            if token.lemma_ in self.first_lemmas or token.lower_ in self.first_lowers:
                end = min(len(doc), token.i + _MAX_TRIGGER_TOKENS)
                if windows and token.i <= windows[-1][1]:
                    windows[-1][1] = end
                else:
                    windows.append([token.i, end])
        return [(match_id, start + a, end + a) for a, b in windows
                for match_id, start, end in self.matcher(doc[a:b])]


#: Longest trigger phrase, in tokens ("a signé un contrat de trois ans avec")
_MAX_TRIGGER_TOKENS = 12


def _first_token_keys(patterns: list[list[dict]]) -> tuple[set[str] | None, set[str]]:
    """Lemmas and lower-case forms a pattern's first token must have; (None, ...) when a
    pattern could start on any token (its first token is optional or keyed otherwise)."""
    lemmas: set[str] = set()
    lowers: set[str] = set()
    for pattern in patterns:
        first = pattern[0]
        if "OP" in first:
            return None, set()
        for key, into in (("LEMMA", lemmas), ("LOWER", lowers)):
            value = first.get(key)
            if isinstance(value, str):
                into.add(value)
                break
            if isinstance(value, dict) and set(value) == {"IN"}:
                into.update(value["IN"])
                break
        else:
            return None, set()
    return lemmas, lowers


def _group(words: dict[str, str]) -> dict[str, list[str]]:
    """{word: kind} -> {kind: sorted words}."""
    grouped: dict[str, list[str]] = {}
    for word, kind in words.items():
        grouped.setdefault(kind, []).append(word)
    return {kind: sorted(ws) for kind, ws in grouped.items()}
