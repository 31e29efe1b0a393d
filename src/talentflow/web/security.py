"""What keeps the server safe to expose on a network: security headers with a strict
Content-Security-Policy, a request body limit, and the bearer token for ingestion."""
from __future__ import annotations

import hmac
import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from talentflow.core.errors import AuthError
from talentflow.web.errors import IngestionDisabledError, RequestBodyTooLargeError

#: Largest request body accepted (POST /api/articles): a few hundred long articles.
DEFAULT_MAX_BODY = 5 * 1024 * 1024

TOKEN_ENV = "TALENTFLOW_TOKEN"

# Scripts only from the server itself: no inline script, no eval. Plotly adds <style>
# elements at run time, hence inline styles; article text is never markup anyway.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; connect-src 'self'; "
                           "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                           "font-src 'self'; base-uri 'none'; form-action 'self'; "
                           "frame-ancestors 'none'")

SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def check_token(configured: str | None, authorization: str | None) -> None:
    """Let the request through only with ``Authorization: Bearer <configured token>``."""
    if not configured:
        raise IngestionDisabledError(
            "ingestion over HTTP is disabled on this server",
            hint=f"start the server with ${TOKEN_ENV} set to allow POST /api/articles")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise AuthError("a bearer token is required to ingest articles",
                        hint="send 'Authorization: Bearer <token>'")
    if not hmac.compare_digest(given.strip().encode(), configured.encode()):
        raise AuthError("the bearer token is wrong", hint=f"use the server's ${TOKEN_ENV}")


class SecurityMiddleware:
    """Adds the security headers to every response and refuses bodies over ``max_body``.

    A declared Content-Length over the limit is refused before the app runs; routes that
    read a body use :func:`read_limited_body`, which also stops a chunked body.
    """

    def __init__(self, app: ASGIApp, *, max_body: int = DEFAULT_MAX_BODY):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                # A route may set its own policy (the API docs page); others get ours.
                headers = list(message.get("headers", []))
                present = {k.decode().lower() for k, _ in headers}
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                            if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await self._too_large(send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    async def _too_large(self, send) -> None:
        error = RequestBodyTooLargeError(
            f"the request body is larger than {self.max_body} bytes",
            hint="send fewer articles per request")
        body = json.dumps(error.to_dict()).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


async def read_limited_body(request, max_body: int) -> bytes:
    """The request body, read as it streams; over ``max_body`` bytes -> 413 error."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_body:
            raise RequestBodyTooLargeError(f"the request body is larger than {max_body} bytes",
                                           hint="send fewer articles per request")
        chunks.append(chunk)
    return b"".join(chunks)
