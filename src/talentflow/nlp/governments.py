"""Public offices: the government a title belongs to when no organisation is named.

"Lithuanian culture minister X", "Ruritania's governor X", "president of Ruritania":
the government of that nationality or the country itself. "<nationality> president X
appoints Y": Y joins the government X heads.
"""
from __future__ import annotations

from spacy.tokens import Span

from talentflow.nlp.doc_context import DocContext, PersonMention
from talentflow.nlp.lang import LanguagePack
from talentflow.nlp.linking import _PASSIVE_DEPS, _nationality_shaped


def public_title(role: str, pack: LanguagePack) -> bool:
    """A title of public office: one of the pack's, alone, qualified before ("finance
    minister") or followed by its portfolio ("ministre de la Défense", "minister of health")."""
    lowered = role.lower().replace("\u2019", "'")
    for title in pack.public_roles:
        if lowered == title or lowered.endswith(" " + title):
            return True
        rest = lowered[len(title):].split() if lowered.startswith(title + " ") else []
        if rest:
            word = rest[0][:rest[0].index("'") + 1] if "'" in rest[0] else rest[0]
            if word in pack.of_words:
                return True
    return False


def national_government(ctx: DocContext, pack: LanguagePack, sent: Span,
                        role: str) -> str | None:
    """"<nationality> <public title>" or "<country>'s <public title>": that government."""
    if not public_title(role, pack):
        return None
    doc = ctx.doc
    for span in ctx.in_span(ctx.roles, sent.start, sent.end):
        if span.text != role:
            continue
        # "le président chilien", "la ministre allemande de la Santé": French puts the
        # nationality after the title
        if span.end < sent.end and doc[span.end].lower_ in pack.nationalities_after_title:
            return f"{pack.government_name} {pack.nationalities_after_title[doc[span.end].lower_]}"
        i = span.start - 1
        if i > sent.start and doc[i].lower_ in pack.possessive_markers:
            i -= 1
        while i >= sent.start and doc[i].pos_ in ("ADJ", "NOUN") and not doc[i].ent_type_ \
                and not _nationality_shaped(doc[i]):
            i -= 1  # "social security" between the nationality and "minister"
        if i >= sent.start and (doc[i].ent_type_ in ("MISC", "LOC")
                                or _nationality_shaped(doc[i])):
            start = i
            while start > sent.start and doc[start].ent_iob_ == "I":
                start -= 1
            return f"{doc[start:i + 1].text} {pack.government_name}"
        # "president of Ruritania": the country itself
        after = span.end
        if after + 1 < sent.end and doc[after].lower_ in pack.of_words \
                and doc[after + 1].ent_type_ in ("LOC", "ORG") and doc[after + 1].ent_iob_ == "B":
            end = after + 2
            while end < sent.end and doc[end].ent_iob_ == "I":
                end += 1
            inner = end + 2  # "governor of <country> commonwealth of X": X itself
            if inner < sent.end and doc[end].lower_ in pack.territory_nouns \
                    and doc[end + 1].lower_ in pack.of_words \
                    and doc[inner].ent_type_ in ("LOC", "ORG") and doc[inner].ent_iob_ == "B":
                after, end = end + 1, inner + 1
                while end < sent.end and doc[end].ent_iob_ == "I":
                    end += 1
            return doc[after + 1:end].text
    return None


def office_place(ctx: DocContext, pack: LanguagePack, sent: Span, role: str) -> str | None:
    """"quitte la présidence de la Tunisie", "à la tête du Mali": the place an office noun
    governs is the employer (no title lexicon holds "présidence", so the rule above misses it)."""
    words = role.lower().split()
    if not words or words[0] not in pack.office_nouns:
        return None
    for ent in sent.ents:
        if ent.label_ == "LOC" and role.endswith(ent.text) and len(ent.text) < len(role):
            start = ent.start
            while start < ent.end - 1 and ctx.doc[start].lower_ in pack.definite_articles:
                start += 1
            return ctx.doc[start:ent.end].text
    return None


def appointer_government(ctx: DocContext, pack: LanguagePack, sent: Span, trigger: Span,
                         persons: list[PersonMention]) -> str | None:
    """"<nationality> president X appoints Y": Y joins the government of X's public
    title (its nationality's, else the pack's plain word for it); active verbs only."""
    doc = ctx.doc
    root = trigger[0]
    if root.lemma_.lower() not in pack.agent_verbs or not pack.public_roles \
            or any(c.dep_ in _PASSIVE_DEPS for c in root.children):
        return None
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if not subjects and root.dep_ == "conj":
        # "X dismisses A and appoints B": the second verb shares the first one's subject
        subjects = [c for c in root.head.children if c.dep_ == "nsubj"]
    if root.dep_ in ("relcl", "acl:relcl") and subjects and subjects[0].pos_ == "PRON":
        subjects = [root.head]  # "President X, who appointed Y"
    for subject in subjects:
        appointer = next((p for p in persons if p.start <= subject.i < p.end and not p.pronoun),
                         None)
        if appointer is None:
            continue
        for role in ctx.in_span(ctx.roles, sent.start, appointer.start):
            gap = doc[role.end:appointer.start]
            if len(gap) <= 2 and public_title(role.text, pack):
                return (national_government(ctx, pack, sent, role.text)
                        or pack.government_name)
    return None


def title_with_domain(ctx: DocContext, sent: Span, role: str | None) -> str | None:
    """The title with the public body it governs written right after it: "trésorier du
    parti écologiste", "dirigeant d'une alliance" (a company or a country stays apart)."""
    if not role:
        return role
    doc = ctx.doc
    for span in ctx.in_span(ctx.roles, sent.start, sent.end):
        if span.text != role:
            continue
        for org in ctx.in_span(ctx.orgs, span.end, sent.end):
            words = doc[span.end:org.start]
            if org.after_role and doc[org.start].lower_ in ctx.pack.public_body_nouns \
                    and 1 <= len(words) <= 3 \
                    and words[0].lower_ in ctx.pack.of_words:
                return doc[span.start:org.end].text
            break
        break
    return role
