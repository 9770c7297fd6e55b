"""Made-up coded events for the merge and control tests (no pipeline, no model)."""

from __future__ import annotations

from datetime import date
from typing import Any

from frontlines.model import Event, Evidence

ARMY = "Military Forces of Syria (2000-)"
REBELS = "Opposition Rebels (Syria)"
IS = "Islamic State (Syria)"
UNKNOWN_GROUP = "Unidentified Armed Group (Syria)"

# Two made-up villages 20 km apart, and a third one close to the first.
KAFR_NUR = {"location": "Kafr Nur", "latitude": 35.50, "longitude": 36.60, "admin1": "Idleb"}
TALL_WARD = {"location": "Tall Ward", "latitude": 35.68, "longitude": 36.60, "admin1": "Idleb"}


def make_event(event_id: str, **overrides: Any) -> Event:
    values: dict[str, Any] = {
        "event_id": event_id,
        "article_id": f"art-{event_id}",
        "event_date": date(2019, 5, 6),
        "time_precision": 1,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": ARMY,
        "actor2": REBELS,
        "country": "Syria",
        "geo_precision": 1,
        "source": f"Wire {event_id}",
        "notes": f"Made-up note {event_id}.",
        "evidence": (Evidence(0, 20, f"span of {event_id}"),),
        "confidence": 0.6,
        **KAFR_NUR,
    }
    values.update(overrides)
    return Event(**values)
