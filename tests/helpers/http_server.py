"""A loopback HTTP server for tests that fetch pages and feeds; nothing leaves the machine.

It runs in a thread on 127.0.0.1 with an ephemeral port. Routes:

- ``/ok``, ``/page/<n>``: an article page (``/page/<n>`` are the pages the feeds link to)
- ``/slow``: answers after ``slow_seconds`` (for read timeouts)
- ``/flaky``: 500 the first ``flaky_failures`` times, then the article page (retries)
- ``/busy``: 429 with ``Retry-After: 0`` the first time, then the article page
- ``/missing``: 404
- ``/redirect/<n>``: a chain of n redirects ending on ``/ok``
- ``/image.png``: an image/png body
- ``/empty``: an HTML page with no article text
- ``/rss.xml``, ``/atom.xml``: feeds whose entries link to ``/page/1`` and ``/page/2`` (plus one
  entry whose page is missing but whose feed item carries its text)
- ``/broken.xml``: not XML at all
- ``/trickle``: an article page sent a few bytes every 0.1 s, for ever (overall deadline)
- ``/relative.xml``: a feed whose entries link to ``page/1`` and ``/page/2`` (relative)
- ``/copyright``: an article page with no date metadata and a "© 2023" footer

``server.hits`` counts requests per path and ``server.user_agents`` records them, so tests
can assert retries and politeness without timing anything.
"""
from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE_BODY = (
    "La société Orvane Systèmes, qui conçoit des capteurs pour les éoliennes, a annoncé lundi "
    "la nomination de Maëlle Quintard au poste de directrice financière. Elle arrive de "
    "Schneider Electric, où elle a passé neuf ans. L'entreprise prévoit de recruter quarante "
    "ingénieurs cette année, principalement à Nantes et à Grenoble."
)


def article_page(title: str, body: str = ARTICLE_BODY, date: str | None = "2025-01-13") -> str:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    return (f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{title}</title>"
            f"{meta}</head><body><nav><a href='/'>Accueil</a></nav><article><h1>{title}</h1>"
            f"<p>{body}</p><p>{body}</p></article><footer>Mentions légales</footer>"
            "</body></html>")


COPYRIGHT_BODY = (
    "Le cabinet Ternelle Conseil a recruté le mois dernier Anouk Verlaine comme directrice "
    "des opérations. Elle travaillait depuis huit ans chez Brumaire Logistique, à Rouen. "
    "Le cabinet compte doubler ses effectifs d'ici deux ans.")


def copyright_page() -> str:
    """No date in metadata, URL or text: only a copyright footer carries a year."""
    return ("<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'>"
            "<title>Ternelle recrute</title></head><body><article><h1>Ternelle recrute</h1>"
            f"<p>{COPYRIGHT_BODY}</p><p>{COPYRIGHT_BODY}</p></article>"
            "<footer><p>© 2023 Ternelle Médias. Tous droits réservés.</p></footer>"
            "</body></html>")


def rss_feed(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Nouvelles de test</title><link>{base}/</link>
<description>Flux de test</description>
<item><title>Premier article</title><link>{base}/page/1</link>
  <pubDate>Mon, 13 Jan 2025 08:00:00 GMT</pubDate></item>
<item><title>Second article</title><link>{base}/page/2</link>
  <pubDate>Tue, 14 Jan 2025 08:00:00 GMT</pubDate></item>
<item><title>Article disparu</title><link>{base}/missing</link>
  <pubDate>Wed, 15 Jan 2025 08:00:00 GMT</pubDate>
  <description>{ARTICLE_BODY}</description></item>
<item><title>Lien mort sans texte</title><link>{base}/missing</link>
  <pubDate>Thu, 16 Jan 2025 08:00:00 GMT</pubDate></item>
</channel></rss>"""


def atom_feed(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Nouvelles Atom</title>
<id>{base}/atom.xml</id><updated>2025-01-14T08:00:00Z</updated>
<entry><title>Premier article</title><id>{base}/page/1</id>
  <link href="{base}/page/1"/><updated>2025-01-13T08:00:00Z</updated></entry>
<entry><title>Second article</title><id>{base}/page/2</id>
  <link href="{base}/page/2"/><updated>2025-01-14T08:00:00Z</updated></entry>
</feed>"""


PNG_BYTES = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
             b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01"
             b"\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"

    def log_message(self, format, *args):  # noqa: A002  keep test output quiet
        pass

    def do_GET(self):  # noqa: N802  (http.server's naming)
        owner = self.server.owner
        path = self.path.split("?")[0]
        with owner.lock:
            owner.hits[path] += 1
            owner.user_agents.append(self.headers.get("User-Agent", ""))
            hits = owner.hits[path]
        base = owner.url("")
        if path == "/ok":
            self._send(200, "text/html; charset=utf-8", article_page("Nomination"))
        elif path.startswith("/page/"):
            self._send(200, "text/html; charset=utf-8",
                       article_page(f"Article {path.rsplit('/', 1)[1]}"))
        elif path == "/slow":
            time.sleep(owner.slow_seconds)
            self._send(200, "text/html; charset=utf-8", article_page("Lent"))
        elif path == "/flaky":
            if hits <= owner.flaky_failures:
                self._send(500, "text/plain", "server error")
            else:
                self._send(200, "text/html; charset=utf-8", article_page("Rétabli"))
        elif path == "/busy":
            if hits == 1:
                self.send_response(429)
                self.send_header("Retry-After", "0")
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                self._send(200, "text/html; charset=utf-8", article_page("Disponible"))
        elif path.startswith("/redirect/"):
            remaining = int(path.rsplit("/", 1)[1])
            target = "/ok" if remaining <= 1 else f"/redirect/{remaining - 1}"
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/image.png":
            self._send(200, "image/png", PNG_BYTES)
        elif path == "/empty":
            self._send(200, "text/html", "<html><body><script>var x = 1;</script></body></html>")
        elif path == "/rss.xml":
            self._send(200, "application/rss+xml", rss_feed(base))
        elif path == "/atom.xml":
            self._send(200, "application/atom+xml", atom_feed(base))
        elif path == "/broken.xml":
            self._send(200, "application/xml", "this is <not> really & xml <<<")
        elif path == "/trickle":
            self._trickle()
        elif path == "/relative.xml":
            self._send(200, "application/rss+xml", rss_feed(base)
                       .replace(f"{base}/page/1", "page/1").replace(f"{base}/page/2", "/page/2"))
        elif path == "/copyright":
            self._send(200, "text/html; charset=utf-8", copyright_page())
        else:
            self._send(404, "text/html", "<html><body>Not found</body></html>")

    def _trickle(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        try:
            self.wfile.write(b"<html><body><p>")
            for _ in range(10_000):  # each read gets bytes in time; the page never ends
                self.wfile.write(b"mot ")
                self.wfile.flush()
                time.sleep(0.1)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _send(self, status: int, content_type: str, body: str | bytes) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test): nothing to do


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: "LoopbackServer"


class LoopbackServer:
    """``with LoopbackServer() as server: server.url("/ok")``."""

    def __init__(self, *, slow_seconds: float = 2.0, flaky_failures: int = 1):
        self.slow_seconds = slow_seconds
        self.flaky_failures = flaky_failures
        self.hits: Counter[str] = Counter()
        self.user_agents: list[str] = []
        self.lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> "LoopbackServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
