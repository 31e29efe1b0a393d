#!/usr/bin/env python3
"""Why gold moves are missed: each gold move of the training set that the shipped combination
(5-fold cross-validated) does not find is put under one cause, counted per language, so the
fix that pays most can be chosen. Error analysis on the training folds, never on dev.

    python benchmarks/miss_causes.py --lang fr [--lang en] [--rules] [--examples 3]

Causes, tried in this order (the first that holds is counted):

- ``mover_not_in_text``: the gold person's surname is nowhere in the article (named by a title
  or a pronoun only);
- ``mover_not_person``: the surname is in the text, but no person mention matches the name
  (the NER missed it, typed it as an organisation, or split it);
- ``mover_no_trigger``: the mover is found, but in no sentence holding a move trigger;
- ``modality_blocked``: every move trigger of the mover's trigger sentences is blocked;
- ``org_place_entity``: no organisation mention matches either gold side, but a place or misc
  entity does (a country as employer: "président du Pérou", "quitte la Turquie");
- ``org_in_text``: no entity matches, yet a gold spelling is in the text (missed by the NER);
- ``org_implied``: no gold spelling is in the text at all (an adjective, a title, a nickname);
- ``org_other_sentence``: an organisation mention matches, but never in a trigger sentence of
  the mover (context from another sentence was needed);
- ``wrong_org_or_side``: a predicted move of this person names a contradicting organisation
  (``wrong_side`` when it is the gold move's other side);
- ``not_linked``: person, trigger and organisation share a sentence, and still no move.

Runs the pipeline over the training articles (from the cache of benchmarks/fast_rules.py).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from fast_rules import read_examples_cached  # noqa: E402
from talentflow.nlp import move_training as mt  # noqa: E402
from talentflow.nlp.lang import MOVE_KINDS  # noqa: E402

CAUSES = ("mover_not_in_text", "mover_not_person", "mover_no_trigger", "modality_blocked",
          "org_place_entity", "org_in_text", "org_implied", "org_other_sentence",
          "wrong_side", "wrong_org_or_side", "not_linked")


def load_score(path: Path):
    spec = importlib.util.spec_from_file_location("score_module", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def summary(doc, ctx) -> dict:
    """What the classifier needs of one article's Doc, kept small."""
    sent_of = {}
    for index, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = index
    trigger_sents: dict[int, list[bool]] = {}
    for trigger in ctx.triggers:
        if trigger.label_ in MOVE_KINDS:
            trigger_sents.setdefault(sent_of[trigger.start], []).append(
                trigger.start in ctx.blocked)
    return {
        "persons": [(p.name, sent_of[p.start], p.pronoun) for p in ctx.persons],
        "orgs": [(o.text, sent_of[o.start]) for o in ctx.orgs],
        "other_ents": [(e.text, sent_of[e.start]) for e in doc.ents
                       if e.label_ in ("LOC", "MISC", "GPE", "NORP")],
        "trigger_sents": trigger_sents,
        "text": _fold(doc.text),
    }


def classify(gold: dict, preds: list[dict], info: dict, score) -> str:
    person = gold["person"]
    surnames = {_fold(alt.split()[-1]) for alt in score.alternatives(person) if alt.split()}
    mover_sents = {s for name, s, _ in info["persons"]
                   if score.person_match(person, name)
                   or _fold(name.split()[-1]) in surnames}
    if not mover_sents:
        return "mover_not_in_text" if not any(s in info["text"] for s in surnames) \
            else "mover_not_person"
    trig = {s for s in mover_sents if s in info["trigger_sents"]}
    if not trig:
        return "mover_no_trigger"
    if all(all(info["trigger_sents"][s]) for s in trig):
        return "modality_blocked"
    sides = [gold[k] for k in ("from", "to") if score.alternatives(gold.get(k))]
    org_sents = {s for text, s in info["orgs"] if any(score.org_match(g, text) for g in sides)}
    if not org_sents:
        if any(any(score.org_match(g, text) for g in sides) for text, _ in info["other_ents"]):
            return "org_place_entity"
        spelled = any(_fold(alt) in info["text"] for g in sides for alt in score.alternatives(g))
        return "org_in_text" if spelled else "org_implied"
    if not org_sents & trig:
        return "org_other_sentence"
    for pred in preds:
        if score.person_match(person, pred.get("person")):
            for side, other in (("from", "to"), ("to", "from")):
                if pred.get(side) and score.alternatives(gold.get(other)) \
                        and score.org_match(gold[other], pred[side]):
                    return "wrong_side"
            return "wrong_org_or_side"
    return "not_linked"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", action="append", choices=("fr", "en"))
    parser.add_argument("--rules", action="store_true", help="classify the rules' misses")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/tf-fast-docs"))
    parser.add_argument("--examples", type=int, default=0,
                        help="print N missed moves per cause (ids and gold only)")
    args = parser.parse_args()
    score = load_score(mt.DEFAULT_SHARED / "bench" / "score.py")
    for lang in args.lang or ["fr", "en"]:
        infos = {}
        examples = read_examples_cached(
            lang, args.cache, keep=lambda doc, ctx, ex: infos.__setitem__(ex.article.id,
                                                                          summary(doc, ctx)))
        rows = mt.rules_only(examples, lang) if args.rules else \
            mt.cross_validate(examples, lang, 5)["model"]
        preds = {row["id"]: row.get("moves", []) for row in rows}
        counts, shown = Counter(), Counter()
        total = 0
        for example in examples:
            golds = example.gold.get("moves", [])
            predicted = preds.get(example.article.id, [])
            matched = {gi for gi, _ in score.align(golds, predicted, score.move_core)}
            for gi, gold in enumerate(golds):
                total += 1
                if gi in matched:
                    continue
                cause = classify(gold, predicted, infos[example.article.id], score)
                counts[cause] += 1
                if shown[cause] < args.examples:
                    shown[cause] += 1
                    print(f"  {cause}: {example.article.id} {json.dumps(gold, ensure_ascii=False)}")
        missed = sum(counts.values())
        print(f"{lang} ({'rules' if args.rules else 'shipped, CV'}): {missed} of {total} "
              f"gold moves missed")
        for cause in CAUSES:
            print(f"  {cause:<20} {counts[cause]:>4}  {counts[cause] / max(missed, 1):.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
