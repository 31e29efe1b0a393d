"""The Host check that defeats DNS rebinding: a page on another origin that points its
own DNS name at this server is refused, whatever the route."""
from __future__ import annotations

import pytest

from talentflow.web.security import AllowedHosts, host_name
from web.test_api import assert_error


@pytest.mark.parametrize("header, name", [("localhost:8000", "localhost"),
                                          ("[::1]:8000", "::1"), ("Example.TEST.", "example.test"),
                                          ("10.0.0.5", "10.0.0.5")])
def test_host_name_drops_port_brackets_case_and_final_dot(header, name):
    assert host_name(header) == name


def test_loopback_binding_answers_to_loopback_names_only():
    allowed = AllowedHosts.for_bind("127.0.0.1")
    for header in ("127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"):
        assert allowed.allows(header), header
    for header in ("rebind.attacker.test:8000", "10.0.0.5", "", None, "localhost.attacker.test"):
        assert not allowed.allows(header), header


def test_an_address_or_extra_names_are_what_is_allowed():
    allowed = AllowedHosts.for_bind("10.0.0.5", ["talent.example.test"])
    assert allowed.allows("10.0.0.5:8000") and allowed.allows("talent.example.test")
    assert not allowed.allows("localhost") and not allowed.allows("10.0.0.6")


def test_a_wildcard_binding_answers_to_any_address_but_not_to_foreign_names():
    allowed = AllowedHosts.for_bind("0.0.0.0", ["proxy.example.test"])
    assert allowed.allows("192.168.1.20:8000") and allowed.allows("[fe80::1]:8000")
    assert allowed.allows("localhost") and allowed.allows("proxy.example.test")
    assert not allowed.allows("rebind.attacker.test")


def test_a_foreign_host_header_gets_400_on_every_route(client):
    for path in ("/", "/api/flows", "/static/app.js", "/openapi.json", "/api/nothing"):
        error = assert_error(client.get(path, headers={"Host": "rebind.attacker.test"}),
                             400, "TF412")
        assert error["item"] == "Host" and "--allowed-host" in error["hint"]
    response = client.get("/api/flows", headers={"Host": "rebind.attacker.test"})
    assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/flows", headers={"Host": "127.0.0.1:8000"}).status_code == 200


def test_allowed_hosts_extend_what_the_app_answers_to(web_store):
    from fastapi.testclient import TestClient

    from talentflow.web import create_app

    app = create_app(store=web_store, allowed_hosts=["talent.example.test"])
    proxied = TestClient(app, base_url="https://talent.example.test")
    assert proxied.get("/api/flows").status_code == 200
    assert proxied.get("/api/flows", headers={"Host": "other.example.test"}).status_code == 400
