"""--scheduler: extraction on a Dask LocalCluster, stored by the client into PostgreSQL,
gives the same facts as a plain single-process ingest into SQLite, and a rerun skips
every article before it is submitted."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import aliased
from typer.testing import CliRunner

from talentflow.cli.app import _register_commands, app
from talentflow.core import Article
from talentflow.core.errors import UsageError
from talentflow.distributed import (DaskExtractor, SchedulerUnreachableError,
                                    check_scheduler_options, dask_extractor)
from talentflow.store import open_store
from talentflow.store.schema import facts, organisations, people
from talentflow.workflow import ingest_articles

_register_commands()

# Invented people and companies, a few moves each, in both languages.
TEXTS = {
    "en-1": "Priya Castellane has joined Gorsefield Dynamics as chief operating officer. "
            "She spent six years at Tallowmere Capital, where she ran the credit desk.",
    "en-2": "Harlan Whitcombe left Ostrava Maritime in March to become chief executive of "
            "Penrose Freight. Ostrava Maritime named Delia Forsythe as his successor.",
    "en-3": "Brackwater Labs appointed Ingrid Solvang as chief technology officer. "
            "Solvang was previously head of engineering at Quarrington Software.",
    "fr-1": "Clémence Vautrin rejoint Batignolles Énergie en tant que directrice générale. "
            "Elle dirigeait auparavant la filiale française de Morvandelle Industrie.",
    "fr-2": "Le groupe Sablonnière a nommé Gaspard Lemercier directeur financier. "
            "Il quitte Ravenel Assurances, où il occupait le même poste depuis 2019.",
    "fr-3": "Anouk Béranger quitte Coriandre Médias pour prendre la présidence de "
            "Valbonne Éditions, a annoncé l'entreprise mardi.",
}


def corpus() -> list[Article]:
    return [Article(key, text, lang=key[:2], date="2025-03-14", source=f"tests/{key}.txt")
            for key, text in TEXTS.items()]


def stored_facts(store) -> list[tuple]:
    """Every fact by its names, not ids: ids depend on the order of storing."""
    source, target = aliased(organisations), aliased(organisations)
    query = (select(facts.c.kind, people.c.name, source.c.name, target.c.name, facts.c.role,
                    facts.c.date, facts.c.n_reports)
             .select_from(facts)
             .outerjoin(people, facts.c.person_id == people.c.id)
             .outerjoin(source, facts.c.from_org_id == source.c.id)
             .outerjoin(target, facts.c.to_org_id == target.c.id))
    with store.read() as conn:
        return sorted(conn.execute(query).all(), key=repr)


@pytest.fixture(scope="module")
def local_cluster_extractor():
    """One LocalCluster of 2 worker processes for the module (each loads its models once)."""
    with dask_extractor("local", workers=2, max_in_flight=2) as extractor:
        yield extractor


@pytest.mark.postgres
@pytest.mark.model
def test_local_cluster_into_postgres_matches_single_process_sqlite(
        tmp_path, pg_databases, local_cluster_extractor):
    with open_store(tmp_path / "plain.db") as store:
        plain = ingest_articles(store, corpus(), batch_size=2)
        assert plain.ok and plain.ingested == len(TEXTS)
        expected = stored_facts(store)
    assert any(kind == "move" for kind, *_ in expected)

    url = pg_databases.create()
    with open_store(url) as store:
        summary = ingest_articles(store, corpus(), extractor=local_cluster_extractor,
                                  batch_size=2)
        assert summary.ok and summary.ingested == len(TEXTS)
        assert stored_facts(store) == expected

        submitted = []

        def counting_extractor(articles, *, batch_size=32):
            articles = list(articles)
            submitted.extend(articles)
            return local_cluster_extractor(articles, batch_size=batch_size)

        rerun = ingest_articles(store, corpus(), extractor=counting_extractor, batch_size=2)
        assert rerun.ingested == 0 and rerun.already_known == len(TEXTS)
        assert submitted == []  # skipped before submission, not after extraction
        assert stored_facts(store) == expected


@pytest.mark.model
def test_a_failing_article_fails_alone_on_the_cluster(local_cluster_extractor):
    articles = [Article("ok", TEXTS["en-1"], lang="en", date="2025-03-14"),
                Article("klingon", "Qapla' batlh tIn.", lang="tlh", date="2025-03-14")]
    results = dict((a.id, r) for a, r in local_cluster_extractor(articles, batch_size=2))
    assert results["ok"].moves
    error = results["klingon"]
    assert error.code == "TF220" and error.item == "klingon" and error.hint  # kept across


@pytest.mark.postgres
@pytest.mark.model
def test_cli_scheduler_local_ingests_and_reruns_resumably(tmp_path, pg_databases):
    folder = tmp_path / "articles"
    folder.mkdir()
    for key, text in TEXTS.items():
        (folder / f"{key}.txt").write_text(text, encoding="utf-8")
    url = pg_databases.create()
    runner = CliRunner()
    command = ["ingest", str(folder), "--db", url, "--scheduler", "local", "--workers", "2",
               "--publication-date", "2025-03-14", "--format", "json"]
    first = runner.invoke(app, command)
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["ingested"] == len(TEXTS)
    second = runner.invoke(app, command)
    assert second.exit_code == 0, second.output
    summary = json.loads(second.stdout)
    assert summary["ingested"] == 0 and summary["already_known"] == len(TEXTS)


def test_workers_with_a_remote_scheduler_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"),
                                      "--scheduler", "tcp://127.0.0.1:8786", "--workers", "3"])
    assert result.exit_code == 2
    assert "TF100" in result.stderr and "--workers" in result.stderr


def test_a_scheduler_that_is_no_address_is_a_usage_error():
    with pytest.raises(UsageError, match="neither 'local' nor an address"):
        check_scheduler_options("somewhere", None)


def test_an_unreachable_scheduler_is_a_clear_error(monkeypatch):
    import talentflow.distributed as module

    monkeypatch.setattr(module, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(SchedulerUnreachableError) as caught:
        with dask_extractor("tcp://127.0.0.1:9"):  # the discard port: nothing listens
            pass
    assert caught.value.code == "TF502" and "dask-scheduler" in caught.value.hint
    assert caught.value.exit_code == 1


def test_in_flight_cap_must_be_positive():
    with pytest.raises(ValueError):
        DaskExtractor(client=None, max_in_flight=0)
