#!/usr/bin/env python3
"""Stream an unlabelled corpus through the readers and the extractor, looking for trouble.

    nice .venv/bin/python benchmarks/crash_hunt.py ../shared/corpus/*.jsonl [--limit N]

Reports articles read and skipped (by error code), extraction errors (by the underlying
exception type, with article ids), the validity of every evidence offset, moves per
article overall and on articles whose ``heuristic_label`` says they mention no move (a
false-positive proxy: any move found there is suspect), the slowest articles and the
peak resident memory. ``--details`` writes the suspect moves (person, trigger, evidence)
to a JSON lines file for reading; it stays out of the repository (out/ is ignored).

Articles go through ``extract_many`` one per batch so the time between two results is
that article's own time; the total is then a little slower than the default batching.
"""
from __future__ import annotations

import argparse
import json
import resource
import signal
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from talentflow.core import Article, Extraction, TalentflowError  # noqa: E402
from talentflow.ingest import Skipped, read_inputs  # noqa: E402
from talentflow.nlp import extract_many, load_pipeline, supported_languages  # noqa: E402

# heuristic_label values that mean "no sign of a move": moves found there are suspect.
NON_CANDIDATE_LABELS = ("no_move_keywords",)
SLOWEST_SHOWN = 10


def heuristic_labels(paths: list[str]) -> dict[str, str]:
    """article id -> heuristic_label, read from the same JSONL files (absent means '?')."""
    labels: dict[str, str] = {}
    for path in paths:
        if not path.endswith(".jsonl"):
            continue
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(row, dict) and "id" in row:
                    labels[str(row["id"])] = str(row.get("heuristic_label") or "?")
    return labels


def offset_problem(text: str, start: int, end: int, quoted: str) -> str | None:
    """Why an (start, end, quoted text) triple does not index ``text``, or None."""
    if not (0 <= start < end <= len(text)):
        return f"interval [{start}, {end}) outside 0..{len(text)}"
    if text[start:end] != quoted:
        return f"text[{start}:{end}] != evidence text"
    return None


def check_offsets(article: Article, extraction: Extraction) -> list[str]:
    problems = []
    facts = ([("move", m) for m in extraction.moves]
             + [("founding", f) for f in extraction.foundings]
             + [("investment", i) for i in extraction.investments])
    for kind, fact in facts:
        ev = fact.evidence
        problem = offset_problem(article.text, ev.start, ev.end, ev.text)
        if problem:
            problems.append(f"{kind} evidence: {problem}")
    for move in extraction.moves:
        for mention in move.mentions:
            problem = offset_problem(article.text, mention.start, mention.end, mention.text)
            if problem:
                problems.append(f"move mention {mention.label}: {problem}")
    return problems


def error_kind(error: TalentflowError) -> str:
    """The exception that really failed: the wrapped cause when extraction wrapped one."""
    cause = error.__cause__
    if cause is not None:
        return f"{type(cause).__name__} (as {error.code})"
    return f"{type(error).__name__} {error.code}"


