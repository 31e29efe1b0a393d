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
from talentflow.nlp.doc_context import (DocContext, OrgMention, PersonMention, build_context,
                                        role_index)
from talentflow.nlp.lang import (APPOINT, FOUND, INVEST, JOIN, LEAVE, MOVE_KINDS, SUCCEED,
                                 LanguagePack, get_pack)
from talentflow.nlp.move_identity import same_person
from talentflow.nlp.move_reports import Report, sites_of
from talentflow.nlp.move_roles import move_role, person_titles, title_with_complement
from talentflow.nlp.org_descriptions import described_mentions
from talentflow.nlp.records import MoveCandidate
from talentflow.nlp.governments import (appointer_government, national_government, office_place,
                                        title_with_domain)
from talentflow.nlp.successions import (one_succession, relative_object, share_post,
                                        succession_moves, succession_title_side)
from talentflow.nlp.careers import (clause_subject, lend_subject_to_steps, previous_step_org,
                                    remember_steps, team_of_sentence)
from talentflow.nlp.linking import (_BARE_OF, _PASSIVE_DEPS,
                                    _coordination_groups, _comma_between,
                                    _conjoined_with, _syntactic_link,
                                    _side, _nearest, _distance, _same_org,
                                    _implied_org, _sent_end_char, _files_the_noun,
                                    _own_post_follows, _transfer_side, _transferred,
                                    _title_between, _complement_chain, _introduced_post)

_MAX_PERSON_DISTANCE = 30
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



def _title_names_the_visitor(ctx: DocContext, trigger: Span, person: PersonMention, role: str,
                             pack: LanguagePack) -> bool:
    """"l'arrivée du président chilien X": an arrival noun, then the title the person
    already holds, then the name, is a visit; that title's government is not where X goes.
    "l'arrivée du nouveau ministre X" stays an appointment."""
    if trigger.label_ != JOIN or trigger[0].pos_ != "NOUN" or person.start < trigger.end:
        return False
    doc = ctx.doc
    # only the titles between the trigger and the name, in list order (bisected, not scanned)
    for span in ctx.in_span(ctx.roles, trigger.end, person.start):
        if span.text == role:
            return person.start - span.end <= 1 and not (
                span.start > 0 and doc[span.start - 1].lower_ in pack.new_role_adjectives)
    return False

