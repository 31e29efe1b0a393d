"""The learned move model: scoring, decisions, the combination with the rules, training."""
from __future__ import annotations

import json

import pytest

from talentflow.core import Article
from talentflow.nlp.move_features import PairCandidate, PairGroup, group_pairs
from talentflow.nlp.move_identity import same_org
from talentflow.nlp.move_model import (MoveModel, combine_with_rules, decide_moves,
                                       load_move_model, model_path)
from talentflow.nlp.move_training import (Example, fit, fold_of, gold_org_match,
                                          gold_person_match, label_of)
from talentflow.nlp.records import MoveCandidate

TEXT = "Nadia Ferrand quitte Brightline pour rejoindre Corvane Labs comme directrice."


def candidate(person: str, org: str, features: list[str], token: int = 0) -> PairCandidate:
    return PairCandidate(person=person, org=org, sent_start=0, sent_end=len(TEXT),
                         person_token=0, org_token=token, trigger_char=14, role="directrice",
                         features=features)


def group(person: str, org: str, features: list[str]) -> PairGroup:
    return group_pairs([candidate(person, org, features)])[0]


def model(**thresholds) -> MoveModel:
    settings = {"threshold": 0.5, "side_threshold": 0.5, "keep_threshold": 0.1, **thresholds}
    return MoveModel("fr", {"to_cue": (0.0, 0.0, 5.0), "from_cue": (0.0, 5.0, 0.0)},
                     (2.0, 0.0, 0.0), meta={}, **settings)


def rule_move(person: str, from_org: str | None, to_org: str | None) -> MoveCandidate:
    return MoveCandidate(person=person, from_org=from_org, to_org=to_org, role=None,
                         kind="JOIN", trigger="rejoindre", trigger_char=0, sent_start=0,
                         sent_end=len(TEXT), confidence=0.8)


def test_probabilities_sum_to_one_and_follow_the_weights():
    scorer = model()
    none, from_p, to_p = scorer.probabilities(["to_cue", "unknown feature"])
    assert abs(none + from_p + to_p - 1) < 1e-9
    assert to_p > 0.9
    assert scorer.probabilities([])[0] > 0.7


def test_model_json_round_trip():
    scorer = model()
    again = MoveModel.from_json(json.loads(json.dumps(scorer.to_json())))
    assert again == scorer


def test_a_person_moves_from_one_organisation_to_another():
    groups = [group("Nadia Ferrand", "Brightline", ["from_cue"]),
              group("Nadia Ferrand", "Corvane Labs", ["to_cue"])]
    scorer = model()
    moves = decide_moves(groups, [scorer.probabilities(g.features) for g in groups], 0.5, 0.5)
    assert [(m.person, m.from_org, m.to_org, m.role) for m in moves] == [
        ("Nadia Ferrand", "Brightline", "Corvane Labs", "directrice")]
    assert TEXT[moves[0].sent_start:moves[0].sent_end] == TEXT


def test_a_departure_alone_and_nothing_under_the_threshold():
    scorer = model()
    leaving = [group("Nadia Ferrand", "Brightline", ["from_cue"]),
               group("Paul Oster", "Corvane Labs", [])]
    moves = decide_moves(leaving, [scorer.probabilities(g.features) for g in leaving], 0.5, 0.5)
    assert [(m.person, m.from_org, m.to_org) for m in moves] == [
        ("Nadia Ferrand", "Brightline", None)]


def test_rules_kept_unless_the_model_contradicts_them_and_model_adds_missed_people():
    groups = [group("Nadia Ferrand", "Brightline", []),          # the model doubts it
              group("Paul Oster", "Corvane Labs", ["to_cue"])]   # the rules missed him
    scorer = model(keep_threshold=0.2)
    probabilities = [scorer.probabilities(g.features) for g in groups]
    rules = [rule_move("Nadia Ferrand", None, "Brightline"),
             rule_move("Inès Morel", None, "Halden")]             # no candidate: kept as is
    moves = combine_with_rules(rules, groups, probabilities, scorer)
    assert [(m.person, m.to_org) for m in moves] == [("Inès Morel", "Halden"),
                                                     ("Paul Oster", "Corvane Labs")]


