"""Bringing the stored merged events up to date with the stored coded events.

The stored merged events keep a snapshot of every member event. Comparing those
snapshots with the ``events`` table says exactly what changed since the last merge:

* an event with no snapshot, or a different one, is new or re-coded: it is merged in
  (``merge.merge_into``);
* a snapshot with no event left is a report that was re-coded away or deleted: it is
  dropped (``merge.drop_members``).

Both recompute only the happenings those events can reach, so the result equals
``merge.merge_events`` over every stored event (the contract the tests check). The
plan is a pure function of what is stored, so re-running it after an interrupted
ingest repairs the merged events, and running it with nothing changed writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from frontlines.merge import MergedEvent, MergeRules, drop_members, load_rules, merge_into
from frontlines.model import Event


@dataclass(frozen=True, slots=True)
class MergeUpdate:
    """What one re-merge changed in the store."""

    merged_in: int
    """Coded events merged in: new, or re-coded since the last merge."""
    dropped: int
    """Coded events gone from the store since the last merge."""
    written: tuple[MergedEvent, ...]
    """Merged events written: new, or changed by the events above."""
    deleted: tuple[str, ...]
    """Ids of merged events removed (absorbed, split under another id, or emptied)."""
    total: int
    """Merged events stored afterwards."""

    @property
    def changed(self) -> bool:
        return bool(self.written or self.deleted)


def plan_remerge(
    events: Iterable[Event], stored: Sequence[MergedEvent], rules: MergeRules | None = None
) -> MergeUpdate:
    """The merged events to write and delete so ``stored`` matches ``events``."""
    rules = rules or load_rules()
    current = {e.event_id: e for e in events}
    snapshot = {m.event_id: m for merged in stored for m in merged.members}
    gone = sorted(set(snapshot) - set(current))
    fresh = [e for event_id, e in sorted(current.items()) if snapshot.get(event_id) != e]
    if not gone and not fresh:
        return MergeUpdate(0, 0, (), (), len(stored))
    result = drop_members(stored, gone, rules) if gone else list(stored)
    if fresh:
        result = merge_into(result, fresh, rules)
    before = {m.merged_id: m for m in stored}
    after = {m.merged_id: m for m in result}
    return MergeUpdate(
        merged_in=len(fresh),
        dropped=len(gone),
        written=tuple(m for m in result if before.get(m.merged_id) != m),
        deleted=tuple(sorted(set(before) - set(after))),
        total=len(result),
    )
