"""Several writers on one store: no duplicate people, organisations or facts."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from talentflow.store import open_store

from .builders import fact_summaries, move_article


def articles_for(writer: int) -> list:
    # Every writer reports the same moves in its own words: same people, same companies.
    return [move_article(f"w{writer}-{n}", f"Version {writer}: Hana Weber{n} rejoint Larch "
                         f"Systems depuis Poplar Bank en 202{n % 3}.", f"Hana Weber{n}",
                         "Poplar Bank", "Larch Systems", date=f"202{n % 3}")
            for n in range(6)]


def test_concurrent_writers_converge_on_one_graph(store_url):
    def write(writer: int) -> int:
        with open_store(store_url) as store:  # each writer opens (and migrates) on its own
            return sum(store.add_article(*item).created for item in articles_for(writer))

    with ThreadPoolExecutor(max_workers=3) as pool:
        created = list(pool.map(write, range(3)))
    assert created == [6, 6, 6]
    with open_store(store_url) as store:
        counts = store.info().counts
        assert (counts["people"], counts["organisations"], counts["moves"]) == (6, 2, 6)
        assert all(f["n_sources"] == 3 for f in fact_summaries(store))
