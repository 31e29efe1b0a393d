"""``talentflow report OUT.html``: the page's views in one self-contained HTML file.

The data the views need (every move, each person's timeline, each organisation's
profile, each fact's sources, each source article) is gathered with the same query
functions the API calls and embedded as JSON in a ``<script type="application/json">``
block; app.js answers its calls from that block instead of the server. The page's JS
and plotly.js are inlined, so the file opens from disk with no server and no network.

Escaping: the JSON is made safe for an HTML script element by writing ``<``, ``>``,
``&`` and the two JS line separators as ``\\uXXXX`` escapes, so ``</script>`` in an
article can never close the block; the inlined scripts get ``</script`` and ``<!--``
neutralised the same way. A Content-Security-Policy meta tag allows exactly the two
inline scripts (by hash) and nothing from the network.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from talentflow import query
from talentflow.query.articles import article as article_view
from talentflow.web.assets import plotly_js, static_text

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                 "\u2029": "\\u2029"}


@dataclass(frozen=True)
class ReportSummary:
    path: str
    moves: int
    people: int
    orgs: int
    articles: int
    bytes: int

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "moves": self.moves, "people": self.people,
                "orgs": self.orgs, "articles": self.articles, "bytes": self.bytes}


def json_for_script(data: Any) -> str:
    """JSON that cannot end or comment out the <script> element holding it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return "".join(_JSON_ESCAPES.get(char, char) for char in text)


def script_for_inline(code: str) -> str:
    """JavaScript source safe inside <script>...</script> (it runs the same)."""
    return code.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT") \
        .replace("<!--", "<\\!--")


def report_data(store) -> dict[str, Any]:
    """Everything the views show, in the API's shapes, keyed by id."""
    moves = query.moves(store, limit=None).to_dict()["items"]
    person_ids = sorted({m["person_id"] for m in moves if m["person_id"] is not None})
    people = {pid: query.person_timeline(store, pid).to_dict() for pid in person_ids}
    for timeline in people.values():
        for founding in timeline["foundings"]:
            founding.setdefault("org_id", None)
    org_ids = sorted({oid for m in moves for oid in (m["from_id"], m["to_id"])
                      if oid is not None})
    orgs = {oid: query.org_profile(store, oid, limit=None).to_dict() for oid in org_ids}
    fact_ids = {m["fact_id"] for m in moves}
    for profile in orgs.values():
        fact_ids.update(f["fact_id"] for f in profile["foundings"] + profile["investments"])
    sources = {fid: query.sources(store, fid).to_dict() for fid in sorted(fact_ids)}
    article_ids = sorted({s["article"]["id"] for entry in sources.values()
                          for s in entry["sources"]})
    articles = {aid: article_view(store, aid).to_dict() for aid in article_ids}
    return {"generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "moves": moves, "people": people, "orgs": orgs, "sources": sources,
            "articles": articles,
            "quotes": [q.to_dict() for q in query.quotes(store)]}


def _sha256(code: str) -> str:
    digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


def render_report(data: dict[str, Any]) -> str:
    """The report page for ``data`` (as made by :func:`report_data`)."""
    page = static_text("index.html")
    plotly = script_for_inline(plotly_js().decode("utf-8"))
    app_js = script_for_inline(static_text("app.js"))
    css = static_text("app.css").replace("</style", "<\\/style")
    policy = ("default-src 'none'; script-src " + _sha256(plotly) + " " + _sha256(app_js)
              + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
                "form-action 'none'")
    head = (f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            f"<style>{css}</style>\n")
    page = page.replace('<link rel="stylesheet" href="/static/app.css">', head)
    page = page.replace('<script src="/static/plotly.min.js" defer></script>\n', "")
    page = page.replace('<script src="/static/app.js" defer></script>\n', "")
    page = page.replace("<title>talentflow</title>", "<title>talentflow report</title>")
    scripts = (f'<script type="application/json" id="talentflow-data">{json_for_script(data)}'
               f"</script>\n<script>{plotly}</script>\n<script>{app_js}</script>\n")
    return page.replace("</body>", scripts + "</body>")


def build_report(store, out: str | os.PathLike) -> ReportSummary:
    """Write the self-contained report of ``store`` to ``out`` (replaced atomically)."""
    data = report_data(store)
    html = render_report(data)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(html, encoding="utf-8")
    partial.replace(path)
    return ReportSummary(str(path), len(data["moves"]), len(data["people"]), len(data["orgs"]),
                         len(data["articles"]), len(html.encode("utf-8")))
