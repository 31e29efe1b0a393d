"""HEAD on GET routes, and a 500 that leaves the connection usable."""
from __future__ import annotations

import http.client
from urllib.parse import urlsplit

from web.conftest import LiveServer
from web.test_api import assert_error


def test_head_answers_every_get_route_with_its_headers_and_no_body(client):
    for path in ("/", "/api/flows", "/api/moves?limit=1", "/static/app.js", "/openapi.json",
                 "/healthz"):
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code == 200, path
        assert head.content == b""
        assert head.headers["content-type"] == get.headers["content-type"]
        assert head.headers["content-length"] == get.headers["content-length"]
    assert client.head("/api/people/999").status_code == 404
    assert_error(client.delete("/api/flows"), 405, "TF100")


def test_an_unexpected_error_is_a_500_on_a_connection_that_stays_open(web_store,
                                                                      monkeypatch):
    import talentflow.query as query
    from talentflow.web import create_app

    def broken(*args, **kwargs):
        raise RuntimeError("secret connection string")

    monkeypatch.setattr(query, "flows", broken)
    with LiveServer(create_app(store=web_store)) as server:
        address = urlsplit(server.url)
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        try:
            connection.request("GET", "/api/flows")
            first = connection.getresponse()
            body = first.read()
            assert first.status == 500 and b"secret" not in body
            assert (first.getheader("connection") or "").lower() != "close"
            socket_before = connection.sock
            connection.request("GET", "/api/moves?limit=1")  # same keep-alive connection
            second = connection.getresponse()
            second.read()
            assert second.status == 200 and connection.sock is socket_before
        finally:
            connection.close()
