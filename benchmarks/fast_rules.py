#!/usr/bin/env python3
"""A fast loop for rule work: the training articles of one language read once through spaCy's
statistical pipes (cached as a DocBin), then only talentflow's components run again on every
call, and the rules alone (and, with --cv, the shipped combination) are scored by score.py.

    python benchmarks/fast_rules.py --lang fr [--cv] [--cache /tmp/tf-docs] [--out out/fast]

Only components after the NER run on the cached Docs; a change to a component before it
(newline sentences) needs the cache deleted. Predictions match ``move_training cv``'s.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from spacy.tokens import DocBin  # noqa: E402

from talentflow.nlp import move_training as mt  # noqa: E402
from talentflow.nlp.arguments import context_of  # noqa: E402
from talentflow.nlp.lang import get_pack  # noqa: E402
from talentflow.nlp.pipeline import load_pipeline  # noqa: E402

LAST_STATISTICAL = "ner"


def base_docs(lang, nlp, articles, cache: Path):
    """Docs after the statistical pipes, from the cache when it holds these articles."""
    path = cache / f"{lang}.spacy"
    ids = [a.id for a in articles]
    names = nlp.pipe_names
    upto = names[:names.index(LAST_STATISTICAL) + 1]
    if path.exists() and (cache / f"{lang}.ids.json").exists() and \
            json.loads((cache / f"{lang}.ids.json").read_text()) == ids:
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    later = [n for n in names if n not in upto]
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16, disable=later))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    (cache / f"{lang}.ids.json").write_text(json.dumps(ids))
    return docs


def read_examples_cached(lang: str, cache: Path, data=mt.DEFAULT_DATA,
                         corpus=mt.DEFAULT_SHARED / "corpus", keep=None) -> list:
    """``move_training.read_examples`` over cached Docs; ``keep(doc, context, example)`` is
    called for each article (error analysis reads the Doc there, then lets it go)."""
    labels = mt.load_labels(data, lang)
    articles = mt.load_corpus(corpus, {r["id"] for r in labels})
    ordered = [(articles[r["id"]], r) for r in labels]
    nlp = load_pipeline(lang)
    pack = get_pack(lang)
    docs = base_docs(lang, nlp, [a for a, _ in ordered], cache)
    names = nlp.pipe_names
    later = [n for n in names[names.index(LAST_STATISTICAL) + 1:]
             if n != "talentflow_move_model"]
    examples = []
    for doc, (article, gold) in zip(docs, ordered):
        for name in later:
            doc = nlp.get_pipe(name)(doc)
        rule_moves = list(doc._.tf_moves or [])
        ctx = context_of(doc, pack)
        near, far = mt.pair_groups(ctx, pack, rule_moves, lang)
        examples.append(mt.Example(article, gold, near, mt.labels_of(near, gold), rule_moves,
                                   list(doc._.tf_foundings or []),
                                   list(doc._.tf_investments or []),
                                   list(doc._.tf_quotes or []), far=far,
                                   far_labels=mt.labels_of(far, gold)))
        if keep is not None:
            keep(doc, ctx, examples[-1])
    return examples


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", required=True, choices=("fr", "en"))
    parser.add_argument("--cv", action="store_true", help="also the shipped combination by CV")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/tf-fast-docs"))
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "fast")
    args = parser.parse_args()
    started = time.perf_counter()
    examples = read_examples_cached(args.lang, args.cache)
    print(f"{args.lang}: {len(examples)} articles in {time.perf_counter() - started:.0f} s",
          file=sys.stderr)
    score_py = mt.DEFAULT_SHARED / "bench" / "score.py"
    gold = args.out / f"{args.lang}.gold.jsonl"
    mt.write_jsonl(gold, [e.gold for e in examples])
    runs = {"rules": mt.rules_only(examples, args.lang)}
    if args.cv:
        runs["model"] = mt.cross_validate(examples, args.lang, 5)["model"]
    for name, rows in runs.items():
        pred = args.out / f"{args.lang}.{name}.pred.jsonl"
        mt.write_jsonl(pred, rows)
        m = mt.score(score_py, gold, pred)["moves"]
        print(f"{args.lang} {name:<6} P {m['precision']:.3f} R {m['recall']:.3f} "
              f"F1 {m['f1']:.3f} (tp {m['tp']}, pred {m['pred']}, gold {m['gold']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
