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

from frontlines.merge.records import Conflict, MergedEvent
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


def event_values(event: Event) -> dict[str, Any]:
    """The event's column values (every column of ``EVENT_COLUMNS`` but ``seq``)."""
    return {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "event_date": _iso(event.event_date),
        "time_precision": event.time_precision,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": _joined(event.assoc_actor_1),
        "inter1": event.inter1,
        "actor2": event.actor2,
        "assoc_actor_2": _joined(event.assoc_actor_2),
        "inter2": event.inter2,
        "country": event.country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": event.admin3,
        "location": event.location,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_precision": event.geo_precision,
        "source": event.source,
        "notes": event.notes,
        "fatalities": event.fatalities,
        "hedged": bool(event.hedged),
        "attributed_to": event.attributed_to,
        "losses": json.dumps(list(event.losses), ensure_ascii=False),
        "confidence": event.confidence,
        "evidence": json.dumps([e.to_dict() for e in event.evidence], ensure_ascii=False),
    }


def event_row(article_id: str, seq: int, event: Event) -> tuple[Any, ...]:
    values = event_values(event)
    values["article_id"] = article_id
    values["seq"] = seq
    return tuple(values[c] for c in EVENT_COLUMNS)


def event_from_row(row: Sequence[Any]) -> Event:
    return event_from_values(dict(zip(EVENT_COLUMNS, row, strict=True)))


def event_from_values(data: dict[str, Any]) -> Event:
    """Inverse of ``event_values`` (extra keys, such as ``seq``, are ignored)."""
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


# -- merged events (migration 0002) -----------------------------------------------------

# The canonical event of a happening: the event columns (``event_id`` holds the merged
# id) without ``seq``, then how many reports it has and their disagreements as JSON.
MERGED_COLUMNS: tuple[str, ...] = (
    *(c for c in EVENT_COLUMNS if c != "seq"),
    "member_count",
    "conflicts",
)
# One row per coded event of a merged event: a snapshot of the event as it was
# merged, so a re-coded or deleted report is noticed by comparing with ``events``.
MEMBER_COLUMNS: tuple[str, ...] = ("merged_id", *(c for c in EVENT_COLUMNS if c != "seq"))


def merged_row(merged: MergedEvent) -> tuple[Any, ...]:
    values = event_values(merged.event)
    values["member_count"] = len(merged.members)
    values["conflicts"] = json.dumps([c.to_dict() for c in merged.conflicts], ensure_ascii=False)
    return tuple(values[c] for c in MERGED_COLUMNS)


def member_rows(merged: MergedEvent) -> list[tuple[Any, ...]]:
    rows = []
    for member in merged.members:
        values = event_values(member)
        values["merged_id"] = merged.merged_id
        rows.append(tuple(values[c] for c in MEMBER_COLUMNS))
    return rows


def merged_from_rows(row: Sequence[Any], members: Sequence[Sequence[Any]]) -> MergedEvent:
    """A merged event from its row and its member rows (in any order)."""
    data = dict(zip(MERGED_COLUMNS, row, strict=True))
    events = [event_from_values(dict(zip(MEMBER_COLUMNS, m, strict=True))) for m in members]
    return MergedEvent(
        event=event_from_values(data),
        members=tuple(sorted(events, key=lambda e: e.event_id)),
        conflicts=tuple(Conflict.from_dict(c) for c in json.loads(data["conflicts"] or "[]")),
    )
