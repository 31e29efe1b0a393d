"""RSS and Atom feeds: each entry's page fetched and read as an article."""
from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import lxml.etree
import lxml.html

from talentflow.core.errors import FeedError, TalentflowError
from talentflow.core.models import Article
from talentflow.ingest.fetch import FEED_TYPES, FetchPolicy, fetch, is_private_host
from talentflow.ingest.files import read_capped
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
        if not path.exists():
            raise FeedError("no such feed file", item=source)
        data = read_capped(path, policy.max_bytes)
    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = getattr(parsed, "bozo_exception", None)
        detail = f": {why}" if parsed.bozo and why else ""
        raise FeedError(f"not an RSS or Atom feed, or a feed with no entries{detail}",
                        item=source, hint="give the feed's URL, not the site's home page")
    return parsed


def entry_policy(source: str, policy: FetchPolicy) -> FetchPolicy:
    """How a feed's links are fetched: a feed from the internet may not send talentflow
    to loopback, private or link-local addresses (a server ingesting feeds would probe
    its own network for whoever wrote the feed), unless the feed itself is local (a
    file, or a URL on such an address) or the user allowed it (--allow-private)."""
    local = not is_url(source) or is_private_host(urlsplit(source).hostname or "")
    return replace(policy, block_private=not (policy.allow_private or local))


def read_feed(source: str, *, policy: FetchPolicy = FetchPolicy(),
              lang: str | None = None, publication_date: str | None = None
              ) -> Iterator[Article | Skipped]:
    """Articles of a feed's entries, in feed order; unreadable entries are Skipped.

    Relative links are resolved against the feed's URL. ``publication_date`` (the user's)
    dates entries that carry no date of their own and whose page has none either.
    """
    try:
        parsed = parse_feed(source, policy=policy)
    except TalentflowError as error:
        yield Skipped.of(error, source)
        return
    links_policy = entry_policy(source, policy)
    for number, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        if link and is_url(source):
            link = urljoin(source, link)
        item = link or f"{source}#entry{number}"
        entry_date = _entry_date(entry)
        try:
            yield _entry_article(entry, link, item, entry_date, lang, links_policy,
                                 publication_date)
        except TalentflowError as error:
            yield Skipped.of(error, item)


def _entry_article(entry, link: str | None, item: str, entry_date: str | None,
                   lang: str | None, policy: FetchPolicy,
                   publication_date: str | None = None) -> Article:
    page_error: TalentflowError | None = None
    if not entry_date and publication_date:
        entry_date, date_source = publication_date, "user"
    else:
        date_source = "metadata"
    if link:
        try:
            page = fetch(link, policy=policy)
            return html_to_article(page.markup(), item=item, url=page.url,
                                   publication_date=entry_date, lang=lang,
                                   date_source=date_source)
        except TalentflowError as error:
            page_error = error
    text = _entry_text(entry)
    title = entry.get("title")
    if len(text.split()) >= MIN_FEED_TEXT_WORDS:
        # The page could not be read but the feed carries the article's text itself.
        body = f"{title}\n{text}" if title else text
        return Article(id=link or item, text=body, lang=lang, date=entry_date, title=title,
                       url=link, source=f"{item} (text from the feed)",
                       date_source=date_source if entry_date else None)
    if page_error is not None:
        raise page_error
    raise FeedError("the entry has no link and no text", item=item)
