"""Relabel mislabelled person names as PER.

The statistical NER sometimes calls "Mira Murati" an ORG or "Durk Kingma" a MISC. A
name is relabelled when the same text is a PER elsewhere in the article, or when a job
title stands right before it ("la CTO Mira Murati"). Gazetteer organisations never change.

The reverse happens too: an unknown one-word organisation tagged PER ("rejoint Kyutai").
A one-word "person" that is the object of a joining or leaving verb is an organisation,
everywhere in the article: people are rarely "joined" or "left" by name in news.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from talentflow.nlp.extensions import ROLES
from talentflow.nlp.lang import get_pack
from talentflow.nlp.org_ruler import GAZETTEER_KB_ID

_MAX_NAME_TOKENS = 4
# capitalised particles that open a surname ("Le", "De", "Van")
_PARTICLES = frozenset({"Le", "La", "De", "Du", "Des", "Van", "Von", "Di", "Da", "Del", "Della"})


@Language.factory("talentflow_person_repair")
def make_person_repair(nlp: Language, name: str) -> "PersonRepair":
    return PersonRepair(nlp.lang)


class PersonRepair:
    def __init__(self, lang: str):
        self.pack = get_pack(lang)

    def __call__(self, doc: Doc) -> Doc:
        object_orgs = self._object_orgs(doc)
        if object_orgs:
            doc.ents = [Span(doc, e.start, e.end, label="ORG")
                        if e.label_ == "PER" and len(e) == 1 and e.text in object_orgs else e
                        for e in doc.ents]
        role_starts = {span.start for span in doc.spans.get(ROLES, [])}
        # the tokens inside each name are looked up, not every title against every name
        if any(e.label_ == "PER" and any(i in role_starts for i in range(e.start + 1, e.end))
               for e in doc.ents):
            doc.ents = [self._before_title(e, role_starts) for e in doc.ents]
        if any(self._nationality_then_name(e) for e in doc.ents):
            doc.ents = [part for e in doc.ents for part in self._nationality_then_name(e) or [e]]
        person_texts = {ent.text for ent in doc.ents if ent.label_ == "PER"}
        role_ends = {span.end for span in doc.spans.get(ROLES, [])}
        changed = False
        ents = []
        for ent in doc.ents:
            if ent.label_ != "PER" and ent.kb_id_ != GAZETTEER_KB_ID and self._looks_like_name(ent):
                after_role = ent.start in role_ends or (
                    ent.start > 0 and doc[ent.start - 1].is_punct and ent.start - 1 in role_ends)
                if ent.text in person_texts or after_role:
                    ent = Span(doc, ent.start, ent.end, label="PER")
                    changed = True
            ents.append(ent)
        untagged = self._untagged_after_title(doc, role_ends)
        if untagged:
            ents = sorted(ents + untagged, key=lambda e: e.start)
            changed = True
        if changed:
            doc.ents = ents
        return doc

    def _untagged_after_title(self, doc: Doc, role_ends: set[int]) -> list[Span]:
        """"Governor Ana Ruiz Soto" left untagged: capitalised words right after a title."""
        tagged = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        found = []
        for end in sorted(role_ends):
            stop = end
            while stop < len(doc) and stop - end < _MAX_NAME_TOKENS and stop not in tagged \
                    and doc[stop].pos_ == "PROPN" and doc[stop].is_title:
                stop += 1
            if stop - end < 2 or stop < len(doc) and doc[stop].pos_ == "PROPN" \
                    and doc[stop].is_title:
                continue  # one word, or a longer capitalised run (an organisation's name)
            name = doc[end:stop]
            if not any(t.lower_ in self.pack.org_head_words or t.lower_ in self.pack.not_org_words
                       for t in name) and not any(doc[end].sent.start != t.sent.start for t in name):
                found.append(Span(doc, end, stop, label="PER"))
        return found

    def _nationality_then_name(self, ent: Span) -> list[Span] | None:
        """"le Ghanéen Kofi Mensah" read as one organisation: a nationality noun opening a
        name-shaped entity stands for the person named after it."""
        if ent.label_ == "PER" or ent.kb_id_ == GAZETTEER_KB_ID or not 3 <= len(ent) <= 4 \
                or ent[0].lower_ not in self.pack.nationalities_after_title:
            return None
        name = ent.doc[ent.start + 1:ent.end]
        if not all(t.is_title and t.is_alpha and t.lower_ not in self.pack.org_head_words
                   for t in name):
            return None
        return [Span(ent.doc, ent.start, ent.start + 1, label="MISC"),
                Span(ent.doc, ent.start + 1, ent.end, label="PER")]

    @staticmethod
    def _before_title(ent: Span, role_starts: set[int]) -> Span:
        """"nommé X Y Premier ministre": the name stops where a title starts."""
        if ent.label_ != "PER":
            return ent
        # a capitalised title word after a surname's particle is the surname itself
        # ("X Le Maire", "Y De Juge"): no title starts there
        cut = next((i for i in range(ent.start + 1, ent.end) if i in role_starts
                    and not (ent.doc[i].is_title and ent.doc[i - 1].text in _PARTICLES)), None)
        return ent if cut is None else Span(ent.doc, ent.start, cut, label="PER")

    def _object_orgs(self, doc: Doc) -> set[str]:
        """One-word PER entities right after a verb that joins or leaves an organisation."""
        found = set()
        for ent in doc.ents:
            if ent.label_ != "PER" or len(ent) != 1 or ent.start == 0:
                continue
            verb = doc[ent.start - 1]
            if verb.pos_ in ("VERB", "AUX") and (verb.lower_,) in self._verb_markers:
                found.add(ent.text)
        return found

    @property
    def _verb_markers(self) -> frozenset[tuple[str, ...]]:
        markers = getattr(self, "_markers", None)
        if markers is None:
            markers = frozenset(m for m in (*self.pack.to_markers, *self.pack.from_markers)
                                if len(m) == 1 and m not in self.pack.at_markers)
            self._markers = markers
        return markers

    def _looks_like_name(self, ent: Span) -> bool:
        if not 2 <= len(ent) <= _MAX_NAME_TOKENS:
            return False
        for token in ent:
            if token.lower_ in self.pack.org_head_words:
                return False
            if not (token.is_title or token.text[:1].isupper()) or token.like_num:
                return False
        return True
