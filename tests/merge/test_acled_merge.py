"""Merging measured on the ACLED development rows (read at test time, never shipped).

Each ACLED row becomes one coded event (one report); the gold puts rows with the
same location, date and sub-event type in one cluster. Pairs of such rows from the
same source are left out: ACLED split them on purpose (different actors). Printed
with -s; the thresholds pin the scores measured when the rules were set.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest

from frontlines.merge import merge_events, pair_scores
from frontlines.model import Event

ACLED = Path("/work/shared/data/acled/syria_battles_dev.csv")


def _value(text: str) -> str | None:
    return None if text in ("", "NA") else text


@pytest.mark.slow
@pytest.mark.skipif(not ACLED.is_file(), reason="ACLED development data not present")
def test_merge_on_acled_rows() -> None:
    events: list[Event] = []
    gold: dict[str, str] = {}
    source: dict[str, str] = {}
    with ACLED.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            event = Event(
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
                fatalities=int(row["fatalities"]),
                source=row["source"],
            )
            events.append(event)
            gold[event.event_id] = "|".join(
                (row["location"], row["event_date"], row["sub_event_type"])
            )
            source[event.event_id] = row["source"]
    merged = merge_events(events)
    scores = pair_scores(
        events,
        lambda e: gold[e.event_id],
        merged,
        skip_pair=lambda a, b: (
            source[a.event_id] == source[b.event_id] and gold[a.event_id] == gold[b.event_id]
        ),
    )
    print(
        f"\nACLED rows {len(events)} -> {len(merged)} events; pairwise precision "
        f"{scores.precision:.3f} recall {scores.recall:.3f} ({scores})"
    )
    assert scores.precision >= 0.70
    assert scores.recall >= 0.45
