"""The JSON API over a store of invented articles: shapes, filters, pagination, errors,
security headers and token-gated ingestion."""
from __future__ import annotations

import json
import re

import pytest

from talentflow.core import Extraction
from web.conftest import LOCAL, TOKEN
from web.world import HOSTILE_ID, HOSTILE_SENTENCE, HOSTILE_TEXT


def ids_by_name(client, kind: str, name: str) -> int:
    found = client.get("/api/search", params={"q": name}).json()[kind]["items"]
    return next(item["id"] for item in found if item["name"] == name)


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "type", "message", "hint", "item"}
    assert body["error"]["code"] == code
    return body["error"]


def test_flows_count_pairs_and_take_the_cli_filters(client):
    flows = client.get("/api/flows").json()
    pairs = {(f["from"], f["to"]): f["count"] for f in flows["flows"]}
    assert pairs == {("Quill Systems", "Harbor Analytics"): 2,
                     ("Quill Systems", "Brightwell Bank"): 1,
                     ("Harbor Analytics", "Brightwell Bank"): 1}
    assert flows["total"] == 3
    since = client.get("/api/flows", params={"since": "2024", "org": "harbor analytics"}).json()
    assert [(f["from"], f["to"], f["count"]) for f in since["flows"]] == [
        ("Quill Systems", "Harbor Analytics", 1)]
    assert since["org"]["name"] == "Harbor Analytics"
    assert [f["count"] for f in client.get("/api/flows", params={"min": 2}).json()["flows"]] == [2]
    page = client.get("/api/flows", params={"limit": 1, "offset": 1}).json()
    assert len(page["flows"]) == 1 and page["total"] == 3 and page["offset"] == 1
    unknown = client.get("/api/flows", params={"include_unknown": "true"}).json()
    assert ("Quill Systems", None) in {(f["from"], f["to"]) for f in unknown["flows"]}


