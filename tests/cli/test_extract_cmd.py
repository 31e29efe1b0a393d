"""`talentflow extract` through Typer's CliRunner: output lines, summary, exit codes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import talentflow.nlp
from talentflow.cli.app import _register_commands, app
from talentflow.core import Evidence, Extraction, Move
from talentflow.core.errors import ExtractionError

# With one command registered Typer would make it the root and read "extract" as a path.
_register_commands()
runner = CliRunner()
SAMPLES = Path(__file__).resolve().parents[2] / "samples"

JOINS = {
    "a.txt": "Le groupe Norvalis a recruté Agathe Morel comme directrice juridique, "
             "a indiqué l'entreprise dans un communiqué publié lundi matin.",
    "b.txt": "La start-up Quillon a nommé Bruno Tessier directeur financier, selon un "
             "message publié par la société sur son site internet jeudi.",
}


def fake_extract_many(articles, batch_size=32):
    """Reads 'X a recruté/nommé PERSON' back as a move; fails on articles saying 'panne'."""
    for article in articles:
        if "panne" in article.text:
            yield article, ExtractionError("the parser broke", item=article.id)
            continue
        words = article.text.split()
        verb = next((i for i, w in enumerate(words) if w in ("recruté", "nommé")), None)
        if verb is None:
            yield article, Extraction(article.id, article.lang)
            continue
        person = " ".join(words[verb + 1:verb + 3])
        start = article.text.index(person)
        yield article, Extraction(article.id, article.lang, moves=(Move(
            person, None, words[2], None, None,
            Evidence.of(article.text, start, start + len(person)), 0.6),))


@pytest.fixture
def fake_nlp(monkeypatch):
    monkeypatch.setattr(talentflow.nlp, "extract_many", fake_extract_many)


@pytest.fixture
def articles(tmp_path):
    for name, text in JOINS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_one_json_line_per_article_on_stdout(fake_nlp, articles):
    result = runner.invoke(app, ["extract", str(articles), "--publication-date", "2025-01-06"])
    assert result.exit_code == 0, result.output
    predictions = lines(result.stdout)
    assert [p["id"] for p in predictions] == [str(articles / "a.txt"), str(articles / "b.txt")]
    assert predictions[0]["moves"][0]["person"] == "Agathe Morel"
    assert set(predictions[0]) >= {"id", "lang", "moves", "foundings", "investments"}
    # Offsets index the text exactly as it is in the file.
    evidence = predictions[1]["moves"][0]["evidence"]
    text = (articles / "b.txt").read_text(encoding="utf-8")
    assert text[evidence["start"]:evidence["end"]] == "Bruno Tessier"
    assert "2 articles read, 2 extracted (2 moves" in result.stderr


def test_output_file_is_written_and_non_ascii_kept(fake_nlp, articles, tmp_path):
    out = tmp_path / "out" / "pred.jsonl"
    result = runner.invoke(app, ["extract", str(articles / "a.txt"), "-o", str(out),
                                 "--publication-date", "2025-01-06"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    raw = out.read_text(encoding="utf-8")
    assert lines(raw)[0]["moves"][0]["person"] == "Agathe Morel"
    assert [p.name for p in out.parent.iterdir()] == ["pred.jsonl"]  # no temp file left


def test_bad_items_are_reported_and_the_rest_extracted(fake_nlp, articles):
    (articles / "c_empty.txt").write_bytes(b"")
    (articles / "d_panne.txt").write_text(
        "Le groupe Ferrand a recruté Lucie Caron, mais le serveur est tombé en panne "
        "pendant la rédaction de cet article sur la nouvelle directrice.", encoding="utf-8")
    (articles / "e.jsonl").write_text('{"id": "ok", "lang": "fr", "date": "2025-01-02", '
                                      '"text": "' + JOINS["a.txt"] + '"}\n{oops\n',
                                      encoding="utf-8")
    result = runner.invoke(app, ["extract", str(articles), "--publication-date", "2025-01-06"])
    assert result.exit_code == 1
    assert [p["id"] for p in lines(result.stdout)] == [
        str(articles / "a.txt"), str(articles / "b.txt"), "ok"]
    err = result.stderr
    assert f"error: [TF201] {articles / 'c_empty.txt'}: the file is empty" in err
    assert "[TF300]" in err and "the parser broke" in err
    assert f"{articles / 'e.jsonl'}:2: [TF204]" in err
    assert "4 articles read, 3 extracted (3 moves, 0 foundings, 0 investments), " \
           "3 items skipped or failed" in err


def test_undated_articles_get_one_warning_naming_them(fake_nlp, articles):
    result = runner.invoke(app, ["extract", str(articles / "a.txt")])
    assert result.exit_code == 0
    assert "warning: 1 article(s) have no publication date" in result.stderr
    assert str(articles / "a.txt") in result.stderr and "--publication-date" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["--lang", "de"], "--lang 'de' is not supported"),
    (["--publication-date", "2025-02-30"], "is not a date"),
    (["--batch-size", "0"], "batch-size"),
])
def test_usage_errors_exit_2(fake_nlp, articles, args, message):
    result = runner.invoke(app, ["extract", str(articles), *args])
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_missing_path_exits_2_after_the_other_items(fake_nlp, articles):
    result = runner.invoke(app, ["extract", str(articles / "nope.txt"), str(articles / "a.txt"),
                                 "--publication-date", "2025-01-06"])
    assert result.exit_code == 2
    assert f"error: [TF100] {articles / 'nope.txt'}: no such file or directory" in result.stderr
    assert len(lines(result.stdout)) == 1


def test_a_failed_run_leaves_no_half_written_output(articles, tmp_path, monkeypatch):
    def exploding(articles, batch_size=32):
        yield from fake_extract_many(list(articles)[:1])
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(talentflow.nlp, "extract_many", exploding)
    out = tmp_path / "pred.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(articles), "-o", str(out)])
    assert result.exit_code != 0
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".pred")) == []


def test_help_lists_the_options():
    result = runner.invoke(app, ["extract", "--help"])
    assert result.exit_code == 0
    for option in ("--output", "--publication-date", "--lang", "--batch-size", "--max-bytes"):
        assert option in result.stdout


@pytest.mark.model
def test_the_bundled_samples_give_real_moves_with_exact_evidence(fr_nlp, tmp_path):
    out = tmp_path / "demo.jsonl"
    result = runner.invoke(app, ["extract", str(SAMPLES), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    predictions = {p["id"]: p for p in lines(out.read_text(encoding="utf-8"))}
    texts = _sample_texts()
    assert set(predictions) == set(texts)
    facts = [(p["id"], fact) for p in predictions.values()
             for kind in ("moves", "foundings", "investments") for fact in p[kind]]
    assert sum(len(p["moves"]) for p in predictions.values()) >= 4
    assert any(p["foundings"] for p in predictions.values())
    assert any(p["investments"] for p in predictions.values())
    for article_id, fact in facts:
        start, end = fact["evidence"]["start"], fact["evidence"]["end"]
        assert 0 <= start < end <= len(texts[article_id])
        assert texts[article_id][start:end].strip(), (article_id, fact)


def _sample_texts() -> dict[str, str]:
    """Article id -> text, read the way talentflow reads them."""
    from talentflow.ingest import read_inputs
    return {a.id: a.text for a in read_inputs([str(SAMPLES)])}


def test_urls_are_fetched_and_a_dead_one_reported(fake_nlp):
    from helpers.http_server import LoopbackServer

    with LoopbackServer() as server:
        ok, missing = server.url("/ok"), server.url("/missing")
        result = runner.invoke(app, ["extract", missing, ok])
    assert result.exit_code == 1
    assert [p["id"] for p in lines(result.stdout)] == [ok]
    assert f"error: [TF210] {missing}: HTTP 404" in result.stderr


def test_a_terminal_shows_the_steps_inside_a_long_article(articles, monkeypatch):
    # Off a terminal no ``progress`` reaches the extractor: the fakes above take none.
    from helpers.terminal import stepping_extractor, terminal_bar
    from talentflow.cli import extract_cmd

    shown: list = []
    monkeypatch.setattr(talentflow.nlp, "extract_many", stepping_extractor)
    monkeypatch.setattr(extract_cmd, "progress_bar", terminal_bar(shown))
    result = runner.invoke(app, ["extract", str(articles / "a.txt")])
    assert result.exit_code == 0, result.output
    head = f"extracting {articles / 'a.txt'} ({len(JOINS['a.txt']):,} characters)"
    assert f"{head} 1/2 ner" in shown and f"{head} 2/2" in shown
