"""`talentflow report` and `talentflow serve` through typer's CliRunner."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from talentflow.cli import web_cmds  # noqa: F401  (registers the commands)
from talentflow.cli.app import app
from talentflow.store import open_store
from web.world import fill

runner = CliRunner()


def test_report_writes_one_file_and_says_what_is_in_it(tmp_path):
    db = tmp_path / "web.db"
    with open_store(db) as store:
        fill(store)
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(out), "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["moves"] == 5 and summary["path"] == str(out) and out.stat().st_size > 1e6
    text = runner.invoke(app, ["report", str(out), "--db", str(db)])
    assert text.exit_code == 0 and "5 moves" in text.stdout


def test_report_into_a_directory_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["report", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "is a directory" in result.output


def test_serve_runs_uvicorn_with_the_app_on_the_given_address(tmp_path, monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app_, **kw: calls.append((app_, kw)))
    from talentflow.store import open_store

    db = tmp_path / "serve.db"
    missing = runner.invoke(app, ["serve", "--db", str(db), "--port", "8123"])
    assert missing.exit_code == 2 and "TF405" in missing.output and not calls
    result = runner.invoke(app, ["serve", "--db", str(db), "--port", "8123", "--create"])
    assert result.exit_code == 0, result.output
    web_app, options = calls[0]
    assert options["host"] == "127.0.0.1" and options["port"] == 8123
    assert {route.path for route in web_app.routes} >= {"/api/flows", "/api/articles", "/"}


def test_serve_refuses_a_missing_store_file_unless_asked_to_create_it(tmp_path,
                                                                    monkeypatch):
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app_, **kw: None)
    typo = tmp_path / "tf-typo.db"
    result = runner.invoke(app, ["serve", "--db", str(typo)])
    assert result.exit_code == 2 and "TF405" in result.output and "--create" in result.output
    assert not typo.exists()
    assert runner.invoke(app, ["serve", "--db", str(typo), "--create"]).exit_code == 0
    assert typo.exists()


def test_serve_answers_to_its_address_and_the_allowed_hosts(tmp_path, monkeypatch):
    import uvicorn
    from fastapi.testclient import TestClient

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app_, **kw: calls.append(app_))
    db = tmp_path / "serve.db"
    with open_store(db) as store:
        fill(store)
    result = runner.invoke(app, ["serve", "--db", str(db), "--host", "10.1.2.3",
                                 "--allowed-host", "talent.example.test"])
    assert result.exit_code == 0, result.output
    client = TestClient(calls[0])
    for host, status in (("10.1.2.3:8000", 200), ("talent.example.test", 200),
                         ("rebind.attacker.test", 400), ("localhost", 400)):
        assert client.get("/api/flows", headers={"Host": host}).status_code == status, host


def test_serve_with_an_unusable_database_fails_with_the_error_code(tmp_path):
    result = runner.invoke(app, ["serve", "--db", "mysql://host/db"])
    assert result.exit_code == 2 and "TF101" in result.output
