"""Scoring arithmetic shared by the scorers: label F1, confusion, distances, AUC.

Plain functions over plain lists, so each can be checked on a hand-computed case.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Sequence

from frontlines.geo.resolve import haversine_km

__all__ = [
    "EARTH_HALF_CIRCUMFERENCE_KM",
    "accuracy_within",
    "confusion",
    "error_auc",
    "f1",
    "haversine_km",
    "macro_f1",
    "median",
    "ratio",
]

# The largest possible great-circle distance (half the Earth's circumference), the
# upper end of Gritta et al.'s error AUC scale.
EARTH_HALF_CIRCUMFERENCE_KM = 20039.0


def ratio(part: float, whole: float) -> float:
    """part / whole, 0.0 for an empty whole (an empty corpus scores 0, never NaN)."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    return ratio(2 * precision * recall, precision + recall)


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Mean per-label F1 over the labels that occur in ``gold``.

    A predicted label outside the gold set (including "NONE", no event) is never
    averaged itself, but still costs the gold label it replaced its recall, and the
    label it names its precision only if that label is in the gold set.
    """
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted labels differ in length")
    pairs = Counter(zip(gold, predicted, strict=True))
    scores = []
    for label in sorted(set(gold)):
        tp = pairs[(label, label)]
        predicted_as = sum(n for (_, p), n in pairs.items() if p == label)
        gold_as = sum(n for (g, _), n in pairs.items() if g == label)
        scores.append(f1(ratio(tp, predicted_as), ratio(tp, gold_as)))
    return ratio(sum(scores), len(scores))


def confusion(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, dict[str, int]]:
    """gold label -> predicted label -> count (rows in gold order of first sight)."""
    table: dict[str, dict[str, int]] = {}
    for g, p in zip(gold, predicted, strict=True):
        row = table.setdefault(g, {})
        row[p] = row.get(p, 0) + 1
    return table


def accuracy_within(errors_km: Sequence[float | None], threshold_km: float) -> float:
    """Share of items whose error is at most ``threshold_km`` (None: a miss)."""
    hits = sum(1 for e in errors_km if e is not None and e <= threshold_km)
    return ratio(hits, len(errors_km))


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else 0.0


def error_auc(errors_km: Sequence[float]) -> float:
    """Gritta et al. (2018) area under the error curve, between 0 (every toponym
    exact) and about 1 (every toponym at the antipode). Lower is better.

    As in their evaluation code: the trapezoidal area under the sorted
    log(1 + error km) values with unit spacing, divided by (n - 1) * log(20039 km).
    One toponym has no area; its own scaled error stands in.
    """
    top = math.log(EARTH_HALF_CIRCUMFERENCE_KM)
    scaled = sorted(math.log(1 + max(0.0, e)) for e in errors_km)
    if len(scaled) < 2:
        return scaled[0] / top if scaled else 0.0
    area = sum(scaled) - (scaled[0] + scaled[-1]) / 2
    return area / ((len(scaled) - 1) * top)
