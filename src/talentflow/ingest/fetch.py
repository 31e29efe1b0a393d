"""Fetching pages politely: timeouts, bounded retries with backoff, a size cap.

Only this module talks HTTP, so the tests can point it at a loopback server.
"""
from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass

import httpx

from talentflow import __version__
from talentflow.core.errors import FetchError, InputTooLargeError


def megabytes(size: int) -> str:
    """Sizes as --max-bytes' default speaks of them: 20 MB is 20 * 1024 * 1024 bytes."""
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0") + " MB"

USER_AGENT = f"talentflow/{__version__} (+https://pypi.org/project/talentflow; news research)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
              "application/rdf+xml", "text/plain")
RETRY_STATUSES = {429, 500, 502, 503, 504}
#: Longest wait a Retry-After header can impose between two attempts, in seconds.
MAX_RETRY_AFTER = 30.0


@dataclass(frozen=True)
class FetchPolicy:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    retries: int = 2  # attempts after the first
    backoff: float = 0.5  # seconds, doubled at each retry
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    #: Seconds one URL may take in all, retries and waits included: a server that
    #: trickles bytes or never answers would otherwise hold a URL for minutes.
    deadline: float = 30.0
    #: Refuse URLs and redirects to loopback, private and link-local addresses (set
    #: for a feed's links by read_feed), unless ``allow_private`` (--allow-private).
    block_private: bool = False
    allow_private: bool = False


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str
    encoding: str | None

    def markup(self) -> str | bytes:
        """The body as text when the server named its charset, else the bytes, so that
        the HTML reader can honour a <meta charset> instead of guessing UTF-8."""
        if self.encoding:
            try:
                return self.content.decode(self.encoding, errors="replace")
            except LookupError:  # a charset Python does not know
                pass
        return self.content


def is_private_host(host: str) -> bool:
    """Whether a host name or address is, or resolves to, a loopback, private,
    link-local or otherwise non-public address (an unresolvable name is not)."""
    host = host.strip("[]")
    if not host:
        return False
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return True
    try:
        addresses = {ipaddress.ip_address(host)}
    except ValueError:
        try:
            addresses = {ipaddress.ip_address(info[4][0].split("%")[0])
                         for info in socket.getaddrinfo(host, None)}
        except (OSError, UnicodeError, ValueError):
            return False
    return any(a.is_loopback or a.is_private or a.is_link_local or a.is_reserved
               or a.is_unspecified or a.is_multicast for a in addresses)


def _refuse_private(request: httpx.Request) -> None:
    # Runs for the first request and for every redirect httpx follows.
    if is_private_host(request.url.host):
        raise FetchError(f"refused: {request.url.host} is a loopback, private or link-local "
                         "address", item=str(request.url),
                         hint="a feed's links may only lead to public hosts; give "
                              "--allow-private to follow them anyway")


def _client(policy: FetchPolicy) -> httpx.Client:
    timeout = httpx.Timeout(policy.read_timeout, connect=policy.connect_timeout)
    hooks = {"request": [_refuse_private]} if policy.block_private else {}
    return httpx.Client(timeout=timeout, follow_redirects=True, event_hooks=hooks,
                        max_redirects=policy.max_redirects,
                        headers={"User-Agent": USER_AGENT,
                                 "Accept": "text/html,application/xhtml+xml,application/xml;"
                                           "q=0.9,*/*;q=0.5"})


def fetch(url: str, *, accept: tuple[str, ...] = HTML_TYPES,
          policy: FetchPolicy = FetchPolicy()) -> Fetched:
    """GET ``url``; raise FetchError naming the URL and the cause when it cannot be had."""
    delay = policy.backoff
    last_error: FetchError | None = None
    deadline = time.monotonic() + policy.deadline
    with _client(policy) as client:
        for attempt in range(policy.retries + 1):
            if attempt:
                if time.monotonic() + delay >= deadline:
                    break
                time.sleep(delay)
                delay *= 2
            try:
                return _fetch_once(client, url, accept, policy, deadline)
            except _Retryable as error:
                last_error = error.cause
                if error.retry_after is not None:
                    # The server said when to come back (429/503); never wait unboundedly.
                    delay = min(max(delay, error.retry_after), MAX_RETRY_AFTER)
            if time.monotonic() >= deadline:
                break
    if last_error is None or time.monotonic() >= deadline:
        raise _past_deadline(url, policy, last_error)
    raise last_error


def _past_deadline(url: str, policy: FetchPolicy, last: FetchError | None) -> FetchError:
    cause = f" (last attempt: {last.message})" if last is not None else ""
    return FetchError(f"no complete answer within {policy.deadline:g} s{cause}", item=url,
                      hint="the server is slow or unreachable; raise the limit with "
                           "--fetch-timeout")


class _Retryable(Exception):
    def __init__(self, cause: FetchError, retry_after: float | None = None):
        super().__init__(str(cause))
        self.cause = cause
        self.retry_after = retry_after


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    return float(value) if value.strip().isdigit() else None


def _fetch_once(client: httpx.Client, url: str, accept: tuple[str, ...],
                policy: FetchPolicy, deadline: float) -> Fetched:
    left = max(0.01, deadline - time.monotonic())
    timeout = httpx.Timeout(min(policy.read_timeout, left),
                            connect=min(policy.connect_timeout, left))
    try:
        with client.stream("GET", url, timeout=timeout) as response:
            if response.status_code in RETRY_STATUSES:
                raise _Retryable(FetchError(f"HTTP {response.status_code}", item=url,
                                            hint="the server failed or is busy; try again "
                                                 "later"), _retry_after(response))
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}",
                                 item=url, hint="check the address")
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type and not content_type.startswith(accept):
                raise FetchError(f"the response is {content_type}, not "
                                 f"{' or '.join(accept[:2])}", item=url)
            declared = int(response.headers.get("content-length") or 0)
            if declared > policy.max_bytes:
                raise InputTooLargeError(f"the page is {megabytes(declared)}, over the "
                                         f"{megabytes(policy.max_bytes)} limit", item=url,
                                         hint="raise the limit with --max-bytes")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > policy.max_bytes:
                    raise InputTooLargeError(f"the page is over the "
                                             f"{megabytes(policy.max_bytes)} limit", item=url,
                                             hint="raise the limit with --max-bytes")
                if time.monotonic() > deadline:
                    raise _past_deadline(url, policy, None)
                chunks.append(chunk)
            return Fetched(str(response.url), b"".join(chunks), content_type,
                           response.charset_encoding)
    except httpx.TooManyRedirects:
        raise FetchError(f"more than {policy.max_redirects} redirects", item=url) from None
    except httpx.TimeoutException:
        raise _Retryable(FetchError("timed out", item=url,
                                    hint="the server is slow or unreachable")) from None
    except httpx.TransportError as error:
        raise _Retryable(FetchError(f"cannot connect ({type(error).__name__})", item=url,
                                    hint="check the address and the network")) from None
    except httpx.InvalidURL as error:
        raise FetchError(f"invalid URL: {error}", item=url) from None
