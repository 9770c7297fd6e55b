"""Merging measured on ACLED rows (read at run time from the user's copy, never shipped).

The merge stage is scored on its own: each ACLED row becomes one coded event, as if
one report had coded it exactly as ACLED did, and ACLED's own deduplication is the
gold. Rows that ACLED coded with the same location, date and sub-event type are one
cluster: the merge should join them when they come from different sources, and it
must keep every other pair apart.

Two pair counts are reported:

* ``pair_precision`` / ``pair_recall`` leave out pairs of one cluster that share a
  source: there ACLED split one source's report on purpose (different actors, one
  event each), which is not a duplicate a second report would create;
* ``all_pair_precision`` / ``all_pair_recall`` count every pair;
* ``same_actors_recall`` counts only the different-source pairs that also share their
  (unordered) actor pair: what a second report of one happening looks like. Most
  pairs the merge keeps apart differ in their actors, and ACLED codes one event per
  actor pair at a place and day, so ``pair_recall`` is bounded well below 1.

Scoring extraction and merging together on the notes is not useful here: ACLED has
already deduplicated its rows, so the first thousand rows hold only a handful of
different-source duplicates.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from frontlines.errors import InputError
from frontlines.merge import merge_events, pair_scores
from frontlines.merge.metrics import PairScores
from frontlines.model import Event

__all__ = ["MergeEvaluation", "read_acled_events", "score_acled_merge"]


@dataclass(frozen=True, slots=True)
class MergeEvaluation:
    rows: int
    merged_events: int
    different_sources: PairScores
    all_pairs: PairScores
    same_actors: PairScores

    def summary(self) -> dict[str, float]:
        return {
            "rows": float(self.rows),
            "merged_events": float(self.merged_events),
            "pair_precision": round(self.different_sources.precision, 4),
            "pair_recall": round(self.different_sources.recall, 4),
            "gold_pairs": float(self.different_sources.gold_pairs),
            "all_pair_precision": round(self.all_pairs.precision, 4),
            "all_pair_recall": round(self.all_pairs.recall, 4),
            "same_actors_recall": round(self.same_actors.recall, 4),
            "same_actors_gold_pairs": float(self.same_actors.gold_pairs),
        }


def _value(text: str) -> str | None:
    return None if text in ("", "NA") else text


def _event(row: dict[str, str]) -> Event:
    return Event(
        event_id=row["event_id_cnty"],
        article_id=row["event_id_cnty"],
        event_date=datetime.strptime(row["event_date"], "%d %B %Y").date(),
        time_precision=int(row["time_precision"]),
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        actor1=row["actor1"],
        actor2=_value(row["actor2"]),
        country=row["country"],
        admin1=row["admin1"],
        location=row["location"],
        latitude=float(row["latitude"]),
        longitude=float(row["longitude"]),
        geo_precision=int(row["geo_precision"]),
        fatalities=int(row["fatalities"] or 0),
        source=row["source"],
    )


def read_acled_events(path: Path, limit: int | None = None) -> list[tuple[Event, str]]:
    """Each row as (coded event, gold cluster key); a clear error for a bad file."""
    pairs: list[tuple[Event, str]] = []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                if limit is not None and len(pairs) >= limit:
                    break
                try:
                    event = _event(row)
                except (KeyError, ValueError, TypeError) as exc:
                    raise InputError(
                        f"line {line}: not an ACLED row ({exc})", source=str(path)
                    ) from exc
                key = "|".join((row["location"], row["event_date"], row["sub_event_type"]))
                pairs.append((event, key))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text: {exc.reason}", source=str(path)) from exc
    return pairs


def score_acled_merge(path: Path, limit: int | None = None) -> MergeEvaluation:
    coded = read_acled_events(path, limit)
    events = [event for event, _ in coded]
    gold = {event.event_id: key for event, key in coded}
    source = {event.event_id: event.source for event in events}
    merged = merge_events(events)
    different = pair_scores(
        events,
        lambda e: gold[e.event_id],
        merged,
        skip_pair=lambda a, b: (
            source[a.event_id] == source[b.event_id] and gold[a.event_id] == gold[b.event_id]
        ),
    )
    everything = pair_scores(events, lambda e: gold[e.event_id], merged)

    def with_actors(event: Event) -> str:
        sides = sorted(a for a in (event.actor1, event.actor2) if a)
        return "|".join([gold[event.event_id], *sides])

    same_actors = pair_scores(
        events,
        with_actors,
        merged,
        skip_pair=lambda a, b: source[a.event_id] == source[b.event_id],
    )
    return MergeEvaluation(len(events), len(merged), different, everything, same_actors)
