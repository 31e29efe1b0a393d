"""/openapi.json describes what the server does: its error shape, the ingest body and
the token that guards it."""
from __future__ import annotations

import json

from talentflow.web.openapi import Error
from web.conftest import TOKEN


def test_every_error_status_documents_the_shape_the_server_sends(client):
    spec = client.get("/openapi.json").json()
    assert "HTTPValidationError" not in json.dumps(spec)
    error_schema = spec["components"]["schemas"]["Error"]
    assert error_schema["required"] == ["error"]
    detail = spec["components"]["schemas"]["ErrorDetail"]
    assert set(detail["properties"]) == {"code", "type", "message", "hint", "item"}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")):
                    ref = response["content"]["application/json"]["schema"]["$ref"]
                    assert ref == "#/components/schemas/Error", (method, path, status)
            if operation.get("parameters"):
                assert "422" in operation["responses"], (method, path)
    sent = client.get("/api/flows", params={"min": "zero"}).json()
    assert Error.model_validate(sent).model_dump() == sent
    assert set(sent["error"]) == set(detail["properties"])


def test_the_ingest_route_documents_its_body_and_bearer_token(client):
    spec = client.get("/openapi.json").json()
    post = spec["paths"]["/api/articles"]["post"]
    scheme = next(iter(post["security"][0]))
    assert spec["components"]["securitySchemes"][scheme] == {
        "type": "http", "scheme": "bearer", "description": "The server's $TALENTFLOW_TOKEN."}
    body = post["requestBody"]
    assert body["required"] and body["description"]
    shapes = body["content"]["application/json"]["schema"]["oneOf"]
    assert shapes[0] == {"$ref": "#/components/schemas/ArticleIn"}
    article = spec["components"]["schemas"]["ArticleIn"]
    assert article["required"] == ["text"]
    assert {"id", "text", "lang", "date", "title", "url"} == set(article["properties"])
    assert {"200", "207", "401", "403", "413", "422"} <= set(post["responses"])
    assert client.post("/api/articles", json={"text": "x", "date": "soon"},
                       headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 422
