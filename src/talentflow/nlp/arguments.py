"""Attach people, organisations and roles to move triggers: who left or joined what, as what.

Per sentence holding a move trigger:

1. each person named in it (or a resolved "il"/"elle" subject) goes to its nearest
   trigger; a blocked trigger (see :mod:`modality`) silences the people nearest to it,
   and the active subject of "recruter", "nommer", "limoger" is the employer, not the mover;
2. each organisation goes to its nearest trigger; a trigger with no person of its own
   ("quitte X pour rejoindre Y") lends its organisations to the previous one;
3. the side of an organisation comes from the words before it ("quitte", "rejoint",
   "chez") read with the trigger's kind; a former affiliation ("jusqu'alors chez Y") is a
   ``from``; a description ("co-fondateur de X") is neither;
4. with no organisation in the sentence, the paragraph's context applies ("chez Z, c'est
   l'heure des départs" makes Z the origin of the departures that follow).

People without any organisation are dropped: a move names at least one.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from talentflow.nlp import extensions  # noqa: F401  (registers Doc attributes)
from talentflow.nlp.doc_context import DocContext, OrgMention, PersonMention, build_context
from talentflow.nlp.lang import (APPOINT, FOUND, INVEST, JOIN, LEAVE, MOVE_KINDS, SUCCEED,
                                 LanguagePack, get_pack)
from talentflow.nlp.records import MoveCandidate

_MAX_PERSON_DISTANCE = 30
_ROLE_APPOSITION_GAP = 3
_DOC_CONTEXT = "_tf_context"


@Language.factory("talentflow_arguments")
def make_arguments(nlp: Language, name: str) -> "MoveArguments":
    return MoveArguments(nlp.lang)


def context_of(doc: Doc, pack: LanguagePack) -> DocContext:
    """The DocContext shared by the argument components of one Doc (built once)."""
    context = doc.user_data.get(_DOC_CONTEXT)
    if context is None:
        context = build_context(doc, pack)
        doc.user_data[_DOC_CONTEXT] = context
    return context


class MoveArguments:
    def __init__(self, lang: str):
        self.pack = get_pack(lang)

    def __call__(self, doc: Doc) -> Doc:
        moves: list[MoveCandidate] = []
        triggers = doc.spans.get("tf_triggers", [])
        if not any(t.label_ in MOVE_KINDS for t in triggers):
            doc._.tf_moves = moves
            return doc
        ctx = context_of(doc, self.pack)
        seen_sents = set()
        for trigger in ctx.triggers:
            if trigger.label_ not in MOVE_KINDS:
                continue
            sent = trigger.sent
            if sent.start in seen_sents:
                continue
            seen_sents.add(sent.start)
            moves.extend(self._sentence_moves(ctx, sent))
        doc._.tf_moves = moves
        return doc

    # --- one sentence ---------------------------------------------------------------

    def _sentence_moves(self, ctx: DocContext, sent: Span) -> list[MoveCandidate]:
        triggers = ctx.in_span(ctx.triggers, sent.start, sent.end)
        persons = ctx.in_span(ctx.persons, sent.start, sent.end)
        orgs = [o for o in ctx.in_span(ctx.orgs, sent.start, sent.end)
                if not any(p.start <= o.start < p.end for p in persons)]
        paragraph = ctx.paragraph(sent)
        if not persons:
            self._remember_context(ctx, paragraph, triggers, orgs)
            return []
        by_trigger: dict[int, list[PersonMention]] = {}
        # a founder noun describes a person ("co-fondateur de X") and does not compete
        competing = [t for t in triggers if t.label_ in MOVE_KINDS or t[0].pos_ != "NOUN"]
        for person in persons:
            trigger = _nearest(competing, person)
            if trigger is None or trigger.label_ not in MOVE_KINDS:
                continue
            if trigger.start in ctx.blocked:
                continue
            if _distance(trigger, person) > _MAX_PERSON_DISTANCE:
                continue
            by_trigger.setdefault(trigger.start, []).append(person)
        if not by_trigger:
            return []
        orgs_by_trigger = self._orgs_by_trigger(triggers, orgs, by_trigger)
        moves = []
        trigger_at = {t.start: t for t in triggers}
        for start, people in by_trigger.items():
            trigger = trigger_at[start]
            for person in people:
                move = self._move(ctx, sent, trigger, person, persons,
                                  orgs_by_trigger.get(start, []), paragraph)
                if move is not None:
                    moves.append(move)
        return moves

    def _remember_context(self, ctx: DocContext, paragraph: int, triggers: list[Span],
                          orgs: list[OrgMention]) -> None:
        """A sentence about moves with no named person sets the paragraph's organisations."""
        for trigger in triggers:
            if trigger.label_ not in MOVE_KINDS or trigger.start in ctx.blocked:
                continue
            for org in orgs:
                side = _side(org, trigger.label_)
                if side in ("from", "to"):
                    ctx.context_orgs.setdefault(paragraph, {}).setdefault(side, org.text)

    def _orgs_by_trigger(self, triggers, orgs, by_trigger) -> dict[int, list[OrgMention]]:
        result: dict[int, list[OrgMention]] = {}
        move_triggers = [t for t in triggers if t.label_ in MOVE_KINDS]
        for org in orgs:
            trigger = _nearest(move_triggers, org)
            if trigger is None:
                continue
            owner = trigger.start
            if owner not in by_trigger:
                # lend it to the closest earlier trigger with people ("quitte X pour rejoindre Y")
                earlier = [s for s in by_trigger if s < owner]
                later = [s for s in by_trigger if s > owner]
                owner = max(earlier) if earlier else (min(later) if later else owner)
            result.setdefault(owner, []).append(org)
        return result

    def _move(self, ctx: DocContext, sent: Span, trigger: Span, person: PersonMention,
              persons: list[PersonMention], orgs: list[OrgMention],
              paragraph: int) -> MoveCandidate | None:
        doc = ctx.doc
        kind = trigger.label_
        root = trigger[0]
        passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in root.children)
        is_subject = any(t.dep_ == "nsubj" and t.head.i == root.i
                         for t in doc[person.start:person.end])
        if (root.lemma_.lower() in self.pack.agent_verbs and is_subject and not passive
                and any(p is not person and p.start > trigger.start for p in persons)):
            return None  # "X a nommé Y": X is the one appointing
        if kind == SUCCEED:
            joiner = (person.start < trigger.start) != passive
            kind = APPOINT if joiner else LEAVE
        from_org, to_org = self._sides(ctx, sent, trigger, kind, person, orgs)
        confidence = 0.6
        if from_org is None and to_org is None:
            context = ctx.context_for(paragraph)
            if kind == LEAVE:
                from_org = context.get("from")
            else:
                to_org = context.get("to")
            confidence = 0.45
        role = self._role(ctx, sent, trigger, kind, person, persons)
        if from_org is None and to_org is None and role and kind != LEAVE:
            to_org = _implied_org(role, self.pack)
            confidence = 0.45
        if from_org is None and to_org is None:
            return None
        if from_org and to_org and _same_org(from_org, to_org):
            from_org = None
        if person.name and ((to_org and to_org in person.name) or (from_org and from_org in person.name)):
            return None
        return MoveCandidate(
            person=person.name, from_org=from_org, to_org=to_org, role=role, kind=kind,
            trigger=trigger.text, trigger_char=trigger.start_char,
            other_trigger_chars=tuple(t.start_char for t in ctx.in_span(ctx.triggers, sent.start, sent.end)
                                      if t.start != trigger.start and t.label_ in MOVE_KINDS),
            sent_start=sent.start_char, sent_end=_sent_end_char(sent), confidence=confidence)

    def _sides(self, ctx: DocContext, sent: Span, trigger: Span, kind: str,
               person: PersonMention, orgs: list[OrgMention]) -> tuple[str | None, str | None]:
        text = ctx.doc.text
        best: dict[str, tuple[int, str]] = {}
        for org in orgs:
            side = _side(org, kind)
            if side not in ("from", "to"):
                continue
            if org.start > person.end:
                between = text[ctx.doc[person.end].idx:ctx.doc[org.start].idx].lower()
                if any(cue in between for cue in self.pack.past_cues) and side == "to" \
                        and org.marker in ("at", None):
                    side = "from"
            distance = min(abs(org.start - trigger.start), abs(org.start - person.start))
            if side not in best or distance < best[side][0]:
                best[side] = (distance, org.text)
        return (best.get("from", (0, None))[1], best.get("to", (0, None))[1])

    def _role(self, ctx: DocContext, sent: Span, trigger: Span, kind: str,
              person: PersonMention, persons: list[PersonMention]) -> str | None:
        doc = ctx.doc
        roles = [r for r in ctx.in_span(ctx.roles, sent.start, sent.end)
                 if r.text.lower() not in self.pack.founder_nouns]
        if not roles:
            return None
        next_person = min((p.start for p in persons if p.start > person.start), default=sent.end)
        pack = self.pack
        # 1. "au poste de X", "en tant que X", "nommé X" after the person, before the next one
        for role in roles:
            if person.end <= role.start < next_person or trigger.end <= role.start <= trigger.end + 2:
                words = [t.lower_ for t in doc[max(sent.start, role.start - 3):role.start]]
                for marker in pack.role_intro_markers:
                    if tuple(words[-len(marker):]) == marker:
                        return role.text
        # 2. a title right before the name: "la CTO Mira Murati"
        for role in roles:
            if 0 <= person.start - role.end <= 1 and not person.pronoun:
                if _past(doc, role, pack) and kind != LEAVE:
                    continue
                return role.text
        # 3. apposition: "X, ancien directeur scientifique"
        for role in roles:
            gap = role.start - person.end
            if 0 < gap <= _ROLE_APPOSITION_GAP and role.start < next_person:
                if _past(doc, role, pack) and kind != LEAVE:
                    continue
                return role.text
        # 4. a title right after the trigger: "nommé PDG", "devient directrice"
        for role in roles:
            if 0 <= role.start - trigger.end <= 2:
                return role.text
        return None


