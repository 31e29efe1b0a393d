"""Posted articles: the JSON body is checked before anything is stored."""
from __future__ import annotations

import pytest

from talentflow.core.errors import MalformedRecordError
from talentflow.web.ingest import articles_from_json, publication_date
from web.conftest import TOKEN
from web.test_api import InventedExtractor, app_client, assert_error

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.parametrize("given, kept", [("2024", "2024"), ("2024-05", "2024-05"),
                                         ("2024-05-14", "2024-05-14"),
                                         ("2024-05-14T09:30:00Z", "2024-05-14"),
                                         (" 2024-05-14 ", "2024-05-14")])
def test_publication_dates_are_kept_at_their_precision(given, kept):
    assert publication_date(given, "article 0") == kept


@pytest.mark.parametrize("given", ["May 2024", "2024-02-30", "2024-13", "14/05/2024",
                                   "٢٠٢٤-٠٥", "yesterday"])
def test_a_malformed_date_is_refused_not_dropped(given):
    with pytest.raises(MalformedRecordError) as caught:
        articles_from_json([{"text": "x"}, {"text": "y", "date": given}])
    assert caught.value.item == "article 1" and "not a date" in caught.value.message


def test_the_api_refuses_bad_dates_and_deep_nesting_with_422(web_store):
    extractor = InventedExtractor()
    server = app_client(web_store, token=TOKEN, extractor=extractor)
    article = {"id": "d-1", "title": "Lena Roos joins Quill Systems",
               "text": "Lena Roos joins Quill Systems.", "date": "the 3rd of May"}
    error = assert_error(server.post("/api/articles", json=article, headers=AUTH), 422, "TF204")
    assert "'date'" in error["message"] and error["hint"]
    nested = b"[" * 100_000 + b"]" * 100_000
    assert_error(server.post("/api/articles", content=nested, headers=AUTH), 422, "TF204")
    assert_error(server.post("/api/articles", content=b'{"id": ' + b"9" * 5000 + b"}",
                             headers=AUTH), 422, "TF204")
    assert extractor.seen == []
    article["date"] = "2024-05-03T08:00:00+02:00"
    assert server.post("/api/articles", json=article, headers=AUTH).json()["ingested"] == 1
