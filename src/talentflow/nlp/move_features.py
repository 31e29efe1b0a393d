"""Candidates and features for the learned move model (:mod:`talentflow.nlp.move_model`).

A candidate is one (person mention, organisation mention) pair in a sentence, or a person
with an organisation named in the sentence before. Its features are plain strings: the words
around and between the two, the dependency path joining them, the trigger words and kinds
the rules found in the sentence, the side marker in front of the organisation, and the
rules' own vote (did the rule finder give this person a move from or to this organisation).
The same function builds candidates at training and at extraction time, so what the model
learned is what it sees.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from talentflow.nlp.appointers import FOUNDER, appointer_features, founder_features
from talentflow.nlp.convert import fold
from talentflow.nlp.doc_context import DocContext, OrgMention, PersonMention
from talentflow.nlp.extensions import ROLES
from talentflow.nlp.lang import MOVE_KINDS, LanguagePack
from talentflow.nlp.records import MoveCandidate
from talentflow.nlp.move_reports import sites_of
from talentflow.nlp.move_far_pairs import FarOrgs, linked_pairs
from talentflow.nlp.move_identity import by_surname, same_org, same_person, surname
from talentflow.nlp.move_roles import (VAGUE_OFFICES, complemented, nearest_office,
                                       person_titles, titled_other)

_MAX_GAP = 40          # tokens between a person and an organisation for a pair
_PLACE_LABELS = {"LOC", "GPE"}


@dataclass
class OrgCandidate:
    start: int
    end: int
    text: str
    kind: str                       # "org", "place", "gov", "nationality"
    mention: OrgMention | None = None


@dataclass
class PairCandidate:
    person: str                     # canonical name of the person
    org: str                        # organisation as written
    sent_start: int                 # character offsets of the evidence sentence
    sent_end: int
    person_token: int
    org_token: int
    trigger_char: int               # the nearest trigger's start (the move's date is near it)
    role: str | None                # a title written next to the person, else the rules' one
    title_elsewhere: str | None = None  # one set beside another mention of the person
    reports: tuple = ()             # the person's other reports of a move (move_reports.Site)
    features: list[str] = field(default_factory=list)


def org_candidates(ctx: DocContext, pack: LanguagePack) -> list[OrgCandidate]:
    """Organisations the rules know, places (a minister's country, a club's city) and
    "<title> <nationality>" read as that country's government."""
    doc = ctx.doc
    found = [OrgCandidate(o.start, o.end, o.text, "org", o) for o in ctx.orgs]
    taken = {i for o in ctx.orgs for i in range(o.start, o.end)}
    for ent in doc.ents:
        if ent.label_ in _PLACE_LABELS and ent.start not in taken:
            found.append(OrgCandidate(ent.start, ent.end, ent.text.strip(" ,.;:«»\"'"), "place"))
            taken.update(range(ent.start, ent.end))
    nationalities = pack.nationalities_after_title
    if nationalities:
        for span in doc.spans.get(ROLES, []):
            if span.end < len(doc) and span.end not in taken \
                    and doc[span.end].lower_ in nationalities:
                found.append(OrgCandidate(span.end, span.end + 1,
                                          f"{pack.government_name} {nationalities[doc[span.end].lower_]}",
                                          "nationality"))
    if pack.code == "en":
        for ent in doc.ents:
            if ent.label_ == "NORP" and ent.start not in taken:
                found.append(OrgCandidate(ent.start, ent.end, f"{ent.text} government", "nationality"))
    found.sort(key=lambda o: o.start)
    return [o for o in found if o.text]


