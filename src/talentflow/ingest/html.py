"""Main text, title and publication date of a web page, with trafilatura and htmldate.

Where the date comes from matters as much as the date: relative dates in the text
("le mois dernier") are resolved against it. So the date is taken in order of trust and
its origin kept (``Article.date_source``): the page's metadata (meta tags, JSON-LD,
<time> elements), its URL, the date the user gave, and only then a guess from the
page's free text, from which copyright lines are removed first: a footer's "© 2023"
says when the site was last touched, not when the article appeared.
"""
from __future__ import annotations

import re
from datetime import date

import trafilatura
from htmldate import find_date

from talentflow.core.errors import NoArticleTextError
from talentflow.core.models import Article
from talentflow.ingest.decode import normalize_newlines

#: Fewer words than this is a menu or a caption that trafilatura fell back to, not a body.
MIN_ARTICLE_WORDS = 5

# "© 2023", "&copy; 2019-2024", "Copyright (c) 2021", "(C) 2020 Acme": the marker, then
# up to a short run of non-digits (a company name) and the year or years.
_COPYRIGHT = re.compile(
    r"(?:©|&copy;|&#169;|&#xa9;|\(c\)|copyright|tous droits réservés|all rights reserved)"
    r"[^<\d]{0,40}\d{4}(?:\s*[-–]\s*\d{4})?", re.IGNORECASE)
_EMPTY_PAGE = "<html><body></body></html>"


def _date_params(extensive: bool) -> dict:
    return {"original_date": True, "extensive_search": extensive,
            "max_date": date.today().isoformat()}


def page_date(html: str | bytes, document, url: str | None,
              publication_date: str | None) -> tuple[str | None, str | None]:
    """(date, source) of a page; ``document`` is trafilatura's result, whose date was
    searched without the free-text fallback (metadata, URL, time elements only)."""
    found = getattr(document, "date", None)
    if found:
        page_url = getattr(document, "url", None) or url
        from_url = page_url and find_date(_EMPTY_PAGE, url=page_url, **_date_params(False))
        return found, "url" if from_url == found else "metadata"
    if publication_date:
        return publication_date, "user"
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    guessed = find_date(_COPYRIGHT.sub(" ", html), url=url, **_date_params(True))
    return (guessed, "guess") if guessed else (None, None)


def html_to_article(html: str | bytes, *, item: str, url: str | None = None,
                    article_id: str | None = None, publication_date: str | None = None,
                    lang: str | None = None, date_source: str = "user") -> Article:
    """The article a page carries; raises NoArticleTextError when it has no body text.

    The page's own date (metadata or URL) wins over ``publication_date``, which in turn
    wins over any guess from the page's text. ``date_source`` names where
    ``publication_date`` came from ("user", or "metadata" for a feed entry's date).
    """
    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params=_date_params(False))
    except Exception as error:  # noqa: BLE001  trafilatura raises many kinds on broken markup
        raise NoArticleTextError(f"the page could not be parsed ({type(error).__name__})",
                                 item=item) from None
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise NoArticleTextError("no article text found in the page", item=item,
                                 hint="the page may be an index, a login wall or mostly script")
    try:
        found, source = page_date(html, document, url, publication_date)
    except Exception:  # noqa: BLE001  htmldate on odd markup: no date rather than no article
        found, source = publication_date, "user" if publication_date else None
    if source == "user":
        source = date_source
    title = getattr(document, "title", None)
    return Article(id=article_id or item, text=normalize_newlines(text),
                   lang=lang or getattr(document, "language", None),
                   date=found, title=title, url=url, source=item, date_source=source)
