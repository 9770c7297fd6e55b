"""Read report files and directories into Articles; a bad input becomes a Rejected record.

Formats by extension (anything else, or no extension, is sniffed from the content):

    .txt .text               plain text            -> article_from_text
    .md .markdown            Markdown              -> article_from_text
    .html .htm .xhtml        HTML                  -> article_from_html
    .jsonl .ndjson           one JSON report per line
    .json                    one JSON report, or a list of them

A JSON report: ``{"id", "text", "published", "source", "url", "title"}``, only ``text``
required (``html`` may stand in for it). Rejected inputs are labelled ``file.jsonl:LINE``
(1-based) and ``file.json[INDEX]`` (0-based), and the other records go on.

Directories are walked recursively in sorted order, skipping hidden files and folders;
inside a directory only files with a known extension or none are read, so stray
images or spreadsheets are skipped rather than rejected. A file named explicitly is
always read (its content sniffed if the extension is unknown).

The size limit (``Settings.max_input_bytes``) applies to each file before it is read,
and, for JSONL, which is streamed, to each line instead of the whole file.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from frontlines.config import Settings, load_settings
from frontlines.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    FrontlinesError,
    InputError,
    InputTooLargeError,
    InvalidDateError,
    MalformedInputError,
)
from frontlines.ingest.articles import article_from_html, article_from_text
from frontlines.ingest.decode import SNIFF_BYTES, decode_bytes, sniff_binary
from frontlines.ingest.metadata import parse_date
from frontlines.model import Article, Rejected

FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|div|p|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_MARKDOWN_HINT = re.compile(r"^\s{0,3}#{1,6}\s|\]\(", re.MULTILINE)
# Lines of a too-long JSONL record are skipped in chunks of this size.
_SKIP_CHUNK = 1 << 20


def read_inputs(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    settings: Settings | None = None,
) -> Iterator[Article | Rejected]:
    """Articles from files and directories, with a Rejected record for each bad input.

    Never raises for a bad input. ``published`` fills (and, for text and HTML, overrides)
    the publication date; a JSONL record's own ``published`` wins over it.
    """
    settings = settings or load_settings()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                yield from _read_file(file, published=published, settings=settings)
        elif path.exists():
            yield from _read_file(path, published=published, settings=settings)
        else:
            yield Rejected(str(given), "no such file or directory", InputError.code)


def _walk(directory: Path) -> Iterator[Path]:
    """Files under ``directory`` in sorted path order (a folder's files interleave with
    its subfolders by name), hidden entries skipped, symlinked folders not followed."""
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif entry.is_file() and (path.suffix.lower() in FORMATS or not path.suffix):
            yield path


def _rejected(label: str, error: FrontlinesError) -> Rejected:
    return Rejected(label, error.message, error.code)


def _read_bytes(path: Path, limit: int) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise InputTooLargeError(
            f"file is {size:,} bytes, over the limit of {limit:,} (setting max_input_bytes)",
            source=str(path),
        )
    with path.open("rb") as handle:
        return handle.read(limit + 1)


def _read_file(
    path: Path, *, published: date | None, settings: Settings
) -> Iterator[Article | Rejected]:
    label = str(path)
    fmt = FORMATS.get(path.suffix.lower())
    try:
        if fmt == "jsonl":
            with path.open("rb") as handle:
                reason = sniff_binary(handle.read(SNIFF_BYTES))
                if reason:
                    yield Rejected(label, reason, BinaryInputError.code)
                    return
                handle.seek(0)
                yield from _read_jsonl(handle, label, published, settings.max_input_bytes)
            return
        data = _read_bytes(path, settings.max_input_bytes)
        if fmt == "html":
            yield article_from_html(data, published=published, path=label)
            return
        text = decode_bytes(data, source=label)
        fmt = fmt or sniff_format(text)
        if fmt == "jsonl":
            yield from _jsonl_lines(
                enumerate(text.encode("utf-8").splitlines(), start=1), label, published
            )
        elif fmt == "json":
            yield from _read_json(text, label, published)
        elif fmt == "html":
            yield article_from_html(text, published=published, path=label)
        else:
            yield article_from_text(text, published=published, path=label, input_format=fmt)
    except FrontlinesError as exc:
        yield _rejected(label, exc)
    except OSError as exc:
        yield Rejected(label, f"cannot read: {exc.strerror or exc}", InputError.code)


def sniff_format(text: str) -> str:
    """Format of a report whose file extension says nothing: json, jsonl, html, markdown
    or text."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            json.loads(stripped)
        except json.JSONDecodeError:
            pass
        else:
            return "json"
    if stripped.startswith("{"):
        first_line = stripped.split("\n", 1)[0]
        try:
            json.loads(first_line)
        except json.JSONDecodeError:
            try:
                json.loads(stripped)
            except json.JSONDecodeError:
                return "text"
            return "json"
        return "jsonl"
    if _HTML_START.match(text):
        return "html"
    return "markdown" if _MARKDOWN_HINT.search(text) else "text"