def pair_candidates(ctx: DocContext, pack: LanguagePack,
                    rule_moves: list[MoveCandidate], *, widen: bool = False,
                    cross: bool = False) -> list[PairCandidate]:
    """With ``widen``, a sentence naming a person and an organisation is a candidate even
    without a trigger word (feature ``wide_sent``): the moves told with a verb the lexicon
    lacks get a decision too. With ``cross``, a person in a move sentence is also paired
    with organisations named elsewhere (``bias_scope=far``, see :class:`FarOrgs`): "X a été
    nommé directeur financier" in an article about one company. The model says how it was
    trained (``MoveModel.widen``, ``MoveModel.cross``)."""
    doc = ctx.doc
    persons = ctx.persons
    if not persons:
        return []
    named = {i for p in persons if not p.pronoun for i in range(p.start, p.end)}
    orgs = [o for o in org_candidates(ctx, pack) if o.start not in named]
    if not orgs:
        return []
    sents = list(doc.sents)
    sent_index = {}
    for index, sent in enumerate(sents):
        for i in range(sent.start, sent.end):
            sent_index[i] = index
    orgs_by_sent: dict[int, list[OrgCandidate]] = {}
    for org in orgs:
        orgs_by_sent.setdefault(sent_index[org.start], []).append(org)
    persons_by_sent: dict[int, list[PersonMention]] = {}
    for person in persons:
        persons_by_sent.setdefault(sent_index[person.start], []).append(person)
    triggers_by_sent: dict[int, list[Span]] = {}
    for trigger in ctx.triggers:
        triggers_by_sent.setdefault(sent_index[trigger.start], []).append(trigger)
    roles_by_sent: dict[int, list[Span]] = {}
    for role in ctx.roles:
        roles_by_sent.setdefault(sent_index[role.start], []).append(role)
    org_counts: dict[str, int] = {}
    for org in orgs:
        org_counts[fold(org.text)] = org_counts.get(fold(org.text), 0) + 1
    title_end = len(doc.text.split("\n", 1)[0])
    titles = person_titles(ctx)
    reports = doc._.tf_move_reports or []
    linked = linked_pairs(ctx, orgs_by_sent, sent_index) if cross else set()
    far_orgs = FarOrgs(ctx, sents, sent_index, orgs, org_counts, title_end) if cross else None
    candidates = []
    rule_sentences = {move.sent_start for move in rule_moves}
    rules_of = by_surname(rule_moves, lambda move: move.person)
    rules_of_person: dict[str, list[MoveCandidate]] = {}
    reports_of_person: dict[str, tuple] = {}
    votes: dict[tuple[str, str], list[str]] = {}

    def vote(person: str, org: str, own_rules: list[MoveCandidate]) -> list[str]:
        # once per person and organisation, whichever mention or scope asks
        if (person, org) not in votes:
            votes[person, org] = _rule_votes(person, org, own_rules)
        return votes[person, org]
    for index, sent_persons in persons_by_sent.items():
        sent = sents[index]
        sent_triggers = triggers_by_sent.get(index, [])
        # a sentence reports a move through a trigger; without one, only where the rules
        # found a move (a career step lent its verb) is it worth a decision
        wide = False
        if not any(t.label_ in MOVE_KINDS for t in sent_triggers) \
                and sent.start_char not in rule_sentences:
            if not widen or index not in orgs_by_sent:
                continue
            wide = True
        sent_feats = _sentence_features(doc, sent, sent_triggers, ctx, len(sent_persons))
        if wide:
            sent_feats.append("wide_sent")
        same = [(org, "") for org in orgs_by_sent.get(index, [])]
        # a sentence without a trigger pairs only with its own organisations
        before = [(org, "prev_") for org in orgs_by_sent.get(index - 1, [])] \
            if index and not wide else []
        for person in sent_persons:
            trigger_char = min((t[0].idx for t in sent_triggers),
                               key=lambda c: abs(c - doc[person.start].idx),
                               default=doc[person.start].idx)
            # the rules' moves of this very person, its other reports and the votes, once
            # per name: the same person's rules read at every mention made this quadratic
            if person.name not in rules_of_person:
                rules_of_person[person.name] = [m for m in rules_of.get(surname(person.name), [])
                                                if same_person(m.person, person.name)]
                reports_of_person[person.name] = sites_of(reports, person.name, same_person)
            own_rules = rules_of_person[person.name]
            role = _role_of(person, [r for r in roles_by_sent.get(index, [])
                                     if not titled_other(doc, r, person, sent_persons)], own_rules,
                            nearest_office(doc, pack, sent, sent_triggers, person), sent)
            person_feats = _person_features(doc, person, ctx, roles_by_sent.get(index, []), pack,
                                            own_rules, title_end)
            far = far_orgs.of_sentence(index) if far_orgs is not None and not wide else []
            for org, scope in same + before:
                if scope == "" and abs(org.start - person.start) > _MAX_GAP:
                    continue
                feats = [scope + f for f in sent_feats]
                feats += person_feats
                feats += [scope + f for f in _pair_features(doc, person, org, sent, pack)]
                if scope == "":
                    feats += _trigger_link_features(doc, person, org, sent_triggers)
                feats += _org_features(org, org_counts, ctx, doc, title_end)
                feats += vote(person.name, org.text, own_rules)
                feats.append("bias_scope=" + (scope or "same"))
                candidates.append(PairCandidate(
                    person=person.name, org=org.text, sent_start=sent.start_char,
                    sent_end=sent.end_char,
                    person_token=person.start, org_token=org.start,
                    trigger_char=trigger_char, role=role, features=feats,
                    title_elsewhere=titles.get(person.name),
                    reports=reports_of_person[person.name]))
            if far:
                # what the far pairs of this person share, computed once for all of them
                mover = _mover_features(doc, person, sent_triggers)
                mover += ["far_" + f for f in sent_feats if f.startswith(("trig_", "n_"))]
                mover += ["far_" + f for f in person_feats
                          if f.startswith(("p_dep", "p_role", "rule_"))]
                mover += [f for f in person_feats if f == FOUNDER]  # read by move_model too
                if index in orgs_by_sent:
                    mover.append("far_sent_has_org")
                if index - 1 in orgs_by_sent:
                    mover.append("far_prev_has_org")
                at_hand = ("o" if index in orgs_by_sent else "-") \
                    + ("p" if index - 1 in orgs_by_sent else "-")
                rules_move = "r" if "rule_person_moves" in person_feats else "-"
                lacks = ["far_rule_lacks_" + ("from" if not move.from_org else
                                              "to" if not move.to_org else "none")
                         for move in own_rules if move.sent_start == sent.start_char]
            for org, org_feats in far:
                feats = ["bias_scope=far"] + org_feats + mover
                is_linked = (surname(person.name), fold(org.text)) in linked
                if is_linked:
                    feats.append("far_linked")
                # the few signals worth most, together: no organisation at hand, the
                # person written beside this one elsewhere, the article's own organisation
                feats.append("far_combo=" + at_hand + ("l" if is_linked else "-")
                             + ("m" if {"far_src=main", "far_src=rank1"} & set(org_feats)
                                else "-") + rules_move)
                feats += _org_features(org, org_counts, ctx, doc, title_end)
                feats += vote(person.name, org.text, own_rules)
                feats += lacks
                candidates.append(PairCandidate(
                    person=person.name, org=org.text, sent_start=sent.start_char,
                    sent_end=sent.end_char, person_token=person.start, org_token=org.start,
                    trigger_char=trigger_char, role=role, features=feats,
                    title_elsewhere=titles.get(person.name),
                    reports=reports_of_person[person.name]))
    return candidates


