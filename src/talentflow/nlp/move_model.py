"""talentflow_move_model: who moves, and which organisation is ``from`` and which ``to``,
decided by a model trained on data/train (see :mod:`talentflow.nlp.move_training`).

The rule finder (``talentflow_arguments``) runs first; its moves become features (votes),
then this component scores every (person, organisation) pair of
:func:`talentflow.nlp.move_features.pair_candidates` as none / from / to and keeps, per
person, the organisations it is sure enough of. Where the model file holds a far-pair model
(``cross``), pairs of a mover with organisations named only in other sentences are scored
by it apart, and fill only the (person, side) slots those decisions left empty
(:func:`add_far_moves`). Without a shipped model for the language the rules' moves stand as
they are.

The model is a multinomial logistic regression stored as JSON (feature -> three weights), so
scoring is a dictionary look-up per feature and needs nothing beyond the standard library.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from talentflow.core.errors import ModelNotInstalledError
from talentflow.nlp import extensions  # noqa: F401  (registers Doc attributes)
from talentflow.nlp.appointers import APPOINTER, FOUNDER
from talentflow.nlp.arguments import context_of
from talentflow.nlp.lang import JOIN, LEAVE, get_pack
from talentflow.nlp.move_features import PairCandidate, PairGroup, group_pairs, pair_candidates
from talentflow.nlp.move_identity import by_surname, same_org, same_person, surname
from talentflow.nlp.records import MoveCandidate

MODEL_DIR = Path(__file__).resolve().parent / "models"
SIDES = ("none", "from", "to")


@dataclass(frozen=True)
class MoveModel:
    lang: str
    weights: dict[str, tuple[float, float, float]]
    bias: tuple[float, float, float]
    threshold: float        # a person the rules missed moves when a side reaches this
    side_threshold: float   # a second side (the other end of the move) needs this
    keep_threshold: float   # a rule move whose organisation scores under this is dropped
    meta: dict
    widen: bool = False     # trained on trigger-less sentences too (pair_candidates' widen)
    cross: bool = False     # trained on organisations of other sentences too (``cross``)
    # the far-pair model (``cross``): its own weights and thresholds, trained on pairs met
    # only across sentences, so the same-sentence decisions keep their weights exactly
    far: "MoveModel | None" = None

    def probabilities(self, features: list[str]) -> tuple[float, float, float]:
        scores = list(self.bias)
        weights = self.weights
        for feature in set(features):
            row = weights.get(feature)
            if row is not None:
                scores[0] += row[0]
                scores[1] += row[1]
                scores[2] += row[2]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return exps[0] / total, exps[1] / total, exps[2] / total

    def to_json(self) -> dict:
        return {"lang": self.lang, "bias": list(self.bias), "threshold": self.threshold,
                "side_threshold": self.side_threshold, "keep_threshold": self.keep_threshold,
                "meta": self.meta, "widen": self.widen, "cross": self.cross,
                **({"far": self.far.to_json()} if self.far is not None else {}),
                "weights": {f: [round(w, 5) for w in row] for f, row in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict) -> "MoveModel":
        return cls(lang=data["lang"], weights={f: tuple(row) for f, row in data["weights"].items()},
                   bias=tuple(data["bias"]), threshold=data["threshold"],
                   side_threshold=data["side_threshold"],
                   keep_threshold=data["keep_threshold"], meta=data.get("meta", {}),
                   widen=bool(data.get("widen", False)),
                   cross=bool(data.get("cross", False)),
                   far=cls.from_json(data["far"]) if data.get("far") else None)


def model_path(lang: str) -> Path:
    return MODEL_DIR / f"moves.{lang}.json"


@lru_cache(maxsize=8)
def load_move_model(path: str) -> MoveModel | None:
    file = Path(path)
    if not file.exists():
        return None
    try:
        return MoveModel.from_json(json.loads(file.read_text(encoding="utf-8")))
    except (ValueError, KeyError) as error:
        raise ModelNotInstalledError(
            f"the move model {file} cannot be read: {error}",
            hint="rebuild it with `make train`", item=str(file)) from error


def _by_person(scored_groups) -> list[list[tuple[PairGroup, tuple[float, float, float]]]]:
    """Scored pair groups gathered per person, in first-mention order; spellings of one
    person ("Ana Kerval", "Kerval") are looked up by surname, so this stays linear."""
    people: list[list[tuple[PairGroup, tuple[float, float, float]]]] = []
    people_of: dict[str, list[list]] = {}
    for group, probs in scored_groups:
        same_surname = people_of.setdefault(surname(group.person), [])
        for scored in same_surname:
            if same_person(scored[0][0].person, group.person):
                scored.append((group, probs))
                break
        else:
            people.append([(group, probs)])
            same_surname.append(people[-1])
    return people


def decide_moves(groups: list[PairGroup], probabilities: list[tuple[float, float, float]],
                 threshold: float, side_threshold: float) -> list[MoveCandidate]:
    """Per person, every organisation whose ``to`` probability reaches ``threshold`` is a
    move there; the most likely ``from`` joins the surest of them when it reaches
    ``side_threshold``, or stands alone as a departure when it reaches ``threshold``."""
    people = _by_person(zip(groups, probabilities))
    moves = []
    for scored in people:
        name = max((g.person for g, _ in scored), key=len)
        arrivals = sorted((gp for gp in scored if gp[1][2] >= threshold and gp[1][2] >= gp[1][1]),
                          key=lambda gp: -gp[1][2])
        departures = sorted((gp for gp in scored if gp[1][1] >= side_threshold
                             and gp[1][1] > gp[1][2]), key=lambda gp: -gp[1][1])
        if arrivals:
            origin = departures[0][0].org if departures else None
            for n, (group, probs) in enumerate(arrivals):
                moves.append(_move(name, origin if n == 0 else None, group.org, group, probs[2]))
        elif departures and departures[0][1][1] >= threshold:
            group, probs = departures[0]
            moves.append(_move(name, group.org, None, group, probs[1]))
    return moves


def _title_of(move: MoveCandidate, groups: dict[str, list[PairGroup]],
              titled_of: dict[str, list]) -> str | None:
    """A title written next to the person in the sentence that reports the move, else in
    another sentence about the same organisation. ``titled_of`` keeps each person's titled
    candidates, gathered once per person, not once per move."""
    titled = titled_of.get(move.person)
    if titled is None:
        titled = titled_of[move.person] = [
            c for group in groups.get(surname(move.person), [])
            if same_person(group.person, move.person)
            for c in group.candidates if c.role and not _past_title(c.role)]
    for candidate in titled:
        if candidate.sent_start == move.sent_start:
            return candidate.role
    for candidate in titled:
        if any(org and same_org(candidate.org, org) for org in (move.to_org, move.from_org)):
            return candidate.role
    # the title the article gives the person beside another mention
    return next((c.title_elsewhere for group in groups.get(surname(move.person), [])
                 if same_person(group.person, move.person)
                 for c in group.candidates if c.title_elsewhere), None)


_PAST_TITLE = ("ex-", "ex ", "ancien", "former", "past ", "outgoing", "sortant")


def _past_title(role: str) -> bool:
    """"ex-PDG", "ancien ministre", "former CEO": the post left, not the one taken."""
    return role.lower().startswith(_PAST_TITLE)


def _move(person: str, from_org: str | None, to_org: str | None, group: PairGroup,
          confidence: float) -> MoveCandidate:
    evidence = group.evidence
    role = next((c.role for c in [evidence, *group.candidates]
                 if c.role and not _past_title(c.role)), evidence.title_elsewhere)
    return MoveCandidate(person=person, from_org=from_org, to_org=to_org, role=role,
                         kind=JOIN if to_org else LEAVE, trigger="",
                         trigger_char=evidence.trigger_char, sent_start=evidence.sent_start,
                         reports=tuple(s for s in evidence.reports if s[2] != evidence.sent_start),
                         sent_end=evidence.sent_end, confidence=round(confidence, 3))


def combine_with_rules(rule_moves: list[MoveCandidate], groups: list[PairGroup],
                       probabilities: list[tuple[float, float, float]], model: "MoveModel"
                       ) -> list[MoveCandidate]:
    """The rules' moves the model does not contradict, plus the model's own moves of people
    the rules gave none.

    A rule move is dropped when the model gives its organisation, on the rule's side, a
    probability under ``model.keep_threshold``; the rules stay the precise part where they
    fire, and the model adds the people they missed when it reaches ``model.threshold``."""
    scored_of = by_surname(zip(groups, probabilities), lambda pair: pair[0].person)
    groups_of = by_surname(groups, lambda group: group.person)
    rules_of = by_surname(rule_moves, lambda move: move.person)
    kept = []
    supports: dict[tuple, list[float]] = {}  # once per person and sides, not once per move
    titled_of: dict[str, list] = {}
    for move in rule_moves:
        key = (move.person, move.to_org, move.from_org)
        if key not in supports:
            supports[key] = [
                probs[2] if move.to_org and same_org(group.org, move.to_org) else probs[1]
                for group, probs in scored_of.get(surname(move.person), [])
                if same_person(group.person, move.person) and (
                    move.to_org and same_org(group.org, move.to_org)
                    or move.from_org and same_org(group.org, move.from_org))]
        support = supports[key]
        if support and max(support) < model.keep_threshold:
            continue
        if move.role is None:
            move.role = _title_of(move, groups_of, titled_of)
        kept.append(move)
    # a person named only as the one who appoints or dismisses, or owns the government, in
    # every sentence pairing them with this organisation makes no learned move there
    pairs = [(g, p) for g, p in zip(groups, probabilities) if not _acts_on_the_move_only(g)]
    learned = decide_moves([g for g, _ in pairs], [p for _, p in pairs], model.threshold,
                           model.side_threshold)
    blocked = {c.sent_start for group in groups for c in group.candidates
               if "trig_blocked" in c.features}
    # a negated or hedged trigger is the rules' precise call ("n'a pas quitté", "could
    # join"): the model adds no move in such a sentence
    return kept + [move for move in learned
                   if move.sent_start not in blocked
                   and not any(same_person(move.person, rule.person)
                               for rule in rules_of.get(surname(move.person), []))]


def _acts_on_the_move_only(group: PairGroup) -> bool:
    """Every same-sentence mention of the person appoints or dismisses rather than moves,
    or every mention of the pair names who founded the organisation ("fondée par X")."""
    same = [c for c in group.candidates if "bias_scope=same" in c.features]
    return bool(same) and all(APPOINTER in c.features for c in same) or _founder_only(group)


def _founder_only(group: PairGroup) -> bool:
    return bool(group.candidates) and all(FOUNDER in c.features for c in group.candidates)


def split_far(candidates: list[PairCandidate]) -> tuple[list[PairGroup], list[PairGroup]]:
    """The pair groups of the same-sentence model, exactly those ``cross`` off would give,
    and apart the groups of pairs met only across sentences (``bias_scope=far``) for the
    far-pair model: a pair the near model scores is not scored again."""
    near = group_pairs([c for c in candidates if "bias_scope=far" not in c.features])
    far = group_pairs([c for c in candidates if "bias_scope=far" in c.features])
    return near, unscored(far, near)


def unscored(groups: list[PairGroup], scored: list[PairGroup]) -> list[PairGroup]:
    """The groups whose person and organisation no group of ``scored`` pairs already."""
    if not groups:
        return groups
    scored_of = by_surname(scored, lambda group: group.person)
    return [group for group in groups
            if not any(same_person(s.person, group.person) and same_org(s.org, group.org)
                       for s in scored_of.get(surname(group.person), []))]


def add_far_moves(moves: list[MoveCandidate], groups: list[PairGroup],
                  probabilities: list[tuple[float, float, float]], far: "MoveModel"
                  ) -> list[MoveCandidate]:
    """Moves to or from organisations named only in other sentences, for the (person,
    side) slots the same-sentence decisions left empty: a person with no arrival gets the
    far organisation whose ``to`` probability reaches ``far.threshold`` (the surest one
    only), one with no departure the surest ``from`` reaching ``far.side_threshold``. A
    side already decided is never replaced (a wrong far organisation there would cost a
    right move), and nothing is added from a sentence whose trigger a modality cue blocks.
    The converter merges a far side into the person's move on the other side."""
    moves_of = by_surname(moves, lambda move: move.person)
    blocked = {c.sent_start for group in groups for c in group.candidates
               if "far_trig_blocked" in c.features}
    people = _by_person((group, probs) for group, probs in zip(groups, probabilities)
                        if group.evidence.sent_start not in blocked and not _founder_only(group))
    added = []
    for scored in people:
        name = max((g.person for g, _ in scored), key=len)
        own = [m for m in moves_of.get(surname(name), []) if same_person(m.person, name)]
        if not any(m.to_org for m in own):
            arrivals = [gp for gp in scored if gp[1][2] >= far.threshold and gp[1][2] >= gp[1][1]]
            if arrivals:
                group, probs = max(arrivals, key=lambda gp: gp[1][2])
                added.append(_move(name, None, group.org, group, probs[2]))
        if not any(m.from_org for m in own):
            departures = [gp for gp in scored
                          if gp[1][1] >= far.side_threshold and gp[1][1] > gp[1][2]]
            if departures:
                group, probs = max(departures, key=lambda gp: gp[1][1])
                added.append(_move(name, group.org, None, group, probs[1]))
    return moves + added


