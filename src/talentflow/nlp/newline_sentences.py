"""Start a sentence after every newline, before the parser runs.

Headlines and captions carry no final full stop, so the parser would glue them to the
next paragraph's first sentence. The parser respects boundaries set before it, and the
article stays one Doc, so offsets remain the article's own.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("talentflow_newline_sentences")
def make_newline_sentences(nlp: Language, name: str) -> "NewlineSentences":
    return NewlineSentences()


class NewlineSentences:
    def __call__(self, doc: Doc) -> Doc:
        previous_had_newline = False
        for token in doc:
            if token.i > 0:
                if previous_had_newline and not token.is_space:
                    token.is_sent_start = True
                elif token.is_space and "\n" in token.text:
                    # the newline itself closes the previous sentence
                    token.is_sent_start = False
            if "\n" in token.text_with_ws:
                previous_had_newline = True
            elif not token.is_space:
                previous_had_newline = False
        return doc
