"""POSTed reports -> Articles -> the pipeline -> the store.

The body's Content-Type says how to read it, with the same readers ``frontlines
ingest`` uses for files:

    text/plain, text/markdown                 one report          article_from_text
    text/html, application/xhtml+xml          one HTML page       article_from_html
    application/x-ndjson, application/jsonl   one report a line   article_from_record
    application/json                          a report object or a list of them

Everything in a report is untrusted data: it is parsed, never executed or rendered,
and the records built from it reach SQL only as parameters. The pipeline is not
thread-safe, so one lock makes the server's writer single (SQLite wants one anyway).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import date
from functools import partial

from frontlines.config import Settings
from frontlines.errors import FrontlinesError, InputError, MalformedInputError
from frontlines.ingest import article_from_html, article_from_record, article_from_text
from frontlines.ingest.decode import decode_bytes
from frontlines.model import Article, Event, Rejected
from frontlines.server.errors import APIError
from frontlines.store import MergeUpdate, Store, open_store
from frontlines.store.url import parse_store_url

CONTENT_TYPES: dict[str, str] = {
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json": "json",
}


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """Metadata a client may give with a text or HTML report (query parameters)."""

    published: date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Stored:
    article: Article
    inserted: bool
    event_ids: tuple[str, ...]


def report_format(content_type: str | None) -> str:
    media = (content_type or "").split(";", 1)[0].strip().lower()
    fmt = CONTENT_TYPES.get(media)
    if fmt is None:
        accepted = ", ".join(CONTENT_TYPES)
        raise APIError(
            415, f"unsupported Content-Type {media or '(none)'!r}; use one of {accepted}"
        )
    return fmt


def read_reports(body: bytes, fmt: str, options: ReportOptions) -> Iterator[Article | Rejected]:
    """Articles from one request body; a bad record is a Rejected, the rest go on."""
    label = "<request>"
    if fmt == "html":
        yield _one(
            label,
            lambda: article_from_html(
                body,
                published=options.published,
                source=options.source,
                url=options.url,
                title=options.title,
                path=label,
            ),
        )
        return
    try:
        text = decode_bytes(body, source=label)
    except FrontlinesError as exc:
        yield Rejected(label, exc.message, exc.code)
        return
    if fmt in ("text", "markdown"):
        yield _one(
            label,
            lambda: article_from_text(
                text,
                published=options.published,
                source=options.source,
                url=options.url,
                title=options.title,
                path=label,
                input_format=fmt,
            ),
        )
    elif fmt == "jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                where = f"{label}:{number}"
                yield _one(where, partial(_record, line, where, options))
    else:
        yield from _json(text, label, options)


def _record(line: str, where: str, options: ReportOptions) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedInputError(f"not valid JSON ({exc.msg})", source=where) from exc
    return article_from_record(record, where=where, published=options.published, fmt="jsonl")


def _json(text: str, label: str, options: ReportOptions) -> Iterator[Article | Rejected]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Rejected(label, f"not valid JSON ({exc.msg})", MalformedInputError.code)
        return
    items = data if isinstance(data, list) else [data]
    for index, item in enumerate(items):
        where = f"{label}[{index}]" if isinstance(data, list) else label
        build = partial(
            article_from_record, item, where=where, published=options.published, fmt="json"
        )
        yield _one(where, build)


def _one(label: str, build: Callable[[], Article]) -> Article | Rejected:
    try:
        return build()
    except FrontlinesError as exc:
        return Rejected(label, exc.message, exc.code)


class ReportWriter:
    """Codes posted reports and saves them: the server's single writer.

    It writes through a connection of its own (opened on the first write): a re-merge
    reads every stored event and takes seconds on a large store, and on the readers'
    connection it would hold up every read meanwhile. SQLite in WAL mode and
    PostgreSQL let the readers go on during it. ``url`` is the store's URL with its
    password (``store.url`` has it masked); without it, or for an in-memory SQLite
    store (no second connection reaches it), the writer shares ``store``.
    """

    def __init__(
        self,
        settings: Settings,
        store: Store,
        on_write: Callable[[str, Sequence[Event]], None] | None = None,
        on_merge: Callable[[MergeUpdate], None] | None = None,
        guard: Callable[[], AbstractContextManager[None]] | None = None,
        url: str | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.on_write = on_write
        self.on_merge = on_merge
        self.guard = guard or nullcontext
        self._lock = threading.Lock()
        self._own: Store | None = None
        self._url = url

    def _store(self) -> Store:
        if self._own is None:
            if self._url is None or parse_store_url(self._url).in_memory:
                return self.store
            self._own = open_store(self._url, create=False)
        return self._own

    def close(self) -> None:
        with self._lock:
            if self._own is not None:
                self._own.close()
                self._own = None

    def write(self, items: list[Article | Rejected]) -> tuple[list[Stored], list[Rejected]]:
        from frontlines.pipeline import ArticleResult, default_pipeline

        stored: list[Stored] = []
        rejected = [item for item in items if isinstance(item, Rejected)]
        articles = [item for item in items if isinstance(item, Article)]
        if not articles:
            return stored, rejected
        with self._lock, self.guard():
            store = self._store()
            pipeline = default_pipeline(self.settings)
            for result in pipeline.run(articles):
                if isinstance(result, Rejected):
                    rejected.append(result)
                    continue
                assert isinstance(result, ArticleResult)
                saved = store.save(result.article, result.events)
                if self.on_write is not None:
                    # Before the response: the client must read its own write.
                    self.on_write(result.article.id, result.events)
                ids = tuple(e.event_id for e in result.events)
                stored.append(Stored(result.article, saved.inserted, ids))
            if stored:
                # As ``frontlines ingest`` does: each report saved on its own, then one
                # re-merge, so the merged events include these reports when we answer.
                update = store.remerge()
                if self.on_merge is not None:
                    self.on_merge(update)
        return stored, rejected


def no_reports_error(rejected: list[Rejected]) -> InputError:
    first = rejected[0] if rejected else Rejected("<request>", "no report in the body")
    more = f" (and {len(rejected) - 1} more)" if len(rejected) > 1 else ""
    error = InputError(f"{first.reason}{more}", source=first.input)
    error.code = first.code
    return error