def test_moves_filter_by_name_or_id_and_paginate(client):
    quill = ids_by_name(client, "orgs", "Quill Systems")
    by_name = client.get("/api/moves", params={"from": "Quill Systems"}).json()
    by_id = client.get("/api/moves", params={"from": str(quill)}).json()
    assert by_name == by_id and by_name["total"] == 4
    people = {m["person"] for m in by_name["items"]}
    assert people == {"Marta Vidal", "Paul Girard", "Ada Brandt", "Nora Quist"}
    first = client.get("/api/moves", params={"limit": 2}).json()
    second = client.get("/api/moves", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 5
    assert not {m["fact_id"] for m in first["items"]} & {m["fact_id"] for m in second["items"]}
    dated = client.get("/api/moves", params={"since": "2023-04", "until": "2023-12",
                                             "to": "Brightwell Bank"}).json()
    assert [m["person"] for m in dated["items"]] == ["Teodor Lind"]
    assert client.get("/api/moves", params={"person": "vidal"}).json()["items"][0]["to"] \
        == "Harbor Analytics"


def test_person_org_sources_and_article_views(client):
    marta = ids_by_name(client, "people", "Marta Vidal")
    timeline = client.get(f"/api/people/{marta}").json()
    assert [m["to"] for m in timeline["moves"]] == ["Harbor Analytics"]
    assert [f["org"] for f in timeline["foundings"]] == ["Harbor Analytics"]

    harbor = ids_by_name(client, "orgs", "Harbor Analytics")
    profile = client.get(f"/api/orgs/{harbor}").json()
    assert (profile["arrivals_total"], profile["departures_total"], profile["net"]) == (2, 1, 1)
    assert [p["period"] for p in profile["periods"]] == ["2023", "2024"]
    quarters = client.get(f"/api/orgs/{harbor}", params={"period": "quarter"}).json()
    assert [p["period"] for p in quarters["periods"]] == ["2023-Q1", "2023-Q2", "2024-Q1"]

    fact_id = timeline["moves"][0]["fact_id"]
    sources = client.get(f"/api/facts/{fact_id}/sources").json()
    source = sources["sources"][0]
    article = client.get(f"/api/articles/{source['article']['id']}").json()
    assert article["title"] == "Harbor Analytics keeps hiring"
    for report in article["reports"]:
        span = report["evidence"]
        assert article["text"][span["start"]:span["end"]] == span["text"]
    lit = {r["report_id"]: r for r in article["reports"]}[source["report_id"]]
    assert lit["fact"]["fact_id"] == fact_id and "Marta Vidal left" in lit["evidence"]["text"]


def test_hostile_article_comes_back_as_data_not_markup(client):
    nora = ids_by_name(client, "people", "Nora Quist")
    fact_id = client.get(f"/api/people/{nora}").json()["moves"][0]["fact_id"]
    article_id = client.get(f"/api/facts/{fact_id}/sources").json()["sources"][0]["article"]["id"]
    response = client.get(f"/api/articles/{article_id}")
    assert response.headers["content-type"] == "application/json"
    article = response.json()
    assert article["ext_id"] == HOSTILE_ID and article["text"] == HOSTILE_TEXT
    assert article["reports"][0]["evidence"]["text"] == HOSTILE_SENTENCE


def test_search_finds_people_and_organisations_by_part_of_a_name(client):
    result = client.get("/api/search", params={"q": "HARBOR"}).json()
    assert [o["name"] for o in result["orgs"]["items"]] == ["Harbor Analytics"]
    assert client.get("/api/search", params={"q": "quist"}).json()["people"]["total"] == 1
    none = client.get("/api/search", params={"q": "zzzz"}).json()
    assert none["people"]["total"] == none["orgs"]["total"] == 0
    assert_error(client.get("/api/search", params={"q": "  "}), 422, "TF100")
    assert_error(client.get("/api/search"), 422, "TF100")


def test_every_error_has_the_one_shape(client, monkeypatch):
    assert_error(client.get("/api/people/999"), 404, "TF404")
    assert_error(client.get("/api/orgs/999"), 404, "TF404")
    assert_error(client.get("/api/facts/999/sources"), 404, "TF404")
    assert_error(client.get("/api/articles/999"), 404, "TF404")
    assert_error(client.get("/api/nothing-here"), 404, "TF404")
    assert_error(client.get("/api/moves", params={"to": "No Such Company"}), 404, "TF404")
    bad_date = assert_error(client.get("/api/moves", params={"since": "May"}), 422, "TF100")
    assert bad_date["item"] == "--since" and bad_date["hint"]
    assert_error(client.get("/api/flows", params={"min": 0}), 422, "TF100")
    assert_error(client.get("/api/people/abc"), 422, "TF100")
    assert_error(client.get("/api/orgs/1", params={"period": "week"}), 422, "TF100")
    assert_error(client.delete("/api/moves"), 405, "TF100")

    import talentflow.query as query

    def broken(*args, **kwargs):
        raise RuntimeError("secret connection string")

    monkeypatch.setattr(query, "flows", broken)
    error = assert_error(client.get("/api/flows"), 500, "TF000")
    assert "secret" not in json.dumps(error)


def test_pages_carry_a_strict_content_security_policy_and_assets_are_local(client):
    page = client.get("/")
    policy = page.headers["content-security-policy"]
    script_src = next(part for part in policy.split(";") if "script-src" in part)
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    assert "http" not in script_src
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "/static/plotly.min.js" in page.text and "/static/app.js" in page.text
    script = client.get("/static/app.js").text
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write",
                         script)
    plotly = client.get("/static/plotly.min.js")
    assert plotly.status_code == 200 and len(plotly.content) > 1_000_000
    assert client.get("/static/app.css").status_code == 200
    assert_error(client.get("/static/secrets.py"), 404, "TF404")
    assert client.get("/openapi.json").json()["paths"]["/api/flows"]
    docs = client.get("/docs")
    assert "/static/swagger/swagger-ui-bundle.js" in docs.text and "http" not in docs.text
    assert "script-src 'self';" in docs.headers["content-security-policy"]
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    assert "SwaggerUIBundle" in client.get("/static/docs.js").text
    assert_error(client.get("/static/swagger/../assets.py"), 404, "TF404")
    assert client.get("/redoc", follow_redirects=False).headers["location"] == "/docs"
    assert client.get("/api/flows").headers["content-security-policy"] == policy


