"""The faults of issue 15 run through the CLI: each one is an error code and an exit
status, never a Python traceback, and no input is lost or overwritten."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import talentflow.nlp
import talentflow.workflow as workflow
from talentflow.cli.app import _register_commands, app
from talentflow.core import Evidence, Extraction, Move
from helpers.foreign_db import another_programs_database
from helpers.unreadable import refuse_folders_named

_register_commands()
runner = CliRunner()

TEXT = ("Le cabinet Ternelle Conseil a recruté Anouk Verlaine comme directrice des "
        "opérations, a indiqué la société dans un communiqué publié lundi.")


def counting_extractor(seen: list):
    def extract_many(articles, batch_size=32):
        for article in articles:
            seen.append(article)
            start = article.text.index("Anouk Verlaine") if "Anouk" in article.text else 0
            yield article, Extraction(article.id, "fr", moves=(Move(
                "Anouk Verlaine", None, "Ternelle Conseil", None, None,
                Evidence.of(article.text, start, start + 5), 0.6),))
    return extract_many


@pytest.fixture
def seen(monkeypatch) -> list:
    extracted: list = []
    monkeypatch.setattr(talentflow.nlp, "extract_many", counting_extractor(extracted))
    monkeypatch.setattr(workflow, "_default_extractor", lambda: counting_extractor(extracted))
    monkeypatch.delenv("TALENTFLOW_DB", raising=False)
    return extracted


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    return folder


def no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)


@pytest.mark.parametrize("command", ["extract", "ingest"])
@pytest.mark.parametrize("option", [["--publication-date", "2025-13-45"], ["--lang", "de"]])
def test_bad_reading_options_are_usage_errors(seen, corpus, tmp_path, command, option):
    db = ["--db", str(tmp_path / "tf.db")] if command == "ingest" else []
    result = runner.invoke(app, [command, str(corpus), *option, *db])
    assert result.exit_code == 2 and "[TF100]" in result.output
    no_traceback(result)
    assert not seen and not (tmp_path / "tf.db").exists()


def test_an_input_is_never_the_output(seen, tmp_path):
    corpus = tmp_path / "x.jsonl"
    corpus.write_text(json.dumps({"id": "1", "text": TEXT}) + "\n", encoding="utf-8")
    before = corpus.read_bytes()
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(corpus)])
    assert result.exit_code == 2 and "also an input" in result.output
    no_traceback(result)
    assert corpus.read_bytes() == before and not seen


def test_an_output_that_cannot_be_written_is_refused_before_any_work(seen, corpus, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for target in (tmp_path, blocker / "sub" / "out.jsonl"):
        result = runner.invoke(app, ["extract", str(corpus), "-o", str(target)])
        assert result.exit_code == 2 and "[TF100]" in result.output, result.output
        no_traceback(result)
    assert not seen


def test_a_database_under_a_folder_that_cannot_be_created(seen, corpus, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(blocker / "x" / "tf.db")])
    assert result.exit_code == 2 and "[TF101]" in result.output
    no_traceback(result)
    assert not seen


def test_two_feeds_are_both_read(seen, tmp_path):
    def feed(name: str) -> Path:
        body = f"{TEXT} Édition {name}. " * 3  # the entry carries its whole text
        path = tmp_path / f"{name}.rss"
        path.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{name}</title><link>https://example.invalid/</link>
<description>d</description><item><title>{name}</title><guid>{name}</guid>
<pubDate>Mon, 13 Jan 2025 08:00:00 GMT</pubDate><description>{body}</description></item>
</channel></rss>""", encoding="utf-8")
        return path

    first, second = feed("premier"), feed("second")
    result = runner.invoke(app, ["extract", "--feed", str(first), "--feed", str(second)])
    no_traceback(result)
    assert len(result.stdout.splitlines()) == 2, result.output
    db = tmp_path / "tf.db"
    ingested = runner.invoke(app, ["ingest", "--feed", str(first), "--feed", str(second),
                                   "--db", str(db), "--format", "json"])
    no_traceback(ingested)
    assert json.loads(ingested.stdout)["ingested"] == 2, ingested.output


def test_an_unreadable_subfolder_is_reported_with_exit_1(seen, corpus, tmp_path, monkeypatch):
    (corpus / "locked").mkdir()
    refuse_folders_named(monkeypatch)
    for command in (["extract", str(corpus)],
                    ["ingest", str(corpus), "--db", str(tmp_path / "tf.db")]):
        result = runner.invoke(app, command)
        assert result.exit_code == 1, result.output
        assert "[TF207]" in result.output and "locked" in result.output
        no_traceback(result)
    assert len(seen) == 2  # the readable article was still extracted, each time


def test_fifos_and_devices_are_not_read(seen, tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    result = runner.invoke(app, ["extract", str(tmp_path / "pipe.txt"),
                                 str(tmp_path / "zero.txt")])
    assert result.exit_code == 1 and result.output.count("[TF207]") >= 2
    no_traceback(result)


def test_read_commands_never_write_into_another_programs_database(seen, tmp_path):
    path = tmp_path / "notes.db"
    before = another_programs_database(path, "CREATE TABLE notes (body TEXT)")
    for command in (["moves"], ["info"], ["ingest", str(tmp_path / "nothing.txt")]):
        (tmp_path / "nothing.txt").write_text(TEXT, encoding="utf-8")
        result = runner.invoke(app, [*command, "--db", str(path)])
        assert result.exit_code == 2 and "[TF406]" in result.output, result.output
        no_traceback(result)
    assert path.read_bytes() == before and not seen


def test_ingest_says_when_it_creates_a_store_and_skips_carry_codes(seen, corpus, tmp_path):
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    db = tmp_path / "new.db"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert "created a new talentflow store" in result.output
    assert "[TF201]" in result.output and result.exit_code == 1
    again = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert "created a new" not in again.output


def test_version_and_help_flags():
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.output.startswith("talentflow ")
    helped = runner.invoke(app, ["ingest", "--help"], terminal_width=200)
    assert "--allow-private" in helped.output and "<bool>" not in helped.output


@pytest.mark.model
def test_a_copyright_footer_never_dates_a_move_the_given_date_does(tmp_path, fr_nlp,
                                                                   monkeypatch):
    from helpers.http_server import copyright_page

    monkeypatch.delenv("TALENTFLOW_DB", raising=False)
    page = tmp_path / "ternelle.html"
    page.write_text(copyright_page(), encoding="utf-8")
    db = tmp_path / "tf.db"
    result = runner.invoke(app, ["ingest", str(page), "--publication-date", "2025-06-10",
                                 "--db", str(db)])
    assert result.exit_code == 0, result.output
    moves = json.loads(runner.invoke(app, ["moves", "--db", str(db), "--format",
                                           "json"]).stdout)["items"]
    assert moves and all(m["date"] == "2025-05" for m in moves), moves
    sources = json.loads(runner.invoke(app, ["sources", str(moves[0]["fact_id"]), "--db", str(db),
                                             "--format", "json"]).stdout)
    assert sources["sources"][0]["article"]["date"] == "2025-06-10"
    assert sources["sources"][0]["article"]["date_source"] == "user"
