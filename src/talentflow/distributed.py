"""Extraction on a Dask distributed cluster, as an ``Extractor`` for ``ingest_articles``.

`talentflow ingest --scheduler tcp://HOST:8786` (or ``local`` for a ``LocalCluster`` on
this machine) sends batches of articles to Dask workers; each worker process loads a
language's model with its first article in that language and keeps it (the nlp layer's
per-process cache), so a model is loaded once per worker, not per task.  The client keeps
the store: ``ingest_articles`` filters out articles already stored *before* they reach this
extractor (which makes a rerun resumable), and stores each result as it comes back.

Chunks of a few articles are submitted as a bounded stream (as for the process pool:
several per worker, so none waits while another's results are stored): at most
``max_in_flight`` futures exist at any time, and a new chunk is submitted only when one
completes, so client memory stays flat whatever the corpus size.  Results are yielded as
chunks complete (not in input order): each article is stored in its own transaction, so
order does not change what is stored.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

from talentflow.core.errors import ExtractionError, TalentflowError, UsageError
from talentflow.core.models import Article
from talentflow.parallel import (CHUNK_SIZE, IN_FLIGHT_PER_WORKER, Result,
                                 extract_batch_portably, limit_native_threads, restore)

LOCAL = "local"
DEFAULT_LOCAL_WORKERS = 2
CONNECT_TIMEOUT = "10s"


class ClusterError(TalentflowError):
    """Extraction on a Dask cluster could not start or lost its cluster."""

    code = "TF500"


class DaskMissingError(ClusterError):
    code = "TF501"


class SchedulerUnreachableError(ClusterError):
    code = "TF502"


def _distributed():
    try:
        import distributed
    except ImportError as error:
        raise DaskMissingError(
            "--scheduler needs the dask and distributed packages, which are not installed",
            hint="pip install 'dask[distributed]' (they are listed in talentflow's "
                 "dependencies), or ingest without --scheduler") from error
    return distributed


def check_scheduler_options(scheduler: str, workers: int | None) -> None:
    """Usage errors of --scheduler/--workers, raised before anything starts."""
    if scheduler != LOCAL and "://" not in scheduler:
        raise UsageError(f"--scheduler {scheduler!r} is neither 'local' nor an address",
                         hint="use --scheduler local, or tcp://HOST:8786")
    if scheduler != LOCAL and workers is not None:
        raise UsageError(
            "--workers cannot be combined with a remote --scheduler",
            hint="the cluster decides its workers (start more dask-worker processes); "
                 "--workers only sizes --scheduler local")


try:  # the base class only; without distributed, _distributed() raises a clear error
    from distributed.diagnostics.plugin import WorkerPlugin as _WorkerPluginBase
except ImportError:  # pragma: no cover
    _WorkerPluginBase = object


class _ThreadLimitPlugin(_WorkerPluginBase):
    """Caps BLAS/OpenMP threads at one in every worker, which dask's nanny already does
    for processes it spawns, but a worker started some other way may not."""

    name = "talentflow-thread-limit"

    def setup(self, worker) -> None:  # noqa: D401  (WorkerPlugin hook)
        limit_native_threads()


@contextmanager
def dask_extractor(scheduler: str, *, workers: int | None = None,
                   max_in_flight: int | None = None, processes: bool = True
                   ) -> Iterator["DaskExtractor"]:
    """A connected ``DaskExtractor`` for one ingest run; the cluster is left as found.

    ``scheduler`` is ``local`` (a LocalCluster of ``workers`` processes, default 2, one
    thread each, closed at the end) or a scheduler address such as ``tcp://host:8786``.
    """
    check_scheduler_options(scheduler, workers)
    distributed = _distributed()
    cluster = None
    try:
        if scheduler == LOCAL:
            cluster = distributed.LocalCluster(
                n_workers=workers or DEFAULT_LOCAL_WORKERS, threads_per_worker=1,
                processes=processes, dashboard_address=None)
            client = distributed.Client(cluster)
        else:
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as error:
        if cluster is not None:
            cluster.close()
        raise SchedulerUnreachableError(
            f"cannot reach the Dask scheduler at {scheduler}: {error}",
            hint="start it with `dask-scheduler` (default port 8786) and check the "
                 "address and firewall, or use --scheduler local", item=scheduler) from error
    try:
        client.register_plugin(_ThreadLimitPlugin(), name=_ThreadLimitPlugin.name)
        n_workers = len(client.scheduler_info().get("workers", {})) or 1
        yield DaskExtractor(client,
                            max_in_flight=max_in_flight or IN_FLIGHT_PER_WORKER * n_workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class DaskExtractor:
    """Callable with the ``extract_many`` contract whose batches run on Dask workers."""

    def __init__(self, client, *, max_in_flight: int = 4, chunk_size: int = CHUNK_SIZE
                 ) -> None:
        if max_in_flight < 1:
            raise ValueError(f"max_in_flight must be at least 1, got {max_in_flight}")
        self.client = client
        self.max_in_flight = max_in_flight
        self.chunk_size = chunk_size

    def __call__(self, articles: Iterable[Article], *, batch_size: int = 32
                 ) -> Iterator[Result]:
        from distributed import as_completed

        iterator = iter(articles)
        batches: dict = {}  # future -> its articles, to name them if the task dies
        completed = as_completed()

        def submit_next() -> bool:
            batch = list(islice(iterator, min(batch_size, self.chunk_size)))
            if not batch:
                return False
            # pure=False: two identical batches are still two tasks (no result sharing).
            future = self.client.submit(extract_batch_portably, batch, batch_size,
                                        pure=False)
            batches[future] = batch
            completed.add(future)
            return True

        try:
            while len(batches) < self.max_in_flight and submit_next():
                pass
            for future in completed:
                batch = batches.pop(future)
                try:
                    results = restore(future.result())
                except Exception as error:  # noqa: BLE001  a lost worker fails its batch only
                    results = [(article, ExtractionError(
                        f"the Dask task extracting this article failed: "
                        f"{type(error).__name__}: {error}", item=article.id))
                        for article in batch]
                yield from results
                while len(batches) < self.max_in_flight and submit_next():
                    pass
        finally:
            for future in list(batches):  # the caller stopped early
                future.cancel()
