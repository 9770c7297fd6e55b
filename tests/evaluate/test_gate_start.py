"""A gate section can measure rows after the first ones (``start``): the rules are
written on the first rows, so a later, fixed subset shows how they generalise."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from frontlines.errors import ConfigError
from frontlines.evaluate import runners

COLUMNS = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "notes",
           "fatalities"]  # fmt: skip


def _gold(path: Path, count: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for n in range(count):
            writer.writerow([f"T{n}", "2 March 2024", "Battles", "Armed clash", "X",
                             f"Report number {n}.", "0"])  # fmt: skip


def test_start_skips_the_first_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _gold(tmp_path / "gold.csv", 5)
    seen: list[str] = []

    def fake(text: str, published: date) -> list[object]:
        seen.append(text)
        return []

    monkeypatch.setattr(runners, "pipeline_extractor", lambda: fake)
    spec = {"kind": "acled", "file": "gold.csv", "start": 2, "rows": 2}
    summary = runners.run_section("later", spec, tmp_path)
    assert seen == ["Report number 2.", "Report number 3."]
    assert summary["rows"] == 2


def test_start_is_refused_outside_acled_sections(tmp_path: Path) -> None:
    (tmp_path / "corpus.xml").write_text("<articles/>", encoding="utf-8")
    spec = {"kind": "geoparsing", "file": "corpus.xml", "start": 2}
    with pytest.raises(ConfigError):
        runners.run_section("later", spec, tmp_path)
