"""The static report: one file holding the data, the page's JS and plotly, and nothing in
an article can end the script blocks it sits in."""
from __future__ import annotations

import html.parser
import json

from talentflow.web.report import build_report, json_for_script, report_data, script_for_inline
from web.world import HOSTILE_TEXT


class Scripts(html.parser.HTMLParser):
    """Collects each <script> element's attributes and content as a browser parses it."""

    def __init__(self):
        super().__init__()
        self.scripts: list[tuple[dict, str]] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._open = dict(attrs)
            self.scripts.append((self._open, ""))

    def handle_data(self, data):
        if self._open is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = None


def test_json_for_script_cannot_close_or_comment_out_its_element():
    data = {"text": "a </script><script>alert(1)</script> <!-- b & \u2028 c"}
    safe = json_for_script(data)
    assert "</" not in safe and "<!--" not in safe and "\u2028" not in safe
    assert json.loads(safe) == data
    assert script_for_inline('x = "</script>"; // <!--') == 'x = "<\\/script>"; // <\\!--'


def test_report_embeds_every_view_and_only_local_scripts(web_store, tmp_path):
    summary = build_report(web_store, tmp_path / "out" / "report.html")
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert summary.moves == 5 and summary.articles == 4 and summary.bytes == len(page.encode())
    parser = Scripts()
    parser.feed(page)
    kinds = [attrs.get("type") for attrs, _ in parser.scripts]
    assert kinds == ["application/json", None, None, None]  # data, plotly, charts, app
    assert all("src" not in attrs for attrs, _ in parser.scripts)
    data = json.loads(parser.scripts[0][1])
    assert HOSTILE_TEXT in {a["text"] for a in data["articles"].values()}
    assert data["moves"] == report_data(web_store)["moves"]
    assert "Plotly" in parser.scripts[1][1] and "talentflowCharts" in parser.scripts[2][1]
    assert "talentflow-data" in parser.scripts[3][1]
    assert '<meta http-equiv="Content-Security-Policy"' in page
    assert "http://" not in page.split("<script")[0] and "/static/" not in page
