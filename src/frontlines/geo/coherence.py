"""Spatial coherence: the places of one report lie near each other.

A local report names "Paris", "Henry County" and "Big Sandy"; each name has
namesakes in many states, but only one state has all three. Each reading of a name
is supported by the readings of the report's *other* names that lie near it (or, for
a first-level unit, contain it), each weighted by how likely that reading is on its
own (a softmax of its context score). A few rounds let agreeing readings reinforce
each other, as in Lieberman's "spatial minimality" heuristics, without fixing any
name first.

Distances use an equirectangular approximation (6371 km times the hypotenuse of the
longitude difference scaled by the cosine of the mean latitude and the latitude
difference, in radians): exact enough below a few hundred km, and cheap for the
pairwise comparisons a report needs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from frontlines.geo.gazetteer import Entry

__all__ = ["NEAR_KM", "ROUNDS", "TOP_READINGS", "support"]

# Readings within this distance support each other (the radius of a US metro area or
# a Syrian governorate; 100 miles is also the accuracy radius of the corpora).
NEAR_KM = 120.0
# Only a name's likeliest readings are compared (Springfield has 40 namesakes).
TOP_READINGS = 8
ROUNDS = 3
# Degrees of latitude beyond which two readings are surely farther apart than
# NEAR_KM (a degree is 111.2 km; the distance is at least the latitude's part): a
# tenth to spare, so rounding never decides a pair the full formula would keep.
_LATITUDE_REACH = NEAR_KM / 111.2 * 1.1
# Readings that do not say where on the ground a report is: they neither give nor
# get support.
_WHOLE = frozenset({"PCLI", "CONT", "RGN"})


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    weights = [math.exp(s - top) for s in scores]
    total = sum(weights)
    return [w / total for w in weights]


def support(
    groups: Sequence[Sequence[Entry]], score: Callable[[int, Entry], float]
) -> dict[int, float]:
    """Entry id -> support from the other groups (one group per distinct name).

    ``score(group_index, entry)`` is a reading's context score without coherence;
    support is the expected number of other names with a reading near this one.
    """
    readings: list[list[Entry]] = []
    base: list[list[float]] = []
    for index, group in enumerate(groups):
        kept = [e for e in group if e.feature_code not in _WHOLE and not e.is_world]
        scored = sorted(((score(index, e), e) for e in kept), key=lambda p: -p[0])
        scored = scored[:TOP_READINGS]
        readings.append([e for _, e in scored])
        base.append([s for s, _ in scored])
    # Which readings of other names each reading is near: computed once, and only
    # against readings in its own country (no other can support it), in the same
    # (name, reading) order as over all of them. The distance is computed inline (no
    # call per pair): this runs for every pair of readings of a report.
    by_country: dict[str | None, list[tuple[int, int, bool, str | None, float, float]]] = {}
    for j, others in enumerate(readings):
        for b, other in enumerate(others):
            by_country.setdefault(other.country_code, []).append(
                (j, b, other.feature_code == "ADM1", other.admin1, other.latitude, other.longitude)
            )
    radians, cos, hypot = math.radians, math.cos, math.hypot
    near: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for i, group in enumerate(readings):
        for a, reading in enumerate(group):
            pairs = near[(i, a)] = []
            admin1, lat, lon = reading.admin1, reading.latitude, reading.longitude
            for j, b, unit, other_admin1, other_lat, other_lon in by_country[reading.country_code]:
                # A reading supports another of its country when near it, and a
                # first-level unit the readings inside it.
                if j == i:
                    continue
                if unit:
                    if admin1 is not None and admin1 == other_admin1:
                        pairs.append((j, b))
                    continue
                if abs(other_lat - lat) > _LATITUDE_REACH:
                    continue  # farther north or south alone than NEAR_KM: no trigonometry
                x = radians(other_lon - lon) * cos(radians((lat + other_lat) / 2))
                if 6371.0 * hypot(x, radians(other_lat - lat)) <= NEAR_KM:
                    pairs.append((j, b))
    weights = [_softmax(s) if s else [] for s in base]
    result: dict[tuple[int, int], float] = {}
    for _ in range(ROUNDS):
        result = {}
        for (i, a), pairs in near.items():
            best: dict[int, float] = {}
            for j, b in pairs:
                # best[j] = max(best.get(j, 0.0), weight), without a call per pair
                # (weights are positive: the first one of a name always enters).
                weight = weights[j][b]
                known = best.get(j)
                if known is None or weight > known:
                    best[j] = weight
            result[(i, a)] = sum(best.values())
        # The next round weighs each reading by its score plus its support.
        weights = [
            _softmax([s + result[(i, a)] for a, s in enumerate(scores)]) if scores else []
            for i, scores in enumerate(base)
        ]
    out: dict[int, float] = {}
    for (i, a), value in result.items():
        entry = readings[i][a]
        out[entry.id] = max(out.get(entry.id, 0.0), value)
    return out
