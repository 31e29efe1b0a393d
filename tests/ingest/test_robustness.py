"""Reader robustness: odd but plausible JSONL records never stop the stream.

Found by benchmarks/crash_hunt.py style probing; the articles are invented.
"""
from __future__ import annotations

import json

from talentflow.core.errors import MalformedRecordError
from talentflow.ingest import Skipped, read_inputs

TEXT = ("La coopérative Ferlandine a confié sa direction commerciale à Maëlys Tourvel, "
        "qui travaillait jusque-là pour un grossiste en fruits de la région lyonnaise.")


def test_a_field_of_the_wrong_type_skips_that_record_only(tmp_path):
    path = tmp_path / "odd.jsonl"
    rows = [{"id": "n1", "text": TEXT, "lang": 5}, {"id": "n2", "text": TEXT, "title": ["x"]},
            {"id": "n3", "text": TEXT, "lang": "fr"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    results = list(read_inputs([str(path)], warn=lambda *_: None))
    assert [type(r).__name__ for r in results] == ["Skipped", "Skipped", "Article"]
    assert all(isinstance(r.error, MalformedRecordError) for r in results[:2])
    assert "'lang'" in results[0].reason and results[0].item == f"{path}:1"
    assert "'title'" in results[1].reason
    assert results[2].id == "n3"


def test_a_byte_order_mark_does_not_cost_the_first_record(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_text(json.dumps({"id": "b1", "text": TEXT, "lang": "fr"}, ensure_ascii=False)
                    + "\n", encoding="utf-8-sig")
    [article] = read_inputs([str(path)], warn=lambda *_: None)
    assert not isinstance(article, Skipped)
    assert article.id == "b1" and article.text == TEXT
