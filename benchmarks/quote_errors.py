#!/usr/bin/env python3
"""Quotes on the training set, per language: score.py's figures and where the errors are.

    python benchmarks/quote_errors.py [--cv out/bench/cv] [--run rules] [--lang fr] [--show 5]

Reads the gold and out-of-fold predictions ``make bench`` writes under out/bench/cv
({lang}.gold.jsonl, {lang}.{run}.pred.jsonl; runs: rules, model, learned), scores them with
the shared score.py as is, then sorts every error:

- gold quotes: ``matched``; ``wrong speaker`` (a predicted quote covers half of it, another
  speaker); ``span badly marked`` (a prediction overlaps it, covering less than half);
  ``speaker unresolved`` (the span finders of ``quote_spans`` see it, no quote was output);
  ``span missed`` (no finder sees it);
- predicted quotes that match none: ``spurious`` when they overlap no gold quote at all.

The matching is score.py's own (its quote_core and alignment, imported from the file), so the
breakdown adds up to its counts. Error analysis belongs on these training folds, never on dev.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from talentflow.nlp.move_training import load_corpus  # noqa: E402
from talentflow.nlp.quote_spans import (dash_answers, inside_answers,  # noqa: E402
                                        interview_answers, quoted_spans, single_quoted,
                                        unclosed_quotes)


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path: Path) -> dict[str, dict]:
    rows = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                rows[str(row["id"])] = row
    return rows


def _span(record) -> tuple[int, int]:
    e = record.get("evidence") or {}
    return int(e.get("start", 0)), int(e.get("end", 0))


def _covers(outer: tuple[int, int], gold: tuple[int, int]) -> bool:
    return gold[1] > gold[0] and min(gold[1], outer[1]) - max(gold[0], outer[0]) \
        >= 0.5 * (gold[1] - gold[0])


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def breakdown(scorer, gold: dict, pred: dict, texts: dict[str, str], show: int = 0,
              lang: str = "fr") -> Counter:
    counts: Counter = Counter()
    shown: Counter = Counter()
    for key, g in gold.items():
        if "quotes" not in g:
            continue
        golds, preds = g.get("quotes") or [], (pred.get(key) or {}).get("quotes") or []
        pairs = scorer.align(golds, preds, scorer.quote_core)
        matched_g, matched_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        text = texts.get(key, "")
        raw = quoted_spans(text)
        raw += single_quoted(text, raw)
        raw += unclosed_quotes(text, raw, lang)
        raw = inside_answers(raw + dash_answers(text, raw))
        raw += interview_answers(text, raw, lang)
        for gi, q in enumerate(golds):
            span = _span(q)
            if gi in matched_g:
                kind = "matched"
            elif any(_covers(_span(p), span) for p in preds):
                kind = "wrong speaker"
            elif any(_overlaps(_span(p), span) for p in preds):
                kind = "span badly marked"
            elif any(_covers((s, e), span) for s, e, *_ in raw):
                kind = "speaker unresolved"
            else:
                kind = "span missed"
            counts["gold: " + kind] += 1
            if kind != "matched" and shown[kind] < show:
                shown[kind] += 1
                said = [p["speaker"] for p in preds if _overlaps(_span(p), span)]
                print(f"  [{kind}] {key} gold {q['speaker']!r} pred {said} "
                      f"<<{text[span[0]:span[1]][:100]}>>")
        for pi, p in enumerate(preds):
            if pi in matched_p:
                continue
            if any(_overlaps(_span(p), _span(q)) for q in golds):
                counts["pred: on a gold quote, not matched"] += 1
            else:
                counts["pred: spurious"] += 1
                if shown["spurious"] < show:
                    shown["spurious"] += 1
                    s, e = _span(p)
                    print(f"  [spurious] {key} pred {p['speaker']!r} <<{text[s:e][:100]}>>")
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", type=Path, default=ROOT / "out" / "bench" / "cv")
    parser.add_argument("--run", action="append", help="rules, model or learned (repeatable)")
    parser.add_argument("--lang", action="append", choices=("fr", "en"))
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--show", type=int, default=0, help="print this many errors per kind")
    args = parser.parse_args()
    scorer = load_scorer(args.shared / "bench" / "score.py")
    for lang in args.lang or ["fr", "en"]:
        gold = read_jsonl(args.cv / f"{lang}.gold.jsonl")
        texts = {k: a.text for k, a in load_corpus(args.shared / "corpus", set(gold)).items()}
        for run in args.run or ["rules", "model"]:
            path = args.cv / f"{lang}.{run}.pred.jsonl"
            if not path.exists():
                print(f"{lang} {run}: no {path}", file=sys.stderr)
                continue
            pred = read_jsonl(path)
            result = scorer.score(gold, pred)["quotes"]
            print(f"{lang} {run:<7} quotes P {result['precision']:.3f} R {result['recall']:.3f} "
                  f"F1 {result['f1']:.3f} (tp {result['tp']}, pred {result['pred']}, "
                  f"gold {result['gold']})")
            for kind, n in sorted(breakdown(scorer, gold, pred, texts, args.show, lang).items()):
                print(f"    {kind:<38} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
