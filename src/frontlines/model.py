"""Plain typed records that flow between the pipeline stages.

Every record is a frozen, slotted dataclass: stages never share mutable state and
never pass dicts across a stage boundary. ``to_dict`` gives the JSON-ready form used
by the exporters and the store.

    ingest -> Article -> nlp/events -> Event (with Evidence, Place) -> store/export
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned report: the body text plus the metadata kept from its page.

    ``text`` is the cleaned body; every character offset elsewhere (Evidence,
    PlaceMention) points into it.
    """

    id: str
    text: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    original_source: str | None = None
    published: date | None = None
    url: str | None = None
    path: str | None = None
    tags: tuple[str, ...] = ()
    input_format: str = "text"
    # The name an "X, 3 March 2024" line began with, when ``publisher`` was read from
    # it: the pipeline checks it against the gazetteer, since it may name a place.
    dateline_name: str | None = None

    @property
    def source_label(self) -> str | None:
        """ACLED-style source: publisher, then the outlet it republished, if any."""
        parts: list[str] = []
        for name in (self.publisher, self.original_source):
            if name and name not in parts:
                parts.append(name)
        return "; ".join(parts) or None

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        data["tags"] = list(self.tags)
        return data


@dataclass(frozen=True, slots=True)
class Evidence:
    """A character span of the cleaned article text that supports an event."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved location, in ACLED's geography terms.

    geo_precision follows ACLED: 1 the exact place, 2 near or part of the named
    place (outskirts, "4 km north of"), 3 only the enclosing admin area is known.
    """

    name: str
    latitude: float | None
    longitude: float | None
    geo_precision: int
    country: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    geonameid: int | None = None
    feature_code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in an article and what it resolved to (None: unresolved)."""

    article_id: str
    start: int
    end: int
    text: str
    place: Place | None

    def to_dict(self) -> dict[str, Any]:
        place = self.place
        return {
            "article_id": self.article_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": place.name if place else None,
            "geonameid": place.geonameid if place else None,
            "feature_code": place.feature_code if place else None,
            "country_code": place.country_code if place else None,
            "admin1": place.admin1 if place else None,
            "latitude": place.latitude if place else None,
            "longitude": place.longitude if place else None,
            "geo_precision": place.geo_precision if place else None,
        }


# ACLED's column order, so CSV exports load in existing ACLED tooling; our extra
# columns follow.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)
EXTRA_COLUMNS: tuple[str, ...] = (
    "article_id",
    "hedged",
    "attributed_to",
    "losses",
    "confidence",
    "evidence",
)


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: one happening, at one place, on one day (ACLED's unit)."""

    event_id: str
    article_id: str
    event_date: date | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str | None = None
    assoc_actor_1: tuple[str, ...] = ()
    assoc_actor_2: tuple[str, ...] = ()
    inter1: int | None = None
    inter2: int | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int = 0
    notes: str = ""
    source: str | None = None
    evidence: tuple[Evidence, ...] = ()
    hedged: bool = False
    attributed_to: str | None = None
    losses: tuple[str, ...] = ()
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; ACLED's list columns are '; '-joined like ACLED's."""
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "time_precision": self.time_precision,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "actor1": self.actor1,
            "assoc_actor_1": "; ".join(self.assoc_actor_1) or None,
            "inter1": self.inter1,
            "actor2": self.actor2,
            "assoc_actor_2": "; ".join(self.assoc_actor_2) or None,
            "inter2": self.inter2,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "admin3": self.admin3,
            "location": self.location,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geo_precision": self.geo_precision,
            "source": self.source,
            "notes": self.notes,
            "fatalities": self.fatalities,
            "hedged": self.hedged,
            "attributed_to": self.attributed_to,
            "losses": list(self.losses),
            "confidence": round(self.confidence, 3),
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """Inverse of ``to_dict`` (used by the store and JSONL readers)."""

        def split(value: Any) -> tuple[str, ...]:
            if not value:
                return ()
            if isinstance(value, (list, tuple)):
                return tuple(str(v) for v in value)
            return tuple(part.strip() for part in str(value).split(";") if part.strip())

        raw_date = data.get("event_date")
        return cls(
            event_id=str(data["event_id"]),
            article_id=str(data.get("article_id") or ""),
            event_date=date.fromisoformat(raw_date) if raw_date else None,
            time_precision=int(data.get("time_precision") or 1),
            event_type=str(data["event_type"]),
            sub_event_type=str(data["sub_event_type"]),
            actor1=str(data["actor1"]),
            actor2=data.get("actor2"),
            assoc_actor_1=split(data.get("assoc_actor_1")),
            assoc_actor_2=split(data.get("assoc_actor_2")),
            inter1=data.get("inter1"),
            inter2=data.get("inter2"),
            country=data.get("country"),
            admin1=data.get("admin1"),
            admin2=data.get("admin2"),
            admin3=data.get("admin3"),
            location=data.get("location"),
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
            geo_precision=data.get("geo_precision"),
            fatalities=int(data.get("fatalities") or 0),
            notes=str(data.get("notes") or ""),
            source=data.get("source"),
            evidence=tuple(
                Evidence(int(e["start"]), int(e["end"]), str(e["text"]))
                for e in data.get("evidence") or ()
            ),
            hedged=bool(data.get("hedged")),
            attributed_to=data.get("attributed_to"),
            losses=split(data.get("losses")),
            confidence=float(data.get("confidence") or 0.0),
        )


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be processed, with a one-line reason.

    The batch goes on; the CLI prints ``input: reason`` and exits non-zero.
    """

    input: str
    reason: str
    code: str = "E000"

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"
