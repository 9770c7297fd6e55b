"""Reading events for the API: filters, pages, one event with its sources.

Most filters go to the store as an ``EventQuery`` (parameterised SQL). The bounding
box and the text search are not part of ``EventQuery`` yet, so they are applied here
to the store's answer before paging; the store pages by itself when neither is given.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from frontlines.model import Article, Event
from frontlines.server.errors import APIError
from frontlines.store import EventQuery, Store

# A sentence ends at . ! ? followed by space, or at a paragraph break; evidence is shown
# inside the sentence(s) around it, cut to this many characters on each side.
_SENTENCE_END = re.compile(r"[.!?]['\")\]]?\s|\n\s*\n")
CONTEXT_CHARS = 300


@dataclass(frozen=True, slots=True)
class BBox:
    west: float
    south: float
    east: float
    north: float

    def contains(self, event: Event) -> bool:
        if event.latitude is None or event.longitude is None:
            return False
        return (
            self.south <= event.latitude <= self.north and self.west <= event.longitude <= self.east
        )


def parse_bbox(text: str | None) -> BBox | None:
    """``west,south,east,north`` in degrees (GeoJSON's bbox order), or a 422."""
    if text is None:
        return None
    parts = text.split(",")
    try:
        values = [float(p) for p in parts]
    except ValueError:
        values = []
    if len(values) != 4 or not all(math.isfinite(v) for v in values):
        raise APIError(422, "bbox must be four numbers: west,south,east,north")
    box = BBox(*values)
    if not (-180 <= box.west <= box.east <= 180 and -90 <= box.south <= box.north <= 90):
        raise APIError(
            422, "bbox must have west <= east in [-180, 180], south <= north in [-90, 90]"
        )
    return box


@dataclass(frozen=True, slots=True)
class EventFilter:
    query: EventQuery
    bbox: BBox | None = None
    text: str | None = None

    @property
    def needs_scan(self) -> bool:
        return self.bbox is not None or bool(self.text)

    def keep(self, event: Event) -> bool:
        if self.bbox is not None and not self.bbox.contains(event):
            return False
        return not self.text or _matches_text(event, self.text)


def _matches_text(event: Event, needle: str) -> bool:
    folded = needle.casefold()
    fields = (
        event.notes,
        event.location,
        event.actor1,
        event.actor2,
        event.sub_event_type,
        *(e.text for e in event.evidence),
    )
    return any(folded in value.casefold() for value in fields if value)


def page_of_events(store: Store, flt: EventFilter) -> tuple[list[Event], int]:
    """One page of matching events and how many match in all."""
    query = flt.query
    if not flt.needs_scan:
        return store.query_events(query), store.count_events(query)
    matching = [e for e in store.query_events(replace(query, limit=None, offset=0)) if flt.keep(e)]
    end = None if query.limit is None else query.offset + query.limit
    return matching[query.offset : end], len(matching)


def day_counts(store: Store, flt: EventFilter) -> tuple[list[tuple[date, int]], int]:
    """Matching events per day (chronological) and the number without a date."""
    events = store.query_events(replace(flt.query, limit=None, offset=0))
    counts: Counter[date] = Counter()
    undated = 0
    for event in events:
        if not flt.keep(event):
            continue
        if event.event_date is None:
            undated += 1
        else:
            counts[event.event_date] += 1
    return sorted(counts.items()), undated


def find_event(store: Store, event_id: str) -> Event:
    # The store has no lookup by event id yet; ids are content hashes, so scan.
    for event in store.query_events(EventQuery()):
        if event.event_id == event_id:
            return event
    raise APIError(404, f"no event with id {event_id!r}")


@dataclass(frozen=True, slots=True)
class EvidenceContext:
    article_id: str
    start: int
    end: int
    before: str
    text: str
    after: str


def evidence_context(article: Article, start: int, end: int) -> EvidenceContext:
    """The evidence span with the rest of its sentence(s) on each side."""
    text = article.text
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    sentence_start = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        sentence_start = match.end()
    found = _SENTENCE_END.search(text, end)
    sentence_end = found.start() + 1 if found else len(text)
    sentence_start = max(sentence_start, start - CONTEXT_CHARS)
    sentence_end = min(max(sentence_end, end), end + CONTEXT_CHARS)
    return EvidenceContext(
        article_id=article.id,
        start=start,
        end=end,
        before=text[sentence_start:start],
        text=text[start:end],
        after=text[end:sentence_end],
    )
