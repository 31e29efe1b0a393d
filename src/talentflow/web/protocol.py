"""HTTP details the routes should not each handle: HEAD on every GET route, and an
unexpected exception answered as a plain 500 response.

Starlette's own handler for unexpected exceptions sends the 500 and then re-raises, so
the server closes the connection and a keep-alive client's next request fails. Catching
the exception inside the middleware stack answers it like any other response.
"""
from __future__ import annotations

import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from talentflow.core.errors import TalentflowError
from talentflow.web.errors import send_error

log = logging.getLogger("talentflow.web")


class HeadAsGetMiddleware:
    """HEAD runs the GET route and sends its status and headers without the body."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


class UnexpectedErrorMiddleware:
    """Turns an exception no handler took into a 500 in the one error shape; the
    details go to the server log, never to the client."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception:
            log.exception("unexpected error on %s", scope.get("path"))
            if started:  # half a response is out: only closing the connection is left
                raise
            error = TalentflowError("internal server error", item=scope.get("path"),
                                    hint="the server log has the details")
            await send_error(send, error, 500)