def test_labels_match_gold_the_way_score_py_does():
    gold = [{"person": "Nadia Ferrand|N. Ferrand", "from": "Brightline SA",
             "to": "Corvane Labs|Corvane", "role": None, "date": None}]
    assert gold_person_match(gold[0]["person"], "Nadia Ferrand")
    assert gold_org_match(gold[0]["from"], "Brightline")
    assert label_of(group("Nadia Ferrand", "Corvane", []), gold) == 2
    assert label_of(group("Nadia Ferrand", "Brightline", []), gold) == 1
    assert label_of(group("Paul Oster", "Corvane", []), gold) == 0
    assert same_org("Corvane Labs", "Corvane")


def test_training_is_deterministic():
    examples = []
    for n in range(12):
        groups = [group(f"Person Number{n}", "Corvane Labs", ["to_cue", f"noise{n % 3}"]),
                  group(f"Person Number{n}", "Brightline", ["from_cue", f"noise{n % 2}"]),
                  group(f"Other Person{n}", "Halden", [f"noise{n % 3}"])]
        examples.append(Example(Article(id=f"a{n}", text=TEXT), {"moves": []}, groups,
                                [2, 1, 0], [], [], []))
    first, second = fit(examples, "fr"), fit(examples, "fr")
    assert first.to_json() == second.to_json()
    assert first.probabilities(["to_cue"])[2] > 0.5
    assert {fold_of(f"a{n}", 5) for n in range(40)} == set(range(5))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_shipped_model_loads(lang):
    shipped = load_move_model(str(model_path(lang)))
    assert shipped is not None, "no model shipped: run `make train`"
    assert shipped.lang == lang and shipped.weights
    assert shipped.meta["articles"] >= 600


def test_no_learned_move_where_the_trigger_is_blocked_and_no_past_title():
    scorer = model()
    hedged = group_pairs([candidate("Paul Oster", "Corvane Labs", ["to_cue", "trig_blocked"])])
    assert combine_with_rules([], hedged, [scorer.probabilities(g.features) for g in hedged],
                              scorer) == []
    former = PairCandidate(person="Paul Oster", org="Corvane Labs", sent_start=0,
                           sent_end=len(TEXT), person_token=0, org_token=3,
                           trigger_char=14, role="ex-directeur", features=["to_cue"])
    groups = group_pairs([former])
    moves = combine_with_rules([], groups, [scorer.probabilities(g.features) for g in groups],
                               scorer)
    assert [(m.person, m.to_org, m.role) for m in moves] == [("Paul Oster", "Corvane Labs", None)]


def test_widened_candidates_take_sentences_without_a_trigger(en_nlp):
    from talentflow.nlp.arguments import context_of
    from talentflow.nlp.lang import get_pack
    from talentflow.nlp.move_features import pair_candidates

    pack = get_pack("en")
    doc = en_nlp("Marta Quillen spoke to reporters outside the Brennick Systems offices on Monday.")
    ctx = context_of(doc, pack)
    assert pair_candidates(ctx, pack, []) == []
    wide = pair_candidates(ctx, pack, [], widen=True)
    assert wide and all("wide_sent" in c.features for c in wide)
    assert all(not any(f.startswith("prev_") for f in c.features) for c in wide)
    assert MoveModel.from_json({**model().to_json(), "widen": True}).widen


def test_cross_sentence_candidates_pair_a_mover_with_organisations_named_elsewhere(fr_nlp):
    from talentflow.nlp.arguments import context_of
    from talentflow.nlp.lang import get_pack
    from talentflow.nlp.move_features import pair_candidates

    pack = get_pack("fr")
    doc = fr_nlp("Brivane recrute un directeur financier\n"
                 "La société Brivane, éditeur de logiciels à Lyon, se réorganise.\n"
                 "Paul Martinot a été nommé directeur financier. Il dirigeait auparavant la "
                 "trésorerie de Quelmar Industries.\nBrivane compte deux cents salariés.")
    ctx = context_of(doc, pack)
    plain = pair_candidates(ctx, pack, [])
    assert not any(c.org == "Quelmar Industries" for c in plain)
    far = [c for c in pair_candidates(ctx, pack, [], cross=True) if "bias_scope=far" in c.features]
    assert [(c.person, c.org) for c in far] == [("Paul Martinot", "Quelmar Industries")]
    assert {"far_src=next", "far_dist=after_1", "far_same_para"} <= set(far[0].features)
    assert MoveModel.from_json({**model().to_json(), "cross": True}).cross
    assert not MoveModel.from_json({k: v for k, v in model().to_json().items()
                                    if k != "cross"}).cross