def _read_jsonl(
    handle: IO[bytes], label: str, published: date | None, limit: int
) -> Iterator[Article | Rejected]:
    def lines() -> Iterator[tuple[int, bytes | None]]:
        number = 0
        while line := handle.readline(limit + 1):
            number += 1
            if len(line) > limit and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):
                    line = handle.readline(_SKIP_CHUNK)
                yield number, None
                continue
            yield number, line

    yield from _jsonl_lines(lines(), label, published, limit=limit)


def _jsonl_lines(
    lines: Iterable[tuple[int, bytes | None]],
    label: str,
    published: date | None,
    *,
    limit: int = 0,
) -> Iterator[Article | Rejected]:
    for number, line in lines:
        where = f"{label}:{number}"
        if line is None:
            yield Rejected(
                where,
                f"line is over the limit of {limit:,} bytes (setting max_input_bytes)",
                InputTooLargeError.code,
            )
            continue
        item = article_from_jsonl_line(line, where=where, published=published, bom=number == 1)
        if item is not None:
            yield item


def article_from_jsonl_line(
    line: bytes, *, where: str, published: date | None = None, bom: bool = False
) -> Article | Rejected | None:
    """One line of a JSONL batch: an Article, the Rejected record saying why not, or
    None for a blank line. ``bom``: the file's first line may start with a BOM."""
    if not line.strip():
        return None
    try:
        try:
            text = line.decode("utf-8-sig" if bom else "utf-8")
        except UnicodeDecodeError as exc:
            raise EncodingError(f"line is not UTF-8: {exc.reason}", source=where) from exc
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            raise MalformedInputError(
                f"line is not valid JSON ({exc.msg}, column {exc.colno})", source=where
            ) from exc
        return article_from_record(record, where=where, published=published, fmt="jsonl")
    except FrontlinesError as exc:
        return _rejected(where, exc)


def _read_json(text: str, label: str, published: date | None) -> Iterator[Article | Rejected]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedInputError(
            f"not valid JSON ({exc.msg}, line {exc.lineno}, column {exc.colno})", source=label
        ) from exc
    if isinstance(data, dict):
        yield article_from_record(data, where=label, published=published, fmt="json")
        return
    if not isinstance(data, list):
        raise MalformedInputError(
            f"JSON holds a {type(data).__name__}; expected a report object or a list of them",
            source=label,
        )
    for index, item in enumerate(data):
        where = f"{label}[{index}]"
        try:
            yield article_from_record(item, where=where, published=published, fmt="json")
        except FrontlinesError as exc:
            yield _rejected(where, exc)


def _optional_str(
    record: dict[str, Any], key: str, where: str, *, numbers: bool = False
) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    allowed = (str, int) if numbers else (str,)
    if isinstance(value, bool) or not isinstance(value, allowed):
        raise MalformedInputError(
            f"field {key!r} must be a string, not {type(value).__name__}", source=where
        )
    return str(value).strip() or None


def article_from_record(
    record: Any, *, where: str, published: date | None = None, fmt: str = "jsonl"
) -> Article:
    """An Article from one JSON report object; ``where`` labels it in errors and as
    ``Article.path``. The record's own ``published`` wins over the ``published`` given."""
    if not isinstance(record, dict):
        raise MalformedInputError(
            f"expected a JSON object, got {type(record).__name__}", source=where
        )
    text = _optional_str(record, "text", where)
    markup = _optional_str(record, "html", where)
    if text is None and markup is None:
        if isinstance(record.get("text"), str):
            raise EmptyInputError("field 'text' is empty", source=where)
        raise MalformedInputError("missing required field 'text'", source=where)
    raw_date = record.get("published")
    if raw_date is not None and not isinstance(raw_date, str):
        raise InvalidDateError(
            f"field 'published' must be a 'YYYY-MM-DD' string, not {raw_date!r}", source=where
        )
    own_date = parse_date(raw_date, source=where) if raw_date else None
    options: dict[str, Any] = {
        "published": own_date or published,
        "source": _optional_str(record, "source", where),
        "url": _optional_str(record, "url", where),
        "article_id": _optional_str(record, "id", where, numbers=True),
        "title": _optional_str(record, "title", where),
        "input_format": fmt,
        "path": where,
    }
    if text is not None:
        return article_from_text(text, **options)
    assert markup is not None
    return article_from_html(markup, **options)
