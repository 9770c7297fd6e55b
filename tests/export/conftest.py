"""Made-up events for the export tests, covering the awkward cases: no date, no
coordinates, quotes and commas, non-ASCII names, several evidence spans."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.model import Event, Evidence


@pytest.fixture
def events() -> list[Event]:
    return [
        Event(
            event_id="ev-1",
            article_id="art-9",
            event_date=date(2019, 11, 4),
            time_precision=1,
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1="Military Forces of Examplestan (2010-)",
            actor2="Ridge Defence Units",
            assoc_actor_1=("Militia of Dar Sīn", "Volunteer Corps"),
            inter1=1,
            inter2=3,
            country="Examplestan",
            admin1="Northland",
            admin2="Ridge District",
            location="Tall Abyad al-Gharbi",
            latitude=36.6981,
            longitude=38.9567,
            geo_precision=1,
            fatalities=7,
            notes='Clashes near the "old mill", west of town; 7 fighters killed.',
            source="Example Wire",
            evidence=(
                Evidence(10, 42, "clashes broke out near the mill"),
                Evidence(60, 75, "seven fighters"),
            ),
            hedged=True,
            attributed_to="local sources",
            losses=("3 vehicles destroyed", "1 tank captured"),
            confidence=0.75,
        ),
        Event(
            event_id="ev-2",
            article_id="art-9",
            event_date=None,
            time_precision=3,
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            actor1="Unidentified Armed Group",
            country="Examplestan",
            admin1="Northland",
            location=None,
            latitude=None,
            longitude=None,
            geo_precision=None,
            notes="A drone strike hit a convoy; the place was not given.",
            confidence=0.4,
        ),
        Event(
            event_id="ev-3",
            article_id="art-10",
            event_date=date(2019, 11, 6),
            time_precision=2,
            event_type="Strategic developments",
            sub_event_type="Non-violent transfer of territory",
            actor1="Ridge Defence Units",
            location="Ğarbī Hamlet",
            latitude=-12.5,
            longitude=-120.25,
            geo_precision=3,
            notes="",
            confidence=0.6,
        ),
    ]
