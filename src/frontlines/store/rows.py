"""Records <-> table rows, shared by the backends.

Columns hold plain values every DB-API driver understands: ISO-8601 text for dates,
JSON text for lists of strings and for evidence, '; '-joined text for associated
actors (as ACLED writes them, so a substring filter covers them).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from frontlines.model import ACLED_COLUMNS, EXTRA_COLUMNS, Article, Event, Evidence

ARTICLE_COLUMNS: tuple[str, ...] = (
    "id",
    "title",
    "author",
    "publisher",
    "original_source",
    "published",
    "url",
    "path",
    "tags",
    "input_format",
    "text",
    "ingested_at",
)

# Event fields in table order: ACLED's columns then ours (model.py), with the
# store's `article_id` and `seq` right after the id.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "article_id",
    "seq",
    *(c for c in ACLED_COLUMNS if c != "event_id"),
    *(c for c in EXTRA_COLUMNS if c != "article_id"),
)

ASSOC_SEPARATOR = "; "


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):  # PostgreSQL drivers return dates as dates
        return value
    return date.fromisoformat(str(value))


def _joined(names: Sequence[str]) -> str | None:
    return ASSOC_SEPARATOR.join(names) or None


def _split(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(part.strip() for part in value.split(";") if part.strip())


def article_row(article: Article, ingested_at: str) -> tuple[Any, ...]:
    return (
        article.id,
        article.title,
        article.author,
        article.publisher,
        article.original_source,
        _iso(article.published),
        article.url,
        article.path,
        json.dumps(list(article.tags), ensure_ascii=False),
        article.input_format,
        article.text,
        ingested_at,
    )


def article_from_row(row: Sequence[Any]) -> Article:
    data = dict(zip(ARTICLE_COLUMNS, row, strict=True))
    return Article(
        id=data["id"],
        text=data["text"],
        title=data["title"],
        author=data["author"],
        publisher=data["publisher"],
        original_source=data["original_source"],
        published=_date(data["published"]),
        url=data["url"],
        path=data["path"],
        tags=tuple(json.loads(data["tags"] or "[]")),
        input_format=data["input_format"],
    )


def event_row(article_id: str, seq: int, event: Event) -> tuple[Any, ...]:
    return (
        event.event_id,
        article_id,
        seq,
        _iso(event.event_date),
        event.time_precision,
        event.event_type,
        event.sub_event_type,
        event.actor1,
        _joined(event.assoc_actor_1),
        event.inter1,
        event.actor2,
        _joined(event.assoc_actor_2),
        event.inter2,
        event.country,
        event.admin1,
        event.admin2,
        event.admin3,
        event.location,
        event.latitude,
        event.longitude,
        event.geo_precision,
        event.source,
        event.notes,
        event.fatalities,
        bool(event.hedged),
        event.attributed_to,
        json.dumps(list(event.losses), ensure_ascii=False),
        event.confidence,
        json.dumps([e.to_dict() for e in event.evidence], ensure_ascii=False),
    )


def event_from_row(row: Sequence[Any]) -> Event:
    data = dict(zip(EVENT_COLUMNS, row, strict=True))
    return Event(
        event_id=data["event_id"],
        article_id=data["article_id"],
        event_date=_date(data["event_date"]),
        time_precision=data["time_precision"],
        event_type=data["event_type"],
        sub_event_type=data["sub_event_type"],
        actor1=data["actor1"],
        actor2=data["actor2"],
        assoc_actor_1=_split(data["assoc_actor_1"]),
        assoc_actor_2=_split(data["assoc_actor_2"]),
        inter1=data["inter1"],
        inter2=data["inter2"],
        country=data["country"],
        admin1=data["admin1"],
        admin2=data["admin2"],
        admin3=data["admin3"],
        location=data["location"],
        latitude=data["latitude"],
        longitude=data["longitude"],
        geo_precision=data["geo_precision"],
        fatalities=data["fatalities"],
        notes=data["notes"],
        source=data["source"],
        evidence=tuple(
            Evidence(int(e["start"]), int(e["end"]), str(e["text"]))
            for e in json.loads(data["evidence"] or "[]")
        ),
        hedged=bool(data["hedged"]),
        attributed_to=data["attributed_to"],
        losses=tuple(json.loads(data["losses"] or "[]")),
        confidence=float(data["confidence"]),
    )
