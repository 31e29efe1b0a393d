"""Articles JSONL: streamed line by line, each bad line skipped with its file:line."""
from __future__ import annotations

import json
import os
import threading

import pytest

from talentflow.core import Article
from talentflow.core.errors import InputTooLargeError, MalformedRecordError
from talentflow.ingest import Skipped, read_inputs

TEXT = ("La banque en ligne Pivora a recruté Ophélie Marchand comme directrice des risques. "
        "Elle vient de la Société Générale, où elle a passé douze ans.")


def record(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_records_become_articles_with_every_field(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(record(id="pv-1", lang="fr", date="2025-03-04", title="Pivora recrute",
                           url="https://example.org/pivora", text=TEXT) + "\n",
                    encoding="utf-8")
    [article] = read_inputs([str(path)])
    assert article == Article(id="pv-1", text=TEXT, lang="fr", date="2025-03-04",
                              title="Pivora recrute", url="https://example.org/pivora",
                              source=f"{path}:1", date_source="metadata")


def test_bad_lines_are_skipped_by_file_and_line_and_the_rest_goes_on(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [record(id="ok-1", lang="fr", text=TEXT),
             '{"id": "broken", "text": ',
             "[1, 2, 3]",
             record(id="no-text", lang="fr"),
             record(id="blank-text", lang="fr", text="   "),
             "",
             record(lang="fr", date="2025-01-02", text=TEXT)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_inputs([str(path)]))
    assert [type(r).__name__ for r in results] == [
        "Article", "Skipped", "Skipped", "Skipped", "Skipped", "Article"]
    skipped = [r for r in results if isinstance(r, Skipped)]
    assert [s.item for s in skipped] == [f"{path}:{n}" for n in (2, 3, 4, 5)]
    assert all(isinstance(s.error, MalformedRecordError) for s in skipped)
    assert "not JSON" in skipped[0].reason
    assert "expected a JSON object, got list" in skipped[1].reason
    assert "'text'" in skipped[2].reason
    # A record without an id is named by its place in the file.
    assert results[-1].id == f"{path}:7"


def test_a_line_over_the_size_cap_is_skipped_alone(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(record(id="big", text=TEXT * 100) + "\n" + record(id="small", text=TEXT)
                    + "\n", encoding="utf-8")
    big, small = read_inputs([str(path)], max_bytes=5_000)
    assert isinstance(big, Skipped) and isinstance(big.error, InputTooLargeError)
    assert big.item == f"{path}:1"
    assert small.id == "small"


def test_invalid_utf8_in_a_line_is_skipped_with_its_line(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(record(id="a", text=TEXT).encode() + b"\n"
                     + '{"id": "b", "text": "caf\xe9"}'.encode("latin-1") + b"\n")
    first, second = read_inputs([str(path)])
    assert first.id == "a"
    assert isinstance(second, Skipped) and second.item == f"{path}:2"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_lines_are_streamed_before_the_file_ends(tmp_path):
    """The reader yields the first article while the writer still holds the second back:
    a reader that loaded the whole file would only return once the writer finished."""
    fifo = tmp_path / "stream.jsonl"
    os.mkfifo(fifo)
    first_seen = threading.Event()
    events: list[str] = []

    def writer():
        with open(fifo, "w", encoding="utf-8") as pipe:
            pipe.write(record(id="first", lang="fr", text=TEXT) + "\n")
            pipe.flush()
            first_seen.wait(timeout=30)  # only a safety net against a hung test
            events.append("second written")
            pipe.write(record(id="second", lang="fr", text=TEXT) + "\n")

    thread = threading.Thread(target=writer)
    thread.start()
    results = read_inputs([str(fifo)], check_language=False, publication_date="2025-01-01")
    first = next(results)
    events.append(f"got {first.id}")
    first_seen.set()
    rest = list(results)
    thread.join()
    assert events == ["got first", "second written"]
    assert [r.id for r in rest] == ["second"]
