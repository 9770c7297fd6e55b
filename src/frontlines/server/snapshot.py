"""The server's in-memory snapshot of the stored events, so reads cost no row decoding.

Decoding a stored event takes about 0.1 ms, so a query that must look at every event
(a bounding box, a text search, one event by id, the timeline, control on a date) cost
~0.3 s on 3,000 events when each read decoded them again; the map page sends several
such reads per move of the slider. The server therefore keeps the decoded events, in
the store's order, and answers every read from them.

Freshness: a write through the API updates the snapshot in place (its article's events
swapped for the new ones) before it answers, so a client reads its own writes without
a reload. Writes from elsewhere (``frontlines ingest`` into the same database) show
as soon as the event count changes (checked on every read, a cheap COUNT), and
otherwise within ``MAX_AGE_SECONDS`` (a re-ingest that replaces an article's events
one for one keeps the count).

Merged events (a happening reported by several articles, ``Store.merged_events``) are
held beside the coded events. The API's writer re-merges after its saves and applies
the ``MergeUpdate`` here; a snapshot whose merged events lag its coded events (an
ingest that has saved but not re-merged yet) is reloaded after ``PENDING_SECONDS``.

``matches`` applies ``EventQuery`` the way the store's SQL does (``store/query.py``);
a test checks the two agree.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, TypeVar, cast

from frontlines.merge import MergedEvent
from frontlines.model import Event
from frontlines.store import EventQuery, MergeUpdate, Store

# A full reload decodes every stored event (~0.1 ms each) while readers wait; only a
# same-count re-ingest from another process needs it, so it is rare.
MAX_AGE_SECONDS = 30.0
# How soon a snapshot whose merged events lag the coded ones is reloaded: another
# process's ingest re-merges right after it saves.
PENDING_SECONDS = 1.0
T = TypeVar("T")
_EPOCH = date.min


@dataclass(frozen=True, slots=True)
class Snapshot:
    version: int
    events: tuple[Event, ...]
    """In the store's order: date (undated last), article, order within the article."""
    by_id: dict[str, Event]
    seq: dict[str, int]
    """Each event's place among its article's events (the store's ``seq``)."""
    merged: tuple[MergedEvent, ...] = ()
    """In the store's order: date (undated last), merged id."""
    merged_by_id: dict[str, MergedEvent] = field(default_factory=dict)
    merged_of: dict[str, str] = field(default_factory=dict)
    """Coded event id -> the id of the merged event it is a member of."""
    merge_pending: bool = False
    """Some coded events are not (or not as they are now) in the merged events."""


def _merged_key(merged: MergedEvent) -> tuple[bool, date, str]:
    # store/query.py order_by(merged=True): event_date IS NULL, event_date, event_id.
    day = merged.event.event_date
    return (day is None, day or _EPOCH, merged.merged_id)


def _order_key(seq: dict[str, int]) -> Callable[[Event], tuple[Any, ...]]:
    # store/query.py ORDER_BY: event_date IS NULL, event_date, article_id, seq.
    def key(event: Event) -> tuple[Any, ...]:
        undated = event.event_date is None
        return (undated, event.event_date or _EPOCH, event.article_id, seq[event.event_id])

    return key


def _snapshot(
    version: int,
    events: tuple[Event, ...],
    seq: dict[str, int],
    merged: tuple[MergedEvent, ...],
) -> Snapshot:
    by_id = {e.event_id: e for e in events}
    members = {m.event_id: m for happening in merged for m in happening.members}
    # Pending exactly when the store's re-merge would find work (store/remerge.py).
    pending = set(members) != set(by_id) or any(members[k] != e for k, e in by_id.items())
    return Snapshot(
        version,
        events,
        by_id,
        seq,
        merged,
        {m.merged_id: m for m in merged},
        {m.event_id: happening.merged_id for happening in merged for m in happening.members},
        pending,
    )


def _loaded(version: int, events: list[Event], merged: list[MergedEvent]) -> Snapshot:
    # Within one article and day the store returns events by seq; numbering each
    # article's events in that order keeps the store's order when re-sorting.
    seq: dict[str, int] = {}
    counters: dict[str, int] = {}
    for event in events:
        seq[event.event_id] = counters.get(event.article_id, 0)
        counters[event.article_id] = seq[event.event_id] + 1
    return _snapshot(version, tuple(events), seq, tuple(merged))


def _folded(value: str | None) -> str | None:
    return value.lower() if value is not None else None


