"""Articles from local files: plain text, HTML and articles JSONL (streamed line by line)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from talentflow.core.errors import (EncodingError, InputTooLargeError, MalformedRecordError,
                                    TalentflowError, UsageError)
from talentflow.core.models import Article
from talentflow.ingest.decode import decode_text, normalize_newlines
from talentflow.ingest.html import html_to_article
from talentflow.ingest.records import Skipped

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES


def expand_paths(item: str) -> list[Path]:
    """The files an item names: itself, or a directory's readable files, sorted."""
    path = Path(item)
    if path.is_dir():
        return sorted(p for p in path.rglob("*")
                      if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES
                      and not any(part.startswith(".") for part in p.relative_to(path).parts))
    if path.exists():
        return [path]
    raise UsageError("no such file or directory", item=item,
                     hint="give files, directories or http(s) URLs")


def check_size(path: Path, max_bytes: int) -> None:
    size = path.stat().st_size
    if size > max_bytes:
        raise InputTooLargeError(f"the file is {size / 1e6:.1f} MB, over the "
                                 f"{max_bytes / 1e6:.0f} MB limit", item=str(path),
                                 hint="split it, or raise the limit with --max-bytes")


def read_text_file(path: Path, *, publication_date: str | None = None,
                   lang: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """A .txt article: its id is the path as given, its title the first non-empty line."""
    check_size(path, max_bytes)
    text = decode_text(path.read_bytes(), str(path))
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return Article(id=str(path), text=text, lang=lang, date=publication_date, title=title,
                   source=str(path))


def read_html_file(path: Path, *, publication_date: str | None = None,
                   lang: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """A saved web page; offsets index the extracted main text, not the markup."""
    check_size(path, max_bytes)
    data = path.read_bytes()
    try:
        html: str | bytes = decode_text(data, str(path))
    except EncodingError:
        # Saved pages are often windows-1252 with a <meta charset>: trafilatura reads it.
        html = data
    return html_to_article(html, item=str(path), article_id=str(path),
                           publication_date=publication_date, lang=lang)


def article_from_record(row: object, item: str, *, publication_date: str | None = None,
                        lang: str | None = None) -> Article:
    """One articles-JSONL record (id, lang, date, title, url, text) as an Article."""
    if not isinstance(row, dict):
        raise MalformedRecordError(f"expected a JSON object, got {type(row).__name__}",
                                   item=item)
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise MalformedRecordError("the record has no 'text'", item=item,
                                   hint="each line needs a non-empty \"text\" field")
    date = row.get("date") or publication_date
    return Article(id=str(row.get("id") or item), text=normalize_newlines(text),
                   lang=_optional_text(row, "lang", item) or lang,
                   date=str(date) if date else None, title=_optional_text(row, "title", item),
                   url=_optional_text(row, "url", item) or None, source=item)


def _optional_text(row: dict, key: str, item: str) -> str | None:
    """A field later code treats as a string: absent or null is None, a number or list
    is a malformed record (it would fail far from the line that caused it)."""
    value = row.get(key)
    if value is None or isinstance(value, str):
        return value
    raise MalformedRecordError(f"the record's {key!r} is a {type(value).__name__}, "
                               "not a string", item=item)


def iter_jsonl(path: Path, *, publication_date: str | None = None, lang: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Skipped]:
    """Stream a JSONL file; each bad line is skipped with its ``file:line`` and a reason.

    ``max_bytes`` bounds one line (one article), not the file: corpora can be large.
    """
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            item = f"{path}:{number}"
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]  # a BOM some editors write; json.loads refuses it
            if not raw.strip():
                continue
            try:
                if len(raw) > max_bytes:
                    raise InputTooLargeError(f"the line is {len(raw) / 1e6:.1f} MB, over the "
                                             f"{max_bytes / 1e6:.0f} MB limit", item=item)
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as error:
                    raise MalformedRecordError(f"not valid UTF-8 at byte {error.start}",
                                               item=item) from None
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as error:
                    raise MalformedRecordError(f"not JSON: {error.msg} (column {error.colno})",
                                               item=item) from None
                yield article_from_record(row, item, publication_date=publication_date,
                                          lang=lang)
            except TalentflowError as error:
                yield Skipped.of(error, item)
