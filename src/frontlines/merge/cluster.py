"""Clustering coded events into happenings: batch (``merge_events``) and incremental
(``merge_into``), with the same result.

1. Blocking (``keys.py``) proposes candidate pairs; ``compare.match`` keeps the pairs
   that can be one happening, with a score.
2. Connected components of those pairs.
3. Inside a component, complete-linkage agglomeration: two clusters join only if
   *every* cross pair matches, best-scoring join first. Single linkage would chain
   (Monday's clash matches Tuesday's, which matches Wednesday's...) into one event
   spanning a week; complete linkage keeps every member compatible with every other.

Every choice depends only on the set of events (scores, then sorted event ids on a
tie), never on their order, so the same events always give the same clusters and ids.

``merge_into`` recomputes only the components that the new events touch (found by a
search from the new events over matching pairs) and keeps every other stored merged
event as it is. Since a batch run clusters each component on its own, the result is
the batch result — provided ``existing`` itself came from these rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from frontlines.errors import MalformedInputError
from frontlines.merge.combine import combine
from frontlines.merge.compare import match
from frontlines.merge.keys import BlockIndex
from frontlines.merge.records import MergedEvent
from frontlines.merge.rules import MergeRules, load_rules
from frontlines.model import Event

Edges = dict[str, dict[str, float]]


def _unique(events: Iterable[Event]) -> dict[str, Event]:
    """Events by id; the same id twice must be the same event."""
    by_id: dict[str, Event] = {}
    for event in events:
        seen = by_id.get(event.event_id)
        if seen is not None and seen != event:
            raise MalformedInputError("two different events carry this id", source=event.event_id)
        by_id[event.event_id] = event
    return by_id


def _components(
    seeds: Iterable[Event], index: BlockIndex, rules: MergeRules
) -> tuple[list[list[Event]], Edges]:
    """Connected components (over matching pairs) reached from ``seeds``, and the scores."""
    edges: Edges = {}
    placed: set[str] = set()
    components: list[list[Event]] = []
    for seed in sorted(seeds, key=lambda e: e.event_id):
        if seed.event_id in placed:
            continue
        placed.add(seed.event_id)
        component, stack = [seed], [seed]
        while stack:
            event = stack.pop()
            mine = edges.setdefault(event.event_id, {})
            for other in index.candidates(event):
                if other.event_id in mine:
                    continue
                index.comparisons += 1
                found = match(event, other, rules)
                if found is None:
                    continue
                mine[other.event_id] = found.score
                edges.setdefault(other.event_id, {})[event.event_id] = found.score
                if other.event_id not in placed:
                    placed.add(other.event_id)
                    component.append(other)
                    stack.append(other)
        components.append(component)
    return components, edges


def _agglomerate(component: list[Event], edges: Edges) -> list[list[Event]]:
    """Complete-linkage clusters of one component (see the module docstring)."""
    clusters: dict[str, list[Event]] = {e.event_id: [e] for e in component}
    # link[(a, b)] (a < b, cluster names = smallest member id): the weakest cross score.
    link: dict[tuple[str, str], float] = {}
    for a in clusters:
        for b, score in edges.get(a, {}).items():
            if a < b and b in clusters:
                link[(a, b)] = score
    while link:
        # Best score first; on a tie the pair of smallest ids, so order never matters.
        a, b = min(link, key=lambda pair: (-link[pair], pair))
        merged = clusters.pop(a) + clusters.pop(b)
        name = min(a, b)
        new_links: dict[tuple[str, str], float] = {}
        for other in clusters:
            with_a = link.get((min(a, other), max(a, other)))
            with_b = link.get((min(b, other), max(b, other)))
            if with_a is not None and with_b is not None:
                new_links[(min(name, other), max(name, other))] = min(with_a, with_b)
        link = {pair: score for pair, score in link.items() if a not in pair and b not in pair}
        link.update(new_links)
        clusters[name] = merged
    return list(clusters.values())


def _cluster(seeds: Iterable[Event], index: BlockIndex, rules: MergeRules) -> list[MergedEvent]:
    components, edges = _components(seeds, index, rules)
    return [
        combine(cluster, rules)
        for component in components
        for cluster in _agglomerate(component, edges)
    ]


def _ordered(merged: Iterable[MergedEvent]) -> list[MergedEvent]:
    """Chronological (undated last), then by id: a stable order for output and tests."""
    return sorted(
        merged,
        key=lambda m: (
            m.event.event_date is None,
            m.event.event_date.toordinal() if m.event.event_date else 0,
            m.merged_id,
        ),
    )


def merge_events(events: Iterable[Event], rules: MergeRules | None = None) -> list[MergedEvent]:
    """Merge coded events from many reports into happenings (batch)."""
    rules = rules or load_rules()
    by_id = _unique(events)
    index = BlockIndex(rules)
    index.add(by_id.values())
    return _ordered(_cluster(by_id.values(), index, rules))


def merge_into(
    existing: Sequence[MergedEvent], new: Iterable[Event], rules: MergeRules | None = None
) -> list[MergedEvent]:
    """Merge ``new`` coded events into stored merged events (incremental).

    The result equals ``merge_events`` over all member events and ``new``. A new
    event whose id is already a member replaces it (a re-coded report). Merged
    events that no new event can reach are returned unchanged.
    """
    rules = rules or load_rules()
    fresh = _unique(new)
    stored = _unique(m for merged in existing for m in merged.members if m.event_id not in fresh)
    everything = {**stored, **fresh}
    index = BlockIndex(rules)
    index.add(everything.values())
    # Components reached from the new events, and from the old clusters they replace
    # (a re-coded event may have moved away, leaving its old cluster to re-form).
    owner = {m.event_id: merged for merged in existing for m in merged.members}
    touched = {owner[e].merged_id for e in fresh if e in owner}
    seeds = list(fresh.values())
    seeds += [
        stored[m.event_id]
        for merged in existing
        if merged.merged_id in touched
        for m in merged.members
        if m.event_id in stored
    ]
    rebuilt = _cluster(seeds, index, rules)
    redone = {e.event_id for merged in rebuilt for e in merged.members}
    kept = [m for m in existing if not any(e.event_id in redone for e in m.members)]
    return _ordered([*kept, *rebuilt])


def drop_members(
    existing: Sequence[MergedEvent], event_ids: Iterable[str], rules: MergeRules | None = None
) -> list[MergedEvent]:
    """Remove coded events (e.g. of a deleted or re-coded article) and re-cluster what
    they held together; the result equals ``merge_events`` over the remaining events."""
    rules = rules or load_rules()
    gone = set(event_ids)
    hit = [m for m in existing if any(e.event_id in gone for e in m.members)]
    if not hit:
        return _ordered(existing)
    remaining = _unique(e for merged in existing for e in merged.members if e.event_id not in gone)
    index = BlockIndex(rules)
    index.add(remaining.values())
    seeds = [e for merged in hit for e in merged.members if e.event_id not in gone]
    # A dropped event may have bridged its component: re-cluster every event that
    # matched it, so each part of the old component is recomputed.
    dropped = [e for merged in hit for e in merged.members if e.event_id in gone]
    seeds += [
        other
        for event in dropped
        for other in index.candidates(event)
        if match(event, other, rules) is not None
    ]
    rebuilt = _cluster(seeds, index, rules)
    hit_ids = {m.merged_id for m in hit}
    redone = {e.event_id for merged in rebuilt for e in merged.members}
    kept = [
        m
        for m in existing
        if m.merged_id not in hit_ids and not any(e.event_id in redone for e in m.members)
    ]
    return _ordered([*kept, *rebuilt])
