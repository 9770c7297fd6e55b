"""``frontlines ingest`` then ``frontlines events --merged``, through the real pipeline:
two reports of one shelling become one merged event, whatever order they arrive in.
The ingest order test compares two SQLite files; the others run on both backends."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from frontlines.cli.events import events_command
from frontlines.cli.ingest import ingest_command
from frontlines.merge import merge_events
from frontlines.store import open_store, parse_store_url

REPORTS = {
    "observatory.txt": "Syrian government forces shelled the town of Kafr Nabl in Idlib "
    "province on Sunday, killing three civilians, the Syrian Observatory for Human Rights said.",
    "activists.txt": "Regime artillery pounded Kafr Nabl in southern Idlib on Sunday. Two "
    "civilians were killed in the shelling, local activists reported.",
    "palmyra.txt": "Islamic State fighters attacked an army checkpoint near Palmyra in Homs "
    "province on Tuesday, killing four soldiers.",
}
PUBLISHED = "2019-05-07"


@pytest.fixture
def reports(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "reports"
    folder.mkdir()
    paths = {}
    for name, text in REPORTS.items():
        paths[name] = folder / name
        paths[name].write_text(text + "\n", encoding="utf-8")
    return paths


def ingest(url: str, *paths: Path) -> Result:
    result = CliRunner().invoke(
        ingest_command, [*map(str, paths), "--db", url, "--published", PUBLISHED]
    )
    assert result.exit_code == 0, result.output
    return result


def merged_jsonl(url: str, *args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(
        events_command, ["--db", url, "--merged", "--format", "jsonl", *args]
    )
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_ingest_merges_reports_in_any_order(tmp_path: Path, reports: dict[str, Path]) -> None:
    first, second = f"sqlite:///{tmp_path}/one.db", f"sqlite:///{tmp_path}/two.db"
    names = list(reports)
    summary = ingest(first, *(reports[n] for n in names)).stderr
    assert "3 report(s) coded, 3 new, 3 event(s) stored, 0 rejected; 2 merged event(s)" in summary
    for name in reversed(names):  # one report per run, the other way round
        ingest(second, reports[name])

    one, two = merged_jsonl(first), merged_jsonl(second)
    assert one == two
    assert len(one) == 2
    shelling = next(m for m in one if m["location"] == "Kafranbel")
    assert len(shelling["member_ids"]) == 2
    assert {s["fatalities"] for s in shelling["sources"]} == {2, 3}
    assert all(s["evidence"] for s in shelling["sources"])
    assert {c["value"] for c in shelling["conflicts"] if c["field"] == "fatalities"} == {"2", "3"}
    assert shelling["fatalities"] == 2  # the lowest unhedged figure
    with open_store(first) as store:
        assert store.merged_events() == merge_events(store.query_events())


def test_reingesting_a_report_changes_nothing(store_url: str, reports: dict[str, Path]) -> None:
    url = store_url
    ingest(url, *reports.values())
    before = merged_jsonl(url)
    again = ingest(url, reports["activists.txt"]).stderr
    assert again.rstrip().endswith(f"-> {parse_store_url(url).display}")  # password masked
    assert "1 report(s) coded, 0 new" in again
    assert "0 written, 0 removed" in again
    assert merged_jsonl(url) == before


def test_events_without_merged_flag_are_unchanged(store_url: str, reports: dict[str, Path]) -> None:
    url = store_url
    ingest(url, *reports.values())
    plain = CliRunner().invoke(events_command, ["--db", url, "--format", "jsonl"])
    assert plain.exit_code == 0, plain.output
    rows = [json.loads(line) for line in plain.stdout.splitlines()]
    assert len(rows) == 3
    assert all("member_ids" not in row for row in rows)
    csv = CliRunner().invoke(events_command, ["--db", url, "--merged", "--format", "csv"])
    assert csv.exit_code == 0, csv.output
    assert len(csv.stdout.strip().splitlines()) == 1 + 2  # header + one row per happening
