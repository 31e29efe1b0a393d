"""Main text, title and publication date of a web page, with trafilatura."""
from __future__ import annotations

import trafilatura

from talentflow.core.errors import NoArticleTextError
from talentflow.core.models import Article
from talentflow.ingest.decode import normalize_newlines

#: Fewer words than this is a menu or a caption that trafilatura fell back to, not a body.
MIN_ARTICLE_WORDS = 5


def html_to_article(html: str | bytes, *, item: str, url: str | None = None,
                    article_id: str | None = None, publication_date: str | None = None,
                    lang: str | None = None) -> Article:
    """The article a page carries; raises NoArticleTextError when it has no body text.

    The page's own date wins over ``publication_date``, which serves pages without one.
    """
    try:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                               include_comments=False, include_tables=False)
    except Exception as error:  # noqa: BLE001  trafilatura raises many kinds on broken markup
        raise NoArticleTextError(f"the page could not be parsed ({type(error).__name__})",
                                 item=item) from None
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise NoArticleTextError("no article text found in the page", item=item,
                                 hint="the page may be an index, a login wall or mostly script")
    meta_date = getattr(document, "date", None)
    title = getattr(document, "title", None)
    return Article(id=article_id or item, text=normalize_newlines(text),
                   lang=lang or getattr(document, "language", None),
                   date=meta_date or publication_date, title=title, url=url, source=item)
