"""Train the quote speaker chooser on data/train and measure it by cross-validation.

    python -m talentflow.nlp.quote_training train [--data data/train] [--corpus ../shared/corpus]
    python -m talentflow.nlp.quote_training cv    [--folds 5] [--score ../shared/bench/score.py]

Each labelled article goes once through the pipeline (``move_training.read_examples``); every
quote the rules find comes with its speaker candidates (``quote_speakers``). A candidate is
labelled 1 when the gold quote that the found span covers at least half of (score.py's
condition) was said by that person (score.py's person matching, as ``move_training`` has
it); a span over no gold quote labels all its candidates 0, so the model also learns when
no one named speaks. The learner is scikit-learn's logistic regression (lbfgs, no
shuffling: deterministic), one per language; the shipped model is its weights as JSON.
Cross-validation uses the move model's folds (``move_training.fold_of``), by article.
"""
from __future__ import annotations

import sys
from dataclasses import replace

from talentflow.nlp.move_training import (Example, fold_of, gold_person_match, rules_only,
                                          run_training, training_parser)
from talentflow.nlp.quote_speakers import (QuoteSpan, SpeakerModel, model_path,
                                           previous_speakers, quotes_of, with_previous)

MIN_FEATURE_COUNT = 2
REGULARISATION = 0.6       # scikit-learn's C, chosen by cross-validation on three fold splits
THRESHOLD = 0.25          # the best candidate speaks from this probability (CV fr: 0.2-0.25)


def gold_speaker(span: QuoteSpan, gold_quotes: list[dict]) -> str | None:
    """The speaker of the first gold quote the span covers at least half of."""
    for quote in gold_quotes:
        evidence = quote.get("evidence") or {}
        start, end = int(evidence.get("start", 0)), int(evidence.get("end", 0))
        if end > start and min(end, span.end) - max(start, span.start) >= 0.5 * (end - start):
            return quote.get("speaker")
    return None


def labelled(examples: list[Example]) -> list[tuple[list[str], int]]:
    """(features, label) of every candidate of every quote between marks."""
    rows = []
    for example in examples:
        golds = example.gold.get("quotes")
        if golds is None:
            continue  # not annotated for quotes: no label either way
        for span, previous in zip(example.quote_spans, previous_speakers(example.quote_spans)):
            if span.style != "marks":
                continue  # the rules decide the others (``quote_speakers.choose``)
            speaker = gold_speaker(span, golds)
            for cand in span.candidates:
                rows.append((with_previous(cand, previous),
                             int(speaker is not None and gold_person_match(speaker, cand.name))))
    return rows


def fit(examples: list[Example], lang: str, *, c: float = REGULARISATION,
        threshold: float = THRESHOLD) -> SpeakerModel:
    import numpy
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    rows = labelled(examples)
    counts: dict[str, int] = {}
    for features, _label in rows:
        for feature in set(features):
            counts[feature] = counts.get(feature, 0) + 1
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in counts.items()
                                                    if n >= MIN_FEATURE_COUNT))}
    index_rows, index_cols = [], []
    for row, (features, _label) in enumerate(rows):
        for feature in sorted(set(features)):
            if feature in vocabulary:
                index_rows.append(row)
                index_cols.append(vocabulary[feature])
    matrix = csr_matrix((numpy.ones(len(index_rows)), (index_rows, index_cols)),
                        shape=(len(rows), len(vocabulary)))
    y = numpy.array([label for _f, label in rows])
    learner = LogisticRegression(C=c, max_iter=5000)
    learner.fit(matrix, y)
    weights = {f: float(learner.coef_[0][i]) for f, i in vocabulary.items()
               if abs(learner.coef_[0][i]) >= 1e-4}
    meta = {"articles": sum(1 for e in examples if "quotes" in e.gold),
            "candidates": len(rows), "positives": int(y.sum()), "features": len(weights),
            "C": c}
    return SpeakerModel(lang, weights, float(learner.intercept_[0]), threshold, meta)


def cross_validate(examples: list[Example], lang: str, folds: int, **fit_args) -> dict:
    """{article id: quotes} chosen by a model trained on the other folds (same folds as the
    move model's cross-validation)."""
    chosen = {}
    for fold in range(folds):
        train = [e for e in examples if fold_of(e.article.id, folds) != fold]
        model = fit(train, lang, **fit_args)
        for e in examples:
            if fold_of(e.article.id, folds) == fold:
                chosen[e.article.id] = quotes_of(e.quote_spans, model)
    return chosen


def with_quotes(examples: list[Example], chosen: dict) -> list[Example]:
    """The examples with their quotes replaced by ``chosen`` (article id -> quotes)."""
    return [replace(e, quotes=chosen[e.article.id]) for e in examples]


def _cv_runs(examples: list[Example], lang: str, folds: int) -> dict[str, list[dict]]:
    learned = with_quotes(examples, cross_validate(examples, lang, folds))
    return {"rules": rules_only(examples, lang), "quotes": rules_only(learned, lang)}


def _quote_report(lang: str, name: str, result: dict) -> str:
    q = result.get("quotes") or {}
    return (f"cv {lang} {name:<6} quotes P {q.get('precision', 0):.3f} "
            f"R {q.get('recall', 0):.3f} F1 {q.get('f1', 0):.3f} (tp {q.get('tp')}, "
            f"pred {q.get('pred')}, gold {q.get('gold')})")


def main(argv: list[str] | None = None) -> int:
    args = training_parser("talentflow.nlp.quote_training", __doc__).parse_args(argv)
    return run_training(
        args, counted=lambda examples: f"{sum(len(e.quote_spans) for e in examples)} quote spans",
        fit_model=fit, path_of=model_path, cv_runs=_cv_runs, report=_quote_report)


if __name__ == "__main__":
    sys.exit(main())
