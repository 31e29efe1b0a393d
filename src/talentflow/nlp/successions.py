"""Successions told from one side: the other person takes the post from the same sentence.

"X took the chair of Z after Y retired": Y leaves Z, the post X took. "named X as Y's
successor", "X, replacing Y": X takes the post Y left. The argument finder hands over the
people it linked to a trigger but could give no organisation ("orphans"), with the moves
the sentence did give; only the pack's succession words ("after", "following") and a
succession trigger ("successor", "replacing") join the two.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from talentflow.nlp.doc_context import DocContext, OrgMention, PersonMention
from talentflow.nlp.extensions import ROLES
from talentflow.nlp.lang import APPOINT, JOIN, LEAVE, SUCCEED, LanguagePack
from talentflow.nlp.linking import _sent_end_char
from talentflow.nlp.move_identity import same_person
from talentflow.nlp.records import MoveCandidate

Orphan = tuple[Span, PersonMention, tuple[int, ...]]  # trigger, person, rival trigger chars


def succession_moves(ctx: DocContext, pack: LanguagePack, sent: Span, triggers: list[Span],
                     orphans: list[Orphan], moves: list[MoveCandidate]) -> list[MoveCandidate]:
    """Moves for orphans of a succession, with the post the other side names."""
    if not orphans or not moves or not pack.sequel_words:
        return []
    doc = ctx.doc
    succession = any(t.label_ == SUCCEED for t in triggers)
    found = []
    for trigger, person, rivals in orphans:
        if person.pronoun:
            continue
        first = min(trigger.start, person.start)
        before = {t.lower_ for t in doc[max(sent.start, first - 3):first]}
        leaving = trigger.label_ == LEAVE or (
            trigger.label_ == SUCCEED and person.start > trigger.start)
        if leaving and before & pack.sequel_words:
            heirs = [m for m in moves if m.kind in (APPOINT, JOIN) and m.to_org
                     and m.person != person.name]
            if heirs:
                found.append(_inherited(heirs[0], person, LEAVE, trigger, sent, rivals,
                                        from_org=heirs[0].to_org))
        elif not leaving and succession and trigger.label_ in (APPOINT, SUCCEED):
            left = [m for m in moves if m.kind == LEAVE and m.from_org
                    and m.person != person.name]
            if left:
                found.append(_inherited(left[0], person, APPOINT, trigger, sent, rivals,
                                        to_org=left[0].from_org))
    return found


def one_succession(a: MoveCandidate, b: MoveCandidate, successions: set[int]) -> bool:
    """A departure told by a succession trigger and the arrival of the same sentence that
    completes it ("X nommé le 1er avril en remplacement de Y"): one event, one date."""
    for leave, arrive in ((a, b), (b, a)):
        if leave.trigger_char in successions and leave.kind == LEAVE \
                and arrive.kind in (APPOINT, JOIN) and arrive.trigger_char not in successions:
            return True
    return False


def share_post(moves: list[MoveCandidate], successions: set[int], titles) -> None:
    """The two people of one succession trigger hold one post ("A arrive en remplacement de
    B", "A is elected, succeeding B"): a side without a title takes the other's, or the one
    the article sets beside the other's name elsewhere (``titles()``, asked only when needed)."""
    for move in moves:
        if move.role is not None or move.trigger_char not in successions:
            continue
        for other in moves:
            if other.trigger_char == move.trigger_char and other.person != move.person:
                move.role = other.role or next((title for name, title in titles().items()
                                                if same_person(name, other.person)), None)
                if move.role:
                    break


def _inherited(other: MoveCandidate, person: PersonMention, kind: str, trigger: Span,
               sent: Span, rivals: tuple[int, ...], from_org: str | None = None,
               to_org: str | None = None) -> MoveCandidate:
    return MoveCandidate(
        person=person.name, from_org=from_org, to_org=to_org, role=other.role, kind=kind,
        trigger=trigger.text, trigger_char=trigger.start_char, other_trigger_chars=rivals,
        sent_start=sent.start_char, sent_end=_sent_end_char(sent), confidence=0.45)


def relative_object(doc, trigger: Span, person: PersonMention) -> bool:
    """"X, qu'a remplacé Y" / "X, que remplace Y": X, the antecedent of the object
    relative pronoun, is the one replaced."""
    root = trigger[0]
    after = person.end + 1 if person.end < len(doc) and doc[person.end].text == "," else person.end
    return any(c.dep_ == "obj" and c.lower_ in ("que", "qu'", "qu’") and c.i == after
               for c in root.children)


def succession_title_side(doc: Doc, trigger: Span, kind: str, person: PersonMention,
                          org: OrgMention, persons: list[PersonMention]) -> str | None:
    """The side of an organisation whose title is set beside one of the two people of a
    succession: "A, secretary of O1, was replaced by B, head of O2".

    O1, the post of the one leaving, is where the newcomer goes; O2, the newcomer's own
    title, is where they come from and no side of the departure. Returns "from", "to",
    "none" (not this person's), or None when the organisation is no apposed title's.
    """
    if trigger.label_ != SUCCEED or not org.after_role:
        return None
    holder = next((p for p in persons if not p.pronoun and _apposed(doc, org, p)), None)
    if holder is None:
        return None
    if holder.start == person.start:
        return "from"
    return "to" if kind == APPOINT else "none"


def _apposed(doc: Doc, org: OrgMention, person: PersonMention) -> bool:
    """"<title> de O, X" or "X, <title> de O": the title of O is set beside X."""
    if org.end <= person.start:
        gap = doc[org.end:person.start]
        return 0 < len(gap) <= 2 and all(t.is_punct for t in gap)
    if org.start >= person.end:
        gap = doc[person.end:org.start]
        return 0 < len(gap) <= 6 and gap[0].text == "," and any(
            person.end < r.start < org.start for r in doc.spans.get(ROLES, [])) \
            and not any(t.pos_ in ("VERB", "AUX") for t in gap)
    return False
