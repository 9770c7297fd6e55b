"""Blocking: which events are worth comparing, without comparing all pairs.

An event is filed under (place part, week) keys:

* place parts: its grid cell (``CELL_DEGREES`` squares of latitude/longitude) when
  it has coordinates, and its folded location name when it has one;
* weeks: every week (``ordinal // 7``) its date span touches (see
  ``compare.date_span``: one day, +/- a week, or a calendar month).

To find the candidates of an event, the index looks in the 3 x 3 cells around its
cell and under its name, for every week that its span *widened by the day lag*
touches. Two events that ``compare.match`` can accept always meet there: their
spans (with the lag) share a day, hence a week; and they are either under one name
or within ``near_km`` (< one cell), hence in neighbouring cells. So a border between
cells or weeks never loses a pair, and the comparisons stay inside small blocks.
Undated events are filed nowhere: they never merge.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator

from frontlines.merge.compare import date_span
from frontlines.merge.names import location_key
from frontlines.merge.rules import MergeRules
from frontlines.model import Event

# 0.1 degree is ~11 km of latitude and ~8-9 km of longitude at Syria's latitudes,
# so any two points within near_km (5 km) lie in the same or adjacent cells. Raise
# it with near_km (an assertion in BlockIndex guards this).
CELL_DEGREES = 0.1
KM_PER_DEGREE = 111.0
# Above this |latitude| a cell's width shrinks below near_km; rare for conflict data,
# and the name key still blocks those events.
MAX_GRID_LATITUDE = 60.0
DAYS_PER_BUCKET = 7

BlockKey = tuple[str, str, int]


def cell_of(event: Event) -> tuple[int, int] | None:
    if event.latitude is None or event.longitude is None:
        return None
    if abs(event.latitude) > MAX_GRID_LATITUDE:
        return None
    return (math.floor(event.latitude / CELL_DEGREES), math.floor(event.longitude / CELL_DEGREES))


def _cell_part(cell: tuple[int, int]) -> str:
    return f"{cell[0]}:{cell[1]}"


def _name_part(event: Event) -> str | None:
    # No country in the key: a report that left the country out still meets its twin.
    key = location_key(event.location)
    return key or None


def _weeks(first: int, last: int) -> range:
    return range(first // DAYS_PER_BUCKET, last // DAYS_PER_BUCKET + 1)


def home_keys(event: Event, rules: MergeRules) -> list[BlockKey]:
    """The keys an event is filed under."""
    span = date_span(event, rules)
    if span is None:
        return []
    parts: list[tuple[str, str]] = []
    cell = cell_of(event)
    if cell is not None:
        parts.append(("cell", _cell_part(cell)))
    name = _name_part(event)
    if name is not None:
        parts.append(("name", name))
    return [(kind, part, week) for kind, part in parts for week in _weeks(*span)]


def probe_keys(event: Event, rules: MergeRules) -> list[BlockKey]:
    """The keys under which every possible match of ``event`` is filed."""
    span = date_span(event, rules)
    if span is None:
        return []
    parts: list[tuple[str, str]] = []
    cell = cell_of(event)
    if cell is not None:
        for dlat in (-1, 0, 1):
            for dlon in (-1, 0, 1):
                parts.append(("cell", _cell_part((cell[0] + dlat, cell[1] + dlon))))
    name = _name_part(event)
    if name is not None:
        parts.append(("name", name))
    weeks = _weeks(span[0] - rules.day_lag, span[1] + rules.day_lag)
    return [(kind, part, week) for kind, part in parts for week in weeks]


class BlockIndex:
    """Events filed under their block keys; ``candidates`` are the ones worth comparing."""

    def __init__(self, rules: MergeRules) -> None:
        # One cell's narrowest width must exceed near_km, or a near pair could skip a cell.
        width = CELL_DEGREES * KM_PER_DEGREE * math.cos(math.radians(MAX_GRID_LATITUDE))
        assert rules.near_km <= width, "CELL_DEGREES too small for near_km"
        self.rules = rules
        self._blocks: dict[BlockKey, list[Event]] = defaultdict(list)
        self.comparisons = 0

    def add(self, events: Iterable[Event]) -> None:
        for event in events:
            for key in home_keys(event, self.rules):
                self._blocks[key].append(event)

    def candidates(self, event: Event) -> Iterator[Event]:
        """Each filed event sharing a block with ``event``'s probes, once, not itself."""
        seen = {event.event_id}
        for key in probe_keys(event, self.rules):
            for other in self._blocks.get(key, ()):
                if other.event_id not in seen:
                    seen.add(other.event_id)
                    yield other
