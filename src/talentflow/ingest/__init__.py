"""Reading inputs into Articles: text, HTML, articles JSONL, RSS/Atom feeds and URLs.

``read_inputs`` streams Articles and ``Skipped`` records (an item that produced no
article, with the reason); one bad item never stops the others.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from talentflow.core.errors import TalentflowError, UsageError
from talentflow.core.models import Article
from talentflow.ingest.feed import is_url, read_feed
from talentflow.ingest.fetch import FetchPolicy, fetch
from talentflow.ingest.files import (DEFAULT_MAX_BYTES, FEED_SUFFIXES, HTML_SUFFIXES,
                                     JSONL_SUFFIXES, TEXT_SUFFIXES, expand_paths, iter_jsonl,
                                     read_html_file, read_text_file)
from talentflow.ingest.html import html_to_article
from talentflow.ingest.language import ensure_language
from talentflow.ingest.records import Skipped

__all__ = ["Skipped", "read_inputs", "read_feed", "read_path", "read_url", "ensure_language"]

ReadResult = Article | Skipped


def read_url(url: str, *, publication_date: str | None = None, lang: str | None = None,
             policy: FetchPolicy = FetchPolicy()) -> Article:
    page = fetch(url, policy=policy)
    return html_to_article(page.text(), item=url, url=page.url, article_id=url,
                           publication_date=publication_date, lang=lang)


def read_path(path: Path, *, publication_date: str | None = None, lang: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES, explicit: bool = True
              ) -> Iterator[ReadResult]:
    suffix = path.suffix.lower()
    options = {"publication_date": publication_date, "lang": lang, "max_bytes": max_bytes}
    try:
        if suffix in JSONL_SUFFIXES:
            yield from iter_jsonl(path, **options)
        elif suffix in HTML_SUFFIXES:
            yield read_html_file(path, **options)
        elif suffix in FEED_SUFFIXES:
            yield from read_feed(str(path), lang=lang)
        elif suffix in TEXT_SUFFIXES or explicit:
            # A file named explicitly is read as text whatever its name: the user chose it.
            yield read_text_file(path, **options)
    except TalentflowError as error:
        yield Skipped.of(error, str(path))
    except OSError as error:
        yield Skipped(str(path), f"cannot read: {error.strerror}",
                      UsageError(f"cannot read: {error.strerror}", item=str(path)))


def read_inputs(items: Iterable[str], *, publication_date: str | None = None,
                lang: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                detect_language: bool = True) -> Iterator[ReadResult]:
    """Articles of files, directories (recursive, sorted) and http(s) URLs, in order.

    With ``detect_language`` each article's ``lang`` is checked (declared languages are
    hints); an article in neither French nor English becomes a Skipped record.
    """
    for item in items:
        for result in _read_item(item, publication_date, lang, max_bytes):
            if detect_language and isinstance(result, Article):
                try:
                    result = ensure_language(result)
                except TalentflowError as error:
                    result = Skipped.of(error, result.source or result.id)
            yield result


def _read_item(item: str, publication_date, lang, max_bytes) -> Iterator[ReadResult]:
    if is_url(item):
        try:
            yield read_url(item, publication_date=publication_date, lang=lang)
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
        yield from read_path(path, publication_date=publication_date, lang=lang,
                             max_bytes=max_bytes, explicit=explicit)
