"""Throughput on one machine, in one run on the same texts (a script, not a test).

Prints one table: bare ``nlp.pipe`` words/s, extraction-only words/s and their ratio per
language (bench_extract.throughput, which alternates the two); full ingest articles/s into
SQLite for each --workers count, warm (pool started and models loaded before the clock;
the best of --repeat runs alternating the worker counts) and cold (the clock includes pool
start-up and model loading); into PostgreSQL; through ``--scheduler local`` (a Dask
LocalCluster of 2 workers) when dask is installed; and peak memory: this process's RSS
and the largest child's (pool workers, Dask workers), read after every pool has closed.

Articles are streamed from ../shared/corpus at run time, once per run (never copied into
the repository, never held whole): half English, half French.

    .venv/bin/python benchmarks/bench_throughput.py                  # 300 articles, 1 and 2 workers
    .venv/bin/python benchmarks/bench_throughput.py --articles 60 --workers 1 2 4
    .venv/bin/python benchmarks/bench_throughput.py --pg-url postgresql+psycopg://u@host/db

The PostgreSQL runs use throwaway databases created next to --pg-url's (default: the
server of $TALENTFLOW_TEST_PG_URL) and dropped at the end; without a URL they are skipped.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import psutil  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from talentflow.core import Article  # noqa: E402
from talentflow.parallel import ProcessPoolExtractor, preload_languages  # noqa: E402
from talentflow.store import open_store  # noqa: E402
from talentflow.workflow import ingest_articles  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
LANGS = ("en", "fr")
FILES = {"en": "articles.jsonl", "fr": "articles_fr_extra.jsonl"}


def corpus_articles(n: int, corpus: Path) -> Iterator[Article]:
    """n articles, half per language, read line by line (the same ones at every call)."""
    for lang in LANGS:
        wanted = n // 2 if lang == "en" else n - n // 2
        taken = 0
        with (corpus / FILES[lang]).open(encoding="utf-8") as handle:
            for line in handle:
                if taken >= wanted:
                    break
                row = json.loads(line)
                if row.get("text") and row.get("lang") == lang:
                    yield Article(id=str(row["id"]), text=row["text"], lang=lang,
                                  date=row.get("date") or "2024-01-01")
                    taken += 1


class MemorySampler:
    """Peak RSS of this process and of its largest descendant, sampled every 0.2 s.

    getrusage's figure for children is not enough alone: a child started by fork + exec
    keeps the parent's RSS at fork time as its own high-water mark.
    """

    def __init__(self, interval: float = 0.2):
        self.interval = interval
        self.parent = self.child = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(self.interval):
            try:
                self.parent = max(self.parent, me.memory_info().rss)
                for child in me.children(recursive=True):
                    try:
                        self.child = max(self.child, child.memory_info().rss)
                    except psutil.Error:
                        pass
            except psutil.Error:
                pass

    def start(self) -> "MemorySampler":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


# --- stores ------------------------------------------------------------------------------

@contextmanager
def sqlite_target() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as tmp:
        yield str(Path(tmp) / "bench.db")


def pg_target_factory(base_url: str) -> Callable:
    counter = iter(range(10**6))

    @contextmanager
    def pg_target() -> Iterator[str]:
        name = f"talentflow_bench_tp_{os.getpid()}_{next(counter)}"
        url = make_url(base_url)
        admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
            yield url.set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.dispose()

    return pg_target


# --- ingest runs -------------------------------------------------------------------------

def ingest_rate(target: Callable, source: Callable[[], Iterator[Article]], backend: Callable,
                *, warm: bool, batch_size: int = 32) -> float:
    """Articles/s of one ingest run into a fresh store.

    ``backend(warm)`` is a context manager giving (extractor, warm_up); the clock starts
    before it is entered when cold, after ``warm_up()`` when warm.
    """
    start = time.perf_counter()
    with backend() as (extractor, warm_up):
        if warm:
            warm_up()
            start = None
        return timed_ingest(target, source, extractor, batch_size, start)


def timed_ingest(target: Callable, source: Callable[[], Iterator[Article]], extractor,
                 batch_size: int = 32, start: float | None = None) -> float:
    """Articles/s of one ingest into a fresh store with a ready extractor (None: this
    process); the clock runs from ``start`` (default: now)."""
    with target() as url, open_store(url) as store:
        start = time.perf_counter() if start is None else start
        summary = ingest_articles(store, source(), extractor=extractor, batch_size=batch_size)
        elapsed = time.perf_counter() - start
    if summary.failed:
        print(f"  {len(summary.failed)} articles failed, first: {summary.failed[0]}",
              file=sys.stderr)
    return summary.ingested / elapsed


def in_process():
    """--workers 1: extraction in this process (warm-up loads the models here)."""
    @contextmanager
    def backend():
        def warm_up():
            preload_languages(LANGS)
        yield None, warm_up
    return backend


def process_pool(workers: int):
    @contextmanager
    def backend():
        with ProcessPoolExtractor(workers) as extractor:
            yield extractor, lambda: extractor.warm_up(LANGS)
    return backend


def dask_local(workers: int):
    @contextmanager
    def backend():
        from talentflow.distributed import dask_extractor

        with dask_extractor("local", workers=workers) as extractor:
            yield extractor, lambda: extractor.client.run(preload_languages, LANGS)
    return backend


def dask_available() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def default_pg_url() -> str | None:
    return os.environ.get("TALENTFLOW_TEST_PG_URL")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="articles (half per language)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2],
                        help="worker counts to compare (default: 1 2)")
    parser.add_argument("--pg-url", default=default_pg_url(),
                        help="PostgreSQL server to create throwaway databases on "
                             "(default $TALENTFLOW_TEST_PG_URL; none: skip PostgreSQL)")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="directory holding articles.jsonl and articles_fr_extra.jsonl")
    parser.add_argument("--batch-size", type=int, default=32,
                        help="articles per batch sent to a worker (ingest's default: 32)")
    parser.add_argument("--no-dask", action="store_true", help="skip --scheduler local")
    parser.add_argument("--repeat", type=int, default=2,
                        help="warm SQLite runs per worker count, alternating, best kept "
                             "(default 2: this machine's speed drifts by a third between "
                             "runs minutes apart)")
    args = parser.parse_args()
    n = args.articles

    def source() -> Iterator[Article]:  # every run streams the corpus anew
        return corpus_articles(n, args.corpus)

    def rate(target: Callable, backend: Callable, *, warm: bool) -> float:
        return ingest_rate(target, source, backend, warm=warm, batch_size=args.batch_size)

    articles = list(source())  # for the word count and the nlp.pipe comparison
    words = sum(a.word_count for a in articles)
    per_lang = ", ".join(f"{sum(a.lang == lang for a in articles)} {lang}" for lang in LANGS)
    print(f"{len(articles)} articles ({per_lang}), {words} words; "
          f"load average {os.getloadavg()[0]:.2f}", flush=True)

    rows: list[tuple[str, str, str]] = []
    sampler = MemorySampler().start()

    def row(label: str, value: float, unit: str) -> None:
        rows.append((label, f"{value:,.2f}" if value < 100 else f"{value:,.0f}", unit))
        print(f"  {label}: {rows[-1][1]} {unit}", flush=True)

    # Cold in-process first, while this process has not loaded any model yet.
    rates: dict[tuple, float] = {}
    if 1 in args.workers:
        rates["sqlite", 1, "cold"] = rate(sqlite_target, in_process(), warm=False)

    from bench_extract import throughput  # loads the models in this process
    for lang in LANGS:
        subset = [a for a in articles if a.lang == lang]
        if not subset:
            continue
        result = throughput(subset, lang)
        row(f"{lang} bare nlp.pipe", result["bare_words_per_s"], "words/s")
        row(f"{lang} extraction only (extract_many)", result["extract_words_per_s"], "words/s")
        row(f"{lang} extraction / bare", result["ratio"], "x")
    del articles

    def backend_for(workers: int):
        return in_process() if workers == 1 else process_pool(workers)

    # Every worker count gets its processes started, models loaded and one untimed pass
    # over a sample (a process's first extraction pass runs up to twice as slow here, while
    # its heap grows), then timed runs alternating the counts, each one's best kept.
    with ExitStack() as stack:
        ready = {}
        for workers in args.workers:
            extractor, warm_up = stack.enter_context(backend_for(workers)())
            warm_up()
            timed_ingest(sqlite_target, lambda: corpus_articles(max(2, n // 5), args.corpus),
                         extractor, args.batch_size)
            ready[workers] = extractor
        for attempt in range(max(1, args.repeat)):
            for workers, extractor in ready.items():
                measured = timed_ingest(sqlite_target, source, extractor, args.batch_size)
                print(f"    (SQLite, {workers} worker(s), warm, run {attempt + 1}: "
                      f"{measured:.2f} articles/s)", flush=True)
                rates["sqlite", workers, "warm"] = max(
                    measured, rates.get(("sqlite", workers, "warm"), 0))
    for workers in args.workers:
        row(f"ingest SQLite, {workers} worker(s), warm (best of {max(1, args.repeat)})",
            rates["sqlite", workers, "warm"], "articles/s")
        if ("sqlite", workers, "cold") not in rates:
            rates["sqlite", workers, "cold"] = rate(sqlite_target, backend_for(workers),
                                                    warm=False)
        row(f"ingest SQLite, {workers} worker(s), cold (start-up + models)",
            rates["sqlite", workers, "cold"], "articles/s")
    if 1 in args.workers:
        for workers in args.workers:
            if workers != 1:
                row(f"SQLite warm, {workers} workers / 1", rates["sqlite", workers, "warm"]
                    / rates["sqlite", 1, "warm"], "x")

    pg_target = pg_target_factory(args.pg_url) if args.pg_url else None
    if pg_target is None:
        rows.append(("ingest PostgreSQL", "skipped", "no --pg-url"))
    else:
        for workers in args.workers:
            row(f"ingest PostgreSQL, {workers} worker(s), warm",
                rate(pg_target, backend_for(workers), warm=True), "articles/s")

    if args.no_dask or not dask_available():
        rows.append(("ingest --scheduler local", "skipped",
                     "--no-dask" if args.no_dask else "dask not installed"))
    else:
        target, store_name = (pg_target, "PostgreSQL") if pg_target else (sqlite_target,
                                                                           "SQLite")
        row(f"ingest --scheduler local (2 workers) -> {store_name}, warm",
            rate(target, dask_local(2), warm=True), "articles/s")
        row(f"ingest --scheduler local (2 workers) -> {store_name}, cold (cluster start)",
            rate(target, dask_local(2), warm=False), "articles/s")

    sampler.stop()
    # Every pool and cluster is closed by now, so RUSAGE_CHILDREN has seen them all.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    row("peak RSS, this process (getrusage)", own, "MB")
    row("peak RSS, largest child (getrusage, includes the parent's RSS at fork)",
        children, "MB")
    row("peak RSS, this process (sampled)", sampler.parent / 2**20, "MB")
    row("peak RSS, largest worker process (sampled)", sampler.child / 2**20, "MB")

    width = max(len(label) for label, _, _ in rows)
    print(f"\n{'measure':<{width}}  {'value':>10}  unit")
    for label, value, unit in rows:
        print(f"{label:<{width}}  {value:>10}  {unit}")
    print(f"({n} articles, {words} words; load average {os.getloadavg()[0]:.2f}; "
          f"{os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
