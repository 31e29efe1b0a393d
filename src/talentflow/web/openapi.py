"""What /openapi.json says beyond the route signatures: the one error shape on every
error status (FastAPI would describe its own validation shape, which the server never
sends), the JSON body of ``POST /api/articles``, and its bearer token scheme.

The ingest route reads its body itself (size limit while streaming, one error per bad
article), so the body is described here rather than declared as a pydantic parameter.
"""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable error code, e.g. TF404.", examples=["TF404"])
    type: str = Field(description="The error's class.", examples=["NotFoundError"])
    message: str
    hint: str | None = Field(description="How to fix it.")
    item: str | None = Field(description="The parameter, path or article it is about.")


class Error(BaseModel):
    """Every error response has this shape."""

    error: ErrorDetail


class ArticleIn(BaseModel):
    """One article to ingest."""

    text: str = Field(description="The article text; evidence offsets index it.")
    id: str | int | None = Field(None, description="Your id for it (default: http-N).")
    lang: str | None = Field(None, description="fr or en; checked by language detection.")
    date: str | None = Field(None, description="Publication date: YYYY-MM-DD, YYYY-MM, "
                                               "YYYY or an ISO timestamp. Relative dates "
                                               "in the text are read against it.")
    title: str | None = None
    url: str | None = None


def _described(status: str, description: str) -> dict[str, Any]:
    return {status: {"description": description, "model": Error}}


#: Errors any route may answer, given to every route.
COMMON_ERRORS: dict[int | str, dict[str, Any]] = {
    **_described(400, "The Host header names a host this server does not answer to."),
    **_described(404, "No such entity, or a name filter matches nothing."),
    **_described(422, "A parameter is invalid (the one error shape, not FastAPI's)."),
}

BEARER = "bearerToken"

INGEST_OPENAPI: dict[str, Any] = {
    "security": [{BEARER: []}],
    "requestBody": {
        "required": True,
        "description": "One article, a list of articles, or {\"articles\": [...]}; at "
                       "most 500 per request and 5 MB.",
        "content": {"application/json": {"schema": {"oneOf": [
            {"$ref": "#/components/schemas/ArticleIn"},
            {"type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}},
            {"type": "object", "required": ["articles"], "properties": {"articles": {
                "type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}}}},
        ]}}},
    },
}

INGEST_RESPONSES: dict[int | str, dict[str, Any]] = {
    207: {"description": "Stored, but some articles were skipped or failed (listed)."},
    **_described(401, "No bearer token, or the wrong one."),
    **_described(403, "The server has no $TALENTFLOW_TOKEN: ingestion is off."),
    **_described(413, "The body is over the size limit."),
}


def install_openapi(app: FastAPI) -> None:
    def schema() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = get_openapi(title=app.title, version=app.version,
                               description=app.description, routes=app.routes)
            components = spec.setdefault("components", {})
            components.setdefault("securitySchemes", {})[BEARER] = {
                "type": "http", "scheme": "bearer",
                "description": "The server's $TALENTFLOW_TOKEN."}
            schemas = components.setdefault("schemas", {})
            schemas["ArticleIn"] = ArticleIn.model_json_schema(
                ref_template="#/components/schemas/{model}")
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = schema
