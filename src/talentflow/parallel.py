"""Extraction in worker processes, as a drop-in ``Extractor`` for ``ingest_articles``.

One pool lives for a whole ingest run (``extraction_pool``), so worker start-up and model
loading are paid once, not per call.  Each worker caps BLAS/OpenMP threads at one before
numpy is imported (N processes on N cores must not each start N threads), and loads a
language's model only when its first article of that language arrives (the nlp layer's
per-process cache keeps it).  Batches go out as a bounded stream (at most
``max_in_flight`` batches outstanding) so memory stays flat whatever the corpus size, and
results come back in input order so the parent stores each article in its own transaction
exactly as the single-process path does.
"""
from __future__ import annotations

import ctypes
import importlib
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice

from talentflow.core.errors import ExtractionError, TalentflowError
from talentflow.core.models import Article, Extraction

Result = tuple[Article, "Extraction | TalentflowError"]

# Small chunks, several per worker in flight: a worker never waits for the parent to drain
# one big batch (measured 2 workers, 300 articles: chunks of 32 with 4 in flight 12.4
# articles/s, chunks of 8 with 16 in flight 14.5). The Dask extractor uses them too.
CHUNK_SIZE = 8
IN_FLIGHT_PER_WORKER = 8

#: Thread-pool variables read by OpenBLAS, MKL, OpenMP, BLIS and numexpr at import time.
SINGLE_THREAD_ENV = {name: "1" for name in (
    "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")}


def limit_native_threads() -> None:
    """One BLAS/OpenMP thread in this process.

    The variables only work before numpy is first imported; if it already is (a worker
    that imported it some other way), threadpoolctl limits the loaded libraries instead.
    """
    os.environ.update(SINGLE_THREAD_ENV)
    if "numpy" in sys.modules:
        try:
            from threadpoolctl import threadpool_limits
        except ImportError:
            return
        threadpool_limits(1)


#: Seconds between a worker's checks that its parent is still alive.
PARENT_CHECK_INTERVAL = 0.5


def init_worker(parent_pid: int) -> None:
    """Run first in each pool worker: one BLAS thread, and die with the parent.

    A parent killed with SIGKILL runs no cleanup, and the pool's workers (600 MB each
    with a model) would run on for ever. Linux delivers SIGKILL to the worker when its
    parent dies (PR_SET_PDEATHSIG); everywhere, a daemon thread also exits the worker
    once it has been re-parented."""
    limit_native_threads()
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os._exit(1)
    threading.Thread(target=_exit_when_orphaned, args=(parent_pid,), daemon=True,
                     name="talentflow-parent-watch").start()


def _exit_when_orphaned(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_INTERVAL)
    os._exit(1)


@dataclass(frozen=True)
class ErrorRecord:
    """A talentflow error as plain data: exceptions with keyword-only fields (hint, item)
    lose them when pickled, so errors cross process boundaries as records."""

    module: str
    name: str
    message: str
    hint: str | None
    item: str | None

    @classmethod
    def of(cls, error: BaseException) -> "ErrorRecord":
        if isinstance(error, TalentflowError):
            return cls(type(error).__module__, type(error).__name__, error.message,
                       error.hint, error.item)
        return cls(ExtractionError.__module__, ExtractionError.__name__,
                   f"extraction failed: {type(error).__name__}: {error}", None, None)

    def rebuild(self) -> TalentflowError:
        try:
            kind = getattr(importlib.import_module(self.module), self.name)
        except (ImportError, AttributeError):
            kind = TalentflowError
        if not (isinstance(kind, type) and issubclass(kind, TalentflowError)):
            kind = TalentflowError
        return kind(self.message, hint=self.hint, item=self.item)


def extract_batch_portably(batch: list[Article], batch_size: int
                           ) -> list[tuple[Article, "Extraction | ErrorRecord"]]:
    """Run in a worker (process or Dask): the batch's results, errors as records."""
    # Imported here so a parent that only hands out work never loads spaCy.
    from talentflow.nlp.api import extract_many

    out: list[tuple[Article, Extraction | ErrorRecord]] = []
    for article, outcome in extract_many(batch, batch_size=batch_size):
        if isinstance(outcome, BaseException):
            outcome = ErrorRecord.of(outcome)
        else:
            try:
                pickle.dumps(outcome)
            except Exception as error:  # noqa: BLE001  never lose the batch to one result
                outcome = ErrorRecord.of(ExtractionError(
                    f"result cannot be sent back: {type(error).__name__}: {error}",
                    item=article.id))
        out.append((article, outcome))
    return out


