"""Ingestion: read inputs, skip what the store already knows, extract, store each article.

The stages stay separable so that extraction can later run on several workers while
storing stays one transaction per article:

    read_inputs / read_feed  ->  known-article filter  ->  extractor  ->  Store.add_article

``ingest`` is what `talentflow ingest` calls; tests call it too, with a store and, when
they want, a hand-made extractor (any callable with the ``extract_many`` contract).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from talentflow.core.errors import TalentflowError
from talentflow.core.models import Article, Extraction  # noqa: F401  (Extractor type)
from talentflow.store import Store

#: ``extract_many(articles, batch_size=32) -> Iterator[(Article, Extraction | error)]``
Extractor = Callable[..., Iterator[tuple[Article, "Extraction | TalentflowError"]]]

INGESTED = "ingested"
KNOWN = "already known"
SKIPPED = "skipped"
FAILED = "failed"


@dataclass(frozen=True)
class IngestEvent:
    """One input item done: passed to the ``progress`` callback as it happens."""

    status: str  # INGESTED, KNOWN, SKIPPED or FAILED
    item: str
    detail: str | None = None
    n_reports: int = 0


@dataclass
class IngestSummary:
    ingested: int = 0
    already_known: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (item, reason)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (item, reason)
    reports: int = 0  # moves, foundings and investments stored
    facts: set[int] = field(default_factory=set)  # facts the new reports support
    warnings: list[tuple[str, str]] = field(default_factory=list)  # read with a caveat

    @property
    def ok(self) -> bool:
        """Nothing skipped for a reason and nothing failed (the CLI's exit status 0)."""
        return not self.skipped and not self.failed

    def to_dict(self) -> dict[str, Any]:
        return {"ingested": self.ingested, "already_known": self.already_known,
                "skipped": [{"item": i, "reason": r} for i, r in self.skipped],
                "failed": [{"item": i, "reason": r} for i, r in self.failed],
                "reports": self.reports, "facts": len(self.facts),
                "warnings": [{"item": i, "message": m} for i, m in self.warnings]}


def item_name(article: Article) -> str:
    """How messages name an article: where it came from, else its id."""
    return article.source or article.url or str(article.id)


def _reason(error: BaseException) -> str:
    if isinstance(error, TalentflowError):
        return str(error)
    return f"{type(error).__name__}: {error}"


def _skip_reason(entry: Any) -> str:
    """Why an item was skipped, with its error code as extract prints it: the code says
    what kind of problem it is."""
    error = getattr(entry, "error", None)
    reason = getattr(entry, "reason", None) or (error.message if error else str(entry))
    if not isinstance(error, TalentflowError) or reason.startswith("[TF"):
        return reason
    text = f"[{error.code}] {reason}"
    return f"{text} (hint: {error.hint})" if error.hint else text


def _default_extractor() -> Extractor:
    from talentflow.nlp import extract_many  # the spaCy models load only when needed
    return extract_many


@contextmanager
def extraction_backend(*, workers: int | None = None, scheduler: str | None = None
                       ) -> Iterator[Extractor | None]:
    """The extractor of one ingest run, shut down at its end.

    ``scheduler`` (``local`` or ``tcp://HOST:8786``): Dask workers, see talentflow.distributed;
    else ``workers`` > 1: a pool of processes on this machine, see talentflow.parallel;
    else None, meaning extraction in this process.
    """
    if scheduler:
        from talentflow.distributed import dask_extractor
        with dask_extractor(scheduler, workers=workers) as extractor:
            yield extractor
    else:
        from talentflow.parallel import extraction_pool
        with extraction_pool(workers) as extractor:
            yield extractor


def read_items(items: Iterable[str], *, feed: str | Sequence[str] | None = None,
               publication_date: str | None = None, lang: str | None = None,
               warn: Callable[[str, str], None] | None = None, **options: Any) -> Iterator:
    """Articles and ``Skipped`` records of files, directories, URLs and feeds (``feed``:
    one or several, all read). ``warn(item, message)`` hears about articles read with a
    caveat (no publication date); ``options`` go to ``read_inputs`` (max_bytes, policy).
    """
    from talentflow.ingest import read_inputs

    feeds = [feed] if isinstance(feed, str) else list(feed or ())
    yield from read_inputs(list(items), publication_date=publication_date, lang=lang,
                           warn=warn, feeds=feeds, **options)


def ingest_articles(store: Store, inputs: Iterable, *, extractor: Extractor | None = None,
                    batch_size: int = 32,
                    progress: Callable[[IngestEvent], None] | None = None,
                    steps: Callable[[Article, int, int, str], None] | None = None
                    ) -> IngestSummary:
    """Store every new article of ``inputs`` (Articles, or skipped-item records).

    Articles already in the store (same text or URL) are counted and never extracted.
    A failure of one article (extraction or storage) is recorded and the batch goes on.
    ``steps`` follows the steps inside a long article (extract_many's ``progress``); it
    is heard only when extraction runs in this process (no ``extractor`` given).
    """
    summary = IngestSummary()
    notify = progress or (lambda event: None)
    seen_this_run: set[str] = set()

    def new_articles() -> Iterator[Article]:
        for entry in inputs:
            if not isinstance(entry, Article):
                reason = _skip_reason(entry)
                item = str(getattr(entry, "item", entry))
                summary.skipped.append((item, reason))
                notify(IngestEvent(SKIPPED, item, reason))
                continue
            try:
                known = entry.content_hash in seen_this_run or store.is_known(entry)
            except TalentflowError as error:
                summary.failed.append((item_name(entry), _reason(error)))
                notify(IngestEvent(FAILED, item_name(entry), _reason(error)))
                continue
            if known:
                summary.already_known += 1
                notify(IngestEvent(KNOWN, item_name(entry)))
                continue
            seen_this_run.add(entry.content_hash)
            yield entry

    extract = extractor or _default_extractor()
    options = {"progress": steps} if steps is not None and extractor is None else {}
    for article, result in extract(new_articles(), batch_size=batch_size, **options):
        name = item_name(article)
        if isinstance(result, BaseException):
            summary.failed.append((name, _reason(result)))
            notify(IngestEvent(FAILED, name, _reason(result)))
            continue
        try:
            added = store.add_article(article, result)
        except TalentflowError as error:
            summary.failed.append((name, _reason(error)))
            notify(IngestEvent(FAILED, name, _reason(error)))
            continue
        if not added.created:  # stored meanwhile, e.g. the same URL with a new text
            summary.already_known += 1
            notify(IngestEvent(KNOWN, name))
            continue
        summary.ingested += 1
        summary.reports += added.n_reports
        summary.facts.update(added.fact_ids)
        detail = "; ".join(added.dropped) or None
        notify(IngestEvent(INGESTED, name, detail, added.n_reports))
    return summary


def ingest(store: Store, items: Iterable[str], *, feed: str | Sequence[str] | None = None,
           publication_date: str | None = None, lang: str | None = None,
           progress: Callable[[IngestEvent], None] | None = None,
           extractor: Extractor | None = None, batch_size: int = 32,
           steps: Callable[[Article, int, int, str], None] | None = None,
           **read_options: Any) -> IngestSummary:
    """Read ``items`` (files, directories, URLs) and every feed of ``feed``, and store
    what is new. ``read_options`` (max_bytes, policy) go to ``read_inputs``; ``steps``
    to ``ingest_articles``."""
    # A read-only store would otherwise fail once per article, after every extraction.
    store.check_writable()
    warnings: list[tuple[str, str]] = []
    inputs = read_items(items, feed=feed, publication_date=publication_date, lang=lang,
                        warn=lambda item, message: warnings.append((item, message)),
                        **read_options)
    summary = ingest_articles(store, inputs, extractor=extractor, batch_size=batch_size,
                              progress=progress, steps=steps)
    summary.warnings = warnings
    return summary
