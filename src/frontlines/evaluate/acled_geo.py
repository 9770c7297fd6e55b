"""Score place resolution alone on ACLED rows: resolve each row's ``location`` name,
with its notes as context and its country as a hint, and compare with the row's
admin1 and coordinates.

This isolates the geocoder from event coding: the name is given, only the choice
among namesakes (and the admin area it implies) is tested. Rows coded at
geo_precision 1 (the exact town) are also scored apart, because a precision-2 or -3
row's coordinates are those of a nearby or enclosing place, not of the name.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from frontlines.evaluate.acled import km_from_gold, normalise_admin
from frontlines.evaluate.acled_rows import AcledRow
from frontlines.evaluate.metrics import accuracy_within, median, ratio
from frontlines.model import Place

__all__ = ["AcledGeoReport", "LocationResolver", "score_acled_geo"]

# (location name, context text, country) -> the place it resolves to
LocationResolver = Callable[[str, str, str | None], Place | None]


@dataclass(slots=True)
class _Group:
    rows: int = 0
    resolved: int = 0
    admin1_hits: int = 0
    errors_km: list[float | None] = field(default_factory=list)

    def summary(self, prefix: str) -> dict[str, float]:
        known = [e for e in self.errors_km if e is not None]
        return {
            f"{prefix}rows": float(self.rows),
            f"{prefix}resolved": ratio(self.resolved, self.rows),
            f"{prefix}admin1_accuracy": ratio(self.admin1_hits, self.rows),
            f"{prefix}within_10km": accuracy_within(self.errors_km, 10.0),
            f"{prefix}within_50km": accuracy_within(self.errors_km, 50.0),
            f"{prefix}median_error_km": median(known),
        }


@dataclass(slots=True)
class AcledGeoReport:
    all_rows: _Group = field(default_factory=_Group)
    exact_rows: _Group = field(default_factory=_Group)  # geo_precision 1
    seconds: float = 0.0

    def summary(self) -> dict[str, float]:
        out = self.all_rows.summary("") | self.exact_rows.summary("p1_")
        out["rows_per_second"] = ratio(self.all_rows.rows, self.seconds)
        return {k: round(v, 4) for k, v in out.items()}

    def add(self, row: AcledRow, place: Place | None) -> None:
        error = km_from_gold(row, place)
        groups = [self.all_rows] + ([self.exact_rows] if row.geo_precision == 1 else [])
        for group in groups:
            group.rows += 1
            group.resolved += place is not None
            group.admin1_hits += place is not None and normalise_admin(
                place.admin1
            ) == normalise_admin(row.admin1)
            group.errors_km.append(error)


def score_acled_geo(
    rows: Iterable[AcledRow],
    resolve: LocationResolver,
    *,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> AcledGeoReport:
    """Resolve each row's location name (rows without one are skipped, not counted)."""
    report = AcledGeoReport()
    started = time.perf_counter()
    done = 0
    for row in rows:
        if limit is not None and done >= limit:
            break
        if not row.location:
            continue
        report.add(row, resolve(row.location, row.notes, row.country))
        done += 1
        if progress is not None:
            progress(done)
    report.seconds = time.perf_counter() - started
    return report
