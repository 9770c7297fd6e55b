"""Records of the merge stage: one happening with every report of it.

``MergedEvent.to_dict`` / ``from_dict`` are the row form the store persists; the
full member events travel with it, so a stored merged event can be merged into
again (``merge_into``) without going back to the articles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from frontlines.model import Event, Evidence


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One report of a merged event: what that report said, and where it said it."""

    event_id: str
    article_id: str
    source: str | None
    fatalities: int
    actor1: str
    actor2: str | None
    hedged: bool
    evidence: tuple[Evidence, ...]

    @classmethod
    def of(cls, event: Event) -> SourceRef:
        return cls(
            event_id=event.event_id,
            article_id=event.article_id,
            source=event.source,
            fatalities=event.fatalities,
            actor1=event.actor1,
            actor2=event.actor2,
            hedged=event.hedged,
            evidence=event.evidence,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "source": self.source,
            "fatalities": self.fatalities,
            "actor1": self.actor1,
            "actor2": self.actor2,
            "hedged": self.hedged,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Conflict:
    """One of several values that the reports of a happening give for a field.

    A field in conflict has one Conflict per distinct value, each naming the
    events (and their source labels) that gave it.
    """

    field: str
    value: str
    event_ids: tuple[str, ...]
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "value": self.value,
            "event_ids": list(self.event_ids),
            "sources": list(self.sources),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Conflict:
        return cls(
            field=str(data["field"]),
            value=str(data["value"]),
            event_ids=tuple(str(v) for v in data.get("event_ids") or ()),
            sources=tuple(str(v) for v in data.get("sources") or ()),
        )


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """A happening: its canonical event, and every coded event (report) behind it.

    ``event.event_id`` is the merged id (see ``cluster.merged_id``); ``members``
    are the coded events, sorted by event id; ``conflicts`` lists the fields the
    members disagree on, value by value.
    """

    event: Event
    members: tuple[Event, ...]
    conflicts: tuple[Conflict, ...] = ()

    @property
    def merged_id(self) -> str:
        return self.event.event_id

    @property
    def member_ids(self) -> tuple[str, ...]:
        return tuple(m.event_id for m in self.members)

    @property
    def sources(self) -> tuple[SourceRef, ...]:
        return tuple(SourceRef.of(m) for m in self.members)

    def conflicts_of(self, field: str) -> tuple[Conflict, ...]:
        return tuple(c for c in self.conflicts if c.field == field)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready row: the canonical event's columns plus the merge columns."""
        data = self.event.to_dict()
        data["member_ids"] = list(self.member_ids)
        data["sources"] = [s.to_dict() for s in self.sources]
        data["conflicts"] = [c.to_dict() for c in self.conflicts]
        data["members"] = [m.to_dict() for m in self.members]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MergedEvent:
        """Inverse of ``to_dict`` (``sources`` is derived from ``members``)."""
        merge_keys = ("member_ids", "sources", "conflicts", "members")
        event = Event.from_dict({k: v for k, v in data.items() if k not in merge_keys})
        return cls(
            event=event,
            members=tuple(Event.from_dict(m) for m in data.get("members") or ()),
            conflicts=tuple(Conflict.from_dict(c) for c in data.get("conflicts") or ()),
        )
