"""Throughput on one machine, in one run on the same texts (a script, not a test).

Prints bare nlp.pipe vs extract_many words/s and their ratio per language (measured by
bench_extract.throughput, which alternates the two), then full ingest articles/s into
SQLite with 1 and with 2 extraction workers, and peak memory (RSS of this process and of
its finished worker processes).  Articles are read at run time from ../shared/corpus.

    .venv/bin/python benchmarks/bench_throughput.py --n 200
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import throughput  # noqa: E402

from talentflow.core import Article  # noqa: E402
from talentflow.parallel import extraction_pool  # noqa: E402
from talentflow.store import open_store  # noqa: E402
from talentflow.workflow import ingest_articles  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def corpus_articles(n: int) -> list[Article]:
    """Half from each corpus file (English-heavy, French extra), read line by line."""
    out: list[Article] = []
    for name in ("articles.jsonl", "articles_fr_extra.jsonl"):
        taken = 0
        with (CORPUS / name).open(encoding="utf-8") as handle:
            for line in handle:
                if taken >= n // 2:
                    break
                row = json.loads(line)
                if row.get("text") and row.get("lang") in ("fr", "en"):
                    out.append(Article(id=str(row["id"]), text=row["text"], lang=row["lang"],
                                       date=row.get("date") or "2024-01-01"))
                    taken += 1
    return out


def timed_ingest(articles: list[Article], workers: int) -> float:
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "b.db") as store:
        # "1 worker" is the plain single-process ingest (no pool); the clock includes the
        # pool's start-up and model loading for 2 workers.
        with extraction_pool(workers) as extractor:
            start = time.perf_counter()
            summary = ingest_articles(store, articles, extractor=extractor)
            elapsed = time.perf_counter() - start
    return summary.ingested / elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200, help="articles")
    args = parser.parse_args()
    articles = corpus_articles(args.n)
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words} words, load average {os.getloadavg()}")
    for lang in ("en", "fr"):
        subset = [a for a in articles if a.lang == lang]
        if subset:
            r = throughput(subset, lang)
            print(f"{lang}: {json.dumps(r)}")
    rates = {}
    for workers in (1, 2, 1, 2):  # interleaved, best of two each
        rate = timed_ingest(articles, workers)
        rates[workers] = max(rates.get(workers, 0.0), rate)
        print(f"ingest SQLite workers={workers}: {rate:.2f} articles/s")
    print(f"2 workers / 1 worker: {rates[2] / rates[1]:.2f}x")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: parent {own:.0f} MB, largest worker {children:.0f} MB; "
          f"load average {os.getloadavg()}")


if __name__ == "__main__":
    main()