def _mover_features(doc: Doc, person: PersonMention, triggers: list[Span]) -> list[str]:
    """How the person hangs from the nearest trigger of their sentence: the subject of
    "rejoindre", the object of "nommer" moves; a name elsewhere in the clause seldom does."""
    if not triggers:
        return ["far_pt=none"]
    trigger = min(triggers, key=lambda t: abs(t.start - person.start))
    shape = _path_shape(_dependency_path(doc[person.start:person.end].root, trigger.root))
    return [f"far_pt={trigger.label_}:{shape}", f"far_pt_shape={shape}"]


def _role_of(person: PersonMention, roles: list[Span],
             rule_moves: list[MoveCandidate], office: str | None = None,
             sent: Span | None = None) -> str | None:
    for move in rule_moves:
        if move.role and same_person(move.person, person.name):
            return move.role
    if office and not office.lower().startswith(VAGUE_OFFICES):
        return office  # "nommé à la présidence de X": the post the move names
    near = [(person.start - r.end if r.end <= person.start else r.start - person.end, r)
            for r in roles]
    # a title beside the name ("la ministre X", "X, PDG de Y") first; one a few words away
    # ("X a été nommé hier directeur") when the sentence has no closer one
    near = [(gap, r) for gap, r in near if 0 <= gap <= 10]
    if not near:
        return office
    title = min(near, key=lambda x: x[0])[1]
    # "names X its envoy to Norway": the post with the body it serves
    return complemented(title.doc, sent, title) if sent is not None else title.text


