"""Ingest: report files, HTML pages and JSONL batches in, cleaned ``Article`` records out.

    read_inputs(paths)      files / directories -> Article | Rejected (never raises)
    article_from_text(...)  plain text or Markdown -> Article
    article_from_html(...)  HTML (trafilatura, then fallbacks) -> Article
    article_from_record(..) one JSON report object -> Article
    article_from_jsonl_line one JSONL line -> Article | Rejected | None (blank)
    clean_report(text)      the cleaning step alone: body text, metadata, dropped parts
    parse_date(value)       a publication date, or InvalidDateError

``Article.text`` is final: paragraphs separated by one blank line, single spaces, no
Markdown; every character offset downstream points into it. ``Article.id`` is the first
16 hex characters of the SHA-256 of that text (or the JSONL record's ``id``), so the
same report ingested twice gets the same id.

Publication date precedence: a JSONL/JSON record's own ``published`` > the
``published`` argument (the CLI's ``--published``) > a date found in the report
(dateline, byline, HTML metadata).
"""

from frontlines.ingest.articles import article_from_html, article_from_text, article_id
from frontlines.ingest.clean import CleanedReport, clean_report
from frontlines.ingest.metadata import parse_date
from frontlines.ingest.readers import (
    FORMATS,
    article_from_jsonl_line,
    article_from_record,
    read_inputs,
    sniff_format,
)

__all__ = [
    "FORMATS",
    "CleanedReport",
    "article_from_html",
    "article_from_jsonl_line",
    "article_from_record",
    "article_from_text",
    "article_id",
    "clean_report",
    "parse_date",
    "read_inputs",
    "sniff_format",
]
