"""RSS and Atom feeds: each entry's page fetched and read as an article."""
from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import feedparser
import lxml.etree
import lxml.html

from talentflow.core.errors import FeedError, TalentflowError
from talentflow.core.models import Article
from talentflow.ingest.fetch import FEED_TYPES, FetchPolicy, fetch
from talentflow.ingest.files import check_size
from talentflow.ingest.html import html_to_article
from talentflow.ingest.records import Skipped


#: A feed text shorter than this is a teaser, not the article: not worth extracting alone.
MIN_FEED_TEXT_WORDS = 20


def is_url(item: str) -> bool:
    return item.startswith(("http://", "https://"))


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _entry_text(entry) -> str:
    """The feed's own text of an entry (content, else summary), markup removed."""
    parts = [c.get("value", "") for c in entry.get("content", [])] or [entry.get("summary", "")]
    html = "\n".join(p for p in parts if p)
    if not html.strip():
        return ""
    try:
        return "\n".join(line.strip() for line in lxml.html.fromstring(html).text_content()
                         .splitlines() if line.strip())
    except (ValueError, lxml.etree.ParserError):  # not even HTML: keep the raw text
        return html.strip()


def parse_feed(source: str, *, policy: FetchPolicy = FetchPolicy()):
    """The parsed feed of a URL or file; FeedError when it is not RSS/Atom."""
    if is_url(source):
        data = fetch(source, accept=FEED_TYPES + ("text/html",), policy=policy).content
    else:
        path = Path(source)
        if not path.is_file():
            raise FeedError("no such feed file", item=source)
        check_size(path, policy.max_bytes)
        data = path.read_bytes()
    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = getattr(parsed, "bozo_exception", None)
        detail = f": {why}" if parsed.bozo and why else ""
        raise FeedError(f"not an RSS or Atom feed, or a feed with no entries{detail}",
                        item=source, hint="give the feed's URL, not the site's home page")
    return parsed


def read_feed(source: str, *, policy: FetchPolicy = FetchPolicy(),
              lang: str | None = None) -> Iterator[Article | Skipped]:
    """Articles of a feed's entries, in feed order; unreadable entries are Skipped."""
    try:
        parsed = parse_feed(source, policy=policy)
    except TalentflowError as error:
        yield Skipped.of(error, source)
        return
    for number, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        item = link or f"{source}#entry{number}"
        entry_date = _entry_date(entry)
        try:
            yield _entry_article(entry, link, item, entry_date, lang, policy)
        except TalentflowError as error:
            yield Skipped.of(error, item)


def _entry_article(entry, link: str | None, item: str, entry_date: str | None,
                   lang: str | None, policy: FetchPolicy) -> Article:
    page_error: TalentflowError | None = None
    if link:
        try:
            page = fetch(link, policy=policy)
            return html_to_article(page.markup(), item=item, url=page.url,
                                   publication_date=entry_date, lang=lang)
        except TalentflowError as error:
            page_error = error
    text = _entry_text(entry)
    title = entry.get("title")
    if len(text.split()) >= MIN_FEED_TEXT_WORDS:
        # The page could not be read but the feed carries the article's text itself.
        body = f"{title}\n{text}" if title else text
        return Article(id=link or item, text=body, lang=lang, date=entry_date, title=title,
                       url=link, source=f"{item} (text from the feed)")
    if page_error is not None:
        raise page_error
    raise FeedError("the entry has no link and no text", item=item)
