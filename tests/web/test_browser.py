"""End-to-end: the real page in headless Chromium, served by uvicorn on loopback, and the
static report opened from disk. Screenshots go to test-output/web/."""
from __future__ import annotations

from pathlib import Path

import pytest

from web.world import HOSTILE_SCRIPT, HOSTILE_SENTENCE, SHARED_SEED

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "web"
needs_seed = pytest.mark.skipif(not SHARED_SEED.exists(), reason="no ../shared/bench seed")


def current_route(page) -> str | None:
    return page.evaluate("document.body ? document.body.dataset.route || null : null")


def navigate(page, action) -> None:
    """Do ``action`` (a click, a submit, a goto) and wait until the new view is drawn."""
    before = current_route(page)
    action()
    # Selectors, not wait_for_function: the page's CSP forbids the eval that needs.
    selector = 'body[data-ready="true"][data-route]'
    if before is not None:
        selector += f':not([data-route="{before}"])'
    page.wait_for_selector(selector, state="attached")


def open_view(page, url: str) -> None:
    navigate(page, lambda: page.goto(url))


def click(page, locator) -> None:
    navigate(page, locator.click)


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=True)


def flow_rows_in_order(page) -> list[tuple[str, ...]]:
    rows = page.locator("#flows-table tbody tr").all()
    return [tuple(cell.inner_text().strip() for cell in row.locator("td").all()[:3])
            for row in rows]


def flow_rows(page) -> set[tuple[str, ...]]:
    return set(flow_rows_in_order(page))


def check_flows_and_click_through(page, base: str, shot_prefix: str) -> None:
    open_view(page, base + "#/")
    page.wait_for_selector("#sankey .sankey-link")
    labels = set(page.locator("#sankey .node-label").all_text_contents())  # SVG text
    assert {"OpenAI", "Anthropic", "Google DeepMind"} <= labels
    assert page.locator("#sankey .sankey-link").count() == page.locator(
        "#flows-table tbody tr").count()
    rows = flow_rows(page)
    assert ("OpenAI", "Anthropic", "1") in rows and ("Google DeepMind", "Anthropic", "1") in rows
    shot(page, f"{shot_prefix}-flows.png")

    # Clicking a band of the Sankey lists that flow's moves (bands follow the table order).
    order = [cells[:2] for cells in flow_rows_in_order(page)]
    band = page.locator("#sankey .sankey-link").nth(order.index(("Google DeepMind", "Anthropic")))
    navigate(page, lambda: band.click(force=True))
    assert page.locator("h1").inner_text() == "Moves from Google DeepMind to Anthropic"
    assert "Durk Kingma" in page.locator("table.moves").inner_text()
    navigate(page, page.go_back)

    # Anthropic's page: its four arrivals, and the net flow chart.
    click(page, page.locator("#flows-table a.org", has_text="Anthropic").first)
    assert page.locator("h1").inner_text() == "Anthropic"
    assert page.locator("table.arrivals tbody tr").count() == 4
    page.wait_for_selector("#org-chart .main-svg")
    shot(page, f"{shot_prefix}-org-anthropic.png")

    # A flow -> its moves -> the move's sources -> the article with the evidence lit.
    navigate(page, page.go_back)
    row = page.locator("#flows-table tbody tr", has_text="OpenAI").filter(has_text="Anthropic")
    click(page, row.locator("a.flow-moves"))
    assert page.locator("table.moves tbody tr").count() == 1
    assert "John Schulman" in page.locator("table.moves").inner_text()
    click(page, page.locator("table.moves a.sources-link").first)
    evidence = page.locator(".evidence-quote").first.inner_text()
    assert "Schulman" in evidence
    click(page, page.locator("a.article-link").first)
    active = " ".join(page.locator("#article-text mark.evidence.active").all_inner_texts())
    assert "Schulman" in active
    assert page.locator("#fact-list li.active").count() == 1
    lit = {report for marks in page.locator("#article-text mark.evidence").evaluate_all(
        "marks => marks.map(m => m.dataset.reports)") for report in marks.split()}
    assert len(lit) == page.locator("#fact-list li").count() >= 8  # every fact's evidence
    assert "http" not in page.locator("#fact-list").inner_text()  # founders are links
    shot(page, f"{shot_prefix}-article.png")