def _past(doc: Doc, role: Span, pack: LanguagePack) -> bool:
    before = doc[role.start - 1].lower_ if role.start > 0 else ""
    return before in {"ancien", "ancienne", "ex", "ex-"}


def _side(org: OrgMention, kind: str) -> str | None:
    if org.marker in ("from", "to"):
        return org.marker
    if org.marker == "desc":
        return None
    return "from" if kind == LEAVE else "to"


def _nearest(spans, item):
    best, best_distance = None, None
    for span in spans:
        distance = _distance(span, item)
        if best_distance is None or distance < best_distance:
            best, best_distance = span, distance
    return best


def _distance(a, b) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


def _same_org(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a == b or a in b or b in a


def _implied_org(role: str, pack: LanguagePack) -> str | None:
    lowered = role.lower()
    for head, org in pack.implied_orgs.items():
        if lowered == head or lowered.startswith(head + " "):
            return org
    return None


def _sent_end_char(sent: Span) -> int:
    """End of the sentence without trailing spaces or newlines."""
    end = sent.end
    while end > sent.start + 1 and sent.doc[end - 1].is_space:
        end -= 1
    return sent.doc[end - 1].idx + len(sent.doc[end - 1].text)


__all__ = ["MoveArguments", "context_of", "JOIN", "FOUND", "INVEST"]
