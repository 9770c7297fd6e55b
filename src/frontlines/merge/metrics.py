"""Pairwise evaluation of merging against gold clusters.

A pair of events is a positive when the gold puts both in one cluster; merging
predicts it positive when both land in one merged event. Precision and recall are
over those pairs (the usual pairwise scores of entity resolution).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from frontlines.merge.cluster import merge_events
from frontlines.merge.records import MergedEvent
from frontlines.merge.rules import MergeRules
from frontlines.model import Event


@dataclass(frozen=True, slots=True)
class PairScores:
    true_pairs: int
    predicted_pairs: int
    gold_pairs: int

    @property
    def precision(self) -> float:
        """1.0 when nothing was merged (no wrong merge was made)."""
        return self.true_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        """1.0 when the gold has nothing to merge."""
        return self.true_pairs / self.gold_pairs if self.gold_pairs else 1.0


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pair_scores(
    events: Sequence[Event],
    gold_cluster_of: Callable[[Event], str],
    merged: Iterable[MergedEvent],
    *,
    skip_pair: Callable[[Event, Event], bool] | None = None,
) -> PairScores:
    """Pair counts of ``merged`` against the gold; ``skip_pair`` leaves ambiguous pairs out."""
    predicted_of = {m.event_id: merged_event.merged_id for merged_event in merged
                    for m in merged_event.members}  # fmt: skip
    gold_of = {e.event_id: gold_cluster_of(e) for e in events}
    if skip_pair is None:
        pred = Counter(predicted_of[e.event_id] for e in events)
        gold = Counter(gold_of[e.event_id] for e in events)
        both = Counter((predicted_of[e.event_id], gold_of[e.event_id]) for e in events)
        return PairScores(
            true_pairs=sum(_pairs(n) for n in both.values()),
            predicted_pairs=sum(_pairs(n) for n in pred.values()),
            gold_pairs=sum(_pairs(n) for n in gold.values()),
        )
    # With exclusions the pairs are enumerated, but only those sharing a gold or a
    # predicted cluster: every other pair is a true negative either way.
    groups: dict[str, list[Event]] = {}
    for e in events:
        groups.setdefault("p:" + predicted_of[e.event_id], []).append(e)
        groups.setdefault("g:" + gold_of[e.event_id], []).append(e)
    seen: set[tuple[str, str]] = set()
    true_pairs = predicted_pairs = gold_pairs = 0
    for group in groups.values():
        for a, b in combinations(group, 2):
            key = (min(a.event_id, b.event_id), max(a.event_id, b.event_id))
            if key in seen or skip_pair(a, b):
                continue
            seen.add(key)
            same_pred = predicted_of[a.event_id] == predicted_of[b.event_id]
            same_gold = gold_of[a.event_id] == gold_of[b.event_id]
            predicted_pairs += same_pred
            gold_pairs += same_gold
            true_pairs += same_pred and same_gold
    return PairScores(true_pairs, predicted_pairs, gold_pairs)


def merge_pairs_metrics(
    events: Sequence[Event],
    gold_cluster_of: Callable[[Event], str],
    *,
    rules: MergeRules | None = None,
    skip_pair: Callable[[Event, Event], bool] | None = None,
) -> tuple[float, float]:
    """Pairwise (precision, recall) of ``merge_events(events)`` against the gold."""
    scores = pair_scores(events, gold_cluster_of, merge_events(events, rules), skip_pair=skip_pair)
    return scores.precision, scores.recall