@needs_seed
def test_served_page_shows_the_seed_flows_and_leads_to_the_evidence(page, live_server):
    check_flows_and_click_through(page, live_server.url + "/", "served")
    assert page.problems == []


def test_api_docs_page_renders_offline_under_a_self_only_script_policy(page, live_server):
    outside = []
    page.on("request", lambda request: request.url.startswith(live_server.url)
            or outside.append(request.url))
    page.goto(live_server.url + "/docs")
    page.wait_for_selector("#swagger-ui .opblock-summary-path")
    paths = set(page.locator("#swagger-ui .opblock-summary-path").all_inner_texts())
    assert "/api/flows" in {path.strip() for path in paths}
    shot(page, "served-api-docs.png")
    assert outside == []
    assert page.problems == []


def check_hostile_article_is_inert(page, base: str, shot_prefix: str) -> None:
    open_view(page, base + "#/search?q=Nora%20Quist")
    click(page, page.locator("#search-people a", has_text="Nora Quist"))
    click(page, page.locator("#timeline a.sources-link"))
    click(page, page.locator("a.article-link").first)
    text = page.locator("#article-text").inner_text()
    assert HOSTILE_SCRIPT in text and "</script><script>" in text
    assert page.locator("#article-text script, #article-text img, #article-text b").count() == 0
    assert "<b>hires</b>" in page.locator("h1").inner_text()
    assert page.locator("#article-text mark.evidence.active").inner_text() == HOSTILE_SENTENCE
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.evaluate("window.__pwned") is None
    shot(page, f"{shot_prefix}-hostile-article.png")


def test_served_page_shows_hostile_article_text_literally_and_runs_none_of_it(page,
                                                                              live_server):
    check_hostile_article_is_inert(page, live_server.url + "/", "served")
    assert page.problems == []


def test_flows_filters_and_organisation_page_on_invented_data(page, live_server):
    open_view(page, live_server.url + "/#/")
    page.fill("#flow-filters input[name=since]", "2024")
    page.fill("#flow-filters input[name=org]", "Harbor Analytics")
    navigate(page, lambda: page.click("#flow-filters button"))
    assert flow_rows(page) == {("Quill Systems", "Harbor Analytics", "1")}
    click(page, page.locator("#flows-table a.org", has_text="Harbor Analytics"))
    assert page.locator("table.arrivals tbody tr").count() == 2
    assert page.locator("table.departures tbody tr").count() == 1
    assert "+1" in page.locator(".stats").inner_text()
    page.wait_for_selector("#org-chart .main-svg")
    shot(page, "served-org-harbor.png")
    click(page, page.locator("#org-people a", has_text="Marta Vidal"))
    assert "Quill Systems" in page.locator("#timeline").inner_text()
    open_view(page, live_server.url + "/#/org/999999")
    assert "no organisation with id 999999" in page.locator(".error").inner_text()
    assert all("404" in problem for problem in page.problems)  # the failed fetch, nothing else


@needs_seed
def test_static_report_shows_the_same_views_from_disk(page, report_file):
    page.route("**/*", lambda route: route.abort() if not route.request.url.startswith("file:")
               else route.continue_())  # no network at all
    check_flows_and_click_through(page, report_file.as_uri(), "report")
    assert page.problems == []


def test_static_report_shows_hostile_article_literally(page, report_file):
    check_hostile_article_is_inert(page, report_file.as_uri(), "report")
    assert page.problems == []


@needs_seed
def test_seed_move_page_for_schulman_shows_his_words_highlighted_in_the_article(page, live_server):
    open_view(page, live_server.url + "/#/search?q=Schulman")
    click(page, page.locator("#search-people a", has_text="John Schulman"))
    assert "J'ai pris la difficile décision" in page.locator("#person-quotes").inner_text()
    click(page, page.locator("#timeline a.sources-link").first)
    words = page.locator("#fact-quotes").inner_text()
    assert "J'ai pris la difficile décision de quitter OpenAI" in words
    assert page.locator(".evidence-quote").count() >= 1
    click(page, page.locator("#fact-quotes a.quote-source").first)
    marked = page.locator("mark.quote.active").inner_text()
    assert marked.startswith("J'ai pris la difficile décision de quitter OpenAI")
    shot(page, "served-seed-quote.png")
    assert page.problems == []
