"""The read-side commands through typer's CliRunner, on SQLite and PostgreSQL stores."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from talentflow.cli import query_cmds, quote_cmds  # noqa: F401  (registers the commands)
from talentflow.cli.app import app
from query.world import (empty_store, world,  # noqa: F401
                         world_url)

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_moves_json_is_the_library_shape(world_url):
    result = run("moves", "--db", world_url, "--format", "json", "--org", "quartz analytics",
                 "--limit", "2")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total"] == 4 and data["limit"] == 2
    assert [m["person"] for m in data["items"]] == ["Sofia Lindqvist", "Ines Garcia"]


def test_moves_table_and_every_filter_option(world_url):
    result = run("moves", "--db", world_url, "--person", "Marc Dubois", "--from", "orbital labs",
                 "--to", "Nimbus Robotics", "--since", "2023", "--until", "2023-09")
    assert result.exit_code == 0, result.output
    assert "Marc Dubois" in result.stdout and "1-1 of 1" in result.stdout
    assert "Lea Martin" not in result.stdout


def test_moves_csv_has_a_header_and_one_row_per_fact(world_url):
    result = run("moves", "--db", world_url, "--format", "csv", "--limit", "0")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 7
    assert set(query_cmds.MOVE_COLUMNS) == set(rows[0])
    undated = rows[-1]
    assert (undated["person"], undated["from"], undated["date"]) == ("Paul Verdier", "", "")


def test_flows_json_shows_org_to_org_counts(world_url):
    result = run("flows", "--db", world_url, "--format", "json")
    assert result.exit_code == 0, result.output
    flows = json.loads(result.stdout)["flows"]
    assert {"from": "Orbital Labs", "to": "Nimbus Robotics", "count": 2}.items() \
        <= flows[0].items()
    result = run("flows", "--db", world_url, "--format", "json", "--min", "2", "--since", "2023",
                 "--until", "2024")
    assert [f["count"] for f in json.loads(result.stdout)["flows"]] == [2]


def test_flows_table_and_csv_with_unknown_destinations(world_url):
    table = run("flows", "--db", world_url, "--include-unknown", "--org", "Quartz Analytics")
    assert table.exit_code == 0, table.output
    assert "(unknown)" in table.stdout and "Nova Deep Systems" in table.stdout
    rows = list(csv.reader(io.StringIO(run("flows", "--db", world_url, "--format", "csv",
                                           "--include-unknown").stdout)))
    assert rows[0] == ["from", "to", "count", "from_id", "to_id"]
    assert ["Quartz Analytics", "", "1"] in [row[:3] for row in rows[1:]]


def test_person_timeline_in_all_formats(world_url):
    table = run("person", "sofia lindqvist", "--db", world_url)
    assert table.exit_code == 0, table.output
    assert "Nova Deep Systems" in table.stdout and "chief scientist" in table.stdout
    data = json.loads(run("person", "Lindqvist", "--db", world_url, "-f", "json").stdout)
    assert data["person"]["name"] == "Sofia Lindqvist"
    assert data["moves"][0]["to"] == "Nova Deep Systems"
    rows = list(csv.DictReader(io.StringIO(run("person", "Karim Haddad", "--db", world_url,
                                               "--format", "csv").stdout)))
    assert [(r["from"], r["to"], r["date"]) for r in rows] == [("Quartz Analytics",
                                                               "Orbital Labs", "2022")]


def test_org_profile_by_period_in_all_formats(world_url):
    table = run("org", "Nimbus Robotics", "--db", world_url)
    assert table.exit_code == 0, table.output
    assert "3 arrivals, 1 departure, net +2" in table.stdout
    assert "Hugo Perrin" in table.stdout and "Helios Ventures" in table.stdout
    data = json.loads(run("org", "quartz", "--db", world_url, "--format", "json", "--period",
                          "quarter").stdout)
    assert [p["period"] for p in data["periods"]] == ["2022", "2023-Q1", "2023-Q4", "2024-Q1"]
    rows = list(csv.DictReader(io.StringIO(run("org", "Nimbus Robotics", "--db", world_url,
                                               "--format", "csv", "--period", "month").stdout)))
    assert [(r["period"], r["net"]) for r in rows] == [("2023-03", "-1"), ("2023-09", "1"),
                                                       ("2024-05", "1"), ("undated", "1")]


def test_sources_show_evidence_with_article_title_date_and_url(world_url):
    fact_id = json.loads(run("moves", "--db", world_url, "--person", "Lea Martin", "--format",
                             "json").stdout)["items"][0]["fact_id"]
    table = run("sources", fact_id, "--db", world_url)
    assert table.exit_code == 0, table.output
    assert "Nimbus Robotics recrute sa directrice financière" in table.stdout
    assert "https://news.example.test/en/nimbus-cfo" in table.stdout
    assert "Léa Martin quitte Orbital Labs" in table.stdout
    data = json.loads(run("sources", fact_id, "--db", world_url, "--format", "json").stdout)
    assert len(data["sources"]) == 2
    rows = list(csv.DictReader(io.StringIO(run("sources", fact_id, "--db", world_url,
                                               "--format", "csv").stdout)))
    assert [r["date"] for r in rows] == ["2024-05-21", "2024-06-03"]


def test_not_found_exits_1_with_hint_and_json_error(world_url):
    result = run("person", "Tomas Burger", "--db", world_url, "--format", "json")
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "TF404" and "Tomas Berger" in error["hint"]
    assert "error: [TF404]" in result.stderr
    assert run("sources", "424242", "--db", world_url).exit_code == 1
    assert run("org", "Nowhere Holdings Group", "--db", world_url).exit_code == 1


@pytest.mark.parametrize("args", [
    ("moves", "--since", "2024-13"),
    ("moves", "--since", "2025", "--until", "2024"),
    ("moves", "--limit", "-1"),
    ("flows", "--min", "0"),
    ("org", "Nimbus Robotics", "--period", "week"),
    ("moves", "--format", "xml"),
    ("export", "--format", "pdf", "-o", "out.pdf"),
])
def test_usage_errors_exit_2(world_url, args):
    result = run(*args, "--db", world_url)
    assert result.exit_code == 2, result.output


def test_empty_store_is_not_an_error(tmp_path):
    from talentflow.store import open_store

    db = tmp_path / "empty.db"
    open_store(db).close()  # made by ingest, which is the only command that creates one
    result = run("moves", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["total"] == 0
    assert "nothing found" in run("flows", "--db", db).stdout


@pytest.mark.parametrize("fmt", ["csv", "json", "graphml", "gexf", "ftm"])
def test_export_writes_every_format(world_url, tmp_path, fmt):
    target = tmp_path / f"facts.{fmt}"
    result = run("export", "--db", world_url, "--format", fmt, "-o", target)
    assert result.exit_code == 0, result.output
    assert "exported 10 facts" in result.stderr
    if fmt == "graphml":
        assert nx.read_graphml(target).number_of_edges() == 15
    elif fmt == "gexf":
        assert nx.read_gexf(target).number_of_edges() == 15
    elif fmt == "json":
        assert len(json.loads(target.read_text(encoding="utf-8"))["facts"]) == 10
    elif fmt == "csv":
        assert len(list(csv.DictReader(target.open(encoding="utf-8")))) == 11
    else:
        assert all(json.loads(line)["schema"] for line in target.read_text().splitlines())


def test_export_to_a_missing_folder_is_a_usage_error(world_url, tmp_path):
    result = run("export", "--db", world_url, "--format", "json", "-o",
                 tmp_path / "no" / "such" / "dir.json")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


SEED = Path(__file__).resolve().parents[3] / "shared" / "bench" / "seed.articles.jsonl"


@pytest.mark.model
@pytest.mark.skipif(not SEED.exists(), reason="../shared/bench/seed.articles.jsonl not present")
def test_seed_ingested_twice_shows_its_flows_into_anthropic(tmp_path):
    from talentflow.cli import store_cmds  # noqa: F401  (registers ingest)

    db = tmp_path / "seed.db"
    for _ in range(2):
        assert run("ingest", SEED, "--db", db).exit_code == 0
    result = run("flows", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    pairs = {(f["from"], f["to"]) for f in json.loads(result.stdout)["flows"]}
    assert {("OpenAI", "Anthropic"), ("Google DeepMind", "Anthropic")} <= pairs
    anthropic = json.loads(run("org", "anthropic", "--db", db, "--format", "json").stdout)
    assert anthropic["arrivals_total"] == 4


def test_quotes_command_lists_a_persons_words_as_json_and_csv(tmp_path):
    import json as _json

    from typer.testing import CliRunner

    from talentflow.cli.app import app as cli_app
    from talentflow.core import Article, Evidence, Extraction, Quote
    from talentflow.store import open_store

    words = "Nous avons tout reconstruit en partant de presque rien"
    text = f"« {words} », a dit Ilse Marwood."
    start = text.index(words)
    db = str(tmp_path / "q.db")
    with open_store(db) as store:
        store.add_article(Article(id="x", text=text, lang="fr"), Extraction(
            article_id="x", lang="fr", quotes=(Quote(
                speaker="Ilse Marwood", evidence=Evidence.of(text, start, start + len(words))),)))
    runner = CliRunner()
    result = runner.invoke(cli_app, ["quotes", "--person", "Marwood", "--db", db, "-f", "json"])
    assert result.exit_code == 0, result.output
    items = _json.loads(result.output)["items"]
    assert [(q["speaker"]["name"], q["text"]) for q in items] == [("Ilse Marwood", words)]
    result = runner.invoke(cli_app, ["quotes", "--db", db, "-f", "csv"])
    assert result.exit_code == 0 and words in result.output
    result = runner.invoke(cli_app, ["quotes", "--person", "Nobody Known", "--db", db])
    assert result.exit_code != 0


def test_a_store_that_does_not_exist_is_refused_not_created(tmp_path):
    db = tmp_path / "tpyo.db"
    for command in (("moves",), ("flows",), ("info",), ("sources", "1"), ("quotes",)):
        result = run(*command, "--db", db)
        assert result.exit_code == 2, (command, result.output)
        assert "[TF405]" in result.output and "Traceback" not in result.output
    assert not db.exists()
