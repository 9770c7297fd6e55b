"""Made-up articles and events for the server tests (library records, no pipeline)."""

from __future__ import annotations

from datetime import date
from typing import Any

from frontlines.model import Article, Event, Evidence
from frontlines.store import Store

TOKEN = "test-token-0123456789"

ARTICLE_TEXT = (
    "Fighting resumed in the north. Rebel fighters shelled an army post near Qasr Nadir "
    "on Monday, a monitor said. Two soldiers were killed.\n\n"
    "In the south, protesters gathered in Tall Sabr to demand the release of detainees."
)
SHELLING = "Rebel fighters shelled an army post near Qasr Nadir on Monday"


def make_article(article_id: str = "art-1", **overrides: Any) -> Article:
    values: dict[str, Any] = {
        "id": article_id,
        "text": ARTICLE_TEXT,
        "title": "Shelling near Qasr Nadir",
        "publisher": "Example Wire",
        "original_source": "Example Monitor",
        "published": date(2021, 3, 9),
        "url": f"https://news.example.org/{article_id}",
        "input_format": "text",
    }
    values.update(overrides)
    return Article(**values)


def make_event(event_id: str, article_id: str = "art-1", **overrides: Any) -> Event:
    start = ARTICLE_TEXT.index(SHELLING)
    values: dict[str, Any] = {
        "event_id": event_id,
        "article_id": article_id,
        "event_date": date(2021, 3, 8),
        "time_precision": 1,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Northern Rebel Front",
        "actor2": "Military Forces of Examplestan",
        "inter1": 2,
        "inter2": 1,
        "country": "Examplestan",
        "admin1": "Northland",
        "location": "Qasr Nadir",
        "latitude": 36.125,
        "longitude": 37.5,
        "geo_precision": 1,
        "fatalities": 2,
        "notes": "On 8 March 2021, rebels shelled an army post near Qasr Nadir.",
        "source": "Example Wire; Example Monitor",
        "evidence": (Evidence(start, start + len(SHELLING), SHELLING),),
        "confidence": 0.8,
    }
    values.update(overrides)
    return Event(**values)


def seed(store: Store) -> None:
    """Three events over two articles and three days, merged (three happenings)."""
    store.save(
        make_article("art-1"),
        [
            make_event("ev-shell"),
            make_event(
                "ev-protest",
                event_date=date(2021, 3, 9),
                event_type="Protests",
                sub_event_type="Peaceful protest",
                actor1="Protesters (Examplestan)",
                actor2=None,
                inter1=6,
                inter2=None,
                admin1="Southmarch",
                location="Tall Sabr",
                latitude=33.0,
                longitude=36.25,
                fatalities=0,
                notes="On 9 March 2021, protesters gathered in Tall Sabr.",
                evidence=(),
            ),
        ],
    )
    store.save(
        make_article("art-2", title="Town taken", published=date(2021, 3, 11)),
        [
            make_event(
                "ev-capture",
                "art-2",
                event_date=date(2021, 3, 10),
                event_type="Battles",
                sub_event_type="Government regains territory",
                actor1="Military Forces of Examplestan",
                actor2="Northern Rebel Front",
                inter1=1,
                inter2=2,
                fatalities=0,
                notes="On 10 March 2021, the army regained control of Qasr Nadir.",
            )
        ],
    )
    store.remerge()
