"""Whatever a client sends, the server answers it without a 5xx: bad ids and numbers get
a 422 in the one error shape, unknown names a 404. The property test below reads the
routes and their parameters from the app itself, so a new route is covered too."""
from __future__ import annotations

import string
from urllib.parse import quote

import pytest
from fastapi.routing import APIRoute
from hypothesis import HealthCheck, given, settings, strategies as st

from talentflow.core import Extraction
from web.conftest import LOCAL, TOKEN
from web.test_api import assert_error

BIG = str(2**31)


def test_ids_and_counts_past_64_bits_are_refused_with_422(client):
    for path in (f"/api/people/{BIG}", f"/api/orgs/{BIG}", f"/api/facts/{BIG}/sources",
                 f"/api/articles/{BIG}"):
        assert_error(client.get(path), 422, "TF100")
    assert_error(client.get("/api/moves", params={"offset": BIG}), 422, "TF100")
    assert_error(client.get("/api/flows", params={"min": BIG}), 422, "TF100")
    for name in ("person", "from", "to", "org"):
        error = assert_error(client.get("/api/moves", params={name: "9" * 40}), 422, "TF100")
        assert error["item"] == name and "too large" in error["message"]
    assert client.get("/api/people/" + str(2**31 - 1)).status_code == 404


@pytest.mark.parametrize("value", ["²", "¹²³", "⑤", "٧٩", "７"])
def test_digits_of_other_scripts_are_names_not_ids(client, value):
    # "٧٩" once read as id 79; now each is a name nobody has.
    for name in ("person", "from", "org"):
        error = assert_error(client.get("/api/moves", params={name: value}), 404, "TF404")
        assert "with id" not in error["message"]
    assert_error(client.get(f"/api/people/{quote(value)}"), 422, "TF100")


def test_ascii_ids_still_find_their_entity(client):
    quill = client.get("/api/search", params={"q": "Quill"}).json()["orgs"]["items"][0]["id"]
    assert client.get("/api/moves", params={"org": f" {quill} "}).json()["total"] == 4


class NoFacts:
    """An extractor that finds nothing: the property test is about the HTTP edge."""

    def __call__(self, articles, batch_size=32):
        for article in articles:
            yield article, Extraction(article.id, "en")


def routes(app) -> list[tuple[str, str, list[str], list[str]]]:
    """(method, path, path parameters, query parameters) of every API route and page."""
    found = []
    for route in app.routes:
        if not isinstance(route, APIRoute):
            continue
        params = route.dependant
        for method in sorted(route.methods):
            found.append((method, route.path, [p.alias for p in params.path_params],
                          [p.alias for p in params.query_params]))
    return found


scalars = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=string.digits + "²³¹⑤٧٩０-", max_size=45),
    st.integers().map(str),
    st.integers(min_value=2**31 - 2, max_value=2**70).map(str),
    st.sampled_from(["", " ", "0", "-1", "1e9", "NaN", "true", "2024", "2024-13", "0000-02",
                     "9999-12-31", "../..", "%00", "\x00", "'; DROP TABLE moves; --"]))
json_values = st.recursive(
    # JSON has no inf or NaN (the client cannot send them); raw bodies carry such text
    st.none() | st.booleans() | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["id", "text", "lang", "date", "title", "url", "articles", "x"]),
        inner, max_size=6),
    max_leaves=20)
bodies = st.one_of(json_values.map(lambda value: ("json", value)),
                   st.binary(max_size=200).map(lambda raw: ("raw", raw)),
                   st.integers(min_value=1, max_value=3000).map(
                       lambda depth: ("raw", b"[" * depth + b"]" * depth)))


@pytest.fixture
def anything_client(web_store):
    from fastapi.testclient import TestClient

    from talentflow.web import create_app

    app = create_app(store=web_store, token=TOKEN, extractor=NoFacts())
    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as test_client:
        test_client.routes = routes(app)
        yield test_client


@settings(max_examples=250, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(data=st.data())
def test_no_request_to_any_route_gets_a_server_error(anything_client, data):
    method, path, path_params, query_params = data.draw(
        st.sampled_from(anything_client.routes))
    for name in path_params:
        path = path.replace("{" + name + "}", quote(data.draw(scalars, label=name), safe=""))
    chosen = data.draw(st.lists(st.sampled_from(query_params), unique=True)) \
        if query_params else []
    params = {name: data.draw(scalars, label=name) for name in chosen}
    kwargs = {}
    if method == "POST":
        kind, body = data.draw(bodies, label="body")
        kwargs = {"json": body} if kind == "json" else {"content": body}
        kwargs["headers"] = {"Authorization": f"Bearer {TOKEN}"}
    response = anything_client.request(method, path, params=params, **kwargs)
    assert response.status_code < 500, (method, path, params, response.text[:300])
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and body["error"]["code"].startswith("TF")


def test_the_property_test_reaches_every_api_route(anything_client):
    paths = {path for _, path, _, _ in anything_client.routes}
    assert {"/api/flows", "/api/moves", "/api/people/{person_id}", "/api/orgs/{org_id}",
            "/api/facts/{fact_id}/sources", "/api/articles/{article_id}", "/api/search",
            "/api/articles", "/", "/static/{name}"} <= paths


@pytest.mark.parametrize("body", [b'{"id": "a", "text": Infinity}', b'{"id": NaN, "text": "x"}',
                                  b'[{"id": "a", "text": "Ilan Corvet", "date": -Infinity}]'])
def test_json_numbers_json_cannot_hold_are_refused_not_crashing(anything_client, body):
    response = anything_client.post("/api/articles", content=body,
                                    headers={"Authorization": f"Bearer {TOKEN}",
                                             "Content-Type": "application/json"})
    assert 400 <= response.status_code < 500, response.text[:300]
