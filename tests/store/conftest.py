"""Made-up articles and events for the store tests (no pipeline, no model)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from frontlines.model import Article, Event, Evidence
from frontlines.store import Store, open_store

ARTICLE_TEXT = (
    "Rebel fighters shelled an army post near Qasr Nadir on Monday, a monitor said. "
    "Two soldiers were killed."
)


def _make_article(article_id: str = "art-1", **overrides: Any) -> Article:
    values: dict[str, Any] = {
        "id": article_id,
        "text": ARTICLE_TEXT,
        "title": "Shelling near Qasr Nadir",
        "author": "A. Writer",
        "publisher": "Example Wire",
        "original_source": "Example Monitor",
        "published": date(2021, 3, 9),
        "url": f"https://news.example.org/{article_id}",
        "path": f"/reports/{article_id}.md",
        "tags": ("frontline", "north"),
        "input_format": "markdown",
    }
    values.update(overrides)
    return Article(**values)


def _make_event(event_id: str, article_id: str = "art-1", **overrides: Any) -> Event:
    values: dict[str, Any] = {
        "event_id": event_id,
        "article_id": article_id,
        "event_date": date(2021, 3, 8),
        "time_precision": 1,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Northern Rebel Front",
        "actor2": "Military Forces of Examplestan",
        "assoc_actor_1": ("Hill Brigade", "Valley Battalion"),
        "inter1": 2,
        "inter2": 1,
        "country": "Examplestan",
        "admin1": "Northland",
        "admin2": "Qasr District",
        "admin3": "Qasr Nadir Subdistrict",
        "location": "Qasr Nadir",
        "latitude": 36.125,
        "longitude": 37.5,
        "geo_precision": 2,
        "fatalities": 2,
        "notes": "On 8 March 2021, rebels shelled an army post near Qasr Nadir.",
        "source": "Example Wire; Example Monitor",
        "evidence": (Evidence(0, 47, ARTICLE_TEXT[:47]), Evidence(80, 104, ARTICLE_TEXT[80:104])),
        "hedged": True,
        "attributed_to": "a monitor",
        "losses": ("2 soldiers killed",),
        "confidence": 0.8125,
    }
    values.update(overrides)
    return Event(**values)


ArticleFactory = Callable[..., Article]
EventFactory = Callable[..., Event]


@pytest.fixture
def make_article() -> ArticleFactory:
    """``make_article(article_id="art-1", **field_overrides)``."""
    return _make_article


@pytest.fixture
def make_event() -> EventFactory:
    """``make_event(event_id, article_id="art-1", **field_overrides)``."""
    return _make_event


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "events.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with open_store(f"sqlite:///{db_path}") as opened:
        yield opened
