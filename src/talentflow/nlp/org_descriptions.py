"""Organisations written as a description: "à la tête du club", "a quitté la chaîne",
"directrice de la société", read as the organisation the article is about.

A move sentence often names its organisation only so, the name being in the headline or an
earlier sentence. When the rules find no organisation for a move
(:meth:`talentflow.nlp.arguments.MoveArguments._move`), a definite or demonstrative
description of an organisation noun in the sentence stands for the article's main
organisation, under that organisation's name (the one score.py matches), provided:

- the description is a side's place: marked by a strong side word ("quitte le club",
  "à la tête du groupe") or the complement of a title ("présidente de la chaîne");
- the main organisation holds at least ``_MIN_SHARE`` of the named organisations'
  mentions, and is never cited as a source ("selon X").

Not a description: an indefinite one ("une firme concurrente", another organisation), a
plural, one named right there ("le club de Y", "la société X"), or one inside a name.

Measured on the training folds (5-fold CV of the shipped combination, core move F1, cached
Docs), 2026-12-08: French 0.298 -> 0.300 (86/187 from 85/184; one right departure more from
the rules). Looser versions were no better: the nearest organisation named before as the
antecedent (fr 0.297, en 0.471: often a competitor, a source or a competition), a
description whatever marks it (fr 0.298), the main organisation at any share (0.300, one
wrong move more); nor were descriptions given to the move model as organisations of their
sentence (fr 0.288, en 0.467: their union with the antecedent's own pairs blurred those) or
as features of the far pairs (fr 0.298, en 0.476 with the far model on). In English the
fallback gave CV 0.476 -> 0.478 but one wrong move more on dev (precision 0.949 -> 0.925,
under its floor: "the firm", "the organization" stand as often for a press agency or a
name the NER cut short), so the English pack lists no nouns.
"""
from __future__ import annotations

from spacy.tokens import Doc

from talentflow.nlp.doc_context import (DocContext, OrgMention, _after_role, _tokens_among,
                                        marker_of)
from talentflow.nlp.lang import LanguagePack

_MAX_ADJECTIVES = 2   # "le constructeur automobile japonais", "le grand club"
_MIN_SHARE = 0.3      # of the named organisations' mentions, for the main one
_NAMED_LABELS = {"ORG", "PER", "PERSON", "LOC", "GPE", "MISC", "FAC", "NORP"}
_KEY = "_tf_org_descriptions"


def described_mentions(ctx: DocContext, pack: LanguagePack, start: int, end: int
                       ) -> list[OrgMention]:
    """The descriptions between tokens ``start`` and ``end`` (one sentence) as mentions
    of the article's main organisation, with the side marker and the title link read
    where the description stands."""
    return [m for m in _descriptions(ctx, pack) if start <= m.start < end]


def _descriptions(ctx: DocContext, pack: LanguagePack) -> list[OrgMention]:
    """Every qualifying description of the article, found once per Doc."""
    doc = ctx.doc
    cached = doc.user_data.get(_KEY)
    if cached is None:
        antecedent = _main_antecedent(ctx)
        cached = _find(ctx, pack, antecedent) if antecedent and pack.org_description_nouns else []
        doc.user_data[_KEY] = cached
    return cached


def _main_antecedent(ctx: DocContext) -> str | None:
    """The article's main organisation when it dominates the named ones and is never a
    source: "le groupe" then means it more often than not."""
    main = ctx.main_org
    sources = {o.text for o in ctx.orgs if o.marker == "desc"}
    if main is None or main in sources:
        return None
    named = [o.text for o in ctx.orgs if o.known and o.text not in sources
             and any(c.isupper() or c.isdigit() for c in o.text)]
    return main if named and named.count(main) / len(named) >= _MIN_SHARE else None


def _find(ctx: DocContext, pack: LanguagePack, antecedent: str) -> list[OrgMention]:
    doc = ctx.doc
    covered = {i for o in ctx.orgs for i in range(o.start, o.end)}
    covered.update(i for p in ctx.persons for i in range(p.start, p.end))
    role_ends = {span.end for span in ctx.roles}
    determiners = pack.description_determiners
    found = []
    for token in _tokens_among(doc, pack.org_description_nouns):
        if token.i in covered or "Plur" in token.morph.get("Number"):
            continue
        # the determiner, over a few adjectives: "le grand club"
        i = token.i - 1
        while i >= 0 and token.i - i <= _MAX_ADJECTIVES and doc[i].pos_ == "ADJ":
            i -= 1
        if i < 0 or doc[i].lower_ not in determiners \
                or any(doc[k].is_sent_start for k in range(i + 1, token.i + 1)):
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= _MAX_ADJECTIVES and doc[end].pos_ == "ADJ" \
                and not doc[end].is_sent_start:
            end += 1
        if end < len(doc) and not doc[end].is_sent_start and _names_it(doc, end, pack):
            continue
        # the side is read over the determiner ("quitte le club", "à la tête du club")
        first = i + 1
        marker, strong, words = marker_of(doc, first, pack)
        after_role = _after_role(doc, first, role_ends, pack)
        if not (strong or after_role):
            continue
        found.append(OrgMention(first, end, antecedent, marker, after_role, known=True,
                                strong=strong, marker_words=words))
    return found


def _names_it(doc: Doc, end: int, pack: LanguagePack) -> bool:
    """The description names its organisation right after: "le club de Y", "la société
    X": then it is no reference back."""
    after = doc[end]
    if after.ent_type_ in _NAMED_LABELS or after.pos_ == "PROPN":
        return True
    if after.lower_ in pack.of_words and end + 1 < len(doc):
        nxt = doc[end + 1]
        if nxt.lower_ in pack.description_determiners and end + 2 < len(doc):
            nxt = doc[end + 2]
        return nxt.ent_type_ in _NAMED_LABELS or nxt.pos_ == "PROPN" or nxt.is_title
    return False
