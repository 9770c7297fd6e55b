"""The merge and control stages as Spark group-by steps, equal to the local ones.

``merge_events`` (``frontlines.merge``) finds candidate pairs inside blocks, keeps the
pairs ``match`` accepts, takes connected components of those pairs and clusters
each component on its own. Here the same happens in four steps:

1. **blocks**: every event is filed under its ``home_keys`` and sent to the blocks of
   its ``probe_keys``; a group-by on the key pairs each probing event with the
   events filed there, and ``match`` decides each pair (as in ``BlockIndex``).
2. **components**: blocks overlap (an event is filed under its cell and its name,
   for several weeks), so a happening's pairs can come from different blocks and a
   component can chain across keys. Matching pairs are few (a handful per
   happening), so up to ``DRIVER_PAIRS`` of them are joined into components on the
   driver (union-find, one pass); beyond that, by min-label propagation in Spark
   until no label changes. Both give the same components.
3. **clusters**: the events of one component go to one task, which runs the
   library's ``merge_events`` on them. A component's clustering depends only on its
   own events, so the union over components is ``merge_events`` on everything.
4. **order**: the merged events are sorted as ``merge_events`` sorts them.

Control follows ``control.control_table``: the events that can move control are
merged (as above), read as observations, grouped by place, and each place's
``history`` is computed in its own task.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from frontlines.control import ControlObservation, ControlPeriod, history, observation_of
from frontlines.control import load_rules as load_control_rules
from frontlines.merge import MergedEvent, match, merge_events
from frontlines.merge import load_rules as load_merge_rules
from frontlines.merge.keys import home_keys, probe_keys
from frontlines.model import Event

if TYPE_CHECKING:
    from pyspark import RDD

# Matching pairs the driver may collect to find components itself (~150 bytes each).
DRIVER_PAIRS = 2_000_000
# Label propagation stops after this many rounds even if labels still move; a
# component that long would be a chain of thousands of reports of one place.
MAX_ROUNDS = 200
# Checkpoint the labels every few rounds so the lineage (and the plan Spark
# re-plans each round) stays short.
CHECKPOINT_EVERY = 8

Edge = tuple[str, str]


def _filed(events: Iterable[Event]) -> Iterator[tuple[tuple[str, str, int], tuple[bool, Event]]]:
    rules = load_merge_rules()
    for event in events:
        for key in home_keys(event, rules):
            yield key, (True, event)
        for key in probe_keys(event, rules):
            yield key, (False, event)


def _block_pairs(block: Iterable[tuple[bool, Event]]) -> Iterator[Edge]:
    """The matching pairs of one block, each as (smaller id, larger id)."""
    rules = load_merge_rules()
    filed: list[Event] = []
    probing: list[Event] = []
    for is_home, event in block:
        (filed if is_home else probing).append(event)
    seen: set[Edge] = set()
    for event in probing:
        for other in filed:
            if other.event_id == event.event_id:
                continue
            first, second = sorted((event, other), key=lambda e: e.event_id)
            pair = (first.event_id, second.event_id)
            if pair in seen:
                continue
            seen.add(pair)
            if match(first, second, rules) is not None:
                yield pair


def matching_pairs(events: RDD[Event]) -> RDD[Edge]:
    """Every pair of events ``match`` accepts among the candidates blocking proposes."""
    blocks = events.mapPartitions(_filed).groupByKey()
    return blocks.flatMap(lambda kv: _block_pairs(kv[1])).distinct()


def component_labels(pairs: RDD[Edge], driver_pairs: int = DRIVER_PAIRS) -> RDD[tuple[str, str]]:
    """(event id, smallest event id of its component) for every event in a pair."""
    found = pairs.take(driver_pairs + 1)
    if len(found) <= driver_pairs:
        return pairs.context.parallelize(sorted(_union_find(found).items()))
    return _propagated_labels(pairs)


def _union_find(pairs: Iterable[Edge]) -> dict[str, str]:
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]  # path halving
            node = parent[node]
        return node

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)  # the root stays the smallest id
    return {node: root(node) for node in parent}


def _propagated_labels(pairs: RDD[Edge]) -> RDD[tuple[str, str]]:
    # Every shuffle names its partition count: left to itself, a reduce after a
    # union takes the union's partitions, which would double each round.
    width = pairs.context.defaultParallelism
    neighbours = pairs.flatMap(lambda p: [(p[0], p[1]), (p[1], p[0])])
    neighbours = neighbours.partitionBy(width).cache()
    labels = neighbours.map(lambda kv: (kv[0], kv[0])).reduceByKey(min, width).cache()
    for round_number in range(1, MAX_ROUNDS + 1):
        offers = neighbours.join(labels, width).map(lambda kv: (kv[1][0], kv[1][1]))
        relabelled = labels.union(offers).reduceByKey(min, width).cache()
        if round_number % CHECKPOINT_EVERY == 0:
            relabelled.localCheckpoint()
        changed = relabelled.join(labels, width).filter(lambda kv: kv[1][0] != kv[1][1]).count()
        labels.unpersist()
        labels = relabelled
        if changed == 0:
            break
    neighbours.unpersist()
    return labels


def _merge_component(events: Iterable[Event]) -> list[MergedEvent]:
    return merge_events(list(events), load_merge_rules())


def merged_order(merged: MergedEvent) -> tuple[bool, int, str]:
    """``merge_events``' output order: chronological, undated last, then by id."""
    day = merged.event.event_date
    return (day is None, day.toordinal() if day else 0, merged.merged_id)


def spark_merge(events: RDD[Event], driver_pairs: int = DRIVER_PAIRS) -> RDD[MergedEvent]:
    """``merge_events`` of ``events`` as Spark steps (see the module docstring);
    sort by ``merged_order`` to get its exact list."""
    by_id = events.map(lambda e: (e.event_id, e))
    labels = component_labels(matching_pairs(events), driver_pairs)
    grouped = by_id.leftOuterJoin(labels).map(lambda kv: (kv[1][1] or kv[0], kv[1][0]))
    return grouped.groupByKey().flatMap(lambda kv: _merge_component(kv[1]))


def _observations(merged: Iterable[MergedEvent]) -> Iterator[tuple[str, ControlObservation]]:
    rules = load_control_rules()
    for item in merged:
        obs = observation_of(item, rules)
        if obs is not None:
            yield obs.place.key, obs


def _can_move_control(event: Event) -> bool:
    rules = load_control_rules()
    return event.sub_event_type in rules.transfer_types or (
        event.sub_event_type == rules.agreement_type
    )


def spark_control(events: RDD[Event], driver_pairs: int = DRIVER_PAIRS) -> RDD[ControlPeriod]:
    """Every observed place's periods of control, as ``control.place_history`` gives
    them for that place (events merged first, as ``control_table`` does)."""
    merged = spark_merge(events.filter(_can_move_control), driver_pairs)
    by_place = merged.mapPartitions(_observations).groupByKey()
    return by_place.flatMap(lambda kv: history(list(kv[1]), kv[0]))
