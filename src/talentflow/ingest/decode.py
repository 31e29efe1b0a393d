"""Bytes to text, refusing what is not text instead of guessing.

Offsets of extracted facts index the text exactly as read, so decoding never alters
characters. The one normalisation is CRLF/CR to LF, done before any offset exists.
"""
from __future__ import annotations

from talentflow.core.errors import BinaryInputError, EmptyInputError, EncodingError

#: Control characters that do not occur in text files; a few of them mean binary data.
_BINARY_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(head.count(bytes([b])) for b in _BINARY_BYTES if b != 0x1b)
    return controls / len(head) > 0.05


def decode_text(data: bytes, item: str) -> str:
    """Strict UTF-8 (a BOM is dropped); empty, binary and non-UTF-8 input raise errors
    that name ``item`` and, for bad encodings, the byte offset."""
    if not data.strip():
        raise EmptyInputError("the file is empty", item=item,
                              hint="give a file that holds an article's text")
    if looks_binary(data):
        raise BinaryInputError("this looks like a binary file, not text", item=item,
                               hint="talentflow reads .txt, .html, .jsonl and RSS/Atom files")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EncodingError(f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset "
                            f"{error.start})", item=item,
                            hint="convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8") from None
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
