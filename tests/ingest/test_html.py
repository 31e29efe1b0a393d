"""HTML pages: main text, title and date taken with trafilatura; broken pages never crash."""
from __future__ import annotations

import pytest

from talentflow.core import Article
from talentflow.core.errors import NoArticleTextError
from talentflow.ingest import Skipped, read_inputs
from talentflow.ingest.html import html_to_article

from helpers.http_server import ARTICLE_BODY, article_page


def test_main_text_title_and_date_come_from_the_page(tmp_path):
    path = tmp_path / "orvane.html"
    path.write_text(article_page("Orvane nomme une directrice financière",
                                 date="2025-01-13"), encoding="utf-8")
    [article] = read_inputs([str(path)], publication_date="2024-12-31")
    assert isinstance(article, Article)
    assert "Maëlle Quintard" in article.text
    assert "Mentions légales" not in article.text and "Accueil" not in article.text
    assert article.title == "Orvane nomme une directrice financière"
    assert article.date == "2025-01-13"  # the page's own date wins over the fallback
    assert article.id == str(path) and article.lang == "fr"


def test_publication_date_serves_pages_without_one(tmp_path):
    path = tmp_path / "undated.html"
    path.write_text(article_page("Sans date", date=None), encoding="utf-8")
    [article] = read_inputs([str(path)], publication_date="2025-02-01")
    assert article.date == "2025-02-01"


def test_a_page_with_no_article_body(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><head><title>Menu</title></head><body><nav><a href='/'>Accueil</a>"
                    "</nav><script>track();</script></body></html>", encoding="utf-8")
    [skipped] = read_inputs([str(path)])
    assert isinstance(skipped, Skipped) and isinstance(skipped.error, NoArticleTextError)
    assert skipped.item == str(path)


@pytest.mark.parametrize("markup", [
    "<html><body><div",
    "<<<>>></p></div></body>",
    "<html><body><p>" + "<div>" * 5000 + "texte",
    "\ufeff<?xml version='1.0'?><!DOCTYPE html><html><body></body>",
])
def test_broken_html_never_crashes(markup):
    try:
        article = html_to_article(markup, item="broken.html")
    except NoArticleTextError as error:
        assert error.item == "broken.html"
    else:
        assert isinstance(article, Article)


def test_broken_page_in_a_batch_does_not_stop_the_rest(tmp_path):
    (tmp_path / "a.html").write_text("<html><body><div", encoding="utf-8")
    (tmp_path / "b.html").write_text(article_page("Bonne page"), encoding="utf-8")
    broken, good = read_inputs([str(tmp_path)])
    assert isinstance(broken, Skipped) and broken.item == str(tmp_path / "a.html")
    assert isinstance(good, Article) and ARTICLE_BODY[:40] in good.text


def test_a_saved_page_in_windows_1252_is_read_through_its_meta_charset(tmp_path):
    path = tmp_path / "ancienne.html"
    page = article_page("Une page ancienne").replace("<meta charset='utf-8'>",
                                                     "<meta charset='windows-1252'>")
    path.write_bytes(page.encode("cp1252"))
    [article] = read_inputs([str(path)])
    assert isinstance(article, Article) and "Maëlle Quintard" in article.text


def test_a_copyright_footer_is_never_the_publication_date(tmp_path):
    from helpers.http_server import copyright_page

    path = tmp_path / "ternelle.html"
    path.write_text(copyright_page(), encoding="utf-8")
    [given] = read_inputs([str(path)], publication_date="2025-06-10")
    assert (given.date, given.date_source) == ("2025-06-10", "user")
    [undated] = read_inputs([str(path)])
    assert (undated.date, undated.date_source) == (None, None)


def test_date_sources_in_order_of_trust():
    from helpers.http_server import copyright_page

    page = article_page("Daté", date="2025-01-13")
    assert html_to_article(page, item="p", publication_date="2025-06-10").date_source \
        == "metadata"
    undated = copyright_page()
    from_url = html_to_article(undated, item="u", url="https://example.org/2024/05/07/ternelle")
    assert (from_url.date, from_url.date_source) == ("2024-05-07", "url")
    # A date in the page's text, not its metadata, serves only when the user gave none.
    written = undated.replace("<h1>", "<p>Publié le 3 mars 2024</p><h1>")
    assert html_to_article(written, item="w").date_source == "guess"
    assert html_to_article(written, item="w", publication_date="2025-06-10").date \
        == "2025-06-10"
