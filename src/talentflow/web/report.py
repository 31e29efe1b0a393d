"""``talentflow report OUT.html``: the page's views in one self-contained HTML file.

The data the views need (every move, each person's timeline, each organisation's
profile, each fact's sources, each source article) is gathered with the same query
functions the API calls and embedded as JSON in a ``<script type="application/json">``
block; app.js answers its calls from that block instead of the server. The page's JS
and plotly.js are inlined, so the file opens from disk with no server and no network.

Escaping: the JSON is made safe for an HTML script element by writing ``<``, ``>``,
``&`` and the two JS line separators as ``\\uXXXX`` escapes, so ``</script>`` in an
article can never close the block; the inlined scripts get ``</script`` and ``<!--``
neutralised the same way. A Content-Security-Policy meta tag allows exactly the three
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


_ORG_ID_KEYS = frozenset({"from_id", "to_id", "org_id", "investor_id", "investee_id"})


def _linked_ids(value: Any, found: dict[str, set]) -> None:
    """Adds to ``found`` every entity, fact and article ``value`` (API shapes) links to:
    the page draws a link for each id it shows, so each must be in the report."""
    if isinstance(value, list):
        for item in value:
            _linked_ids(item, found)
        return
    if not isinstance(value, dict):
        return
    for key, item in value.items():
        if item is None:
            continue
        if key == "fact_id":
            found["sources"].add(item)
        elif key == "person_id":
            found["people"].add(item)
        elif key in _ORG_ID_KEYS:
            found["orgs"].add(item)
        elif key == "founders":
            # As written in an article, founders are plain names: nothing to link.
            found["people"].update(f["id"] for f in item
                                   if isinstance(f, dict) and f.get("id") is not None)
        elif key in ("person", "org", "article") and isinstance(item, dict) \
                and item.get("id") is not None:
            found["people" if key == "person" else key + "s"].add(item["id"])
        _linked_ids(item, found)


def report_data(store) -> dict[str, Any]:
    """Everything the views show, in the API's shapes, keyed by id.

    Starting from every move, whatever a gathered view links to (a founder, an investor,
    a fact reached from an article) is gathered in turn until nothing new appears, so
    every link in the report opens a view.
    """
    moves = query.moves(store, limit=None).to_dict()["items"]
    quotes = [q.to_dict() for q in query.quotes(store)]
    fetch = {"people": lambda pid: query.person_timeline(store, pid).to_dict(),
             "orgs": lambda oid: query.org_profile(store, oid, limit=None).to_dict(),
             "sources": lambda fid: query.sources(store, fid).to_dict(),
             "articles": lambda aid: article_view(store, aid).to_dict()}
    views: dict[str, dict[int, Any]] = {kind: {} for kind in fetch}
    wanted: dict[str, set] = {kind: set() for kind in fetch}
    _linked_ids(moves, wanted)
    _linked_ids(quotes, wanted)
    while any(wanted[kind] - views[kind].keys() for kind in fetch):
        for kind, get in fetch.items():
            for key in sorted(wanted[kind] - views[kind].keys()):
                views[kind][key] = get(key)
                _linked_ids(views[kind][key], wanted)
    return {"generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "moves": moves, **{kind: dict(sorted(table.items()))
                               for kind, table in views.items()},
            "quotes": quotes}


def _sha256(code: str) -> str:
    digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


def render_report(data: dict[str, Any]) -> str:
    """The report page for ``data`` (as made by :func:`report_data`)."""
    page = static_text("index.html")
    plotly = script_for_inline(plotly_js().decode("utf-8"))
    charts_js = script_for_inline(static_text("charts.js"))
    app_js = script_for_inline(static_text("app.js"))
    css = static_text("app.css").replace("</style", "<\\/style")
    policy = ("default-src 'none'; script-src " + _sha256(plotly) + " " + _sha256(charts_js)
              + " " + _sha256(app_js)
              + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
                "form-action 'none'")
    head = (f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            f"<style>{css}</style>\n")
    page = page.replace('<link rel="stylesheet" href="/static/app.css">', head)
    page = page.replace('<script src="/static/plotly.min.js" defer></script>\n', "")
    page = page.replace('<script src="/static/charts.js" defer></script>\n', "")
    page = page.replace('<script src="/static/app.js" defer></script>\n', "")
    page = page.replace("<title>talentflow</title>", "<title>talentflow report</title>")
    scripts = (f'<script type="application/json" id="talentflow-data">{json_for_script(data)}'
               f"</script>\n<script>{plotly}</script>\n<script>{charts_js}</script>\n"
               f"<script>{app_js}</script>\n")
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