class InventedExtractor:
    """Stands in for the spaCy extractor: one move per posted article, from its title."""

    def __init__(self):
        self.seen = []

    def __call__(self, articles, batch_size=32):
        from talentflow.core import Evidence, Move

        for article in articles:
            self.seen.append(article.id)
            person, org = article.title.split(" joins ")
            yield article, Extraction(article.id, "en", moves=(Move(
                person, None, org, None, article.date, Evidence.of(article.text, 0, 10)),))


def app_client(store, **options):
    from fastapi.testclient import TestClient

    from talentflow.web import create_app

    return TestClient(create_app(store=store, **options), base_url=LOCAL)


def test_ingestion_needs_the_configured_bearer_token(web_store, monkeypatch):
    article = {"id": "post-1", "title": "Iris Novak joins Harbor Analytics",
               "text": "Iris Novak is the new head of design at Harbor Analytics.",
               "date": "2024-09-01", "lang": "en"}
    monkeypatch.delenv("TALENTFLOW_TOKEN", raising=False)
    extractor = InventedExtractor()
    closed = app_client(web_store, extractor=extractor)
    assert_error(closed.post("/api/articles", json=article,
                             headers={"Authorization": "Bearer anything"}), 403, "TF411")

    monkeypatch.setenv("TALENTFLOW_TOKEN", TOKEN)
    server = app_client(web_store, extractor=extractor)
    assert_error(server.post("/api/articles", json=article), 401, "TF410")
    wrong = server.post("/api/articles", json=article, headers={"Authorization": "Bearer nope"})
    assert_error(wrong, 401, "TF410")
    assert wrong.headers["www-authenticate"] == "Bearer"
    assert extractor.seen == []

    auth = {"Authorization": f"Bearer {TOKEN}"}
    done = server.post("/api/articles", json=[article], headers=auth)
    assert done.status_code == 200 and done.json()["ingested"] == 1
    again = server.post("/api/articles", json={"articles": [article]}, headers=auth)
    assert again.json()["already_known"] == 1 and extractor.seen == ["post-1"]
    moves = server.get("/api/moves", params={"person": "Iris Novak"}).json()["items"]
    assert [(m["to"], m["date"]) for m in moves] == [("Harbor Analytics", "2024-09-01")]

    malformed = server.post("/api/articles", content=b"{not json", headers=auth)
    assert_error(malformed, 422, "TF204")
    no_text = assert_error(server.post("/api/articles", json=[article, {"id": "x"}],
                                       headers=auth), 422, "TF204")
    assert no_text["item"] == "article 1"


def test_request_bodies_over_the_limit_are_refused(web_store):
    server = app_client(web_store, token=TOKEN, extractor=InventedExtractor(), max_body=2_000)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = {"id": "big", "title": "A joins B", "text": "word " * 1_000}
    assert_error(server.post("/api/articles", json=big, headers=auth), 413, "TF207")

    def chunks():  # no Content-Length: the limit still holds while streaming
        for _ in range(10):
            yield b" " * 500

    assert_error(server.post("/api/articles", content=chunks(), headers=auth), 413, "TF207")
    assert server.get("/api/moves", params={"person": "A"}).status_code == 404


@pytest.mark.parametrize("token", ["", None])
def test_an_empty_token_does_not_open_ingestion(web_store, monkeypatch, token):
    monkeypatch.setenv("TALENTFLOW_TOKEN", "")
    server = app_client(web_store, token=token)
    assert_error(server.post("/api/articles", json={"text": "x"},
                             headers={"Authorization": "Bearer "}), 403, "TF411")
