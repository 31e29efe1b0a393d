"""Query latency of the store with a million moves, on SQLite and PostgreSQL (a script, not a test).

Builds a store of synthetic moves (invented people and organisations, skewed organisation
popularity, careers over ten years, one article sentence of evidence per move), then times
the library functions behind `talentflow flows` (one year), `talentflow org` (the most
popular organisation) and `talentflow person` (a career timeline), and prints the median
and 95th percentile of repeated runs in one table.

    .venv/bin/python benchmarks/bench_store.py                     # 1,000,000 moves, both stores
    .venv/bin/python benchmarks/bench_store.py --moves 100000 --no-pg
    .venv/bin/python benchmarks/bench_store.py --keep /tmp/bench.db  # build once, reuse later

The loader is bench-only: it writes exactly the rows ``Store.add_article`` would (one
article per few moves, a report and a fact per move, aliases for every name) through
executemany (SQLite) or COPY (PostgreSQL), with the secondary indexes of ``facts`` and
``reports`` dropped during the load and recreated from ``store/schema.py`` afterwards.
The PostgreSQL database (default: ``talentflow_bench`` on the server of
$TALENTFLOW_TEST_PG_URL) is created when missing and dropped at the end unless --keep.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from talentflow import query  # noqa: E402
from talentflow.core.models import content_hash  # noqa: E402
from talentflow.resolve.dates import date_range  # noqa: E402
from talentflow.resolve.names import org_key, person_key, surname_key  # noqa: E402
from talentflow.resolve.roles import normalize_role  # noqa: E402
from talentflow.store import open_store  # noqa: E402
from talentflow.store import schema  # noqa: E402
from talentflow.store.store import report_key  # noqa: E402

FIRST_YEAR, YEARS = 2015, 10
MOVES_PER_ARTICLE = 4
ROLES = ("chief executive", "chief financial officer", "head of research", "general counsel",
         "vice president of sales", "chief technology officer", "board member", "director",
         "head of marketing", "chief operating officer", None)
ORG_SUFFIXES = ("Systems", "Analytics", "Labs", "Group", "Partners", "Capital", "Networks",
                "Dynamics", "Works", "Holdings")
# Secondary indexes rebuilt after the load (unique constraints stay: they are the schema).
REBUILT = [index for table in (schema.facts, schema.reports) for index in table.indexes]


# --- synthetic data ----------------------------------------------------------------------

def _syllable_words(rng: np.random.Generator, n: int, syllables: tuple[int, int]) -> list[str]:
    """n distinct invented words such as 'Velomar' (no real names on purpose)."""
    onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br",
              "dr", "kl", "st", "tr", "qu"]
    vowels = ["a", "e", "i", "o", "u", "ai", "ei", "ou"]
    codas = ["", "", "n", "r", "l", "s", "m", "x"]
    words: set[str] = set()
    while len(words) < n:
        count = int(rng.integers(syllables[0], syllables[1] + 1))
        word = "".join(onsets[rng.integers(len(onsets))] + vowels[rng.integers(len(vowels))]
                       for _ in range(count)) + codas[rng.integers(len(codas))]
        words.add(word.capitalize())
    return sorted(words)


class World:
    """The synthetic people, organisations and moves (numpy arrays, sorted by date)."""

    def __init__(self, n_moves: int, n_people: int, n_orgs: int, seed: int = 7):
        rng = np.random.default_rng(seed)
        given = _syllable_words(rng, 400, (2, 2))
        family = _syllable_words(rng, 800, (2, 3))
        pairs = rng.choice(len(given) * len(family), size=n_people, replace=False)
        self.people = [f"{given[p // len(family)]} {family[p % len(family)]}" for p in pairs]
        stems = _syllable_words(rng, n_orgs, (2, 3))
        self.orgs = [f"{stem} {ORG_SUFFIXES[i % len(ORG_SUFFIXES)]}"
                     for i, stem in enumerate(stems)]
        # Zipf-like popularity: the first organisations receive most of the moves.
        weights = 1.0 / np.arange(1, n_orgs + 1) ** 1.1
        popularity = weights / weights.sum()
        person = np.sort(rng.integers(0, n_people, size=n_moves))
        to_org = rng.choice(n_orgs, size=n_moves, p=popularity)
        day = rng.integers(0, 365 * YEARS, size=n_moves)
        order = np.lexsort((day, person))  # each career in date order
        person, to_org, day = person[order], to_org[order], day[order]
        # A career is a chain: each move leaves the organisation the previous one joined.
        from_org = np.roll(to_org, 1)
        first = np.ones(n_moves, dtype=bool)
        first[1:] = person[1:] != person[:-1]
        from_org[first] = rng.choice(n_orgs, size=int(first.sum()), p=popularity)
        from_org[from_org == to_org] = -1  # a promotion: no named origin
        from_org[rng.random(n_moves) < 0.08] = -1  # origin not stated
        to_org[(rng.random(n_moves) < 0.05) & (from_org >= 0)] = -1  # departure, no destination
        # Precision: mostly a day, some a month or a year, a few undated.
        draw = rng.random(n_moves)
        precision = np.where(draw < 0.02, 0, np.where(draw < 0.07, 1, np.where(draw < 0.22, 2, 3)))
        # Articles report moves of about the same date: number moves by date, group by 4.
        by_date = np.argsort(day, kind="stable")
        self.article = np.empty(n_moves, dtype=np.int64)
        self.article[by_date] = np.arange(n_moves) // MOVES_PER_ARTICLE
        self.person, self.from_org, self.to_org = person, from_org, to_org
        self.day, self.precision = day, precision
        self.role = rng.integers(0, len(ROLES), size=n_moves)
        self.n_articles = int(self.article.max()) + 1 if n_moves else 0
        self.base = np.datetime64(f"{FIRST_YEAR}-01-01")

    def date(self, i: int) -> str | None:
        precision = self.precision[i]
        if precision == 0:
            return None
        iso = str(self.base + int(self.day[i]))
        return iso[:4] if precision == 1 else iso[:7] if precision == 2 else iso

    def most_moved_people(self, n: int) -> list[str]:
        counts = np.bincount(self.person, minlength=len(self.people))
        return [self.people[i] for i in np.argsort(-counts, kind="stable")[:n]]


def sentence(person: str, from_name: str | None, to_name: str | None, role: str | None) -> str:
    if from_name and to_name:
        text = f"{person} left {from_name} to join {to_name}"
    elif to_name:
        text = f"{person} joined {to_name}"
    else:
        text = f"{person} stepped down at {from_name}"
    return text + (f" as {role}." if role and to_name else ".")


def table_rows(world: World) -> dict[str, Callable[[], Iterator[tuple]]]:
    """Row generators per table, in insertion order (parents first), ids from 1."""
    role_keys = [normalize_role(role, "en") if role else None for role in ROLES]
    ranges = {}

    def rng_of(value):
        if value not in ranges:
            ranges[value] = date_range(value)
        return ranges[value]

    def organisations():
        for i, name in enumerate(world.orgs):
            yield (i + 1, name, org_key(name))

    def org_aliases():
        for i, name in enumerate(world.orgs):
            yield (i + 1, i + 1, name, org_key(name), "name")

    def people():
        for i, name in enumerate(world.people):
            yield (i + 1, name, person_key(name), surname_key(name))

    def person_aliases():
        for i, name in enumerate(world.people):
            yield (i + 1, i + 1, name, person_key(name), "name")

    def articles_and_reports():
        """Articles, each followed by its reports (evidence offsets into its text)."""
        by_article = np.argsort(world.article, kind="stable")
        start = 0
        while start < len(by_article):
            article = int(world.article[by_article[start]])
            end = start
            while end < len(by_article) and world.article[by_article[end]] == article:
                end += 1
            moves = [int(m) for m in by_article[start:end]]
            parts, spans, offset = [], [], 0
            for m in moves:
                s = sentence(world.people[world.person[m]],
                             world.orgs[world.from_org[m]] if world.from_org[m] >= 0 else None,
                             world.orgs[world.to_org[m]] if world.to_org[m] >= 0 else None,
                             ROLES[world.role[m]])
                spans.append((offset, offset + len(s), s))
                parts.append(s)
                offset += len(s) + 1
            body = " ".join(parts)
            digest = content_hash(body)
            published = str(world.base + int(world.day[moves[0]]))
            yield ("article", (article + 1, f"synthetic-{article + 1}", digest, None,
                               f"Synthetic article {article + 1}", "en", published,
                               "bench_store", body))
            for seq, (m, (ev_start, ev_end, ev_text)) in enumerate(zip(moves, spans)):
                yield ("move", (m, article + 1, seq, digest, ev_start, ev_end, ev_text))
            start = end

    def move_values(m: int):
        value = world.date(m)
        rng = rng_of(value) if value else None
        role = ROLES[world.role[m]]
        from_id = int(world.from_org[m]) + 1 if world.from_org[m] >= 0 else None
        to_id = int(world.to_org[m]) + 1 if world.to_org[m] >= 0 else None
        return (int(world.person[m]) + 1, from_id, to_id, role, role_keys[world.role[m]],
                value, rng.start if rng else None, rng.end if rng else None,
                rng.precision if rng else None)

    def facts():
        for m in range(len(world.person)):
            person_id, from_id, to_id, role, role_key, value, d0, d1, precision = move_values(m)
            yield (m + 1, schema.KIND_MOVE, person_id, from_id, to_id, role, role_key, value,
                   d0, d1, precision, 0.8, 1, 1)

    def articles():
        for kind, row in articles_and_reports():
            if kind == "article":
                yield row

    def reports():
        report_id = 0
        for kind, row in articles_and_reports():
            if kind != "move":
                continue
            m, article_id, seq, digest, ev_start, ev_end, ev_text = row
            person_id, from_id, to_id, role, role_key, value, d0, d1, precision = move_values(m)
            report_id += 1
            yield (report_id, article_id, schema.KIND_MOVE, seq,
                   report_key(digest, schema.KIND_MOVE, seq, ev_start, ev_end),
                   world.people[person_id - 1], person_id,
                   world.orgs[from_id - 1] if from_id else None, from_id,
                   world.orgs[to_id - 1] if to_id else None, to_id, role, role_key, value,
                   d0, d1, precision, ev_start, ev_end, ev_text, 0.8, "join", m + 1)

    return {"organisations": organisations, "org_aliases": org_aliases, "people": people,
            "person_aliases": person_aliases, "articles": articles, "facts": facts,
            "reports": reports}


COLUMNS = {
    "organisations": ("id", "name", "key"),
    "org_aliases": ("id", "org_id", "name", "key", "origin"),
    "people": ("id", "name", "key", "surname_key"),
    "person_aliases": ("id", "person_id", "name", "key", "origin"),
    "articles": ("id", "ext_id", "content_hash", "url", "title", "lang", "published", "source",
                 "text"),
    "facts": ("id", "kind", "person_id", "from_org_id", "to_org_id", "role", "role_key", "date",
              "date_start", "date_end", "date_precision", "confidence", "n_sources",
              "n_reports"),
    "reports": ("id", "article_id", "kind", "seq", "report_key", "person_name", "person_id",
                "from_name", "from_org_id", "to_name", "to_org_id", "role", "role_key", "date",
                "date_start", "date_end", "date_precision", "evidence_start", "evidence_end",
                "evidence_text", "confidence", "trigger", "fact_id"),
}


# --- loading -----------------------------------------------------------------------------

def _drop_indexes(engine) -> None:
    with engine.begin() as conn:
        for index in REBUILT:
            index.drop(conn, checkfirst=True)


def _create_indexes(engine) -> None:
    with engine.begin() as conn:
        for index in REBUILT:
            index.create(conn, checkfirst=True)


def load_sqlite(path: Path, world: World) -> None:
    with open_store(path) as store:  # creates the schema through the migrations
        _drop_indexes(store.engine)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = OFF")  # a bench store: no crash safety needed
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("BEGIN")
    for table, rows in table_rows(world).items():
        columns = COLUMNS[table]
        connection.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                               f"({', '.join('?' * len(columns))})", rows())
    connection.execute("COMMIT")
    connection.close()
    with open_store(path) as store:
        _create_indexes(store.engine)


def load_postgres(url: str, world: World) -> None:
    with open_store(url) as store:
        _drop_indexes(store.engine)
        raw = store.engine.raw_connection()
        try:
            cursor = raw.driver_connection.cursor()
            # The rows are consistent by construction: skip per-row foreign-key triggers.
            cursor.execute("SET session_replication_role = replica")
            for table, rows in table_rows(world).items():
                with cursor.copy(f"COPY {table} ({', '.join(COLUMNS[table])}) FROM STDIN") as copy:
                    for row in rows():
                        copy.write_row(row)
                # Later inserts (a real ingest into a kept bench store) continue the ids.
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                               f"(SELECT coalesce(max(id), 1) FROM {table}))")
            cursor.execute("SET session_replication_role = DEFAULT")
            raw.commit()
        finally:
            raw.close()
        _create_indexes(store.engine)
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")


def stored_moves(url_or_path) -> int:
    with open_store(url_or_path) as store, store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(schema.facts)).scalar_one())


# --- timing ------------------------------------------------------------------------------

def cpu_clock(store) -> Callable[[], float]:
    """Seconds of CPU spent on the queries: this process's for SQLite; for PostgreSQL this
    process's plus the server backends' of the bench database (read from /proc when the
    server is local; parallel query workers are not counted). Shows the work itself on a
    machine whose other jobs stretch the wall-clock figures."""
    if store.engine.dialect.name != "postgresql":
        return time.process_time
    with store.engine.connect() as conn:
        pids = [row[0] for row in conn.execute(text(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"))]
    ticks = os.sysconf("SC_CLK_TCK")

    def backends() -> float:
        total = 0.0
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
        return total

    return lambda: time.process_time() + backends()


def timings(action: Callable[[], object], repeat: int,
            cpu: Callable[[], float]) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of ``repeat`` calls, after one warm-up call."""
    action()  # warm the caches and the connection pool
    walls, cpus = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), cpu()
        action()
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((cpu() - start_cpu) * 1000)
    return walls, cpus


