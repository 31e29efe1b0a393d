"""store/reads.py: the read-only selects of the query layer, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import event, select, text

from talentflow.store import open_store, reads
from talentflow.store.schema import facts
from query.world import (empty_store, world,  # noqa: F401
                         world_url)

# sqlite_stat1 rows as ANALYZE writes them for a million synthetic moves
# (benchmarks/bench_store.py): many moves per organisation and one kind. With such
# statistics SQLite once preferred a skip-scan of an (organisation, date) index for flows,
# three times slower than the covering ix_facts_flows.
MILLION_MOVE_STATS = [
    ("ix_facts_person_date", "1000000 20 1"), ("ix_facts_from_to_date", "1000000 200 4 2"),
    ("ix_facts_from_kind_date", "1000000 200 200 3 3 2 1"),
    ("ix_facts_flows", "1000000 1000000 274 3 2"),
    ("ix_facts_to_kind_date", "1000000 200 200 3 3 2 1"),
]


def _captured_selects(store, action) -> list[tuple[str, object]]:
    statements: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", capture)
    try:
        action()
    finally:
        event.remove(store.engine, "before_cursor_execute", capture)
    return statements


def test_flows_read_the_covering_index_on_sqlite_even_with_big_statistics(tmp_path):
    with open_store(tmp_path / "stats.db") as store:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.exec_driver_sql("DELETE FROM sqlite_stat1")
            for index, stat in MILLION_MOVE_STATS:
                conn.execute(text("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES "
                                  "('facts', :idx, :stat)"), {"idx": index, "stat": stat})
        store.engine.dispose()  # new connections load the statistics

        def run_flows():
            with store.read() as conn:
                reads.flow_counts(conn, start="2020-01-01", end="2020-12-31", limit=50)

        statement, parameters = _captured_selects(store, run_flows)[0]
        with store.engine.connect() as conn:
            plan = " | ".join(row[3] for row in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, parameters))
    assert "COVERING INDEX ix_facts_flows" in plan, plan


def test_the_read_side_indexes_exist(world_url):
    from sqlalchemy import inspect

    with open_store(world_url) as store, store.engine.connect() as conn:
        indexes = {ix["name"]: ix["column_names"] for ix in inspect(conn).get_indexes("facts")}
    assert indexes["ix_facts_flows"] == ["kind", "date_start", "from_org_id", "to_org_id"]
    assert indexes["ix_facts_person_date"] == ["person_id", "date_start"]
    for side, other in (("to", "from"), ("from", "to")):
        assert indexes[f"ix_facts_{side}_kind_date"] == [
            f"{side}_org_id", "kind", "date_start", "date_precision", f"{other}_org_id",
            "person_id"]
    assert "ix_facts_to_date" not in indexes and "ix_facts_from_date" not in indexes


def test_flow_counts_return_the_total_number_of_pairs(world):
    with world.read() as conn:
        rows, total = reads.flow_counts(conn, limit=1)
        assert total == 4 and len(rows) == 1
        assert set(rows[0]) >= {"from_org_id", "from_name", "to_org_id", "to_name", "n"}
        assert reads.flow_counts(conn, limit=1, offset=99) == ([], 4)
        assert reads.flow_counts(conn, start="2031-01-01") == ([], 0)


def test_name_lookups_go_through_alias_keys(world):
    with world.read() as conn:
        [orbital] = reads.find_org_ids(conn, "orbitallabs")
        assert reads.org_names(conn, [orbital]) == {orbital: "Orbital Labs"}
        assert reads.find_org_ids(conn, "orbital") == []
        containing = reads.find_org_ids_containing(conn, "deepsystems")
        assert [name for _, name in containing] == ["Nova Deep Systems"]
        [garcia] = reads.find_person_ids(conn, "ines garcia")
        assert reads.find_person_ids_by_surname(conn, "garcia") == [garcia]
        assert reads.person_alias_names(conn, [garcia])[garcia]
        assert reads.org_alias_names(conn, []) == {}


def test_founding_lookup_by_founder_is_exact(world):
    with world.read() as conn:
        foundings = reads.select_facts(conn, reads.FactFilter(kind=reads.KIND_FOUNDING))
        person_ids = [row[0] for row in conn.execute(select(facts.c.person_id).where(
            facts.c.person_id.is_not(None)))]
        for founder in {*person_ids, *(p for f in foundings for p in f["founder_ids"])}:
            expected = [f["id"] for f in foundings if founder in f["founder_ids"]]
            assert [f["id"] for f in reads.founding_facts_of_person(conn, founder)] == expected


def test_org_move_periods_group_by_precision_and_month(world):
    with world.read() as conn:
        [quartz] = reads.find_org_ids(conn, "quartzanalytics")
        rows = reads.org_move_periods(conn, (quartz,))
    assert sorted((r["direction"], r["date_precision"], r["month"], r["n"]) for r in rows) == [
        ("arrival", "month", "2023-03", 1), ("departure", "month", "2023-11", 1),
        ("departure", "month", "2024-01", 1), ("departure", "year", "2022-01", 1)]


def test_iter_facts_visits_every_fact_once_in_small_batches(world):
    with world.read() as conn:
        batches = list(reads.iter_facts(conn, batch_size=3))
        assert [len(b) for b in batches] == [3, 3, 3, 1]
        ids = [row["id"] for batch in batches for row in batch]
        assert ids == sorted(ids) and len(set(ids)) == 10
        assert sum(len(b) for b in reads.iter_facts(conn, kind=reads.KIND_MOVE)) == 7


def test_reports_of_facts_join_their_articles(world):
    with world.read() as conn:
        assert reads.reports_of_facts(conn, []) == []
        rows = reads.reports_of_facts(conn, [row["id"] for batch in reads.iter_facts(conn)
                                             for row in batch])
    assert len(rows) == 11
    assert {r["ext_id"] for r in rows} == {"fr-nimbus-1", "en-nimbus-2", "en-quartz-3",
                                           "fr-orbital-4", "fr-nimbus-5", "en-nova-6"}


@pytest.mark.parametrize("flt", [reads.FactFilter(), reads.FactFilter(kind=None),
                                 reads.FactFilter(start="2024-01-01", end="2024-12-31")])
def test_empty_store_reads_nothing(empty_store, flt):
    with empty_store.read() as conn:
        assert reads.select_facts(conn, flt) == []
        assert reads.count_facts(conn, flt) == 0
        assert reads.org_names_for_hints(conn) == []