FAR_ARTICLE = ("La société Vendrix Industries change de direction financière\n"
               "La société Vendrix Industries, éditeur installé à Lyon, publie ses résultats.\n"
               "Son chiffre d'affaires a progressé de dix pour cent en un an.\n"
               "Paul Martinot a été nommé directeur financier. Il prendra ses fonctions en mars.\n"
               "La société Vendrix Industries compte deux cents salariés.")


def far_model(threshold: float = 0.8) -> MoveModel:
    return MoveModel("fr", {"far_src=main": (0.0, 0.0, 6.0)}, (2.0, 0.0, 0.0), threshold,
               threshold, 1.0, meta={})


def test_a_far_pair_model_gives_the_mover_the_organisation_named_in_other_sentences(fr_nlp):
    from talentflow.nlp.arguments import context_of
    from talentflow.nlp.lang import get_pack
    from talentflow.nlp.move_features import pair_candidates
    from talentflow.nlp.move_model import decide, split_far

    pack = get_pack("fr")
    doc = fr_nlp(FAR_ARTICLE)
    ctx = context_of(doc, pack)
    near, far = split_far(pair_candidates(ctx, pack, [], cross=True))
    # the same-sentence groups are exactly those without ``cross``
    assert [g.features for g in near] == [g.features for g in
                                          split_far(pair_candidates(ctx, pack, []))[0]]
    mover = [g for g in far if g.person == "Paul Martinot"]
    assert [g.org for g in mover] == ["Vendrix Industries"]
    assert {"far_src=main", "far_src=title", "far_src=rank1"} <= set(mover[0].features)
    scorer = MoveModel(**{**model().__dict__, "cross": True, "far": far_model()})
    moves = [m for m in decide(scorer, [], near, far) if m.person == "Paul Martinot"]
    assert [(m.from_org, m.to_org) for m in moves] == [(None, "Vendrix Industries")]
    # the evidence is the mover's own line ("a été nommé", or "Il" there, resolved to him)
    assert FAR_ARTICLE.index("Paul Martinot") <= moves[0].sent_start < FAR_ARTICLE.index("mars")
    # under its threshold, and where the same-sentence decisions filled the side, nothing
    shy = MoveModel(**{**model().__dict__, "cross": True, "far": far_model(threshold=0.999)})
    assert not [m for m in decide(shy, [], near, far) if m.person == "Paul Martinot"]
    taken = rule_move("Paul Martinot", None, "Halden")
    moves = [m for m in decide(scorer, [taken], near, far) if m.person == "Paul Martinot"]
    assert [(m.from_org, m.to_org) for m in moves] == [(None, "Halden")]


def test_far_groups_leave_out_pairs_the_near_model_scores_and_the_far_model_round_trips():
    from talentflow.nlp.move_model import split_far

    near = candidate("Nadia Ferrand", "Corvane Labs", ["to_cue"])
    far_same = candidate("Nadia Ferrand", "Corvane", ["bias_scope=far"])
    far_other = candidate("Nadia Ferrand", "Brightline", ["bias_scope=far"])
    near_groups, far_groups = split_far([near, far_same, far_other])
    assert [(g.person, g.org) for g in near_groups] == [("Nadia Ferrand", "Corvane Labs")]
    assert [(g.person, g.org) for g in far_groups] == [("Nadia Ferrand", "Brightline")]
    scorer = MoveModel(**{**model().__dict__, "cross": True, "far": far_model()})
    assert MoveModel.from_json(json.loads(json.dumps(scorer.to_json()))) == scorer
    assert MoveModel.from_json(model().to_json()).far is None
