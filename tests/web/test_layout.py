"""The page on a phone and with long names, and the report's links, in Chromium."""
from __future__ import annotations

import json

import pytest

from web.test_browser import click, navigate, open_view, shot
from web.world import LONG_ORG

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def new_page(browser, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    return context, page


def page_width(page) -> int:
    return page.evaluate("Math.max(document.documentElement.scrollWidth, "
                         "document.body.scrollWidth)")


def visit_every_view(page, base: str, check) -> list[str]:
    """Opens one view of each kind by following the page's own links; ``check`` runs on
    each. Returns the routes seen."""
    seen = []

    def step(action):
        navigate(page, action)
        seen.append(page.evaluate("location.hash"))
        check(page)

    step(lambda: page.goto(base + "#/?unknown_from=1&unknown_to=1"))
    page.wait_for_selector("#sankey .sankey-node")
    check(page)
    step(lambda: page.locator("a.flow-moves").first.click())
    step(lambda: page.locator("table.moves a.org", has_text=LONG_ORG[:20]).first.click())
    page.wait_for_selector("#org-chart .main-svg")
    check(page)
    step(lambda: page.locator("table.moves a.person").first.click())
    step(lambda: page.locator("#timeline a.sources-link").first.click())
    step(lambda: page.locator("a.article-link").first.click())
    step(lambda: page.evaluate("location.hash = '#/search?q=labs'"))
    step(lambda: page.evaluate("location.hash = '#/flows?org=Nowhere%20Labz'"))
    step(lambda: page.evaluate("location.hash = '#/person/999999'"))
    return seen


def test_no_view_is_wider_than_a_390_pixel_phone(browser, markup_server):
    context, page = new_page(browser, PHONE)
    try:
        def narrow(page):
            assert page_width(page) <= PHONE["width"], page.evaluate("location.hash")
            button = page.locator("#search-form button").bounding_box()
            assert button["x"] + button["width"] <= PHONE["width"]

        seen = visit_every_view(page, markup_server.url + "/", narrow)
        assert [h.split("/")[1].split("?")[0] for h in seen] == [
            "", "moves", "org", "person", "fact", "article", "search", "flows", "person"]
        open_view(page, markup_server.url + "/#/?unknown_from=1&unknown_to=1")
        page.wait_for_selector("#sankey .sankey-node")
        shot(page, "phone-flows.png")
        assert page.problems == []
    finally:
        context.close()


def test_long_names_do_not_widen_the_organisation_page_on_a_desktop(browser, markup_server):
    context, page = new_page(browser, {"width": 1280, "height": 900})
    try:
        open_view(page, markup_server.url + "/#/search?q=Transcontinental")
        click(page, page.locator("#search-orgs a").first)
        page.wait_for_selector("#org-chart .main-svg")
        assert page_width(page) <= 1280
        shot(page, "desktop-long-org.png")
    finally:
        context.close()


def walk_all_links(page, start: str) -> dict[str, str | None]:
    """Every in-page link reachable from ``start``, each opened once: hash -> error text."""
    open_view(page, start)
    results: dict[str, str | None] = {}
    queue = ["#/"]
    while queue:
        target = queue.pop()
        if target in results:
            continue
        if page.evaluate("location.hash") != target:
            navigate(page, lambda: page.evaluate(f"location.hash = {json.dumps(target)}"))
        errors = page.locator("#view .error").all_inner_texts()
        results[target] = errors[0] if errors else None
        for href in page.locator("a[href^='#']").evaluate_all(
                "links => links.map(a => a.getAttribute('href'))"):
            if href not in results:
                queue.append(href)
    return results


@pytest.mark.parametrize("report", ["markup_report", "report_file"])
def test_every_link_inside_the_report_opens_a_view(browser, report, request):
    path = request.getfixturevalue(report)
    context, page = new_page(browser, {"width": 1280, "height": 900})
    try:
        page.route("**/*", lambda route: route.abort()
                   if not route.request.url.startswith("file:") else route.continue_())
        results = walk_all_links(page, path.as_uri() + "#/")
        dead = {link: error for link, error in results.items() if error}
        assert dead == {}
        kinds = {link.split("/")[1].split("?")[0] for link in results}
        assert {"", "moves", "org", "person", "fact", "article"} <= kinds
        if report == "markup_report":  # reached only through a founding or an investment
            texts = " ".join(results)
            assert texts.count("#/org/") >= 6 and texts.count("#/person/") >= 6
        assert page.problems == []
    finally:
        context.close()