class Report:
    def __init__(self, labels: dict[str, str]):
        self.labels = labels
        self.read = Counter()
        self.skipped: Counter[str] = Counter()
        self.skipped_examples: dict[str, list[str]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)
        self.error_messages: dict[str, str] = {}
        self.facts = Counter()
        self.offsets_checked = 0
        self.offset_problems: list[tuple[str, str]] = []
        # (lang, label group) -> [articles, moves, articles with at least one move]
        self.moves_by_group: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
        self.timings: list[tuple[float, str, int]] = []

    def skip(self, skipped: Skipped) -> None:
        code = skipped.error.code
        self.skipped[f"{code} {type(skipped.error).__name__}"] += 1
        examples = self.skipped_examples[code]
        if len(examples) < 3:
            examples.append(f"{skipped.item}: {skipped.reason}")

    def result(self, article: Article, result, seconds: float) -> list[dict]:
        """Record one article; returns its suspect moves for the details file."""
        lang = article.lang or "?"
        self.read[lang] += 1
        self.timings.append((seconds, article.id, len(article.text)))
        if isinstance(result, TalentflowError):
            kind = error_kind(result)
            self.errors[kind].append(article.id)
            self.error_messages.setdefault(kind, str(result))
            return []
        self.facts.update(moves=len(result.moves), foundings=len(result.foundings),
                          investments=len(result.investments))
        self.offsets_checked += (len(result.moves) + len(result.foundings)
                                 + len(result.investments))
        for problem in check_offsets(article, result):
            self.offset_problems.append((article.id, problem))
        label = self.labels.get(article.id, "?")
        for group in (label, "all"):
            counts = self.moves_by_group[(lang, group)]
            counts[0] += 1
            counts[1] += len(result.moves)
            counts[2] += bool(result.moves)
        if label not in NON_CANDIDATE_LABELS:
            return []
        return [{"id": article.id, "lang": lang, "person": m.person, "trigger": m.trigger,
                 "from": m.from_org, "to": m.to_org, "role": m.role,
                 "evidence": m.evidence.text} for m in result.moves]

    def print(self, elapsed: float, out=sys.stdout) -> None:
        say = lambda *parts: print(*parts, file=out)  # noqa: E731
        total = sum(self.read.values())
        say(f"articles read: {total} ({', '.join(f'{k} {v}' for k, v in sorted(self.read.items()))})"
            f" in {elapsed:.0f} s")
        say(f"items skipped by the readers: {sum(self.skipped.values())}")
        for reason, count in self.skipped.most_common():
            say(f"  {count:5d}  {reason}")
        for code, examples in self.skipped_examples.items():
            for example in examples:
                say(f"         e.g. {example}")
        errors = sum(len(ids) for ids in self.errors.values())
        say(f"extraction errors: {errors}")
        for kind, ids in sorted(self.errors.items(), key=lambda kv: -len(kv[1])):
            shown = ", ".join(ids[:8]) + (" ..." if len(ids) > 8 else "")
            say(f"  {len(ids):5d}  {kind}: {shown}")
            say(f"         first message: {self.error_messages[kind][:300]}")
        say(f"facts: {dict(self.facts)}")
        say(f"evidence offsets checked: {self.offsets_checked}, invalid: "
            f"{len(self.offset_problems)}")
        for article_id, problem in self.offset_problems[:20]:
            say(f"  {article_id}: {problem}")
        say("moves per article (articles, moves, moves/article, share with any move):")
        for (lang, group), (articles, moves, with_move) in sorted(self.moves_by_group.items()):
            marker = "  <- false-positive proxy" if group in NON_CANDIDATE_LABELS else ""
            say(f"  {lang} {group:18s} {articles:5d} {moves:5d} {moves / max(articles, 1):6.3f}"
                f" {with_move / max(articles, 1):6.1%}{marker}")
        say(f"slowest articles (of {len(self.timings)}):")
        for seconds, article_id, chars in sorted(self.timings, reverse=True)[:SLOWEST_SHOWN]:
            say(f"  {seconds:7.2f} s  {chars:8d} chars  {article_id}")
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        say(f"peak resident memory: {peak_kb / 1024:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="files or directories (JSONL corpora)")
    parser.add_argument("--limit", type=int, default=None, help="stop after N articles")
    parser.add_argument("--details", type=Path, default=None,
                        help="write moves found on non-candidate articles here (JSON lines)")
    parser.add_argument("--shard", default=None, metavar="K/N",
                        help="only every N-th article starting at the K-th (0-based), so "
                             "several processes can share a long corpus")
    parser.add_argument("--progress", type=int, default=250,
                        help="print a progress line every N articles to stderr (0: never)")
    args = parser.parse_args(argv)

    report = Report(heuristic_labels(args.inputs))
    articles_seen = 0
    shard, shards = (int(x) for x in args.shard.split("/")) if args.shard else (0, 1)

    skipped_by_shard = 0

    def articles():
        nonlocal articles_seen, skipped_by_shard
        for item in read_inputs(args.inputs, warn=lambda *_: None):
            if isinstance(item, Skipped):
                report.skip(item)
                continue
            position = articles_seen + skipped_by_shard
            if position % shards != shard:
                skipped_by_shard += 1
                continue
            if args.limit is not None and articles_seen >= args.limit:
                return
            articles_seen += 1
            yield item

    for lang in supported_languages():  # loaded first so no article's time includes it
        load_pipeline(lang)
    # Line-buffered so the suspects can be read while a long run goes on.
    details = args.details.open("w", encoding="utf-8", buffering=1) if args.details else None
    started = last = time.perf_counter()
    # A stopped run (Ctrl-C, kill) still reports what it saw.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        for done, (article, result) in enumerate(extract_many(articles(), batch_size=1), 1):
            now = time.perf_counter()
            for row in report.result(article, result, now - last):
                if details:
                    details.write(json.dumps(row, ensure_ascii=False) + "\n")
            last = now
            if args.progress and done % args.progress == 0:
                print(f"... {done} articles, {now - started:.0f} s", file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        print("interrupted: the figures below cover the articles done so far", flush=True)
    finally:
        if details:
            details.close()
    report.print(time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
