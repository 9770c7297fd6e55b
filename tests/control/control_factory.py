"""Made-up territory events for the control tests (no pipeline, no store)."""

from __future__ import annotations

from datetime import date
from typing import Any

from frontlines.model import Event, Evidence

ARMY = "Military Forces of Syria (2000-)"
IS = "Islamic State (Syria)"
D1 = date(2018, 3, 10)  # IS takes Kafr Nur
D2 = date(2018, 6, 1)  # the army takes it back


def territory(event_id: str, day: date, gainer: str, loser: str | None, **extra: Any) -> Event:
    government = gainer == ARMY
    values: dict[str, Any] = {
        "event_id": event_id,
        "article_id": f"art-{event_id}",
        "event_date": day,
        "time_precision": 1,
        "event_type": "Battles",
        "sub_event_type": "Government regains territory"
        if government
        else "Non-state actor overtakes territory",
        "actor1": gainer,
        "actor2": loser,
        "country": "Syria",
        "admin1": "Idleb",
        "location": "Kafr Nur",
        "latitude": 35.5,
        "longitude": 36.6,
        "geo_precision": 1,
        "source": f"Wire {event_id}",
        "evidence": (Evidence(0, 12, f"span {event_id}"),),
    }
    values.update(extra)
    return Event(**values)


def village() -> list[Event]:
    """Kafr Nur: taken by IS on D1, retaken by the army on D2; a clash elsewhere."""
    return [
        territory("e1", D1, IS, ARMY),
        territory("e2", D2, ARMY, IS),
        Event(
            event_id="c1",
            article_id="art-c1",
            event_date=D1,
            time_precision=1,
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1=ARMY,
            actor2=IS,
            location="Tall Ward",
            admin1="Hama",
            latitude=35.2,
            longitude=36.7,
            geo_precision=1,
        ),
    ]
