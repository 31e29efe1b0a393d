"""Reading inputs into Articles: text, HTML, articles JSONL, RSS/Atom feeds and URLs.

``read_inputs`` streams Articles and ``Skipped`` records (an item that produced no
article, with the reason); one bad item never stops the others.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from talentflow.core.errors import InputError, TalentflowError, UnreadableInputError
from talentflow.core.models import Article
from talentflow.ingest.feed import is_url, read_feed
from talentflow.ingest.fetch import FetchPolicy, fetch
from talentflow.ingest.files import (DEFAULT_MAX_BYTES, FEED_SUFFIXES, HTML_SUFFIXES,
                                     JSONL_SUFFIXES, TEXT_SUFFIXES, expand_paths, iter_jsonl,
                                     read_html_file, read_text_file)
from talentflow.ingest.html import html_to_article
from talentflow.ingest.language import detect_language, ensure_language
from talentflow.ingest.records import Skipped

__all__ = ["ReadResult", "Skipped", "detect_language", "ensure_language", "read_feed",
           "read_inputs", "read_path", "read_url"]

ReadResult = Article | Skipped
Warn = Callable[[str, str], None]

SUPPORTED_HINT = ("talentflow reads .txt, .html/.htm, .jsonl and .xml/.rss/.atom feeds, "
                  "and http(s) URLs")
NO_DATE_WARNING = ("no publication date: relative dates ('hier', 'last week') cannot be "
                   "resolved; give one with --publication-date")
_log = logging.getLogger("talentflow.ingest")


def _log_warning(item: str, message: str) -> None:
    _log.warning("%s: %s", item, message)


def read_url(url: str, *, publication_date: str | None = None, lang: str | None = None,
             policy: FetchPolicy = FetchPolicy()) -> Article:
    page = fetch(url, policy=policy)
    return html_to_article(page.markup(), item=url, url=page.url, article_id=url,
                           publication_date=publication_date, lang=lang)


def read_path(path: Path, *, publication_date: str | None = None, lang: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES, explicit: bool = True,
              policy: FetchPolicy = FetchPolicy()) -> Iterator[ReadResult]:
    """The articles of one file, chosen by its extension; ``explicit`` says the user named
    the file (an unknown extension is then reported instead of silently passed over)."""
    suffix = path.suffix.lower()
    options = {"publication_date": publication_date, "lang": lang, "max_bytes": max_bytes}
    try:
        if suffix in JSONL_SUFFIXES:
            yield from iter_jsonl(path, **options)
        elif suffix in HTML_SUFFIXES:
            yield read_html_file(path, **options)
        elif suffix in FEED_SUFFIXES:
            yield from read_feed(str(path), lang=lang, policy=policy,
                                 publication_date=publication_date)
        elif suffix in TEXT_SUFFIXES:
            yield read_text_file(path, **options)
        elif explicit:
            # Directories skip unknown files silently; a file the user named gets a reason.
            raise InputError(f"unsupported file type {suffix or '(no extension)'!r}",
                             item=str(path), hint=SUPPORTED_HINT)
    except TalentflowError as error:
        yield Skipped.of(error, str(path))
    except OSError as error:  # unreadable (permissions, a directory vanished mid-run)
        yield Skipped.of(UnreadableInputError(f"cannot read: {error.strerror or error}",
                                              item=str(path)))


def read_inputs(items: Iterable[str], *, publication_date: str | None = None,
                lang: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                check_language: bool = True, warn: Warn | None = None,
                policy: FetchPolicy = FetchPolicy(),
                feeds: Iterable[str] = ()) -> Iterator[ReadResult]:
    """Articles of files, directories (recursive, sorted) and http(s) URLs, in order.

    Anything that yields no article is a ``Skipped`` record naming the item and why; the
    other items go on. ``publication_date`` serves inputs that carry no date of their
    own. With ``check_language`` each article's ``lang`` is checked (a declared language
    is a hint) and an article in neither French nor English is Skipped. ``warn(item,
    message)`` hears about articles read with a caveat (no publication date); by default
    such remarks go to the ``talentflow.ingest`` logger. ``policy`` sets timeouts, retries
    and size limits for URLs and the pages feeds link to. ``feeds`` (URLs or
    files) are read after ``items``, every one of them, entry by entry.
    """
    warn = warn or _log_warning
    if max_bytes != policy.max_bytes and policy.max_bytes == DEFAULT_MAX_BYTES:
        policy = replace(policy, max_bytes=max_bytes)  # --max-bytes covers URLs and feeds
    for item in items:
        for result in _read_item(item, publication_date, lang, max_bytes, policy):
            if isinstance(result, Article):
                result = _checked(result, check_language, warn)
            yield result
    for feed in feeds:
        for result in read_feed(feed, policy=policy, lang=lang,
                                publication_date=publication_date):
            if isinstance(result, Article):
                result = _checked(result, check_language, warn)
            yield result


def _checked(article: Article, check_language: bool, warn: Warn) -> ReadResult:
    if check_language:
        try:
            article = ensure_language(article)
        except TalentflowError as error:
            return Skipped.of(error, article.source or article.id)
    if not article.date:
        warn(article.source or article.id, NO_DATE_WARNING)
    return article


def _read_item(item: str, publication_date: str | None, lang: str | None, max_bytes: int,
               policy: FetchPolicy) -> Iterator[ReadResult]:
    if is_url(item):
        try:
            yield read_url(item, publication_date=publication_date, lang=lang, policy=policy)
        except TalentflowError as error:
            yield Skipped.of(error, item)
        return
    try:
        paths = expand_paths(item)
    except TalentflowError as error:
        yield Skipped.of(error, item)
        return
    explicit = len(paths) == 1 and Path(item) == paths[0]
    for path in paths:
        if isinstance(path, TalentflowError):  # a folder or entry that cannot be read
            yield Skipped.of(path)
            continue
        yield from read_path(path, publication_date=publication_date, lang=lang,
                             max_bytes=max_bytes, explicit=explicit, policy=policy)
