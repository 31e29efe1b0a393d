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


def utf16_encoding(data: bytes) -> str | None:
    """"utf-16" (with a BOM), "utf-16-le" or "-be" when the bytes are UTF-16 text, else
    None. Windows tools write UTF-16; its NUL bytes would otherwise read as binary."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        head = head[:len(head) - len(head) % 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    # Latin text in UTF-16: one byte of each pair is almost always NUL, the other almost never.
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode_text(data: bytes, item: str) -> str:
    """Strict UTF-8 (a BOM is dropped) or UTF-16 (told by its BOM or its NUL bytes);
    empty, binary and undecodable input raise errors that name ``item`` and, for bad
    encodings, the byte offset."""
    if not data.strip():
        raise EmptyInputError("the file is empty", item=item,
                              hint="give a file that holds an article's text")
    utf16 = utf16_encoding(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as error:
            raise EncodingError(f"not valid UTF-16 (byte offset {error.start})", item=item,
                                hint="convert the file to UTF-8, e.g. iconv -f utf-16 -t "
                                     "utf-8") from None
        if not text.strip():
            raise EmptyInputError("the file is empty", item=item)
        return normalize_newlines(text.removeprefix("\ufeff"))
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