def measure(store, world: World, repeat: int) -> list[tuple]:
    """(query, wall-clock ms, CPU ms, what it returned) per query."""
    year = str(FIRST_YEAR + YEARS - 3)
    popular = world.orgs[0]
    people = world.most_moved_people(repeat + 1) + world.people[:repeat + 1]
    turn = iter(range(10**9))

    flows = query.flows(store, since=year, until=year)
    cpu = cpu_clock(store)  # after a first query: the pool holds its connection
    profile = query.org_profile(store, popular)
    results = [
        (f"flows --since {year} --until {year}",
         *timings(lambda: query.flows(store, since=year, until=year), repeat, cpu),
         f"{flows.flows.total} pairs, {sum(f.count for f in flows.flows.items)} moves in top "
         f"{len(flows.flows.items)}"),
        (f"flows --since {year} --until {year} --min 2",
         *timings(lambda: query.flows(store, since=year, until=year, min_count=2), repeat, cpu),
         ""),
        ("org <most popular>",
         *timings(lambda: query.org_profile(store, popular), repeat, cpu),
         f"{profile.arrivals_total} arrivals, {profile.departures_total} departures"),
        ("org <50th most popular>",
         *timings(lambda: query.org_profile(store, world.orgs[49]), repeat, cpu),
         f"{query.org_profile(store, world.orgs[49]).arrivals_total} arrivals"),
        (f"org <most popular> --since {year} --until {year}",
         *timings(lambda: query.org_profile(store, popular, since=year, until=year), repeat, cpu),
         ""),
        ("person <name>",
         *timings(lambda: query.person_timeline(store, people[next(turn) % len(people)]),
                 repeat, cpu),
         f"{len(query.person_timeline(store, people[0]).moves)} moves for the busiest"),
    ]
    return results


