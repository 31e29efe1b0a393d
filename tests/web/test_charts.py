"""The charts in Chromium (charts.js): Sankey nodes that open their organisation, labels
and hover boxes that show markup literally, whole-number hovers, the unknown-side
toggles with the count of moves not drawn, and undated moves kept off the time axis."""
from __future__ import annotations

import pytest

from web.test_browser import click, navigate, open_view, shot
from web.world import LONG_ORG, MARKUP_ORG

pytestmark = pytest.mark.browser


def sankey_node(page, name: str):
    return page.locator("#sankey .sankey-node").filter(
        has=page.locator(".node-label", has_text=name)).first


def hover_text(page, target) -> str:
    target.hover(force=True)
    page.wait_for_selector("#sankey .hoverlayer .hovertext", state="attached")
    return " ".join(page.locator("#sankey .hoverlayer .hovertext").all_text_contents())


def test_clicking_a_sankey_node_opens_its_organisation(page, live_server):
    open_view(page, live_server.url + "/#/")
    page.wait_for_selector("#sankey .sankey-node")
    navigate(page, lambda: sankey_node(page, "Harbor Analytics").locator(".node-rect").click(
        force=True))
    assert page.evaluate("location.hash").startswith("#/org/")
    assert page.locator("h1").inner_text() == "Harbor Analytics"
    assert page.problems == []


def test_hover_counts_are_whole_moves(page, live_server):
    open_view(page, live_server.url + "/#/")
    page.wait_for_selector("#sankey .sankey-link")
    order = [tuple(cell.inner_text().strip() for cell in row.locator("td").all()[:3])
             for row in page.locator("#flows-table tbody tr").all()]
    band = order.index(("Quill Systems", "Harbor Analytics", "2"))
    text = hover_text(page, page.locator("#sankey .sankey-link").nth(band))
    assert "Quill Systems → Harbor Analytics: 2 moves" in text and "2.00" not in text
    single = order.index(("Harbor Analytics", "Brightwell Bank", "1"))
    assert ": 1 move" in hover_text(page, page.locator("#sankey .sankey-link").nth(single))


def check_markup_is_literal(page, base: str) -> None:
    open_view(page, base + "#/?unknown_from=1&unknown_to=1")
    page.wait_for_selector("#sankey .sankey-node")
    labels = page.locator("#sankey .node-label").all_text_contents()
    assert any(label.startswith("<b>Bold</b> Labs<br>") for label in labels), labels
    # Plotly turns <a>/<b>/<br> into SVG links, bold tspans and line breaks; none made it.
    assert page.locator("#sankey svg a, #sankey tspan.line").count() == 0
    assert page.locator("#sankey tspan[style*='bold']").count() == 0
    text = hover_text(page, sankey_node(page, "<b>Bold</b>").locator(".node-rect"))
    assert MARKUP_ORG in text and "2 moves" in text
    assert page.locator("#sankey .hoverlayer a").count() == 0
    assert MARKUP_ORG in page.locator("#flows-table").inner_text()
    assert page.locator("#flows-table b, #flows-table br").count() == 0
    click(page, page.locator("#flows-table a.org", has_text="<b>Bold</b>").first)
    assert page.locator("h1").inner_text() == MARKUP_ORG
    assert MARKUP_ORG in page.locator("table.departures").inner_text()


def test_markup_in_names_shows_literally_in_chart_hover_and_tables(page, markup_server):
    check_markup_is_literal(page, markup_server.url + "/")
    shot(page, "served-markup-org.png")
    assert page.problems == []


def test_markup_in_names_shows_literally_in_the_report(page, markup_report):
    check_markup_is_literal(page, markup_report.as_uri())
    assert page.problems == []