def decide(model: "MoveModel", rule_moves: list[MoveCandidate], near: list[PairGroup],
           far: list[PairGroup], *, learned_only: bool = False) -> list[MoveCandidate]:
    """The moves of one article (:func:`split_far`'s groups): the same-sentence model with
    the rules (or alone), then the far-pair model in the slots left empty."""
    probabilities = [model.probabilities(g.features) for g in near]
    if learned_only:
        moves = decide_moves(near, probabilities, model.threshold, model.side_threshold)
    else:
        moves = combine_with_rules(rule_moves, near, probabilities, model)
    if model.far is not None and far:
        moves = add_far_moves(moves, far, [model.far.probabilities(g.features) for g in far],
                              model.far)
    return moves


@Language.factory("talentflow_move_model", default_config={"model_path": None})
def make_move_model(nlp: Language, name: str, model_path: str | None) -> "LearnedMoves":
    return LearnedMoves(nlp.lang, model_path)


class LearnedMoves:
    def __init__(self, lang: str, path: str | None):
        self.pack = get_pack(lang)
        self.model = load_move_model(str(path or model_path(lang)))

    def __call__(self, doc: Doc) -> Doc:
        if self.model is None:
            return doc
        rule_moves = doc._.tf_moves or []
        ctx = context_of(doc, self.pack)
        near, far = split_far(pair_candidates(ctx, self.pack, rule_moves,
                                              widen=self.model.widen, cross=self.model.cross))
        doc._.tf_moves = decide(self.model, rule_moves, near, far)
        return doc
