"""GeoJSON (RFC 7946): a FeatureCollection with one Point per located event.

Coordinates are [longitude, latitude], the RFC's order (not ACLED's lat, lon). An
event without usable coordinates cannot be a Point; it is skipped and counted, never
placed at 0, 0.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import IO, Any

from frontlines.model import Event


def _valid(lat: float | None, lon: float | None) -> bool:
    if lat is None or lon is None:
        return False
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return False
    return -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0


def event_feature(event: Event) -> dict[str, Any] | None:
    """The GeoJSON Feature for ``event``, or None when it has no usable coordinates."""
    if not _valid(event.latitude, event.longitude):
        return None
    return {
        "type": "Feature",
        "id": event.event_id,
        "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
        "properties": event.to_dict(),
    }


def write_geojson(events: Iterable[Event], out: IO[str]) -> tuple[int, int]:
    """Write the collection feature by feature; returns (written, skipped)."""
    written = skipped = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for event in events:
        feature = event_feature(event)
        if feature is None:
            skipped += 1
            continue
        out.write(",\n" if written else "\n")
        out.write(json.dumps(feature, ensure_ascii=False))
        written += 1
    out.write("\n]}\n" if written else "]}\n")
    return written, skipped
