"""Main text and metadata of an HTML page: trafilatura first, fallbacks after.

    trafilatura.bare_extraction  main content + metadata (comments and tables left out)
      -> trafilatura.baseline    when the main extraction finds nothing (short pages)
      -> trafilatura.html2txt    all visible text, the last resort
      -> MalformedInputError     no readable text at all

The text comes back one paragraph per line; it is then cleaned like any other report
(``clean.py``), which removes what trafilatura kept of donation appeals and footers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from frontlines.errors import MalformedInputError
from frontlines.ingest.metadata import try_date

_DOCUMENT = re.compile(r"<(?:html|body)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """What trafilatura read from a page, with Markdown-ready text."""

    text: str
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    published: date | None = None
    tags: tuple[str, ...] = ()
    url: str | None = None


def _readable(text: str | None) -> bool:
    """At least one word of two letters: '<<<>>>' from a broken page is not text."""
    if not text:
        return False
    return any(sum(ch.isalpha() for ch in word) >= 2 for word in text.split())


def _paragraphs(text: str, title: str | None) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # trafilatura repeats the <h1> as the first line; the title is metadata, not body.
    if lines and title and lines[0].casefold() == title.casefold():
        lines.pop(0)
    # One paragraph per line, separated by blank lines so the cleaner sees paragraphs.
    return "\n\n".join(lines)


def _text_or_none(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _tags(document: Any) -> tuple[str, ...]:
    values: list[str] = []
    for field_name in ("categories", "tags"):
        for value in getattr(document, field_name, None) or ():
            text = _text_or_none(value)
            if text and text not in values:
                values.append(text)
    return tuple(values)


def extract_html(markup: str, *, url: str | None, source: str) -> HtmlPage:
    """Main text and metadata of ``markup``; raises MalformedInputError if none."""
    import trafilatura  # imported late: only HTML inputs pay for it

    if not _DOCUMENT.search(markup):
        # A fragment ("<p>...</p>"): lxml, hence trafilatura, wants a whole document.
        markup = f"<html><body>{markup}</body></html>"
    document = trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
    )
    text = getattr(document, "text", None) if document is not None else None
    if not _readable(text):
        text = trafilatura.baseline(markup)[1]
    if not _readable(text):
        text = trafilatura.html2txt(markup)
    if not _readable(text):
        message = "no readable text in the HTML (broken or empty page)"
        raise MalformedInputError(message, source=source)
    assert text is not None
    if document is None:
        document = trafilatura.extract_metadata(markup, default_url=url)
    title = _text_or_none(getattr(document, "title", None))
    raw_date = _text_or_none(getattr(document, "date", None))
    return HtmlPage(
        text=_paragraphs(text, title),
        title=title,
        author=_text_or_none(getattr(document, "author", None)),
        sitename=_text_or_none(getattr(document, "sitename", None)),
        published=try_date(raw_date) if raw_date else None,
        tags=_tags(document),
        url=_text_or_none(getattr(document, "url", None)) or url,
    )