def matches(query: EventQuery, event: Event) -> bool:
    """Whether ``event`` passes ``query``'s filters (its limit and offset aside)."""
    if query.since is not None and (event.event_date is None or event.event_date < query.since):
        return False
    if query.until is not None and (event.event_date is None or event.event_date > query.until):
        return False
    if query.country is not None and _folded(event.country) != query.country.lower():
        return False
    if query.admin1 is not None and _folded(event.admin1) != query.admin1.lower():
        return False
    if query.event_type is not None:
        wanted = query.event_type.lower()
        if wanted not in (event.event_type.lower(), event.sub_event_type.lower()):
            return False
    if query.actor is not None:
        needle = query.actor.lower()
        names = (event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2)
        if not any(needle in name.lower() for name in names if name):
            return False
    return query.article_id is None or event.article_id == query.article_id


class EventSnapshots:
    """Hands out the current snapshot, reloading it from the store when stale."""

    def __init__(
        self, store: Store, max_age: float = MAX_AGE_SECONDS, pending_age: float = PENDING_SECONDS
    ) -> None:
        self.store = store
        self.max_age = max_age
        self.pending_age = pending_age
        self._lock = threading.Lock()
        self._current: Snapshot | None = None
        self._loaded_at = 0.0
        self._count = -1
        self._writers = 0
        self._reloading = False
        self._version = 0
        self._derived: dict[tuple[int, Hashable], Any] = {}

    def invalidate(self) -> None:
        with self._lock:
            self._current = None

    def replace_article(self, article_id: str, events: Sequence[Event]) -> None:
        """What ``store.save(article, events)`` just did, applied to the snapshot."""
        with self._lock:
            current = self._current
            if current is None:
                return
            kept = [e for e in current.events if e.article_id != article_id]
            seq = {
                k: v for k, v in current.seq.items() if current.by_id[k].article_id != article_id
            }
            seq.update({e.event_id: i for i, e in enumerate(events)})
            ordered = sorted([*kept, *events], key=_order_key(seq))
            self._version += 1
            self._current = _snapshot(self._version, tuple(ordered), seq, current.merged)
            self._count = self.store.count_events()
            self._derived.clear()

    def apply_merge(self, update: MergeUpdate) -> None:
        """What ``store.remerge()`` just did, applied to the snapshot."""
        with self._lock:
            current = self._current
            if current is None or not update.changed:
                return
            gone = set(update.deleted) | {m.merged_id for m in update.written}
            kept = [m for m in current.merged if m.merged_id not in gone]
            merged = tuple(sorted([*kept, *update.written], key=_merged_key))
            self._version += 1
            self._current = _snapshot(self._version, current.events, current.seq, merged)
            self._derived.clear()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Around the API writer's store work: the writer brings the snapshot up to
        date itself (``replace_article``, ``apply_merge``), so meanwhile readers keep
        the snapshot they have rather than reload a half-done write."""
        with self._lock:
            self._writers += 1
        try:
            yield
        finally:
            with self._lock:
                self._writers -= 1

    def current(self) -> Snapshot:
        with self._lock:
            current = self._current
            if current is not None and (self._writers or self._reloading):
                return current
            count = self.store.count_events()
            age = time.monotonic() - self._loaded_at
            fresh = (
                current is not None
                and count == self._count
                and age < self.max_age
                and not (current.merge_pending and age >= self.pending_age)
            )
            if fresh and current is not None:
                return current
            if current is None:
                # Nothing to serve yet: load while the other readers wait.
                return self._reload(count)
            # Stale: this reader reloads; the others keep the old snapshot meanwhile,
            # so a reload (seconds on a large store) never stalls every request.
            self._reloading = True
            version = self._version
        try:
            loaded = _loaded(
                version, self.store.query_events(EventQuery()), self.store.merged_events()
            )
        finally:
            with self._lock:
                self._reloading = False
        with self._lock:
            if self._version != version:
                # The API's writer updated the snapshot while we read: keep its update
                # and reload again on the next read (the count check fails).
                self._count = -1
                return self._current or loaded
            self._version += 1
            self._current = replace(loaded, version=self._version)
            # Count first, then load: a write landing in between makes the next read
            # see a changed count and reload again, never miss the write.
            self._count = count
            self._loaded_at = time.monotonic()
            self._derived.clear()
            return self._current

    def _reload(self, count: int) -> Snapshot:
        """Load under the lock (the first load)."""
        self._version += 1
        self._current = _loaded(
            self._version, self.store.query_events(EventQuery()), self.store.merged_events()
        )
        self._count = count
        self._loaded_at = time.monotonic()
        self._derived.clear()
        return self._current

    def derived(self, snapshot: Snapshot, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, cached for this snapshot under ``key`` (e.g. control on a day)."""
        with self._lock:
            cached = self._derived.get((snapshot.version, key), _MISSING)
        if cached is not _MISSING:
            return cast(T, cached)
        value = compute()
        with self._lock:
            if self._current is not None and self._current.version == snapshot.version:
                if len(self._derived) >= MAX_DERIVED:
                    self._derived.clear()
                self._derived[(snapshot.version, key)] = value
        return value


# Cached derived answers per snapshot (control tables, one per day asked about).
MAX_DERIVED = 256
_MISSING = object()