class MoveArguments:
    def __init__(self, lang: str):
        self.pack = get_pack(lang)
        self._lent_steps: set[int] = set()

    def __call__(self, doc: Doc) -> Doc:
        moves: list[MoveCandidate] = []
        triggers = doc.spans.get("tf_triggers", [])
        if not any(t.label_ in MOVE_KINDS for t in triggers):
            doc._.tf_moves = moves
            return doc
        ctx = context_of(doc, self.pack)
        self._reports: list[Report] = []
        seen_sents = set()
        for trigger in ctx.triggers:
            if trigger.label_ not in MOVE_KINDS:
                continue
            sent = trigger.sent
            if sent.start in seen_sents:
                continue
            seen_sents.add(sent.start)
            found = self._sentence_moves(ctx, sent)
            remember_steps(ctx, ctx.paragraph(sent), found)
            moves.extend(found)
        for move in moves:
            move.reports = tuple(site for site in sites_of(self._reports, move.person, same_person)
                                 if site[2] != move.sent_start)
        doc._.tf_moves = moves
        doc._.tf_move_reports = self._reports
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
        move_triggers = [t for t in competing if t.label_ in MOVE_KINDS]
        for group in _coordination_groups(ctx.doc, persons):
            trigger = self._group_trigger(ctx, group, competing, move_triggers)
            if trigger is not None:
                movers = [p for p in group if not self._possessor(ctx.doc, trigger, p)]
                by_trigger.setdefault(trigger.start, []).extend(movers)
        if not by_trigger:
            return []
        # a step lent its subject must name its own organisation, not the paragraph's
        self._lent_steps = lend_subject_to_steps(ctx.doc, move_triggers, ctx.blocked, by_trigger)
        orgs_by_trigger = self._orgs_by_trigger(triggers, orgs, by_trigger)
        moves = []
        orphans = []
        trigger_at = {t.start: t for t in triggers}
        for start, people in by_trigger.items():
            trigger = trigger_at[start]
            for person in people:
                # "nommé entraîneur de X, en remplacement de Y": Y shares the sentence's employer
                own = orgs if trigger.label_ == SUCCEED else orgs_by_trigger.get(start, [])
                # a trigger with no people of its own belongs to this move ("quittera X le
                # 30 avril pour rejoindre Y"): only triggers with their own people compete for dates
                rivals = tuple(trigger_at[s].start_char for s in by_trigger if s != start)
                move = self._move(ctx, sent, trigger, person, persons, own, paragraph, rivals)
                if move is not None:
                    moves.append(move)
                    continue
                # no organisation: still a report of the person's move, maybe dated
                self._reports.append((person.name, trigger.label_, trigger.start_char,
                                      sent.start_char, _sent_end_char(sent)))
                if self._plausible_role_in_clause(ctx.doc, trigger, person):
                    orphans.append((trigger, person, rivals))
        moves.extend(succession_moves(ctx, self.pack, sent, triggers, orphans, moves))
        # only triggers that report a move compete for the sentence's dates; a succession
        # and the arrival it completes are one event ("X sera nommé le 1er avril en
        # remplacement de Y"): they share the sentence's date
        successions = {t.start_char for t in triggers if t.label_ == SUCCEED}
        share_post(moves, successions, lambda: person_titles(ctx))
        for move in moves:
            move.other_trigger_chars = tuple(sorted({
                m.trigger_char for m in moves if m.trigger_char != move.trigger_char
                and not one_succession(move, m, successions)}))
        return moves

    def _group_trigger(self, ctx: DocContext, group: list[PersonMention], competing: list[Span],
                       move_triggers: list[Span]) -> Span | None:
        """The move trigger a list of people is the subject or object of, if any.

        The trigger nearest to the list decides when it is not a move (a founding,
        an investment) or is blocked ("menace de rejoindre"); otherwise the nearest
        move trigger that links to a member wins.
        """
        def distance(trigger: Span) -> int:
            return min(_distance(trigger, p) for p in group)

        # on a tie the open trigger wins
        nearest = min(competing, key=lambda t: (distance(t), t.start in ctx.blocked),
                      default=None)
        if nearest is None or nearest.label_ not in MOVE_KINDS:
            return None
        # a cue opening a relative clause ("replacing X, who becomes Y") hands the people to
        # the clause's own trigger; any other cue silences them
        if nearest.start in ctx.blocked and not ctx.blocked[nearest.start].startswith(","):
            return None
        for trigger in sorted(move_triggers, key=distance):
            if trigger.start in ctx.blocked:
                continue
            if any(self._linked(ctx, trigger, p) for p in group):
                return trigger
        return None

    def _plausible_role_in_clause(self, doc: Doc, trigger: Span, person: PersonMention) -> bool:
        """Whether the person can be the one moving, given the verb's voice and subject."""
        root = trigger[0]
        if root.pos_ not in ("VERB", "AUX", "ADJ") or len(trigger) > 1 and root.pos_ != "VERB":
            return True
        passive = any(c.dep_ in _PASSIVE_DEPS for c in root.children)
        person_tokens = range(person.start, person.end)
        is_subject = any(doc[i].dep_.startswith("nsubj") and doc[i].head.i == root.i
                         for i in person_tokens)
        # a participle with a subject of its own is a finite verb the tagger misread
        # and a present participle ("appointing", "nommant") is active: its mover follows it
        participle = "Part" in root.morph.get("VerbForm") and not any(
            c.dep_.startswith("aux") or c.dep_ == "nsubj" for c in root.children) \
            and "Prog" not in root.morph.get("Aspect") and "Pres" not in root.morph.get("Tense")
        if (participle and root.dep_ == "acl" or root.dep_ == "amod") and root.head.pos_ == "NOUN" \
                and root.head.i not in person_tokens and not self._is_title(doc, root.head.i):
            return False  # "les ministres nommés par X": the noun moved, not X
        between = doc[trigger.end:person.start] if person.start >= trigger.end else None
        if trigger.label_ == SUCCEED and not passive and (any(
                doc[i].head.i == root.i and doc[i].dep_ in ("obj", "iobj", "obl:arg", "dobj")
                for i in person_tokens) or relative_object(doc, trigger, person)):
            return True  # "X succède à Y", "Y qu'a remplacé X": Y, the object, leaves the post
        reflexive = any(c.dep_.startswith("expl") for c in root.children)
        # a phrase ("signed with", "signed a contract with") has the mover as its subject
        if root.lemma_.lower() in self.pack.agent_verbs and not reflexive and len(trigger) == 1:
            if passive or participle:
                if person.start < trigger.start:
                    # "X tried to ... after Y was elected": a passive with a named subject of
                    # its own, well apart from X, moves that subject
                    return not any(c.dep_.startswith("nsubj") and c.ent_type_ == "PER"
                                   and not person.start - 3 <= c.i < person.end + 3
                                   and not any(doc[i].head.i == c.i  # X in apposition to it
                                               for i in range(person.start, person.end))
                                   for c in root.children) \
                        or _conjoined_with(doc, person, [c for c in root.children
                                                         if c.dep_.startswith("nsubj")])
                # after the verb only as an inverted subject ("a été nommé X"), never "par X"
                return (between is not None and len(between) <= 4
                        and not any(t.lower_ in self.pack.agent_prepositions or t.pos_ == "VERB"
                                    for t in between))
            # active "X recrute Y": the mover is after the verb (and before the post a
            # role-bound verb announces: "accueille A et B comme administrateurs")
            post = _introduced_post(doc, trigger, self.pack) \
                if root.lemma_.lower() in self.pack.role_bound_verbs else None
            return person.start >= trigger.end and not is_subject \
                and (post is None or person.end <= post.start)
        # "A represented X, who signed with Y": the relative clause moves the one it is about
        if root.dep_ in ("relcl", "acl:relcl") and root.head.ent_type_ == "PER" and any(
                c.dep_.startswith("nsubj") and c.pos_ == "PRON" for c in root.children):
            return person.start <= root.head.i < person.end
        # "X rejoint Y": the mover is the subject, not a common noun nor someone further on
        if trigger.label_ in (JOIN, LEAVE) and len(trigger) == 1 and any(
                c.dep_ in ("dobj", "obj") and c.ent_type_ == "PER"
                and (person.start <= c.i < person.end or c.text in person.name.split())
                for c in root.children):
            return False  # the object is left or joined ("the loss left X furious")
        if len(trigger) > 1 and trigger[-1].lower_ in self.pack.of_words:
            return person.start >= trigger.end  # "mettre fin au mandat de X": X follows
        subjects = [c for c in root.children if c.dep_.startswith("nsubj")]
        # "Former Acme engineer X is joining Y": X names the subject noun, so X is the subject
        is_subject = is_subject or any(doc[i].head.i == c.i and doc[i].dep_ == "appos"
                                       for c in subjects for i in person_tokens)
        if subjects and not is_subject and all(
                c.pos_ == "NOUN" and not self._is_title(doc, c.i) for c in subjects):
            return False
        if subjects and not is_subject and any(c.ent_type_ == "PER" for c in subjects) \
                and not _conjoined_with(doc, person, subjects):
            return False  # "... in which Y became prime minister": Y moves, not X nearby
        if between is not None and any(t.pos_ == "VERB" for t in between):
            return False
        return True

    def _generic_complement(self, doc: Doc, trigger: Span) -> bool:
        """The trigger is followed by "du groupe", "du club": an organisation named before."""
        if any(t.lower_ in self.pack.team_nouns for t in trigger[1:]):
            return True  # "prendre le club en main"
        window = doc[trigger.end:min(trigger.sent.end, trigger.end + 3)]
        words = [t.lower_ for t in window]
        return bool(words) and words[0] in self.pack.of_words and any(
            t.lemma_.lower() in self.pack.generic_org_nouns or t.lower_ in self.pack.generic_org_nouns
            for t in window[1:])

    def _names_generic_noun(self, doc: Doc, org: OrgMention) -> bool:
        """"le club de X", "la chaîne X": the name of the noun's organisation, no origin."""
        i = org.start - 1
        while i > 0 and doc[i].lower_ in self.pack.of_words:
            i -= 1
        while i > 0 and doc[i].pos_ == "ADJ" and org.start - i <= 3:
            i -= 1  # "le club italien de X"
        return i >= 0 and i < org.start and (doc[i].lemma_.lower() in self.pack.generic_org_nouns
                                             or doc[i].lower_ in self.pack.generic_org_nouns)

    def _generic_employer(self, doc: Doc, trigger: Span) -> bool:
        """The verb's subject is "le club", "la société": an employer named earlier."""
        root = trigger[0]
        if root.lemma_.lower() not in self.pack.agent_verbs:
            return False
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in self.pack.generic_org_nouns
                   for c in root.children)

    def _is_title(self, doc: Doc, index: int) -> bool:
        return index in role_index(doc)[0]

    def _possessor(self, doc: Doc, trigger: Span, person: PersonMention) -> bool:
        """"la plume d'Emmanuel Macron", "le gouvernement de X": X owns a noun, X does not move."""
        first = doc[person.start]
        right_after_of = person.start > 0 and doc[person.start - 1].lower_ in self.pack.of_words
        return (not person.pronoun and right_after_of and first.dep_ == "nmod"
                and first.head.pos_ == "NOUN"
                and not trigger.start <= first.head.i < trigger.end
                and trigger[0].lower_ not in self.pack.new_role_adjectives
                and not (self._is_title(doc, first.head.i)
                         and not _owned_title(doc, person.start))
                and first.head.lemma_.lower() not in self.pack.noun_triggers)

    def _linked(self, ctx: DocContext, trigger: Span, person: PersonMention) -> bool:
        """Whether the person is the one the trigger is about, not just nearby."""
        doc = ctx.doc
        if self._possessor(doc, trigger, person):
            return False
        distance = _distance(trigger, person)
        if distance > _MAX_PERSON_DISTANCE:
            return clause_subject(doc, trigger, person)  # a long biographical sentence
        if trigger[0].lower_ in self.pack.new_role_adjectives:
            # "X, le nouveau PDG de Y" / "le nouveau PDG X": the title's holder is right there
            if person.end <= trigger.start:
                return trigger.start - person.end <= 3
            return person.start - trigger.end <= 8 and not any(
                t.pos_ in ("VERB", "AUX") for t in doc[trigger.end:person.start])
        before = [t.lower_ for t in doc[max(trigger.sent.start, person.start - 3):person.start]]
        if any(w in self.pack.agent_prepositions for w in before) and trigger.start < person.start:
            return False  # "nommée ... par le président, X": X appoints
        owner = person.end < len(doc) and doc[person.end].lower_ in self.pack.possessive_markers
        if owner and trigger.start not in (person.end + 1, person.end + 2):
            return False  # "President X's party": X owns something else, X does not move
        if trigger.start > 0 and doc[trigger.start - 1].lower_ in self.pack.possessive_markers \
                and person.end != trigger.start - 1:
            return False  # "Y's resignation" is Y's, not that of someone else in the sentence
        # a participle the tagger took for a noun ("X, entré chez Y jeune") links like a verb
        participle = len(trigger) > 1 and trigger[0].lower_ not in self.pack.noun_triggers
        if trigger[0].pos_ == "NOUN" and not participle or trigger.label_ in ("FOUND", "INVEST"):
            # "le départ de X", "sa nomination" with X the clause's subject
            if person.start >= trigger.end:
                between = [t.lower_ for t in doc[trigger.end:person.start]]
                if not any(w in self.pack.of_words for w in between[:3]):
                    return False
                # "le départ de la direction financière de Y de l'ingénieur X": a longer
                # chain of complements of the noun, with no verb nor clause break inside
                return len(between) <= 6 or len(between) <= 12 and not any(
                    t.pos_ in ("VERB", "AUX") or t.is_punct for t in doc[trigger.end:person.start]) \
                    and _complement_chain(doc, trigger, person)
            possessive = trigger.start > 0 and doc[trigger.start - 1].lower_ in self.pack.possessives
            is_subject = any(doc[i].dep_.startswith("nsubj") or doc[i].dep_ == "ROOT"
                             for i in range(person.start, person.end))
            if possessive and (distance <= 4 or is_subject and distance <= 20):
                return True
            return distance <= 12 and _files_the_noun(doc, trigger, person, self.pack)
        if distance <= 10:
            return True
        return _syntactic_link(doc, trigger, person) or clause_subject(doc, trigger, person)

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
            # "dirige le service de A, puis rejoint B": A is the first step's
            earlier = [t for t in move_triggers if t.end <= org.start]
            if trigger.start >= org.end and earlier and _comma_between(trigger.doc, org, trigger) \
                    and not _comma_between(trigger.doc, earlier[-1], org):
                trigger = earlier[-1]
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
              paragraph: int, rivals: tuple[int, ...] = ()) -> MoveCandidate | None:
        doc = ctx.doc
        kind = trigger.label_
        root = trigger[0]
        if not self._plausible_role_in_clause(doc, trigger, person) \
                or not _transferred(doc, trigger, person, self.pack):
            return None
        if kind == SUCCEED:
            passive = any(c.dep_ in _PASSIVE_DEPS for c in root.children)
            joiner = (person.start < trigger.start) != passive
            deps = {doc[i].dep_ for i in range(person.start, person.end) if doc[i].head.i == root.i}
            if relative_object(doc, trigger, person):
                joiner = False  # "Y, qu'a remplacé X": Y leaves
            elif person.start > root.i and any(c.dep_ == "obj" and c.lower_ in ("que", "qu'", "qu’")
                                               for c in root.children):
                joiner = True  # ... and X, after the verb, is its inverted subject
            elif "nsubj" in deps:
                joiner = True  # also the inverted "qu'a remplacé X"
            elif deps & {"obj", "iobj", "obl:arg", "nsubj:pass", "dobj"}:
                joiner = False  # the one replaced, also "X a été remplacé par Y"
            if root.pos_ == "NOUN" and (person.end == trigger.start - 1 or (
                    person.end <= trigger.start and trigger.start > 0
                    and doc[trigger.start - 1].lower_ in self.pack.possessives)):
                joiner = False  # "Y's successor", "Y ... son successeur": Y leaves
            kind = APPOINT if joiner else LEAVE
        from_org, to_org = self._sides(ctx, sent, trigger, kind, person, orgs)
        confidence = 0.6
        weak = root.lemma_.lower() in self.pack.weak_triggers or root.lower_ in self.pack.weak_triggers
        if from_org is None and to_org is None and weak:
            return None
        if weak and kind == APPOINT and to_org is None:
            return None  # "chose X as a running mate": picked, but for no post anywhere
        if from_org is None and to_org is None:
            # "X a quitté le club", "à la tête du groupe": the article's main organisation,
            # read where the description stands (org_descriptions)
            described = described_mentions(ctx, self.pack, sent.start, sent.end)
            from_org, to_org = self._sides(ctx, sent, trigger, kind, person, described)
        if from_org is None and to_org is None and trigger.start not in self._lent_steps:
            context = ctx.context_for(paragraph)
            if kind == LEAVE:
                from_org = context.get("from")
            else:
                to_org = context.get("to")
            if from_org is None and to_org is None and self._generic_complement(doc, trigger):
                # "son départ du groupe industriel": the organisation named in the sentence
                named = [o for o in ctx.in_span(ctx.orgs, sent.start, sent.end) if o.known]
                nearest = min(named, key=lambda o: _distance(o, person), default=None)
                picked = nearest.text if nearest else ctx.topic_org(sent)
                if kind == LEAVE:
                    from_org = picked
                else:
                    to_org = picked
            if from_org is None and to_org is None and self._generic_employer(doc, trigger):
                # "Le club a licencié X": the club the paragraph is about
                topic = ctx.topic_org(sent)
                if kind == LEAVE:
                    from_org = topic
                else:
                    to_org = topic
            confidence = 0.45
        if from_org is None and to_org is None and kind == LEAVE:
            # "X quitte ses fonctions" with "X, directeur de Y" elsewhere in the article
            from_org = ctx.affiliation(person.name)
        own_post = None
        if from_org is None and to_org is None and kind == APPOINT:
            if _own_post_follows(doc, trigger, person, self.pack):
                to_org = ctx.affiliation(person.name)  # "appointed X to her position"
                own_post = ctx.affiliation_title(person.name) if to_org else None
            if to_org is None:
                to_org = appointer_government(ctx, self.pack, sent, trigger, persons)
            if to_org is None:
                to_org = previous_step_org(ctx, person, sent)
        if from_org is None and to_org is None and kind == LEAVE:
            # "Peruvian president X dismisses Y": Y leaves the government X heads
            from_org = appointer_government(ctx, self.pack, sent, trigger, persons)
        role = move_role(ctx, self.pack, sent, trigger, kind, person, persons,
                         (from_org, to_org)) or own_post
        role = title_with_domain(ctx, sent, role)
        if to_org and role and kind != LEAVE and _implied_org(role, self.pack) and any(
                e.label_ == "LOC" and e.text == to_org for e in sent.ents):
            to_org = _implied_org(role, self.pack)  # "Premier ministre du Pays": its government
        if from_org is None and to_org is None and role \
                and _title_names_the_visitor(ctx, trigger, person, role, self.pack):
            return None
        if from_org is None and to_org is None and role:
            # "Lithuanian culture minister X resigns", "la nouvelle ministre chilienne X":
            # the country's government, else the title's usual one ("the minister resigned")
            national = national_government(ctx, self.pack, sent, role) \
                or office_place(ctx, self.pack, sent, role)
            if national is None and (kind != LEAVE or self.pack.public_roles):
                national = _implied_org(role, self.pack)
            if kind == LEAVE:
                from_org = national
            else:
                to_org = national
            confidence = 0.45
        if from_org is None and to_org is None:
            return None
        if to_org is None and kind == JOIN:
            to_org = team_of_sentence(ctx, sent)
        if from_org and to_org and _same_org(from_org, to_org):
            from_org = None
        if person.name and ((to_org and to_org in person.name) or (from_org and from_org in person.name)):
            return None
        role = title_with_complement(ctx, sent, role)  # last: lookups above read the bare title
        return MoveCandidate(
            person=person.name, from_org=from_org, to_org=to_org, role=role, kind=kind,
            trigger=trigger.text, trigger_char=trigger.start_char,
            other_trigger_chars=rivals,
            sent_start=sent.start_char, sent_end=_sent_end_char(sent), confidence=confidence)

    def _sides(self, ctx: DocContext, sent: Span, trigger: Span, kind: str,
               person: PersonMention, orgs: list[OrgMention]) -> tuple[str | None, str | None]:
        text = ctx.text
        best: dict[str, tuple[int, str]] = {}
        candidates: dict[str, list[tuple[int, OrgMention]]] = {}
        weak = trigger[0].lemma_.lower() in self.pack.weak_triggers or \
            trigger[0].lower_ in self.pack.weak_triggers
        # in a reported clause the reporter is no side ("the court found X was sworn in")
        # unless it announces about "its" people ("Acme said its CFO, X, will retire")
        reporter_counts = trigger[0].dep_ != "ccomp" or any(
            t.lower_ in self.pack.org_possessives
            for t in ctx.doc[max(sent.start, person.start - 4):person.start])
        reporter = trigger[0].head if not reporter_counts else None
        persons = ctx.in_span(ctx.persons, sent.start, sent.end)
        for org in orgs:
            side = _side(org, kind)
            if side not in ("from", "to"):
                continue
            if reporter is not None and any(ctx.doc[i].dep_ == "nsubj" and ctx.doc[i].head.i == reporter.i
                                            for i in range(org.start, org.end)):
                continue  # "Acme confirmed X would join Y": Acme only speaks
            transfer = _transfer_side(ctx.doc, trigger, person, org, self.pack)
            apposed = succession_title_side(ctx.doc, trigger, kind, person, org, persons)
            if apposed == "none":
                continue
            if apposed:
                side = apposed  # the title beside a person says whose post it is
            elif transfer:
                side = transfer
            elif kind == JOIN and org.marker == "at" and org.marker_words in _BARE_OF \
                    and not org.after_role and org.start > trigger.start \
                    and not self._names_generic_noun(ctx.doc, org):
                side = "from"  # "débauché du Sporting", "transfert de X du Racing à Y"
            near_trigger = _distance(trigger, org) <= (1 if weak else 6)
            title_org = org.after_role and (_distance(person, org) <= 6
                                            or trigger.label_ == SUCCEED)
            # "signed X from Y": the origin marked right after the person
            origin_after_person = org.marker == "from" and org.strong \
                and person.end <= org.start and _distance(person, org) <= 6 \
                and not any(t.pos_ in ("VERB", "AUX") for t in ctx.doc[person.end:org.start])
            if weak and not (org.strong and _distance(trigger, org) <= 3 or near_trigger
                             or origin_after_person or transfer or apposed):
                continue
            if kind in (JOIN, APPOINT) and trigger.end <= org.start < person.start \
                    and _title_between(ctx.doc, org, person):
                side = "from"  # "hired Globex CTO X": the title's employer is the one left
            if not near_trigger and org.start >= trigger.end and _distance(trigger, org) <= 12 \
                    and not any(t.pos_ == "VERB" or t.ent_type_ == "PER"
                                and not person.start <= t.i < person.end
                                for t in ctx.doc[trigger.end:org.start]):
                near_trigger = True  # "nommée à la tête du service des essais de Vantor"
            if near_trigger and not org.strong and self.pack.comma_bounds_clauses \
                    and _comma_between(ctx.doc, trigger, org) and _distance(person, org) > 4 \
                    and not _syntactic_link(ctx.doc, trigger, org, reporter_counts):
                near_trigger = False  # a comma-bounded clause: the org belongs to another predicate
            beside_person = _distance(person, org) <= 2  # "X et TF1 ont mis fin à leur collaboration"
            if not (org.strong or near_trigger or title_org or beside_person
                    or _syntactic_link(ctx.doc, trigger, org, reporter_counts)):
                continue
            if org.start > person.end:
                between = text[ctx.doc[person.end].idx:ctx.doc[org.start].idx].lower()
                # a trigger may run through the organisation ("became Acme chief executive")
                trigger_between = person.end <= trigger.start < org.start
                if not trigger_between and side == "to" \
                        and any(cue in between for cue in self.pack.past_cues) \
                        and org.marker in ("at", None):
                    side = "from"
            distance = min(abs(org.start - trigger.start), abs(org.start - person.start))
            if org.strong or any(ctx.doc[i].dep_ == "obj" and ctx.doc[i].head.i == trigger[0].i
                                 for i in range(org.start, org.end)):
                distance -= 3  # "à la tête de X", "quitte X" say more than a bare "de X"
            if side == "to" and kind != LEAVE and org.end <= trigger.start and not org.strong:
                distance += 100  # an arrival's destination usually follows the verb
            candidates.setdefault(side, []).append((distance, org))
            if side not in best or distance < best[side][0]:
                best[side] = (distance, org.text)
        to_list = sorted(candidates.get("to", []), key=lambda c: c[0])
        if "from" not in best and len(to_list) > 1 and kind != LEAVE:
            # "X, travaillait chez A avant d'être nommé à B": the earlier one is the origin
            first = min(to_list, key=lambda c: c[1].start)[1]
            if first.end <= trigger.start and first.text != best["to"][1]:
                best["from"] = (0, first.text)
        return (best.get("from", (0, None))[1], best.get("to", (0, None))[1])


def _owned_title(doc: Doc, person_start: int) -> bool:
    """"la directrice de campagne de X": a title of several words right before "de X" is
    held for X, whose post it is not."""
    return person_start - 1 in role_index(doc)[1]


__all__ = ["MoveArguments", "context_of", "JOIN", "FOUND", "INVEST"]
