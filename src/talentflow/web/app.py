"""The FastAPI application: a read-only JSON API under /api/ and the page that uses it.

Every route is a thin shell over a library function (``talentflow.query``,
``talentflow.workflow``) that tests call too; results are their ``to_dict()`` shapes and
every error is ``TalentflowError.to_dict()`` (see ``web/errors.py``).
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse, Response

from talentflow import query
from talentflow.core.errors import MalformedRecordError
from talentflow.query.articles import article as article_view
from talentflow.query.search import DEFAULT_SEARCH_LIMIT, search as search_names
from talentflow.store import Store, open_store
from talentflow.web import assets
from talentflow.web.errors import install_error_handlers
from talentflow.web.ingest import articles_from_json
from talentflow.web.openapi import (COMMON_ERRORS, INGEST_OPENAPI, INGEST_RESPONSES,
                                    install_openapi)
from talentflow.web.params import (ArticleId, FactId, FromFilter, Limit, MinCount, Offset,
                                   OrgFilter, OrgId, PersonFilter, PersonId, Since, ToFilter,
                                   Until, name_or_id)
from talentflow.web.protocol import HeadAsGetMiddleware, UnexpectedErrorMiddleware
from talentflow.web.security import (DEFAULT_MAX_BODY, TOKEN_ENV, AllowedHosts,
                                     HostCheckMiddleware, SecurityMiddleware, check_token,
                                     read_limited_body)

API_DESCRIPTION = """Talent moves, foundings and investments read from news articles, each
with the sentences that support it. Read-only, except `POST /api/articles` with a bearer
token. Lists take `limit`/`offset` and answer `total`; errors are
`{"error": {"code", "type", "message", "hint", "item"}}`."""


def create_app(store_url: str | None = None, *, store: Store | None = None,
               token: str | None = None, extractor=None,
               max_body: int = DEFAULT_MAX_BODY, bind_host: str = "127.0.0.1",
               allowed_hosts: Iterable[str] = ()) -> FastAPI:
    """The web application over the store at ``store_url`` (or an open ``store``).

    ``token`` (default: $TALENTFLOW_TOKEN) enables ``POST /api/articles``; without one
    ingestion is refused with 403. ``extractor`` replaces the spaCy extractor (tests).
    Requests must name ``bind_host`` (the address served on; loopback also answers to
    localhost) or one of ``allowed_hosts`` in their Host header, else 400.
    """
    owns_store = store is None
    store = store or open_store(store_url)
    token = token if token is not None else os.environ.get(TOKEN_ENV) or None

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        if owns_store:  # a store handed in belongs to the caller
            store.close()

    app = FastAPI(title="talentflow", description=API_DESCRIPTION, version="1",
                  docs_url=None, redoc_url=None, lifespan=lifespan,
                  responses=COMMON_ERRORS)
    app.state.store = store
    # Added innermost first: headers and body limit, then the Host check, wrap the rest.
    app.add_middleware(UnexpectedErrorMiddleware)
    app.add_middleware(HeadAsGetMiddleware)
    app.add_middleware(HostCheckMiddleware,
                       allowed=AllowedHosts.for_bind(bind_host, allowed_hosts))
    app.add_middleware(SecurityMiddleware, max_body=max_body)
    install_error_handlers(app)
    install_openapi(app)
    assets.install_pages(app)

    @app.get("/api/flows", tags=["flows"])
    def api_flows(since: Since = None, until: Until = None,
                  org: OrgFilter = None,
                  min: MinCount = 1,
                  include_unknown: bool = False, limit: Limit = 500,
                  offset: Offset = 0) -> dict[str, Any]:
        """Moves per (from, to) pair of organisations, largest first."""
        return query.flows(store, since=since, until=until, min_count=min,
                           org=name_or_id(org, option="org"),
                           include_unknown=include_unknown, limit=limit,
                           offset=offset).to_dict()

    @app.get("/api/moves", tags=["moves"])
    def api_moves(person: PersonFilter = None, from_: FromFilter = None, to: ToFilter = None,
                  org: OrgFilter = None,
                  since: Since = None,
                  until: Until = None, limit: Limit = query.DEFAULT_LIMIT,
                  offset: Offset = 0) -> dict[str, Any]:
        """Merged moves, newest first; person/from/to/org are names or ids."""
        return query.moves(store, person=name_or_id(person, option="person"),
                           from_org=name_or_id(from_, option="from"),
                           to_org=name_or_id(to, option="to"),
                           org=name_or_id(org, option="org"), since=since,
                           until=until, limit=limit, offset=offset).to_dict()

    @app.get("/api/people/{person_id}", tags=["people"])
    def api_person(person_id: PersonId) -> dict[str, Any]:
        """A person's moves, oldest first, and their foundings."""
        return query.person_timeline(store, person_id).to_dict()

    @app.get("/api/people/{person_id}/quotes", tags=["people"])
    def api_person_quotes(person_id: PersonId) -> dict[str, Any]:
        """The person's own words, quoted in articles, with the moves they are about."""
        return {"items": [q.to_dict() for q in query.quotes(store, person=person_id)]}

    @app.get("/api/orgs/{org_id}", tags=["organisations"])
    def api_org(org_id: OrgId,
                period: Annotated[str, Query(max_length=20)] = "year",
                since: Since = None, until: Until = None,
                limit: Limit = query.DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        """Arrivals, departures and net flow by period, with the people."""
        return query.org_profile(store, org_id, period=period, since=since, until=until,
                                 limit=limit, offset=offset).to_dict()

    @app.get("/api/facts/{fact_id}/sources", tags=["facts"])
    def api_sources(fact_id: FactId) -> dict[str, Any]:
        """A fact with every report of it: article and evidence sentence."""
        return query.sources(store, fact_id).to_dict()

    @app.get("/api/facts/{fact_id}/quotes", tags=["facts"])
    def api_fact_quotes(fact_id: FactId) -> dict[str, Any]:
        """What the person who moved said about this move."""
        return {"items": [q.to_dict() for q in query.quotes(store, fact_id=fact_id)]}

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def api_article(article_id: ArticleId) -> dict[str, Any]:
        """An article's text and each fact extracted from it with its evidence span."""
        return article_view(store, article_id).to_dict()

    @app.get("/api/search", tags=["search"])
    def api_search(q: Annotated[str, Query(min_length=1, max_length=200)],
                   limit: Limit = DEFAULT_SEARCH_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        """People and organisations with a spelling containing ``q``."""
        return search_names(store, q, limit=limit, offset=offset).to_dict()

    @app.post("/api/articles", tags=["articles"], status_code=200,
              responses=INGEST_RESPONSES, openapi_extra=INGEST_OPENAPI)
    async def api_ingest(request: Request) -> JSONResponse:
        """Ingest one article or a list (JSON: id, text, lang, date, title, url).

        Needs ``Authorization: Bearer $TALENTFLOW_TOKEN``; refused (403) when the server
        has no token. Each article is extracted and stored like `talentflow ingest`.
        """
        check_token(token, request.headers.get("authorization"))
        body = await read_limited_body(request, max_body)
        try:
            payload = json.loads(body)
        except ValueError as error:  # not UTF-8, not JSON, or an int of 5,000 digits
            raise MalformedRecordError(f"the body is not JSON: {error}", item="body",
                                       hint="send an article object or a list of them")
        except RecursionError:
            raise MalformedRecordError("the body is JSON nested too deeply", item="body",
                                       hint="send an article object or a list of them")
        articles = articles_from_json(payload)
        from starlette.concurrency import run_in_threadpool

        from talentflow.workflow import ingest_articles
        summary = await run_in_threadpool(ingest_articles, store, articles,
                                          extractor=extractor)
        return JSONResponse(summary.to_dict(), status_code=200 if summary.ok else 207)

    @app.get("/healthz", include_in_schema=False)
    def health() -> Response:
        return Response("ok", media_type="text/plain")

    return app
