"""Relabel mislabelled person names as PER.

The statistical NER sometimes calls "Mira Murati" an ORG or "Durk Kingma" a MISC. A
name is relabelled when the same text is a PER elsewhere in the article, or when a job
title stands right before it ("la CTO Mira Murati"). Gazetteer organisations never change.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from talentflow.nlp.extensions import ROLES
from talentflow.nlp.lang import get_pack
from talentflow.nlp.org_ruler import GAZETTEER_KB_ID

_MAX_NAME_TOKENS = 4


@Language.factory("talentflow_person_repair")
def make_person_repair(nlp: Language, name: str) -> "PersonRepair":
    return PersonRepair(nlp.lang)


class PersonRepair:
    def __init__(self, lang: str):
        self.pack = get_pack(lang)

    def __call__(self, doc: Doc) -> Doc:
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
        if changed:
            doc.ents = ents
        return doc

    def _looks_like_name(self, ent: Span) -> bool:
        if not 2 <= len(ent) <= _MAX_NAME_TOKENS:
            return False
        for token in ent:
            if token.lower_ in self.pack.org_head_words:
                return False
            if not (token.is_title or token.text[:1].isupper()) or token.like_num:
                return False
        return True
