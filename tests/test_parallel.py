"""--workers N: extraction in worker processes gives the same results, in input order."""
from __future__ import annotations

import pytest

from talentflow.core import Article, Extraction
from talentflow.parallel import ProcessPoolExtractor, extractor_for
from talentflow.store import open_store
from talentflow.workflow import ingest_articles

# Invented people and companies.
TEXTS = {
    "en-1": "Orla Venkatesan has joined Brightmoor Analytics as chief financial officer. "
            "She was previously finance director at Quillfield Foods.",
    "en-2": "Tobias Arkwright left Nettlestone Robotics to become chief executive of "
            "Harrowgate Systems, the company said on Monday.",
    "en-3": "The weather in the valley stayed mild for the whole week.",
    "fr-1": "Mathilde Carrouge rejoint Lunaris Énergie comme directrice financière. "
            "Elle était auparavant chez Ferrovial Conseil.",
    "fr-2": "Bastien Oudinot quitte Perlimpin Logistique pour rejoindre Vantelle Santé "
            "en tant que directeur général.",
}


def corpus() -> list[Article]:
    return [Article(key, text, lang=key[:2], date="2024-05-02", source=f"tests/{key}.txt")
            for key, text in TEXTS.items()]


def facts_of(results) -> list[tuple]:
    out = []
    for article, result in results:
        assert isinstance(result, Extraction), result
        out.append((article.id, tuple((m.person, m.from_org, m.to_org, m.role)
                                      for m in result.moves)))
    return out


def test_two_workers_extract_the_same_moves_as_one_process_in_input_order():
    from talentflow.nlp import extract_many

    single = facts_of(extract_many(corpus(), batch_size=2))
    pooled = facts_of(ProcessPoolExtractor(2, max_in_flight=2)(corpus(), batch_size=2))
    assert pooled == single
    assert [key for key, _ in pooled] == list(TEXTS)


def test_ingest_with_two_workers_stores_the_same_facts_as_one(tmp_path):
    from sqlalchemy import select

    from talentflow.store.schema import facts

    stored = []
    for workers in (1, 2):
        with open_store(tmp_path / f"w{workers}.db") as store:
            summary = ingest_articles(store, corpus(), extractor=extractor_for(workers),
                                      batch_size=2)
            assert summary.ok and summary.ingested == len(TEXTS)
            with store.read() as conn:
                stored.append(sorted(conn.execute(
                    select(facts.c.kind, facts.c.n_sources)).all()))
    assert stored[0] == stored[1]


def test_one_worker_means_the_in_process_extractor():
    assert extractor_for(None) is None and extractor_for(1) is None


WORKER_SCRIPT = """
import faulthandler, os, signal, sys, time
from talentflow.cli.common import terminate_as_interrupt
from talentflow.parallel import extraction_pool

if __name__ == "__main__":
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # the test's view of a hang
    with terminate_as_interrupt(), extraction_pool(2) as extractor:
        pool = extractor._started()
        for _ in range(2):
            pool.submit(time.sleep, 600)  # both workers busy with a long batch
        while len(pool._processes) < 2:
            time.sleep(0.05)
        pool.submit(os.getpid)
        print(" ".join(map(str, sorted(pool._processes))), flush=True)
        time.sleep(600)
"""


def _alive(pid: int) -> bool:
    import psutil
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
def test_killing_the_parent_leaves_no_worker_behind(tmp_path, how):
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    import talentflow

    script = tmp_path / "pool.py"
    script.write_text(WORKER_SCRIPT, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(talentflow.__file__).parent.parent))
    log = (tmp_path / "stderr.txt").open("w")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE,
                              stderr=log, text=True, env=env)
    workers: list[int] = []
    try:
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2 and all(_alive(pid) for pid in workers)
        parent.send_signal(getattr(signal, how))
        try:
            parent.wait(timeout=60)
        except subprocess.TimeoutExpired:
            # Rare under a loaded suite, never reproduced alone: say where every thread
            # of the parent waits, so the next failure names its cause.
            parent.send_signal(signal.SIGUSR1)
            time.sleep(2)
            pytest.fail("the parent did not exit after " + how + "; its threads:\n"
                        + (tmp_path / "stderr.txt").read_text())
        # Waiting for an event, not timing it: the loop ends as soon as both are gone.
        for _ in range(600):
            if not any(_alive(pid) for pid in workers):
                break
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in workers), \
            (tmp_path / "stderr.txt").read_text()
    finally:
        parent.kill()
        parent.wait()
        for pid in workers:  # a failed run must not leave its own workers behind
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        log.close()
