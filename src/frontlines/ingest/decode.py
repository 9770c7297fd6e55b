"""Bytes to text, refusing what is not text.

Order of decisions, each one a named error:

1. a byte-order mark decides the encoding (UTF-8, UTF-16, UTF-32);
2. known binary signatures (PDF, ZIP/DOCX, gzip, images), NUL bytes or many control
   characters -> ``BinaryInputError``;
3. UTF-8;
4. Windows-1252 (a superset of Latin-1 for printable text), but only if every byte
   decodes and the result is mostly ASCII letters: that is Western European text
   saved by an old editor. Bytes of another legacy encoding (KOI8-R, Shift-JIS...) would
   also "decode" as Windows-1252, into mojibake; the ASCII share tells them apart;
5. otherwise ``EncodingError`` naming the encodings tried.

Empty or whitespace-only text -> ``EmptyInputError``.
"""

from __future__ import annotations

import codecs
import re

from frontlines.errors import BinaryInputError, EmptyInputError, EncodingError

# How many leading bytes the binary sniffing looks at.
SNIFF_BYTES = 8192
# Control characters (other than tab, newline, carriage return, form feed, escape) in
# real text are rare; above this share of the sniffed bytes the input is binary.
MAX_CONTROL_RATIO = 0.05
# Windows-1252 fallback: at least this share of the letters must be ASCII. French or
# German text is > 90 % ASCII letters; Cyrillic or Greek read as cp1252 is < 10 %.
MIN_ASCII_LETTER_RATIO = 0.7

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/ODT/EPUB)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def sniff_binary(data: bytes) -> str | None:
    """Why ``data`` looks binary, or None if it may be text (BOM-marked text is text)."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return f"binary file ({kind}), not a text report"
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return "binary file (contains NUL bytes), not a text report"
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if head and controls / len(head) > MAX_CONTROL_RATIO:
        return f"binary file ({controls} control bytes in the first {len(head)}), not text"
    return None


def _ascii_letter_ratio(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    return sum(1 for ch in letters if ch.isascii()) / len(letters)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (``<meta charset=...>``)."""
    match = _META_CHARSET.search(data[:SNIFF_BYTES])
    if not match:
        return None
    name = match.group(1).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, source: str, declared: str | None = None) -> str:
    """Text of a report file; raises an InputError subclass naming ``source``.

    ``declared`` is an encoding the file itself names (an HTML meta charset): tried
    after UTF-8 and before the Windows-1252 guess.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"starts with a {encoding} byte-order mark but does not decode: {exc.reason}",
                    source=source,
                ) from exc
            return _non_empty(text, source)
    reason = sniff_binary(data)
    if reason:
        raise BinaryInputError(reason, source=source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        if declared and declared not in ("utf-8", "utf_8"):
            try:
                return _non_empty(data.decode(declared), source)
            except UnicodeDecodeError:
                pass  # the declaration lies; fall through to the Windows-1252 guess
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = ""
        if not text or _ascii_letter_ratio(text) < MIN_ASCII_LETTER_RATIO:
            raise EncodingError(
                f"not UTF-8 (bad byte at offset {utf8_error.start}), nor UTF-16/32 with a "
                "byte-order mark, nor plausible Windows-1252 text; re-save it as UTF-8",
                source=source,
            ) from None
    return _non_empty(text, source)


def _non_empty(text: str, source: str) -> str:
    if not text.strip():
        raise EmptyInputError("empty input (no text)", source=source)
    return text