def _sentence_features(doc: Doc, sent: Span, triggers: list[Span], ctx: DocContext,
                       n_persons: int) -> list[str]:
    feats = [f"n_persons={min(n_persons, 4)}", f"n_triggers={min(len(triggers), 3)}"]
    for trigger in triggers:
        feats.append(f"trig_kind={trigger.label_}")
        feats.append(f"trig_lemma={trigger[0].lemma_.lower()}")
        if trigger.start in ctx.blocked:
            feats.append("trig_blocked")
            feats.append(f"trig_blocked_kind={trigger.label_}")
    for token in sent:
        if token.pos_ in ("VERB", "AUX") or token.pos_ == "NOUN" and token.dep_ in ("ROOT", "nsubj", "obj"):
            feats.append(f"sent_{token.pos_}={token.lemma_.lower()}")
        if token.dep_ == "ROOT":
            feats.append(f"root={token.lemma_.lower()}")
            feats.append(f"root_tense={token.morph.get('Tense')}")
            feats.append(f"root_mood={token.morph.get('Mood')}")
    if sent.start == 0:
        feats.append("first_sentence")
    return feats


def _person_features(doc: Doc, person: PersonMention, ctx: DocContext, roles: list[Span],
                     pack: LanguagePack, rule_moves: list[MoveCandidate], title_end: int) -> list[str]:
    feats = []
    if person.pronoun:
        feats.append("person_pronoun")
    head = doc[person.start:person.end].root
    feats.append(f"p_dep={head.dep_}")
    feats.append(f"p_head={head.head.lemma_.lower()}")
    feats.append(f"p_head_dep={head.dep_}>{head.head.lemma_.lower()}")
    feats += appointer_features(head, pack) + founder_features(head, pack)
    if person.start > 0:
        feats.append(f"p_prev={doc[person.start - 1].lower_}")
    if person.end < len(doc):
        feats.append(f"p_next={doc[person.end].lower_}")
    for role in roles:
        gap = person.start - role.end if role.end <= person.start else role.start - person.end
        if 0 <= gap <= 3:
            feats.append("p_role_adjacent")
            feats.append(f"p_role_word={role[0].lower_}")
    if doc[person.start].idx < title_end:
        feats.append("p_in_title")
    if any(same_person(m.person, person.name) for m in rule_moves):
        feats.append("rule_person_moves")
    return feats


def _pair_features(doc: Doc, person: PersonMention, org: OrgCandidate, sent: Span,
                   pack: LanguagePack) -> list[str]:
    feats = []
    if org.start >= person.end:
        order, gap_tokens = "p_o", doc[person.end:org.start]
    else:
        order, gap_tokens = "o_p", doc[org.end:person.start]
    gap = len(gap_tokens)
    feats.append(f"order={order}")
    feats.append(f"gap={min(gap, 10) if gap < 10 else (20 if gap < 20 else 40)}")
    if gap <= 12:
        for token in gap_tokens:
            if not token.is_punct:
                feats.append(f"between={token.lemma_.lower()}")
        if gap <= 4:
            feats.append("between_seq=" + "_".join(t.lower_ for t in gap_tokens))
    for offset in (1, 2, 3):
        if org.start - offset >= sent.start:
            feats.append(f"o_prev{offset}={doc[org.start - offset].lower_}")
    if org.start >= 2:
        feats.append(f"o_prev12={doc[org.start - 2].lower_}_{doc[org.start - 1].lower_}")
    path = _dependency_path(doc[person.start:person.end].root, doc[org.start:org.end].root)
    if path:
        feats.append(f"path={path}")
        feats.append(f"path_shape={_path_shape(path)}")
        feats.append(f"path_top={path.split('|')[1] if '|' in path else ''}")
    return feats


def _trigger_link_features(doc: Doc, person: PersonMention, org: OrgCandidate,
                           triggers: list[Span]) -> list[str]:
    """How the person and the organisation hang from the trigger nearest the person: the
    mover is the object of "nommer", the subject of "rejoindre"; the destination follows "à"."""
    if not triggers:
        return ["no_trigger"]
    person_root = doc[person.start:person.end].root
    org_root = doc[org.start:org.end].root
    trigger = min(triggers, key=lambda t: abs(t.start - person.start))
    kind, lemma = trigger.label_, trigger[0].lemma_.lower()
    feats = []
    for name, root in (("pt", person_root), ("ot", org_root)):
        path = _dependency_path(root, trigger.root)
        shape = _path_shape(path)
        feats.append(f"{name}_shape={kind}:{shape}")
        feats.append(f"{name}_lemma_shape={lemma}:{shape}")
        if path and "|" in path and path.split("|")[1] == lemma:
            feats.append(f"{name}_governed_by_trigger={kind}")
    between = sorted((trigger.start, org.start))
    feats.append(f"ot_order={kind}:{'o_after_t' if org.start > trigger.start else 'o_before_t'}")
    feats.append(f"pt_order={kind}:{'p_after_t' if person.start > trigger.start else 'p_before_t'}")
    feats.append(f"ot_gap={kind}:{min(between[1] - between[0], 8)}")
    return feats


