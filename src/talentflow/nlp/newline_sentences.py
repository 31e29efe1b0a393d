"""Sentence boundaries set before the parser: after every newline and after final punctuation.

Headlines and captions carry no final full stop, so the parser would glue them to the
next paragraph's first sentence; it also splits long sentences at odd commas. Setting
every token's ``is_sent_start`` here (the parser respects preset values) gives stable
sentences, and the article stays one Doc, so offsets remain the article's own.
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

_FINAL = {".", "!", "?", "…", "...", "?!", "!!"}
_CLOSERS = {"»", "\"", "”", ")", "’"}


@Language.factory("talentflow_newline_sentences")
def make_newline_sentences(nlp: Language, name: str) -> "NewlineSentences":
    return NewlineSentences()


class NewlineSentences:
    def __call__(self, doc: Doc) -> Doc:
        # one array write: setting token.is_sent_start one by one rescans the Doc each time
        starts = numpy.full((len(doc), 1), -1, dtype="int64")
        after_newline = False
        after_final = False
        for token in doc:
            if token.i == 0:
                starts[0, 0] = 1
            elif not token.is_space and (after_newline or after_final and (
                    token.text[:1].isupper() or token.text[:1] in "«\"“-—–"
                    or token.text[:1].isdigit())):
                starts[token.i, 0] = 1
            if "\n" in token.text_with_ws:
                after_newline = True
                after_final = False
            elif not token.is_space:
                after_newline = False
                if token.text in _FINAL:
                    after_final = True
                elif token.text not in _CLOSERS:
                    after_final = False
        if len(doc):
            doc.from_array([SENT_START], starts.astype("uint64"))
        return doc
