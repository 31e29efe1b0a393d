#!/usr/bin/env python3
"""Annotation helper for the training set (data/train/), standard library only.

Annotators read corpus articles whole and write gold in ../shared/bench/GOLD.md's shape. This
script never shows talentflow's output: it only prints articles and turns quoted words into
character offsets, which are easy to get wrong by hand on accented text.

    python3 scripts/annotate.py show IDS.txt [--start N] [--count K]
        Print the articles of a batch (id, language, date, title, text), in the batch's order.
    python3 scripts/annotate.py finalize DRAFT.jsonl OUT.jsonl [--ids IDS.txt]
        Turn a draft into gold: each quote may give "text" (the exact quoted words, copied
        from the article) instead of "evidence"; its offsets are found in the article. When
        the same words occur more than once, add "occurrence": N (1-based). Every record is
        checked: one line per id, GOLD.md's keys, offsets inside the text.
    python3 scripts/annotate.py check GOLD.jsonl [--ids IDS.txt]
        Check a finished file the same way.

The corpus is read from ../shared/corpus (or $TALENTFLOW_CORPUS).
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("TALENTFLOW_CORPUS", ROOT.parent / "shared" / "corpus"))
KEYS = ("id", "lang", "moves", "foundings", "investments", "quotes", "note")
MOVE_KEYS = {"person", "from", "to", "role", "date"}


def load_corpus() -> dict[str, dict]:
    articles = {}
    for path in sorted(glob.glob(str(CORPUS / "articles*.jsonl"))):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                articles[record["id"]] = record
    return articles


def read_ids(path: str) -> list[str]:
    return [line.strip() for line in open(path, encoding="utf-8") if line.strip()]


def show(args) -> None:
    corpus = load_corpus()
    ids = read_ids(args.ids)[args.start: args.start + args.count if args.count else None]
    for number, article_id in enumerate(ids, start=args.start + 1):
        article = corpus[article_id]
        print(f"===== [{number}] {article_id}  lang={article['lang']}  date={article.get('date')}")
        print(f"TITLE: {article.get('title')}")
        print(article["text"])
        print()


def locate(text: str, words: str, occurrence: int) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.find(words, start + 1)
        if start < 0:
            raise ValueError(f"quote text not found (occurrence {occurrence}): {words[:60]!r}")
    return start, start + len(words)


def problems(record: dict, text: str) -> list[str]:
    found = []
    for key in KEYS[:6]:
        if key not in record:
            found.append(f"missing key {key!r}")
    for move in record.get("moves", []):
        if set(move) - MOVE_KEYS - {"evidence", "note"} or not MOVE_KEYS <= set(move):
            found.append(f"move keys should be {sorted(MOVE_KEYS)}: {move}")
        elif not (move["from"] or move["to"]):
            found.append(f"a move names at least one organisation: {move}")
    for founding in record.get("foundings", []):
        if not {"org", "founders", "date"} <= set(founding):
            found.append(f"founding needs org, founders, date: {founding}")
    for investment in record.get("investments", []):
        if not {"investor", "investee", "amount", "currency", "date"} <= set(investment):
            found.append(f"investment needs investor, investee, amount, currency, date: {investment}")
    for quote in record.get("quotes", []):
        span = quote.get("evidence") or {}
        start, end = span.get("start"), span.get("end")
        if not quote.get("speaker"):
            found.append(f"quote without speaker: {quote}")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            found.append(f"quote evidence outside the text: {quote}")
    return found


def finalize_record(record: dict, text: str) -> dict:
    quotes = []
    for quote in record.get("quotes", []):
        quote = dict(quote)
        if "text" in quote:
            start, end = locate(text, quote.pop("text"), int(quote.pop("occurrence", 1)))
            quote["evidence"] = {"start": start, "end": end}
        quotes.append(quote)
    return {key: (quotes if key == "quotes" else record.get(key, [] if key != "note" else ""))
            for key in KEYS}


def run_checks(records: list[dict], corpus: dict, ids: list[str] | None) -> int:
    errors = 0
    seen = [r.get("id") for r in records]
    if len(seen) != len(set(seen)):
        print("error: some ids appear more than once", file=sys.stderr)
        errors += 1
    if ids is not None and sorted(seen) != sorted(ids):
        missing, extra = set(ids) - set(seen), set(seen) - set(ids)
        print(f"error: ids differ from the batch (missing {sorted(missing)[:5]}, extra {sorted(extra)[:5]})",
              file=sys.stderr)
        errors += 1
    for record in records:
        article = corpus.get(record.get("id"))
        if article is None:
            print(f"error: {record.get('id')}: not a corpus id", file=sys.stderr)
            errors += 1
            continue
        for problem in problems(record, article["text"]):
            print(f"error: {record['id']}: {problem}", file=sys.stderr)
            errors += 1
    return errors


def finalize(args) -> int:
    corpus = load_corpus()
    records, errors = [], 0
    for number, line in enumerate(open(args.draft, encoding="utf-8"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            records.append(finalize_record(record, corpus[record["id"]]["text"]))
        except (ValueError, KeyError) as error:
            print(f"error: {args.draft}:{number}: {error}", file=sys.stderr)
            errors += 1
    errors += run_checks(records, corpus, read_ids(args.ids) if args.ids else None)
    if errors:
        print(f"{errors} problem(s); nothing written", file=sys.stderr)
        return 1
    with open(args.out, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(records)} records written to {args.out}")
    return 0


def check(args) -> int:
    records = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    errors = run_checks(records, load_corpus(), read_ids(args.ids) if args.ids else None)
    print(f"{len(records)} records, {errors} problem(s)")
    return 1 if errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    show_parser = commands.add_parser("show", help="print a batch's articles")
    show_parser.add_argument("ids")
    show_parser.add_argument("--start", type=int, default=0)
    show_parser.add_argument("--count", type=int, default=0)
    finalize_parser = commands.add_parser("finalize", help="draft with quote texts -> gold with offsets")
    finalize_parser.add_argument("draft")
    finalize_parser.add_argument("out")
    finalize_parser.add_argument("--ids")
    check_parser = commands.add_parser("check", help="check a gold file")
    check_parser.add_argument("gold")
    check_parser.add_argument("--ids")
    args = parser.parse_args()
    if args.command == "show":
        show(args)
        return 0
    return finalize(args) if args.command == "finalize" else check(args)


if __name__ == "__main__":
    sys.exit(main())