def restore(results: list[tuple[Article, "Extraction | ErrorRecord"]]) -> list[Result]:
    """The parent's side of ``extract_batch_portably``: records become errors again."""
    return [(article, outcome.rebuild() if isinstance(outcome, ErrorRecord) else outcome)
            for article, outcome in results]


def preload_languages(langs: tuple[str, ...]) -> int:
    """Run in a worker: load these languages' pipelines now (warm-up); returns the pid."""
    from talentflow.nlp.pipeline import load_pipeline

    for lang in langs:
        load_pipeline(lang)
    return os.getpid()


class ProcessPoolExtractor:
    """Callable with the ``extract_many`` contract that fans batches out to N processes.

    The pool starts on first use and lives until ``close()`` (or the end of a ``with``
    block), so several calls reuse the same warmed workers.
    """

    def __init__(self, workers: int, *, max_in_flight: int | None = None,
                 chunk_size: int = CHUNK_SIZE) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.workers = workers
        self.chunk_size = chunk_size
        self.max_in_flight = max_in_flight or IN_FLIGHT_PER_WORKER * workers
        self._pool: ProcessPoolExecutor | None = None

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn: a forked copy of a parent that already holds threads or a model is
            # fragile; the initializer runs before the worker imports numpy or spaCy.
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=init_worker, initargs=(os.getpid(),))
        return self._pool

    def warm_up(self, langs: Iterable[str]) -> None:
        """Start every worker and load these languages' models in each, in parallel.

        Optional: without it a worker loads a model with its first article in that
        language.  Used by benchmarks to time extraction apart from start-up.
        """
        pool = self._started()
        langs = tuple(langs)
        # One task per worker cannot be forced onto distinct processes; submitting many
        # and waiting for them all reaches every worker in practice.
        pids = {f.result() for f in [pool.submit(preload_languages, langs)
                                     for _ in range(4 * self.workers)]}
        if len(pids) < self.workers:
            for future in [pool.submit(preload_languages, langs)
                           for _ in range(8 * self.workers)]:
                future.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def terminate(self) -> None:
        """Stop at once (Ctrl-C, SIGTERM): the workers are killed rather than left to
        finish batches whose results nobody will store."""
        if self._pool is None:
            return
        # ProcessPoolExecutor has no public way to stop busy workers.
        processes = list(getattr(self._pool, "_processes", {}).values())
        for process in processes:
            process.terminate()
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.join(timeout=5)
        self._pool = None

    def __enter__(self) -> "ProcessPoolExtractor":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __call__(self, articles: Iterable[Article], *, batch_size: int = 32
                 ) -> Iterator[Result]:
        pool = self._started()
        iterator = iter(articles)
        pending: deque[Future] = deque()
        try:
            while True:
                while len(pending) < self.max_in_flight:
                    batch = list(islice(iterator, min(batch_size, self.chunk_size)))
                    if not batch:
                        break
                    pending.append(pool.submit(extract_batch_portably, batch, batch_size))
                if not pending:
                    return
                yield from restore(pending.popleft().result())
        finally:
            for future in pending:  # the caller stopped early: drop what it will not read
                future.cancel()


def extractor_for(workers: int | None) -> ProcessPoolExtractor | None:
    """The extractor for ``--workers N`` (None or 1: None, meaning in this process).

    The caller owns the pool: close it, or use ``extraction_pool`` instead.
    """
    if not workers or workers <= 1:
        return None
    return ProcessPoolExtractor(workers)


@contextmanager
def extraction_pool(workers: int | None) -> Iterator[ProcessPoolExtractor | None]:
    """One pool for a whole ingest run, shut down at the end (None for one worker)."""
    extractor = extractor_for(workers)
    try:
        yield extractor
    except BaseException:
        if extractor is not None:
            extractor.terminate()
        raise
    finally:
        if extractor is not None:
            extractor.close()
