"""Records of the control stage: who held a place, according to which reports.

``to_dict`` / ``from_dict`` are the row form the store persists and the JSON/CSV
exports print.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

UNKNOWN = "unknown"


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def _float(value: Any) -> float | None:
    return None if value is None or value == "" else float(value)


@dataclass(frozen=True, slots=True)
class ControlEvidence:
    """A span of one report that supports a control observation."""

    event_id: str
    article_id: str
    source: str | None
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ControlEvidence:
        return cls(
            event_id=str(data["event_id"]),
            article_id=str(data.get("article_id") or ""),
            source=data.get("source"),
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
        )


@dataclass(frozen=True, slots=True)
class Settlement:
    """A place whose control is tracked; ``key`` is its identity (see places.py)."""

    key: str
    location: str
    latitude: float | None = None
    longitude: float | None = None
    admin1: str | None = None
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "place_key": self.key,
            "location": self.location,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "admin1": self.admin1,
            "country": self.country,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settlement:
        return cls(
            key=str(data["place_key"]),
            location=str(data["location"]),
            latitude=_float(data.get("latitude")),
            longitude=_float(data.get("longitude")),
            admin1=data.get("admin1"),
            country=data.get("country"),
        )


@dataclass(frozen=True, slots=True)
class ControlObservation:
    """A report that ``controller`` took (or was handed) ``place`` on ``date``."""

    place: Settlement
    date: date
    controller: str
    previous: str | None
    event_ids: tuple[str, ...]
    evidence: tuple[ControlEvidence, ...] = ()
    hedged: bool = False
    sources: tuple[str, ...] = ()
    time_precision: int = 1

    @property
    def place_key(self) -> str:
        return self.place.key

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.place.to_dict(),
            "date": self.date.isoformat(),
            "time_precision": self.time_precision,
            "controller": self.controller,
            "previous": self.previous,
            "hedged": self.hedged,
            "event_ids": list(self.event_ids),
            "sources": list(self.sources),
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ControlObservation:
        return cls(
            place=Settlement.from_dict(data),
            date=date.fromisoformat(str(data["date"])),
            controller=str(data["controller"]),
            previous=data.get("previous"),
            event_ids=tuple(str(v) for v in data.get("event_ids") or ()),
            evidence=tuple(ControlEvidence.from_dict(e) for e in data.get("evidence") or ()),
            hedged=bool(data.get("hedged")),
            sources=tuple(str(v) for v in data.get("sources") or ()),
            time_precision=int(data.get("time_precision") or 1),
        )


@dataclass(frozen=True, slots=True)
class ControlState:
    """Who held a place on ``on``: ``controller`` ("unknown" before any report), since
    when (``since``: the day control last changed hands), the latest report of it
    (``last_observed``) and a confidence that decays from that report."""

    place: Settlement
    on: date
    controller: str
    previous: str | None = None
    since: date | None = None
    last_observed: date | None = None
    confidence: float = 0.0
    hedged: bool = False
    event_ids: tuple[str, ...] = ()
    evidence: tuple[ControlEvidence, ...] = ()

    @property
    def known(self) -> bool:
        return self.controller != UNKNOWN

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.place.to_dict(),
            "date": self.on.isoformat(),
            "controller": self.controller,
            "previous": self.previous,
            "since": self.since.isoformat() if self.since else None,
            "last_observed": self.last_observed.isoformat() if self.last_observed else None,
            "confidence": round(self.confidence, 3),
            "hedged": self.hedged,
            "event_ids": list(self.event_ids),
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ControlState:
        return cls(
            place=Settlement.from_dict(data),
            on=date.fromisoformat(str(data["date"])),
            controller=str(data["controller"]),
            previous=data.get("previous"),
            since=_day(data.get("since")),
            last_observed=_day(data.get("last_observed")),
            confidence=float(data.get("confidence") or 0.0),
            hedged=bool(data.get("hedged")),
            event_ids=tuple(str(v) for v in data.get("event_ids") or ()),
            evidence=tuple(ControlEvidence.from_dict(e) for e in data.get("evidence") or ()),
        )


@dataclass(frozen=True, slots=True)
class ControlPeriod:
    """A stretch during which one side held a place: from the report of the change
    (``start``) to the next change (``end``, exclusive; None: still held at the
    latest report)."""

    place: Settlement
    controller: str
    start: date
    end: date | None
    previous: str | None
    last_observed: date
    hedged: bool
    event_ids: tuple[str, ...]
    evidence: tuple[ControlEvidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.place.to_dict(),
            "controller": self.controller,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "previous": self.previous,
            "last_observed": self.last_observed.isoformat(),
            "hedged": self.hedged,
            "event_ids": list(self.event_ids),
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ControlPeriod:
        return cls(
            place=Settlement.from_dict(data),
            controller=str(data["controller"]),
            start=date.fromisoformat(str(data["start"])),
            end=_day(data.get("end")),
            previous=data.get("previous"),
            last_observed=date.fromisoformat(str(data["last_observed"])),
            hedged=bool(data.get("hedged")),
            event_ids=tuple(str(v) for v in data.get("event_ids") or ()),
            evidence=tuple(ControlEvidence.from_dict(e) for e in data.get("evidence") or ()),
        )
