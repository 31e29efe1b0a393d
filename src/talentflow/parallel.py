"""Extraction in worker processes, as a drop-in ``Extractor`` for ``ingest_articles``.

Each worker process imports the nlp layer once, so a spaCy model is loaded once per
worker and reused for every batch it receives.  Batches are submitted as a bounded
stream (at most ``max_in_flight`` batches outstanding), so memory stays flat whatever
the corpus size, and results come back in input order so the parent can store each
article in its own transaction exactly as the single-process path does.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from talentflow.core.errors import TalentflowError
from talentflow.core.models import Article, Extraction

Result = tuple[Article, "Extraction | TalentflowError"]


def _extract_batch_in_worker(batch: list[Article], batch_size: int) -> list[Result]:
    # Imported here so the parent never pays for spaCy when only workers extract.
    from talentflow.nlp.api import extract_many

    results: list[Result] = []
    for article, outcome in extract_many(batch, batch_size=batch_size):
        if isinstance(outcome, BaseException) and not _picklable(outcome):
            outcome = TalentflowError(str(outcome))
        results.append((article, outcome))
    return results


def _picklable(value: object) -> bool:
    import pickle

    try:
        pickle.dumps(value)
    except Exception:
        return False
    return True


class ProcessPoolExtractor:
    """Callable with the ``extract_many`` contract that fans batches out to N processes."""

    def __init__(self, workers: int, *, max_in_flight: int | None = None) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.workers = workers
        self.max_in_flight = max_in_flight or 2 * workers

    def __call__(self, articles: Iterable[Article], *, batch_size: int = 32
                 ) -> Iterator[Result]:
        # spawn: a forked copy of a parent that already holds threads or a model is fragile.
        context = multiprocessing.get_context("spawn")
        iterator = iter(articles)
        pending: deque[Future] = deque()
        with ProcessPoolExecutor(max_workers=self.workers, mp_context=context) as pool:
            while True:
                while len(pending) < self.max_in_flight:
                    batch = list(islice(iterator, batch_size))
                    if not batch:
                        break
                    pending.append(pool.submit(_extract_batch_in_worker, batch, batch_size))
                if not pending:
                    return
                yield from pending.popleft().result()


def extractor_for(workers: int | None):
    """The extractor `talentflow ingest --workers N` uses (None or 1: in this process)."""
    if not workers or workers <= 1:
        return None
    return ProcessPoolExtractor(workers)