def _path_shape(path: str | None) -> str:
    if not path or path == "long":
        return path or "none"
    left, _, right = path.split("|")
    return f"{left}|^|{right}"


def _dependency_path(a, b) -> str | None:
    """"nsubj|rejoindre|obl:mod" from a person's head through their lowest common ancestor."""
    ancestors_a = [a] + list(a.ancestors)
    index_a = {t.i: n for n, t in enumerate(ancestors_a)}
    up_b = []
    for token in [b] + list(b.ancestors):
        if token.i in index_a:
            up_a = ancestors_a[:index_a[token.i]]
            if len(up_a) + len(up_b) > 6:
                return "long"
            left = ">".join(t.dep_ for t in up_a)
            right = "<".join(t.dep_ for t in reversed(up_b))
            return f"{left}|{token.lemma_.lower()}|{right}"
        up_b.append(token)
    return None


def _org_features(org: OrgCandidate, org_counts: dict[str, int], ctx: DocContext, doc: Doc,
                  title_end: int) -> list[str]:
    feats = [f"o_kind={org.kind}", f"o_count={min(org_counts.get(fold(org.text), 0), 4)}"]
    mention = org.mention
    if mention is not None:
        feats.append(f"o_marker={mention.marker}")
        feats.append(f"o_marker_strong={mention.marker}_{mention.strong}")
        if mention.after_role:
            feats.append("o_after_role")
        if mention.known:
            feats.append("o_known")
        for word in mention.marker_words:
            feats.append(f"o_marker_word={word}")
    if ctx.main_org and same_org(ctx.main_org, org.text):
        feats.append("o_main")
    if doc[org.start].idx < title_end:
        feats.append("o_in_title")
    feats.append(f"o_ent={doc[org.start].ent_type_ or 'none'}")
    return feats


def _rule_votes(person: str, org: str, rule_moves: list[MoveCandidate]) -> list[str]:
    feats = []
    for move in rule_moves:
        if not same_person(move.person, person):
            continue
        if move.to_org and same_org(move.to_org, org):
            feats.append("rule_to")
            feats.append(f"rule_to_kind={move.kind}")
        if move.from_org and same_org(move.from_org, org):
            feats.append("rule_from")
            feats.append(f"rule_from_kind={move.kind}")
    return feats



@dataclass
class PairGroup:
    """Every candidate of one person with one organisation, across the article: the model
    decides once per group, on the union of its candidates' features, since an article's
    labels say who moved where but not in which sentence."""
    person: str
    org: str
    candidates: list[PairCandidate]
    features: list[str]

    @property
    def evidence(self) -> PairCandidate:
        """The candidate that reads most like the report of the move: same sentence as the
        organisation, a trigger in it, the two closest."""
        def cost(c: PairCandidate):
            same = "bias_scope=same" in c.features
            trigger = any(f.startswith("trig_kind=") for f in c.features)
            rule = any(f in ("rule_to", "rule_from") for f in c.features)
            return (not rule, not trigger, not same, abs(c.person_token - c.org_token))
        return min(self.candidates, key=cost)


def group_pairs(candidates: list[PairCandidate]) -> list[PairGroup]:
    groups: list[PairGroup] = []
    groups_of: dict[str, list[PairGroup]] = {}
    for cand in candidates:
        same_surname = groups_of.setdefault(surname(cand.person), [])
        for group in same_surname:
            if same_person(group.person, cand.person) and same_org(group.org, cand.org):
                group.candidates.append(cand)
                if len(cand.person) > len(group.person):
                    group.person = cand.person
                break
        else:
            group = PairGroup(cand.person, cand.org, [cand], [])
            groups.append(group)
            same_surname.append(group)
    for group in groups:
        features = set()
        for cand in group.candidates:
            features.update(cand.features)
        n = len(group.candidates)
        features.add(f"g_mentions={min(n, 5)}")
        group.features = sorted(features)
    return groups
