"""Build ``Article`` records from report text or HTML.

Metadata precedence (documented in the README of the stage, tested):

* ``published``: an explicit argument (the CLI's ``--published``) wins over a date found
  in the text or the page metadata: the user said so. Readers pass the JSONL record's
  own ``published`` as the explicit argument, so a record's date wins over the CLI's.
* ``source``: names the outlet (``Article.publisher``) only when the report does not:
  a dateline ("Global Research, May 15, 2017") or an HTML site name wins.
* ``title``: an explicit title wins over the first heading.
"""

from __future__ import annotations

import hashlib
from datetime import date

from frontlines.errors import EmptyInputError, MalformedInputError
from frontlines.ingest.clean import CleanedReport, clean_report
from frontlines.ingest.decode import declared_charset, decode_bytes
from frontlines.ingest.html import extract_html
from frontlines.model import Article

ID_HEX_CHARS = 16


def article_id(text: str) -> str:
    """Stable id of a cleaned text: the same report ingested twice gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:ID_HEX_CHARS]


def _build(
    cleaned: CleanedReport,
    *,
    published: date | None,
    source: str | None,
    url: str | None,
    article_id_: str | None,
    input_format: str,
    path: str | None,
    title: str | None,
    label: str,
) -> Article:
    if not cleaned.text:
        raise EmptyInputError("no report text left after removing boilerplate", source=label)
    return Article(
        id=article_id_ or article_id(cleaned.text),
        text=cleaned.text,
        title=title or cleaned.title,
        author=cleaned.author,
        publisher=cleaned.publisher or source,
        original_source=cleaned.original_source,
        published=published or cleaned.published,
        url=url,
        path=path,
        tags=cleaned.tags,
        input_format=input_format,
        dateline_name=cleaned.dateline_name if cleaned.publisher else None,
    )


def article_from_text(
    text: str,
    *,
    published: date | None = None,
    source: str | None = None,
    url: str | None = None,
    article_id: str | None = None,
    input_format: str = "text",
    path: str | None = None,
    title: str | None = None,
) -> Article:
    """Clean a report given as plain text or Markdown into an Article.

    Raises ``EmptyInputError`` when nothing but whitespace or boilerplate is left.
    """
    label = path or url or "<text>"
    if not text.strip():
        raise EmptyInputError("empty input (no text)", source=label)
    return _build(
        clean_report(text),
        published=published,
        source=source,
        url=url,
        article_id_=article_id,
        input_format=input_format,
        path=path,
        title=title,
        label=label,
    )


def article_from_html(
    html: str | bytes,
    *,
    published: date | None = None,
    source: str | None = None,
    url: str | None = None,
    article_id: str | None = None,
    input_format: str = "html",
    path: str | None = None,
    title: str | None = None,
) -> Article:
    """Extract the main text of an HTML page (trafilatura), clean it into an Article.

    Page metadata (title, author, date, site name, tags) fills what the text lacks.
    Raises ``MalformedInputError`` when the page yields no readable text.
    """
    label = path or url or "<html>"
    if isinstance(html, bytes):
        markup = decode_bytes(html, source=label, declared=declared_charset(html))
    else:
        markup = html
    if not markup.strip():
        raise EmptyInputError("empty input (no HTML)", source=label)
    page = extract_html(markup, url=url, source=label)
    cleaned = clean_report(page.text)
    if not cleaned.text:
        raise MalformedInputError(
            "no report text in the HTML page once navigation and boilerplate are removed",
            source=label,
        )
    # Page metadata comes from <meta> and structured data: more reliable than lines of
    # the extracted text, so it wins; the text fills the gaps.
    merged = CleanedReport(
        text=cleaned.text,
        title=page.title or cleaned.title,
        author=page.author or cleaned.author,
        publisher=page.sitename or cleaned.publisher,
        published=page.published or cleaned.published,
        original_source=cleaned.original_source,
        tags=tuple(dict.fromkeys((*page.tags, *cleaned.tags))),
        dropped=cleaned.dropped,
    )
    return _build(
        merged,
        published=published,
        source=source,
        url=url or page.url,
        article_id_=article_id,
        input_format=input_format,
        path=path,
        title=title,
        label=label,
    )