def pg_admin_url(url: str) -> str:
    return make_url(url).set(database="postgres").render_as_string(hide_password=False)


def ensure_pg_database(url: str) -> bool:
    """Create the database of ``url`` when missing; True when this run created it."""
    name = make_url(url).database
    engine = create_engine(pg_admin_url(url), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                                  {"n": name}).scalar()
            if not exists:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
            return not exists
    finally:
        engine.dispose()


def drop_pg_database(url: str) -> None:
    engine = create_engine(pg_admin_url(url), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{make_url(url).database}"')
    finally:
        engine.dispose()


def default_pg_url() -> str | None:
    test_url = os.environ.get("TALENTFLOW_TEST_PG_URL")
    if not test_url:
        return None
    return make_url(test_url).set(database="talentflow_bench").render_as_string(
        hide_password=False)


def check_reusable(target, n_moves: int) -> None:
    """Refuse, before anything is measured, a store holding other moves than the bench's."""
    have = stored_moves(target)
    if have not in (0, n_moves):
        shown = make_url(target).render_as_string() if "://" in str(target) else target
        sys.exit(f"{shown} holds {have} moves, not {n_moves}: give an empty store "
                 "(or drop it)")


def prepared(target, world: World, n_moves: int, load) -> float:
    """Load the store unless it already holds the bench's moves; returns the load seconds."""
    check_reusable(target, n_moves)
    if stored_moves(target) == n_moves:
        return 0.0
    start = time.perf_counter()
    load(target, world)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=1_000_000)
    parser.add_argument("--people", type=int, default=None, help="default: moves / 20")
    parser.add_argument("--orgs", type=int, default=None, help="default: moves / 200")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per query")
    parser.add_argument("--keep", metavar="DB", help="SQLite file to build once and reuse "
                        "(also keeps the PostgreSQL database)")
    parser.add_argument("--pg-url", default=default_pg_url(),
                        help="PostgreSQL database for the bench (created when missing; "
                             "default talentflow_bench on $TALENTFLOW_TEST_PG_URL's server)")
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    args = parser.parse_args()
    n_people = args.people or max(10, args.moves // 20)
    n_orgs = args.orgs or max(10, args.moves // 200)

    start = time.perf_counter()
    world = World(args.moves, n_people, n_orgs)
    print(f"{args.moves} moves, {n_people} people, {n_orgs} organisations, "
          f"{world.n_articles} articles; generated in {time.perf_counter() - start:.1f} s; "
          f"load average {os.getloadavg()[0]:.2f}", flush=True)

    rows: list[tuple] = []
    loads: list[str] = []
    if args.keep and not args.no_sqlite and Path(args.keep).exists():
        check_reusable(Path(args.keep), args.moves)
    if not args.no_pg:
        if not args.pg_url:
            sys.exit("no PostgreSQL URL: give --pg-url or set TALENTFLOW_TEST_PG_URL "
                     "(or --no-pg)")
        created = ensure_pg_database(args.pg_url)
        try:
            check_reusable(args.pg_url, args.moves)
        except SystemExit:
            if created:
                drop_pg_database(args.pg_url)
            raise
    with tempfile.TemporaryDirectory() as tmp:
        if not args.no_sqlite:
            path = Path(args.keep) if args.keep else Path(tmp) / "bench.db"
            seconds = prepared(path, world, args.moves, load_sqlite)
            loads.append(f"SQLite {path} ({path.stat().st_size / 2**20:.0f} MB): "
                         + (f"loaded in {seconds:.0f} s" if seconds else "reused"))
            print(loads[-1], flush=True)
            with open_store(path) as store:
                rows += [("sqlite", *r) for r in measure(store, world, args.repeat)]
                with store.engine.begin() as conn:
                    conn.exec_driver_sql("ANALYZE")  # what `PRAGMA optimize` would record
            with open_store(path) as store:
                rows += [("sqlite+ANALYZE", *r) for r in measure(store, world, args.repeat)]
            if args.keep:  # later runs measure the store without statistics again
                with sqlite3.connect(path) as conn:
                    conn.execute("DROP TABLE IF EXISTS sqlite_stat1")
        if not args.no_pg:
            try:
                seconds = prepared(args.pg_url, world, args.moves, load_postgres)
                loads.append(f"PostgreSQL {make_url(args.pg_url).database}: "
                             + (f"loaded in {seconds:.0f} s" if seconds else "reused"))
                print(loads[-1], flush=True)
                with open_store(args.pg_url) as store:
                    rows += [("postgresql", *r) for r in measure(store, world, args.repeat)]
            finally:
                if created and not args.keep:
                    drop_pg_database(args.pg_url)

    width = max(len(r[1]) for r in rows) if rows else 10
    print(f"\n{'store':<15} {'query':<{width}} {'median ms':>10} {'p95 ms':>8} "
          f"{'cpu ms':>7}  result")
    for store_name, name, walls, cpus, note in rows:
        p95 = statistics.quantiles(walls, n=20, method="inclusive")[18] if len(walls) > 1 \
            else walls[0]
        print(f"{store_name:<15} {name:<{width}} {statistics.median(walls):>10.1f} "
              f"{p95:>8.1f} {statistics.median(cpus):>7.1f}  {note}")
    print(f"({args.repeat} runs each after one warm-up; median and 95th percentile of wall-clock "
          f"time, median CPU time (PostgreSQL: client + server backend); "
          f"load average {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
