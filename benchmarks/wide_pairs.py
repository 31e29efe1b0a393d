#!/usr/bin/env python3
"""How well the pairs of sentences without a move trigger (``widen``) separate, on the
training folds: the out-of-fold average precision of a model of their own (trained on those
pairs only, the pairs the same-sentence model already scores left out), the positives among
them, and how many positives sit in the top k. Says whether a separate "wide" model could add
moves at a precision worth having before any decision rule is tried.

    python benchmarks/wide_pairs.py --lang fr [--cache /tmp/tf-fast-docs] [--c 0.1]

Reads the articles like ``fast_rules.py`` (cached spaCy Docs).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from fast_rules import read_examples_cached  # noqa: E402

from talentflow.nlp import move_training as mt  # noqa: E402
from talentflow.nlp.lang import get_pack  # noqa: E402
from talentflow.nlp.move_features import group_pairs, pair_candidates  # noqa: E402
from talentflow.nlp.move_model import MoveModel, unscored  # noqa: E402


def wide_groups(candidates):
    """The trigger-less sentences' pair groups whose pair no trigger sentence holds."""
    same = [c for c in candidates if "bias_scope=far" not in c.features]
    return unscored(group_pairs([c for c in same if "wide_sent" in c.features]),
                    group_pairs([c for c in same if "wide_sent" not in c.features]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", required=True, choices=("fr", "en"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/tf-fast-docs"))
    parser.add_argument("--c", type=float, default=0.1)
    args = parser.parse_args()
    from sklearn.metrics import average_precision_score
    pack = get_pack(args.lang)
    widened = []
    examples = read_examples_cached(args.lang, args.cache, keep=lambda doc, ctx, e: widened.append(
        wide_groups(pair_candidates(ctx, pack, e.rule_moves, widen=True))))
    labels = [mt.labels_of(groups, e.gold) for e, groups in zip(examples, widened)]
    scored = []
    for fold in range(5):
        train = [i for i, e in enumerate(examples) if mt.fold_of(e.article.id, 5) != fold]
        weights, bias, meta = mt._learn([g for i in train for g in widened[i]],
                                        [y for i in train for y in labels[i]], args.c)
        model = MoveModel(args.lang, weights, bias, 1.0, 1.0, 0.0, meta)
        for i, e in enumerate(examples):
            if mt.fold_of(e.article.id, 5) == fold:
                for group, y in zip(widened[i], labels[i]):
                    probs = model.probabilities(group.features)
                    scored.append((max(probs[1], probs[2]), y > 0))
    scored.sort(key=lambda s: -s[0])
    positives = sum(y for _, y in scored)
    print(f"{args.lang}: {len(scored)} wide pairs, {positives} positive, out-of-fold AP "
          f"{average_precision_score([y for _, y in scored], [p for p, _ in scored]):.3f}")
    for k in (5, 10, 20, 40, 80):
        if k <= len(scored):
            print(f"  top {k:>2}: {sum(y for _, y in scored[:k])} positive "
                  f"(probability >= {scored[k - 1][0]:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
