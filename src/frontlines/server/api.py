"""The HTTP API's routes, each a thin layer over the store, control and pipeline.

GET  /api/events              filtered, paginated events (merged=true: merged events)
GET  /api/events/{id}         one event or merged event, its sources and evidence
GET  /api/timeline            matching events per day (the map's date slider)
GET  /api/control             each settlement's controller on a date
GET  /api/articles            stored articles with their cleaned text, paginated
GET  /api/articles/{id}       one article
POST /api/reports             code and store reports (needs the write token)
GET  /api/health              liveness and the number of stored events
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from frontlines.config import Settings
from frontlines.merge import MergedEvent
from frontlines.model import Article, Event, Evidence
from frontlines.server import schemas
from frontlines.server.errors import APIError
from frontlines.server.queries import (
    EventFilter,
    EvidenceContext,
    day_counts,
    evidence_context,
    find_event,
    page_of_events,
    page_of_merged,
    parse_bbox,
)
from frontlines.server.reports import (
    ReportOptions,
    ReportWriter,
    no_reports_error,
    read_reports,
    report_format,
)
from frontlines.server.security import read_body_capped, require_read, require_write
from frontlines.server.snapshot import EventSnapshots, Snapshot
from frontlines.store import EventQuery, Store

MAX_PAGE = 500
DEFAULT_PAGE = 100
# Filter values are names and short phrases; anything longer is not a real filter.
MAX_FILTER_CHARS = 200

ERRORS: dict[int | str, dict[str, object]] = {
    status: {"model": schemas.ErrorBody} for status in (401, 403, 404, 413, 415, 422, 503)
}

reads = APIRouter(prefix="/api", dependencies=[Depends(require_read)], responses=ERRORS)
writes = APIRouter(prefix="/api", dependencies=[Depends(require_write)], responses=ERRORS)

Text = Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)]
Limit = Annotated[int, Query(ge=0, le=MAX_PAGE, description="page size")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="items to skip")]


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _snapshot(request: Request) -> Snapshot:
    snapshots: EventSnapshots = request.app.state.snapshots
    return snapshots.current()


def _next(offset: int, limit: int, count: int, total: int | None) -> int | None:
    if total is not None:
        return offset + limit if offset + limit < total else None
    return offset + limit if count == limit and limit > 0 else None


def event_filter(
    since: Annotated[date | None, Query(description="first day, inclusive")] = None,
    until: Annotated[date | None, Query(description="last day, inclusive")] = None,
    bbox: Annotated[
        str | None, Query(max_length=MAX_FILTER_CHARS, description="west,south,east,north")
    ] = None,
    country: Text = None,
    admin1: Text = None,
    type: Annotated[
        str | None,
        Query(max_length=MAX_FILTER_CHARS, description="event type or sub-event type"),
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=MAX_FILTER_CHARS, description="substring of an actor")
    ] = None,
    q: Annotated[
        str | None,
        Query(max_length=MAX_FILTER_CHARS, description="text in notes, place, actors, evidence"),
    ] = None,
    article_id: Text = None,
    merged: Annotated[
        bool,
        Query(description="merged events: one per happening, however many reports"),
    ] = False,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> EventFilter:
    if since and until and since > until:
        raise APIError(422, "since is after until")
    query = EventQuery(
        since=since,
        until=until,
        country=country or None,
        admin1=admin1 or None,
        event_type=type or None,
        actor=actor or None,
        article_id=article_id or None,
        limit=limit,
        offset=offset,
    )
    text = (q or "").strip() or None
    return EventFilter(query=query, bbox=parse_bbox(bbox), text=text, merged=merged)


Filter = Annotated[EventFilter, Depends(event_filter)]


@reads.get("/events", response_model=schemas.EventPage, summary="List and filter events")
def list_events(request: Request, flt: Filter) -> JSONResponse:
    snapshot = _snapshot(request)
    if flt.merged:
        happenings, total = page_of_merged(snapshot, flt)
        items = [_merged_out(m) for m in happenings]
    else:
        events, total = page_of_events(snapshot, flt)
        items = [_event_out(snapshot, e) for e in events]
    limit = flt.query.limit or 0
    offset = flt.query.offset
    # Returned as it is: re-validating up to 500 events against the response model
    # cost more than building them (the map page asks for 500 at a time). The tests
    # check the items have the schema's shape.
    return JSONResponse(
        {
            "items": items,
            "total": total,
            "limit": limit,
            "offset": offset,
            "next_offset": _next(offset, limit, len(items), total),
        }
    )


@reads.get("/timeline", response_model=schemas.Timeline, summary="Matching events per day")
def timeline(request: Request, flt: Filter) -> dict[str, object]:
    days, undated = day_counts(_snapshot(request), flt)
    return {
        "days": [{"date": d.isoformat(), "count": n} for d, n in days],
        "undated": undated,
    }


def _event_out(snapshot: Snapshot, event: Event) -> dict[str, object]:
    return event.to_dict() | {"merged_id": snapshot.merged_of.get(event.event_id)}


def _merged_out(merged: MergedEvent) -> dict[str, object]:
    return merged.event.to_dict() | {
        "member_ids": list(merged.member_ids),
        "conflicts": [c.to_dict() for c in merged.conflicts],
    }


def _source(article: Article) -> dict[str, object]:
    return {
        "article_id": article.id,
        "title": article.title,
        "publisher": article.publisher,
        "original_source": article.original_source,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
    }


@reads.get(
    "/events/{event_id}",
    response_model=schemas.EventDetail,
    summary="One event with its sources and evidence",
)
def get_event(request: Request, event_id: str) -> dict[str, object]:
    snapshot = _snapshot(request)
    found = find_event(snapshot, event_id)
    store = _store(request)
    if isinstance(found, MergedEvent):
        out, members = _merged_out(found), list(found.members)
    else:
        out, members = _event_out(snapshot, found), [found]
    articles: dict[str, Article | None] = {}
    for member in members:
        if member.article_id not in articles:
            articles[member.article_id] = store.get_article(member.article_id)
    return {
        "event": out,
        "sources": [_source(a) for a in articles.values() if a is not None],
        "evidence": [
            _evidence(articles[m.article_id], m, span) for m in members for span in m.evidence
        ],
        "members": (
            [_event_out(snapshot, m) for m in members] if isinstance(found, MergedEvent) else []
        ),
    }


def _evidence(article: Article | None, event: Event, span: Evidence) -> dict[str, object]:
    if article is None:
        # The article is gone (deleted by hand): the span's own text still stands.
        context = EvidenceContext(event.article_id, span.start, span.end, "", span.text, "")
    else:
        context = evidence_context(article, span.start, span.end)
    return {
        "article_id": context.article_id,
        "start": context.start,
        "end": context.end,
        "before": context.before,
        "text": context.text,
        "after": context.after,
    }


@reads.get("/control", response_model=schemas.ControlOut, summary="Control on a date")
def control(
    request: Request,
    on: Annotated[date, Query(alias="date", description="the day, YYYY-MM-DD")],
    admin1: Annotated[list[str] | None, Query(max_length=50)] = None,
) -> dict[str, object]:
    from frontlines.control import control_table

    snapshot = _snapshot(request)
    areas = tuple(sorted({a for a in admin1 or [] if a}))
    snapshots: EventSnapshots = request.app.state.snapshots
    # Merging and reading control is the costliest read; the map asks for the same
    # day again and again as the slider moves, so each answer is kept per snapshot.
    places = snapshots.derived(
        snapshot,
        ("control", on, areas),
        lambda: [s.to_dict() for s in control_table(snapshot.events, on, areas or None)],
    )
    return {"date": on.isoformat(), "places": places}


@reads.get("/articles", response_model=schemas.ArticlePage, summary="Stored articles")
def list_articles(request: Request, limit: Limit = 20, offset: Offset = 0) -> dict[str, object]:
    articles = _store(request).articles(limit=limit, offset=offset)
    return {
        "items": [a.to_dict() for a in articles],
        "total": None,
        "limit": limit,
        "offset": offset,
        "next_offset": _next(offset, limit, len(articles), None),
    }


@reads.get("/articles/{article_id}", response_model=schemas.ArticleOut, summary="One article")
def get_article(request: Request, article_id: str) -> dict[str, object]:
    article = _store(request).get_article(article_id)
    if article is None:
        raise APIError(404, f"no article with id {article_id!r}")
    return article.to_dict()


@reads.get("/health", response_model=schemas.Health, summary="Liveness")
def health(request: Request) -> dict[str, object]:
    return {"status": "ok", "events": _store(request).count_events()}


@writes.post(
    "/reports",
    response_model=schemas.ReportResult,
    status_code=201,
    summary="Code and store reports (text, Markdown, HTML, JSON or JSONL body)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                media: {"schema": {"type": "string"}}
                for media in ("text/plain", "text/markdown", "text/html", "application/x-ndjson")
            }
            | {"application/json": {"schema": {"type": "object"}}},
        }
    },
)
async def post_reports(
    request: Request,
    published: Annotated[date | None, Query(description="publication date if none")] = None,
    source: Text = None,
    url: Annotated[str | None, Query(max_length=2000)] = None,
    title: Text = None,
) -> dict[str, object]:
    settings: Settings = request.app.state.settings
    fmt = report_format(request.headers.get("content-type"))
    body = await read_body_capped(request, settings.max_request_bytes)
    options = ReportOptions(published=published, source=source, url=url, title=title)
    items = list(read_reports(body, fmt, options))
    writer: ReportWriter = request.app.state.writer
    stored, rejected = await run_in_threadpool(writer.write, items)
    if not stored:
        raise no_reports_error(rejected)
    return {
        "stored": [
            {
                "article_id": s.article.id,
                "title": s.article.title,
                "inserted": s.inserted,
                "events_written": len(s.event_ids),
                "event_ids": list(s.event_ids),
            }
            for s in stored
        ],
        "rejected": [{"input": r.input, "code": r.code, "reason": r.reason} for r in rejected],
    }
