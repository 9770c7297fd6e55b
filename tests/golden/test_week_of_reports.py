"""Three reports of the same week, merged: the merge and control issue's done-when.

Two reports are ours (``data/examples/jirah_*_report.md``): a wire story and a
monitor's statement about the fighting around Jirah airbase and north of Raqqa in
mid-May 2017. They overlap with each other and with the shared sample report, and
they disagree on the death toll at the airbase (at least 14 against 9). The sample
is not ours and is not in the repository; the checks that need it run when it is
next to the checkout.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli.main import cli
from frontlines.control import control_table
from frontlines.ingest import read_inputs
from frontlines.merge import MergedEvent, merge_events
from frontlines.model import Article, Event
from frontlines.pipeline import default_pipeline

REPO = Path(__file__).resolve().parent.parent.parent
EXAMPLES = REPO / "src" / "frontlines" / "data" / "examples"
WIRE = EXAMPLES / "jirah_wire_report.md"
MONITOR = EXAMPLES / "jirah_monitor_report.md"
SAMPLE = REPO.parent / "shared" / "samples" / "000_04f32ae65defd69f.txt"
SAMPLE_PUBLISHED = date(2017, 5, 15)
RAQQA_VILLAGES = ("Atshana", "al-Malali", "Abu Khabret al-Rachid", "Mazrat al-Ansar",
                  "Khirbat al-Khan")  # fmt: skip
GOVERNMENT = "Military Forces of Syria (2000-)"
SDF = "QSD: Syrian Democratic Forces"
needs_sample = pytest.mark.skipif(not SAMPLE.exists(), reason=f"shared sample not at {SAMPLE}")


def _coded(path: Path, published: date | None = None) -> list[Event]:
    (article,) = list(read_inputs([path], published=published))
    assert isinstance(article, Article), article
    return default_pipeline().process(article)


@pytest.fixture(scope="module")
def ours() -> list[Event]:
    return _coded(WIRE) + _coded(MONITOR)


def _at(merged: list[MergedEvent], sub_event: str, location: str) -> MergedEvent:
    found = [
        m for m in merged
        if m.event.sub_event_type == sub_event and (m.event.location or "") == location
    ]  # fmt: skip
    assert len(found) == 1, [(m.event.sub_event_type, m.event.location) for m in merged]
    return found[0]


def test_our_reports_merge_into_one_capture_with_both_sources(ours: list[Event]) -> None:
    merged = merge_events(ours)
    capture = _at(merged, "Government regains territory", "Jirah Airbase")
    assert {s.source for s in capture.sources} == {"Levant Wire", "Syria Casualty Monitor"}
    assert capture.event.actor1 == GOVERNMENT
    assert capture.event.event_date == date(2017, 5, 13)
    # Every evidence sentence of every report is kept.
    texts = " ".join(e.text for s in capture.sources for e in s.evidence)
    assert "At least 14" in texts and "killing 9" in texts


def test_contradicting_death_tolls_stay_side_by_side(ours: list[Event]) -> None:
    capture = _at(merge_events(ours), "Government regains territory", "Jirah Airbase")
    tolls = {c.value: c.sources for c in capture.conflicts if c.field == "fatalities"}
    assert tolls == {"14": ("Levant Wire",), "9": ("Syria Casualty Monitor",)}
    # Both figures are doubtful (one "could not be independently verified", one only
    # "according to" the monitor), so the rule takes the lower of them.
    assert all(s.hedged for s in capture.sources)
    assert capture.event.fatalities == 9


def test_the_same_events_in_any_order(ours: list[Event]) -> None:
    forward = merge_events(ours)
    backward = merge_events(list(reversed(ours)))
    assert [m.to_dict() for m in forward] == [m.to_dict() for m in backward]


def test_villages_named_north_of_raqqa_are_placed_near_it(ours: list[Event]) -> None:
    villages = {e.location: e for e in ours if e.sub_event_type.startswith("Non-state")}
    assert set(villages) == {"Atshana", "Khirbat al-Khan", "al-Malali", "Mazrat al-Ansar"}
    for event in villages.values():
        assert event.admin1 == "Ar Raqqa"
        assert event.geo_precision == 2
    # Raqqa only locates the villages: it is not an event of its own.
    assert not any((e.location or "").startswith(("Ar Raqqah", "Raqqa")) for e in ours)


@needs_sample
def test_week_with_the_sample_gives_merged_events_and_control() -> None:
    events = _coded(SAMPLE, SAMPLE_PUBLISHED) + _coded(WIRE) + _coded(MONITOR)
    merged = merge_events(events)
    capture = _at(merged, "Government regains territory", "Jirah Airbase")
    assert len({s.article_id for s in capture.sources}) == 3
    counter_attack = _at(merged, "Armed clash", "Jirah Airbase")
    assert counter_attack.event.actor1 == "Islamic State (Syria)"
    assert len(counter_attack.sources) == 2
    infighting = _at(merged, "Armed clash", "Misraba")
    assert len(infighting.sources) == 2
    for village in RAQQA_VILLAGES:
        _at(merged, "Non-state actor overtakes territory", village)

    states = {s.place.location: s for s in control_table(events, date(2017, 5, 20), None)}
    assert states["Jirah Airbase"].controller == GOVERNMENT
    assert states["Jirah Airbase"].since == date(2017, 5, 13)
    for village in RAQQA_VILLAGES:
        assert states[village].controller == SDF
        # From the earliest report of the capture, by the coded dates.
        first = min(
            e.event_date for e in events if e.location == village and e.event_date is not None
        )
        assert states[village].since == first
    before = {s.place.location: s for s in control_table(events, date(2017, 5, 1), None)}
    assert before["Jirah Airbase"].controller == "unknown"


@needs_sample
def test_week_through_the_cli(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'week.db'}"
    runner = CliRunner()
    ingest = runner.invoke(cli, ["ingest", str(SAMPLE), "--published", "2017-05-15", "--db", db])
    assert ingest.exit_code == 0, ingest.output
    ingest = runner.invoke(cli, ["ingest", str(WIRE), str(MONITOR), "--db", db])
    assert ingest.exit_code == 0, ingest.output
    listed = runner.invoke(cli, ["events", "--merged", "--db", db, "--format", "jsonl"])
    assert listed.exit_code == 0, listed.output
    merged = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()]
    regains = "Government regains territory"
    (capture,) = [
        m for m in merged if m["sub_event_type"] == regains and m["location"] == "Jirah Airbase"
    ]
    assert len({s["article_id"] for s in capture["sources"]}) == 3
    assert {c["value"] for c in capture["conflicts"] if c["field"] == "fatalities"} == {"14", "9"}
    assert all(s["evidence"] for s in capture["sources"])
    shown = runner.invoke(cli, ["control", "--db", db, "--date", "2017-05-20", "--format", "json"])
    assert shown.exit_code == 0, shown.output
    rows = json.loads(shown.stdout)
    held = {row["location"]: row["controller"] for row in rows}
    assert held["Jirah Airbase"] == GOVERNMENT
    assert all(held[v] == SDF for v in RAQQA_VILLAGES)
