"""What keeps the server safe to expose on a network: security headers with a strict
Content-Security-Policy, a request body limit, the Host header check that defeats DNS
rebinding, and the bearer token for ingestion."""
from __future__ import annotations

import hmac
import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from talentflow.core.errors import AuthError
from talentflow.web.errors import (ForeignHostError, IngestionDisabledError,
                                   RequestBodyTooLargeError, send_error)

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


LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
_WILDCARDS = ("", "0.0.0.0", "::")


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def host_name(header: str) -> str:
    """The host of a Host header, lower case, without port, brackets or final dot."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header[1:]
    if header.count(":") == 1:
        header = header.split(":", 1)[0]
    return header.rstrip(".")


@dataclass(frozen=True)
class AllowedHosts:
    """The names a browser may use to reach this server.

    A DNS rebinding page reaches the server under the attacker's own domain name, so
    only names chosen by the operator pass: the bound address, the loopback names when
    bound to loopback, and ``extra`` (``--allowed-host``, for a reverse proxy's name).
    On a wildcard address any IP literal passes too: an IP in the address bar is an
    origin of this server's own, never the attacker's.
    """

    names: frozenset[str]
    any_ip: bool = False

    @classmethod
    def for_bind(cls, bind: str = "127.0.0.1", extra: Iterable[str] = ()) -> "AllowedHosts":
        bind = host_name(bind) if bind else ""
        names = {host_name(name) for name in extra if name and name.strip()}
        address = _ip(bind)
        if bind in _WILDCARDS:
            names.update(LOOPBACK_NAMES)
            names.update(n.lower() for n in (socket.gethostname(), socket.getfqdn()) if n)
            return cls(frozenset(names), any_ip=True)
        names.add(bind)
        if bind == "localhost" or (address is not None and address.is_loopback):
            names.update(LOOPBACK_NAMES)
        return cls(frozenset(names))

    def allows(self, header: str | None) -> bool:
        if not header:
            return False
        name = host_name(header)
        return name in self.names or (self.any_ip and _ip(name) is not None)


class HostCheckMiddleware:
    """Answers 400 (the usual error shape) to a request whose Host is not allowed."""

    def __init__(self, app: ASGIApp, *, allowed: AllowedHosts):
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        header = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1")
        if self.allowed.allows(header):
            await self.app(scope, receive, send)
            return
        error = ForeignHostError(f"this server does not answer to the host {header[:100]!r}",
                                 item="Host",
                                 hint="open it by the address it listens on, or start it "
                                      "with --allowed-host NAME behind a reverse proxy")
        await send_error(send, error)


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
        await send_error(send, error)


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
