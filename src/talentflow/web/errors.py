"""Errors of the HTTP layer, HTTP statuses of the error tree, and the exception handlers
that give every error response the one ``TalentflowError.to_dict()`` shape."""
from __future__ import annotations

import json
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from talentflow.core.errors import (AuthError, InputError, InputTooLargeError, NotFoundError,
                                    StoreError, StoreLockedError, TalentflowError, UsageError)

log = logging.getLogger("talentflow.web")


class IngestionDisabledError(AuthError):
    """POST /api/articles on a server started without $TALENTFLOW_TOKEN."""

    code = "TF411"


class RequestBodyTooLargeError(InputTooLargeError):
    code = "TF207"


class ForeignHostError(UsageError):
    """A request naming a host the server does not answer to (DNS rebinding)."""

    code = "TF412"


# Most specific first: the first class an error is an instance of gives the status.
_STATUSES: tuple[tuple[type[TalentflowError], int], ...] = (
    (IngestionDisabledError, 403),
    (AuthError, 401),
    (NotFoundError, 404),
    (RequestBodyTooLargeError, 413),
    (ForeignHostError, 400),
    (StoreLockedError, 503),
    (StoreError, 503),
    (UsageError, 422),
    (InputError, 422),
)


def status_of(error: TalentflowError) -> int:
    for cls, status in _STATUSES:
        if isinstance(error, cls):
            return status
    return 500


def error_response(error: TalentflowError, status: int | None = None) -> JSONResponse:
    status = status or status_of(error)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(error.to_dict(), status_code=status, headers=headers)


async def send_error(send, error: TalentflowError, status: int | None = None) -> None:
    """The error response sent straight to an ASGI ``send``, for middleware that answers
    before (or instead of) the app."""
    body = json.dumps(error.to_dict()).encode()
    await send({"type": "http.response.start", "status": status or status_of(error),
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _validation_message(exc: RequestValidationError) -> tuple[str, str | None]:
    problems = []
    first_item = None
    for err in exc.errors():
        where = ".".join(str(part) for part in err.get("loc", ()) if part not in ("query", "path",
                                                                                  "body"))
        first_item = first_item or where or None
        problems.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(problems) or "invalid request", first_item


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(TalentflowError)
    async def talentflow_error(request: Request, exc: TalentflowError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        message, item = _validation_message(exc)
        return error_response(UsageError(message, item=item,
                                         hint="see the parameters at /docs"), 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            error: TalentflowError = NotFoundError(f"no such page: {request.url.path}",
                                                   item=request.url.path,
                                                   hint="the API is listed at /docs")
        elif exc.status_code == 405:
            error = UsageError(f"{request.method} is not allowed on {request.url.path}",
                               item=request.url.path, hint="the server is read-only")
        else:
            error = TalentflowError(str(exc.detail), item=request.url.path)
        return error_response(error, exc.status_code)

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
        # The details go to the server log, never to the client.
        log.exception("unexpected error on %s", request.url.path)
        return error_response(TalentflowError("internal server error", item=request.url.path,
                                              hint="the server log has the details"), 500)
