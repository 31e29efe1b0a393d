"""Career histories: the subject a chain of dated steps is about.

Biographies pack several steps into one sentence around one subject: "Lucie Marchetti
a conseillé pendant quinze ans des armateurs de toute la côte, [...], puis a fini par
rejoindre Vantor". The step verb ("rejoindre") has no subject of its own; the mover is the
subject of the clause that governs it, however far the name is, and the name may hang on
a subject noun in apposition ("Chimiste de formation, X, ...").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from talentflow.nlp.doc_context import DocContext, PersonMention
from talentflow.nlp.records import MoveCandidate
from talentflow.nlp.lang import MOVE_KINDS, SUCCEED

# clause links along which a verb without a subject borrows its governor's
_SUBJECT_SHARING = frozenset({"advcl", "xcomp", "conj", "acl"})
_MAX_CLIMB = 3


def clause_subject(doc: Doc, trigger: Span, person: PersonMention) -> bool:
    """Whether the person is the subject of the trigger's verb, or of the verbs governing
    it while the trigger's clause has no subject of its own ("avant de rejoindre",
    "puis rejoint", "en rejoignant")."""
    verb = trigger[0]
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    tokens = range(person.start, person.end)
    for _ in range(_MAX_CLIMB):
        subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
        if subjects:
            return any(_names_subject(doc, s, tokens) for s in subjects)
        if verb.dep_ not in _SUBJECT_SHARING or verb.head is verb:
            break
        verb = verb.head
    # the parse lost an infinitive's attachment in a long sentence ("... avant de
    # rejoindre Y"): the sentence's subject
    step = trigger[0]
    if "Inf" not in step.morph.get("VerbForm") or trigger.label_ == SUCCEED \
            or any(c.dep_.startswith("nsubj") for c in verb.children):
        return False
    root = trigger.sent.root
    return any(_names_subject(doc, s, tokens) for s in root.children
               if s.dep_.startswith("nsubj"))


def _names_subject(doc: Doc, subject: Token, tokens: range) -> bool:
    if subject.i in tokens:
        return True
    # the name in apposition to a subject noun: "Chimiste de formation, X, ..."
    return any(doc[i].head.i == subject.i and doc[i].dep_ in ("appos", "nmod")
               and not any(c.dep_ == "case" for c in doc[i].children)
               for i in tokens)


def apposed_to_subject(token: Token) -> bool:
    """A name hung on the subject noun it renames ("Chimiste de formation, X, ..."), without a
    preposition: a subject too, for the pronouns that follow."""
    return token.dep_ in ("appos", "nmod") and token.head.dep_.startswith("nsubj") \
        and not any(c.dep_ == "case" for c in token.children)


def lend_subject_to_steps(doc: Doc, move_triggers: list[Span], blocked: dict[int, str],
                          by_trigger: dict[int, list[PersonMention]]) -> set[int]:
    """Give each later step of a subject's sentence that subject: "X intègre A, puis
    rejoint B trois ans après", "X dirige A avant de rejoindre B": two steps, two moves.

    Only a step verb with no subject of its own, bound to the clause that has the person
    (coordinated, or a clause of time or purpose), and not already holding people.
    Returns the starts of the triggers lent a subject.
    """
    lent: set[int] = set()
    people = [p for group in by_trigger.values() for p in group]
    for trigger in move_triggers:
        if trigger.start in by_trigger or trigger.start in blocked or trigger.label_ == SUCCEED:
            continue  # who replaces whom turns on the verb's own voice and object
        verb = trigger[0]
        if verb.pos_ != "VERB" or verb.dep_ not in _SUBJECT_SHARING \
                or any(c.dep_.startswith("nsubj") for c in verb.children):
            continue
        movers = [p for p in people if clause_subject(doc, trigger, p)]
        if len(movers) == 1:
            by_trigger[trigger.start] = movers
            lent.add(trigger.start)
    return lent


def remember_steps(ctx: DocContext, paragraph: int, moves: list[MoveCandidate]) -> None:
    """Note where each person's latest step took them, for the next sentence's "il"."""
    for move in moves:
        if move.to_org:
            ctx.career_steps[move.person] = (paragraph, move.to_org)


def previous_step_org(ctx: DocContext, person: PersonMention, sent: Span) -> str | None:
    """"X entre chez Y comme stagiaire. Il y est promu directeur en 2010": a promotion told
    with a pronoun and no organisation is at the organisation of the step just before,
    when it is the sentence's only step."""
    if not person.pronoun or sum(t.label_ in MOVE_KINDS for t in ctx.in_span(
            ctx.triggers, sent.start, sent.end)) > 1:
        return None
    paragraph = ctx.paragraph(sent)
    step = ctx.career_steps.get(person.name)
    return step[1] if step and step[0] == paragraph else None


def team_of_sentence(ctx: DocContext, sent: Span) -> str | None:
    """"Cet été, l'équipe a accueilli X, venu de Y": arrivals told in a sentence about "the
    team" or "the club" go to the team the paragraph is about."""
    root = sent.root
    # the parser makes a long subject the root itself at times
    subjects = [root] + [c for c in root.children if c.dep_.startswith("nsubj")]
    for subject in subjects:
        if subject.lemma_.lower() in ctx.pack.team_nouns and subject.pos_ == "NOUN" \
                and any(c.dep_ == "det" and c.lower_ in ctx.pack.definite_articles
                        for c in subject.children):
            return ctx.topic_org(sent)
    return None