def check_unknown_toggles(page, base: str) -> None:
    open_view(page, base + "#/")
    page.wait_for_selector("#sankey .sankey-node")
    # Five moves: two flows of known pairs are drawn (3 moves), and Lea (no origin),
    # Ben (no destination) are not, until their boxes are ticked.
    assert page.locator("#not-drawn").inner_text().startswith("2 moves of 5 matching")
    labels = page.locator("#sankey .node-label").all_text_contents()
    assert "unknown origin" not in labels and "unknown destination" not in labels
    page.check("#flow-filters input[name=unknown_from]")
    navigate(page, lambda: page.click("#flow-filters button"))
    assert page.locator("#flow-filters input[name=unknown_from]").is_checked()
    labels = page.locator("#sankey .node-label").all_text_contents()
    assert "unknown origin" in labels and "unknown destination" not in labels
    assert page.locator("#not-drawn").inner_text().startswith(
        "1 move of 5 matching these filters is not drawn")
    page.check("#flow-filters input[name=unknown_to]")
    navigate(page, lambda: page.click("#flow-filters button"))
    assert "unknown destination" in page.locator("#sankey .node-label").all_text_contents()
    assert page.locator("#not-drawn").inner_text() == \
        "Every move matching these filters is drawn."
    rows = page.locator("#flows-table tbody tr")
    assert rows.count() == 4 and "unknown" in rows.last.inner_text()


def test_unknown_origin_and_destination_toggles_say_what_is_not_drawn(page, markup_server):
    check_unknown_toggles(page, markup_server.url + "/")
    assert page.problems == []


def test_unknown_toggles_work_the_same_in_the_report(page, markup_report):
    check_unknown_toggles(page, markup_report.as_uri())
    assert page.problems == []


def test_undated_moves_are_counted_apart_from_an_evenly_spaced_time_axis(page, markup_server):
    open_view(page, markup_server.url + "/#/search?q=Transcontinental")
    click(page, page.locator("#search-orgs a").first)
    assert page.locator("h1").inner_text() == LONG_ORG
    page.wait_for_selector("#org-chart .xtick")
    ticks = [t.strip() for t in page.locator("#org-chart .xtick").all_text_contents()]
    assert ticks == ["2019", "2020", "2021", "2022", "2023", "2024"]  # the gap shows
    assert "undated" not in " ".join(ticks).lower()
    assert page.locator("#undated").inner_text() == \
        "Undated, not on the time axis: 0 arrivals, 1 departure."
    assert page.problems == []


def test_a_filter_typo_keeps_the_form_and_offers_clickable_suggestions(page, live_server):
    open_view(page, live_server.url + "/#/")
    page.fill("#flow-filters input[name=org]", "Harbr Analytics")
    page.fill("#flow-filters input[name=since]", "2023")
    navigate(page, lambda: page.click("#flow-filters button"))
    assert "no organisation named 'Harbr Analytics'" in page.locator(".error").inner_text()
    assert page.locator("#flow-filters input[name=org]").input_value() == "Harbr Analytics"
    click(page, page.locator(".error a.suggestion", has_text="Harbor Analytics"))
    assert page.locator(".error").count() == 0
    assert page.locator("#flow-filters input[name=org]").input_value() == "Harbor Analytics"
    assert page.locator("#flow-filters input[name=since]").input_value() == "2023"
    assert ("Quill Systems", "Harbor Analytics", "2") in {
        tuple(cell.inner_text().strip() for cell in row.locator("td").all()[:3])
        for row in page.locator("#flows-table tbody tr").all()}
    page.fill("#flow-filters input[name=since]", "May")
    navigate(page, lambda: page.click("#flow-filters button"))
    assert "'May' is not a date" in page.locator(".error").inner_text()
    assert page.locator("#flow-filters").count() == 1
    assert all("404" in p or "422" in p for p in page.problems)  # the refused fetches


def test_enter_on_a_focused_fact_lights_its_evidence(page, live_server):
    open_view(page, live_server.url + "/#/search?q=Teodor")
    click(page, page.locator("#search-people a").first)
    click(page, page.locator("#timeline a.sources-link").first)
    click(page, page.locator("a.article-link").first)
    assert "Teodor Lind" in page.locator("#article-text mark.evidence.active").inner_text()
    marta = page.locator("#fact-list li", has_text="Marta Vidal")
    assert "active" not in (marta.get_attribute("class") or "")
    marta.focus()
    page.keyboard.press("Enter")
    assert "active" in marta.get_attribute("class")
    assert "Marta Vidal left" in page.locator("#article-text mark.evidence.active").inner_text()
    teodor = page.locator("#fact-list li", has_text="Teodor Lind")
    teodor.focus()
    page.keyboard.press(" ")
    assert "Teodor Lind" in page.locator("#article-text mark.evidence.active").inner_text()
    assert page.problems == []
