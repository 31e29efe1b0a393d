"""`talentflow ingest / info / alias / unmerge` through Typer's CliRunner."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import talentflow.workflow as workflow
from talentflow.cli.app import app
from talentflow.cli import store_cmds  # noqa: F401  (registers the commands)
from talentflow.core import Article, Evidence, Extraction, Move

runner = CliRunner()

TEXTS = {
    "one.txt": "Rita Olsen rejoint Crane Labs comme directrice financière en 2024.",
    "two.txt": "Rita Olsen, nouvelle directrice financière de Crane Labs SA depuis 2024.",
}


def fake_read_items(items, *, feed=None, publication_date=None, lang=None, warn=None, **_):
    for item in items:
        if item in TEXTS:
            yield Article(item, TEXTS[item], lang="fr", date="2024-05-01", source=item)
        else:
            yield type("Skipped", (), {"item": item, "reason": "no such file"})()


def fake_extractor(articles, batch_size=32):
    for article in articles:
        body = article.text
        yield article, Extraction(article.id, "fr", moves=(Move(
            "Rita Olsen", None, "Crane Labs SA" if "SA" in body else "Crane Labs",
            "directrice financière", "2024", Evidence.of(body, 0, len(body)), 0.6),))


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setattr(workflow, "read_items", fake_read_items)
    monkeypatch.setattr(workflow, "_default_extractor", lambda: fake_extractor)
    monkeypatch.delenv("TALENTFLOW_DB", raising=False)
    return str(tmp_path / "cli.db")


def test_ingest_then_again_is_idempotent(db):
    result = runner.invoke(app, ["ingest", "one.txt", "two.txt", "--db", db])
    assert result.exit_code == 0, result.output
    assert "2 ingested" in result.output and "1 facts" in result.output
    again = runner.invoke(app, ["ingest", "one.txt", "two.txt", "--db", db, "--format", "json"])
    assert again.exit_code == 0
    assert json.loads(again.stdout) == {"ingested": 0, "already_known": 2, "skipped": [],
                                        "failed": [], "reports": 0, "facts": 0, "warnings": []}


def test_ingest_exit_code_1_when_an_item_is_skipped(db):
    result = runner.invoke(app, ["ingest", "one.txt", "missing.txt", "--db", db])
    assert result.exit_code == 1
    assert "skipped missing.txt: no such file" in result.output
    assert "1 ingested" in result.output


def test_ingest_without_inputs_is_a_usage_error(db):
    result = runner.invoke(app, ["ingest", "--db", db])
    assert result.exit_code == 2 and "nothing to ingest" in result.output


def test_info_prints_location_version_and_counts(db, tmp_path, monkeypatch):
    runner.invoke(app, ["ingest", "one.txt", "--db", db])
    result = runner.invoke(app, ["info", "--db", db, "--format", "json"])
    data = json.loads(result.stdout)
    assert data["url"].endswith("cli.db") and data["schema_version"] >= 1
    assert data["counts"]["moves"] == 1 and data["counts"]["articles"] == 1
    monkeypatch.setenv("TALENTFLOW_DB", db)
    assert "cli.db" in runner.invoke(app, ["info"]).output


def test_alias_add_list_remove(db):
    runner.invoke(app, ["ingest", "one.txt", "--db", db])
    added = runner.invoke(app, ["alias", "add", "R. Olsen", "Rita Olsen", "--db", db])
    assert added.exit_code == 0 and "person alias added: R. Olsen -> Rita Olsen" in added.output
    listed = runner.invoke(app, ["alias", "list", "--db", db, "--format", "json"])
    assert [(a["alias"], a["canonical"], a["origin"]) for a in json.loads(listed.stdout)] == [
        ("R. Olsen", "Rita Olsen", "user")]
    removed = runner.invoke(app, ["alias", "remove", "R. Olsen", "--db", db])
    assert removed.exit_code == 0
    unknown = runner.invoke(app, ["alias", "add", "Who", "Nobody", "--db", db])
    assert unknown.exit_code == 2 and "--kind" in unknown.output
    missing = runner.invoke(app, ["alias", "remove", "Nobody Here", "--kind", "person",
                                  "--db", db])
    assert missing.exit_code == 1 and "TF404" in missing.output


def test_unmerge_by_report_and_by_fact(db):
    runner.invoke(app, ["ingest", "one.txt", "two.txt", "--db", db])
    result = runner.invoke(app, ["unmerge", "1", "--report", "2", "--db", db])
    assert result.exit_code == 0 and "report 2 is now fact" in result.output
    wrong = runner.invoke(app, ["unmerge", "1", "--report", "2", "--db", db])
    assert wrong.exit_code == 2 and "not part of fact 1" in wrong.output
    missing = runner.invoke(app, ["unmerge", "999", "--db", db])
    assert missing.exit_code == 1 and "no report 999" in missing.output
    info = json.loads(runner.invoke(app, ["info", "--db", db, "--format", "json"]).stdout)
    assert info["counts"]["moves"] == 2


def test_a_server_that_is_down_is_a_clear_error(db):
    result = runner.invoke(app, ["info", "--db", "postgresql+psycopg://nobody@127.0.0.1:9/x"])
    assert result.exit_code == 1 and "TF402" in result.output


def test_csv_outputs_have_a_header(db):
    runner.invoke(app, ["ingest", "one.txt", "--db", db])
    runner.invoke(app, ["alias", "add", "R. Olsen", "Rita Olsen", "--db", db])
    listed = runner.invoke(app, ["alias", "list", "--db", db, "--format", "csv"])
    assert listed.stdout.splitlines() == ["kind,alias,canonical,origin",
                                          "person,R. Olsen,Rita Olsen,user"]
    info = runner.invoke(app, ["info", "--db", db, "--format", "csv"])
    assert info.stdout.splitlines()[0] == "name,value" and "moves,1" in info.stdout


def test_errors_in_json_format_keep_the_json_shape(db):
    result = runner.invoke(app, ["ingest", "--db", db, "--format", "json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["code"] == "TF100"


def test_ingest_real_files_and_a_directory(tmp_path, monkeypatch):
    monkeypatch.setattr(workflow, "_default_extractor", lambda: fake_extractor)
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "one.txt").write_text("Recrutement\n\n" + TEXTS["one.txt"], encoding="utf-8")
    (folder / "two.txt").write_text("Nomination\n\n" + TEXTS["two.txt"], encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    db = str(tmp_path / "files.db")
    result = runner.invoke(app, ["ingest", str(folder), str(tmp_path / "empty.txt"), "--db", db,
                                 "--publication-date", "2024-05-01", "--format", "json"])
    summary = json.loads(result.stdout)
    assert result.exit_code == 1 and summary["ingested"] == 2 and summary["facts"] == 1
    assert summary["skipped"][0]["item"].endswith("empty.txt")


def test_undated_files_are_ingested_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setattr(workflow, "_default_extractor", lambda: fake_extractor)
    (tmp_path / "one.txt").write_text("Recrutement\n\n" + TEXTS["one.txt"], encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "one.txt"), "--db",
                                 str(tmp_path / "w.db"), "--format", "json"])
    summary = json.loads(result.stdout)
    assert result.exit_code == 0 and summary["ingested"] == 1
    assert summary["warnings"][0]["item"].endswith("one.txt")
    assert "warning: 1 article(s)" in result.stderr


def test_ctrl_c_keeps_what_was_stored(db, monkeypatch):
    def interrupted_after_one(articles, batch_size=32):
        for number, pair in enumerate(fake_extractor(articles)):
            if number == 1:
                raise KeyboardInterrupt
            yield pair

    monkeypatch.setattr(workflow, "_default_extractor", lambda: interrupted_after_one)
    result = runner.invoke(app, ["ingest", "one.txt", "two.txt", "--db", db])
    assert result.exit_code == 130 and "1 articles were stored" in result.stderr
    info = json.loads(runner.invoke(app, ["info", "--db", db, "--format", "json"]).stdout)
    assert info["counts"]["articles"] == 1


def test_a_terminal_shows_the_steps_inside_a_long_article(db, monkeypatch):
    # Off a terminal no ``progress`` reaches the extractor: fake_extractor takes none.
    from helpers.terminal import stepping_extractor, terminal_bar

    shown: list = []
    monkeypatch.setattr(workflow, "_default_extractor", lambda: stepping_extractor)
    monkeypatch.setattr(store_cmds, "progress_bar", terminal_bar(shown))
    result = runner.invoke(app, ["ingest", "one.txt", "--db", db])
    assert result.exit_code == 0, result.output
    head = f"extracting one.txt ({len(TEXTS['one.txt']):,} characters)"
    assert f"{head} 1/2 ner" in shown and f"{head} 2/2" in shown
