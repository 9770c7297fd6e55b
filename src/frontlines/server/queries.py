"""Reading events for the API: filters, pages, one event with its sources.

Reads are answered from the server's snapshot of the stored events (``snapshot.py``):
``EventQuery``'s filters as the store applies them, plus the two the store has no
column for yet, a bounding box and a text search. With ``merged`` the same filters
select merged events (happenings) by their canonical event, as
``Store.merged_events`` does; ``article_id`` then selects those with a member from
that article.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from frontlines.merge import MergedEvent
from frontlines.model import Article, Event
from frontlines.server.errors import APIError
from frontlines.server.snapshot import Snapshot, matches
from frontlines.store import EventQuery

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
    merged: bool = False

    def keep(self, event: Event) -> bool:
        if not matches(self.query, event):
            return False
        if self.bbox is not None and not self.bbox.contains(event):
            return False
        return not self.text or _matches_text(event, self.text)

    def merged_filter(self) -> Callable[[MergedEvent], bool]:
        """Whether a merged event passes: its canonical event the filters but
        ``article_id`` and text, a member from that article, the text in any member."""
        article_id, text = self.query.article_id, self.text
        canonical = replace(self, query=replace(self.query, article_id=None), text=None)

        def keep(merged: MergedEvent) -> bool:
            if article_id is not None and all(m.article_id != article_id for m in merged.members):
                return False
            if not canonical.keep(merged.event):
                return False
            return not text or any(_matches_text(e, text) for e in merged.members)

        return keep


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


def page_of_events(snapshot: Snapshot, flt: EventFilter) -> tuple[list[Event], int]:
    """One page of matching events (in the store's order) and how many match in all."""
    matching = [e for e in snapshot.events if flt.keep(e)]
    query = flt.query
    end = None if query.limit is None else query.offset + query.limit
    return matching[query.offset : end], len(matching)


def page_of_merged(snapshot: Snapshot, flt: EventFilter) -> tuple[list[MergedEvent], int]:
    """``page_of_events`` for merged events."""
    keep = flt.merged_filter()
    matching = [m for m in snapshot.merged if keep(m)]
    query = flt.query
    end = None if query.limit is None else query.offset + query.limit
    return matching[query.offset : end], len(matching)


def _matching_events(snapshot: Snapshot, flt: EventFilter) -> list[Event]:
    if flt.merged:
        keep = flt.merged_filter()
        return [m.event for m in snapshot.merged if keep(m)]
    return [e for e in snapshot.events if flt.keep(e)]


def day_counts(snapshot: Snapshot, flt: EventFilter) -> tuple[list[tuple[date, int]], int]:
    """Matching events (or merged events) per day, chronologically, and the number
    without a date."""
    counts: Counter[date] = Counter()
    undated = 0
    for event in _matching_events(snapshot, flt):
        if event.event_date is None:
            undated += 1
        else:
            counts[event.event_date] += 1
    return sorted(counts.items()), undated


def find_event(snapshot: Snapshot, event_id: str) -> Event | MergedEvent:
    """The coded event or the merged event with this id, or a 404."""
    found = snapshot.by_id.get(event_id) or snapshot.merged_by_id.get(event_id)
    if found is None:
        raise APIError(404, f"no event with id {event_id!r}")
    return found


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
