"""Articles from local files: plain text, HTML and articles JSONL (streamed line by line)."""
from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from talentflow.core.errors import (EncodingError, InputTooLargeError, MalformedRecordError,
                                    TalentflowError, UnreadableInputError, UsageError)
from talentflow.core.models import Article
from talentflow.ingest.decode import decode_text, normalize_newlines
from talentflow.ingest.fetch import megabytes
from talentflow.ingest.html import html_to_article
from talentflow.ingest.records import Skipped

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES


def expand_paths(item: str) -> list[Path | UnreadableInputError]:
    """The files an item names: itself, or a directory's files with a known extension,
    sorted. Folders that cannot be listed and entries that are not regular files (FIFOs,
    devices behind a symlink) come first as errors: lost input must be reported."""
    path = Path(item)
    if path.is_dir():
        return _walk(path)
    if path.exists() or path.is_symlink():
        return [path]
    raise UsageError("no such file or directory", item=item,
                     hint="give files, directories or http(s) URLs")


def _walk(root: Path) -> list[Path | UnreadableInputError]:
    problems: list[UnreadableInputError] = []
    files: list[Path] = []

    def unreadable(error: OSError) -> None:
        problems.append(UnreadableInputError(
            f"cannot read the folder: {error.strerror or error}", item=error.filename or str(root),
            hint="check its permissions; the rest of the input was read"))

    for folder, dirs, names in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if name.startswith(".") or Path(name).suffix.lower() not in KNOWN_SUFFIXES:
                continue
            candidate = Path(folder) / name
            try:
                regular = stat.S_ISREG(candidate.stat().st_mode)
            except OSError as error:  # a dangling symlink, a file removed meanwhile
                problems.append(UnreadableInputError(
                    f"cannot read: {error.strerror or error}", item=str(candidate)))
                continue
            if regular:
                files.append(candidate)
            else:
                problems.append(_not_regular(candidate))
    return [*sorted(problems, key=lambda e: e.item or ""), *sorted(files)]


def _not_regular(path: Path) -> UnreadableInputError:
    return UnreadableInputError("not a regular file (a FIFO, device or socket)", item=str(path),
                                hint="talentflow reads only regular files")


def read_capped(path: Path, max_bytes: int) -> bytes:
    """A regular file's bytes, at most ``max_bytes`` of them read: a FIFO would hang and
    a symlink to /dev/zero would fill memory, and a file may grow after it was sized."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise UnreadableInputError(f"cannot read: {error.strerror or error}",
                                   item=str(path)) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(path)
        _refuse_size(info.st_size, max_bytes, path)
        data = handle.read(max_bytes + 1)
    _refuse_size(len(data), max_bytes, path)
    return data


def _refuse_size(size: int, max_bytes: int, path: Path) -> None:
    if size > max_bytes:
        raise InputTooLargeError(f"the file is {megabytes(size)}, over the "
                                 f"{megabytes(max_bytes)} limit", item=str(path),
                                 hint="split it, or raise the limit with --max-bytes")


def check_size(path: Path, max_bytes: int) -> None:
    _refuse_size(path.stat().st_size, max_bytes, path)


def read_text_file(path: Path, *, publication_date: str | None = None,
                   lang: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """A .txt article: its id is the path as given, its title the first non-empty line."""
    text = decode_text(read_capped(path, max_bytes), str(path))
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return Article(id=str(path), text=text, lang=lang, date=publication_date, title=title,
                   source=str(path), date_source="user" if publication_date else None)


def read_html_file(path: Path, *, publication_date: str | None = None,
                   lang: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """A saved web page; offsets index the extracted main text, not the markup."""
    data = read_capped(path, max_bytes)
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
    date_source = ("metadata" if row.get("date") else "user") if date else None
    return Article(id=str(row.get("id") or item), text=normalize_newlines(text),
                   lang=_optional_text(row, "lang", item) or lang,
                   date=str(date) if date else None, title=_optional_text(row, "title", item),
                   url=_optional_text(row, "url", item) or None, source=item,
                   date_source=date_source)


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
    for number, raw, size in _lines(path, max_bytes):
        item = f"{path}:{number}"
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]  # a BOM some editors write; json.loads refuses it
        try:
            if size > max_bytes:
                raise InputTooLargeError(f"the line is {megabytes(size)}, over the "
                                         f"{megabytes(max_bytes)} limit", item=item)
            if not raw.strip():
                continue
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


def _lines(path: Path, max_bytes: int) -> Iterator[tuple[int, bytes, int]]:
    """(number, line, size) of a file; a line over ``max_bytes`` is read through in
    pieces and yielded empty with its size, so one runaway line never fills memory.

    A named pipe given explicitly is read as a stream (a corpus piped in line by line);
    devices are refused: /dev/zero has no lines at all."""
    try:
        # A pipe is opened blocking, to wait for its writer (non-blocking, it would read
        # as empty until one comes); anything else non-blocking, so open never hangs.
        pipe = stat.S_ISFIFO(os.stat(path).st_mode)
        fd = os.open(path, os.O_RDONLY | (0 if pipe else getattr(os, "O_NONBLOCK", 0)))
    except OSError as error:
        raise UnreadableInputError(f"cannot read: {error.strerror or error}",
                                   item=str(path)) from None
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise _not_regular(path)
        number = 0
        while True:
            raw = handle.readline(max_bytes + 1)
            if not raw:
                return
            number += 1
            size = len(raw)
            if size > max_bytes and not raw.endswith(b"\n"):
                while True:  # the rest of the oversized line, discarded piece by piece
                    more = handle.readline(1 << 20)
                    size += len(more)
                    if not more or more.endswith(b"\n"):
                        break
                raw = b""
            yield number, raw, size
