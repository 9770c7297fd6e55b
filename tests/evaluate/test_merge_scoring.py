"""Merge scoring on ACLED-shaped rows (made up here: a tiny CSV in ACLED's columns)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from frontlines.errors import InputError
from frontlines.evaluate.merging import score_acled_merge

COLUMNS = [
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "fatalities", "source",
]  # fmt: skip


def _row(event_id: str, source: str, actor2: str, location: str = "Saraqib") -> dict[str, str]:
    lat, lon = ("35.86", "36.80") if location == "Saraqib" else ("36.47", "37.10")
    return dict(zip(COLUMNS, [
        event_id, "02 March 2024", "1", "Battles", "Armed clash", "Military Forces of Syria",
        actor2, "Syria", "Idleb", location, lat, lon, "1", "0", source,
    ], strict=True))  # fmt: skip


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_two_reports_of_one_clash_merge_and_other_sides_stay_apart(tmp_path: Path) -> None:
    rows = [
        _row("SYR1", "Monitor A", "HTS"),
        _row("SYR2", "Monitor B", "HTS"),  # a second report of SYR1
        _row("SYR3", "Monitor C", "Jaysh al Izza"),  # other rebels, same place and day
        _row("SYR4", "Monitor A", "HTS", location="Tall Rifaat"),
    ]
    scores = score_acled_merge(_write(tmp_path / "rows.csv", rows)).summary()
    assert scores["rows"] == 4
    assert scores["same_actors_recall"] == 1.0
    assert scores["same_actors_gold_pairs"] == 1
    # The gold (same place, date and type) also pairs SYR3 with both: the merge keeps
    # it apart because its actors differ, which the plain pair recall counts as missed.
    assert scores["gold_pairs"] == 3 and scores["pair_recall"] == pytest.approx(1 / 3, abs=1e-3)
    assert scores["pair_precision"] == 1.0


def test_a_file_that_is_not_acled_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("event_id_cnty,event_date\nX1,not a date\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        score_acled_merge(path)
