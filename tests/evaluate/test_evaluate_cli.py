"""The evaluate commands, with the pipeline replaced by fakes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from frontlines.cli.evaluate import evaluate_group
from frontlines.evaluate import runners
from frontlines.model import Event

CSV = """\
event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,admin1,location,\
latitude,longitude,geo_precision,notes,fatalities
T1,2021-03-04,Battles,Armed clash,Blue Guard,Red Band,North Vale,Millbrook,10.0,20.0,1,\
"Invented: the two sides fought at Millbrook.",1
T2,2021-03-05,Battles,Armed clash,Blue Guard,,North Vale,Stonebridge,10.5,20.5,1,\
"Invented: quiet day.",0
"""


def _fake_extractor() -> Any:
    def extract(text: str, published: date) -> list[Event]:
        if "fought" not in text:
            return []
        return [Event("e", "a", published, 1, "Battles", "Armed clash", "Blue Guard",
                      "Red Band", admin1="North Vale", latitude=10.0, longitude=20.0,
                      fatalities=1)]  # fmt: skip

    return extract


@pytest.fixture
def gold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(runners, "pipeline_extractor", _fake_extractor)
    path = tmp_path / "gold.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def test_acled_json_and_report(gold: Path, tmp_path: Path) -> None:
    report = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(
        evaluate_group, ["acled", str(gold), "--format", "json", "--report", str(report)]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["rows"] == 2 and summary["event_recall"] == 0.5
    assert summary["fatalities_exact"] == 1.0
    assert report.read_text(encoding="utf-8").count("\n") >= 1


def test_acled_table(gold: Path) -> None:
    result = CliRunner().invoke(evaluate_group, ["acled", str(gold), "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert "sub_event_accuracy" in result.output and "100.0 %" in result.output


def test_acled_start_scores_a_later_slice(gold: Path) -> None:
    result = CliRunner().invoke(
        evaluate_group, ["acled", str(gold), "--start", "1", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["rows"] == 1 and summary["event_recall"] == 0.0


def test_start_past_the_last_row_is_an_error_not_an_empty_table(gold: Path) -> None:
    result = CliRunner().invoke(evaluate_group, ["acled", str(gold), "--start", "50"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"error: {gold}: --start 50 skips every row: the file has 2 rows"
    ]


def test_bad_input_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(evaluate_group, ["acled", str(tmp_path / "none.csv")])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"error: {tmp_path / 'none.csv'}: no such file"]


def test_gate_reports_failures_and_updates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scores = tmp_path / "scores.toml"
    scores.write_text('[s]\nkind = "acled"\nfile = "x.csv"\nrecall = 0.5\n', encoding="utf-8")
    measured = {"recall": 0.4}
    monkeypatch.setattr(runners, "run_section", lambda *_a, **_k: dict(measured))
    args = ["gate", "--scores", str(scores), "--data", str(tmp_path)]
    failed = CliRunner().invoke(evaluate_group, args)
    assert failed.exit_code == 1
    assert "gate: s.recall: 0.4 < pinned 0.5" in failed.stderr
    refused = CliRunner().invoke(evaluate_group, [*args, "--update"])
    assert refused.exit_code == 1 and "not lowered" in refused.stderr
    measured["recall"] = 0.7
    passed = CliRunner().invoke(evaluate_group, [*args, "--update"])
    assert passed.exit_code == 0, passed.output
    assert "recall = 0.7" in scores.read_text(encoding="utf-8")
    wrong = CliRunner().invoke(evaluate_group, [*args, "--only", "nope"])
    assert wrong.exit_code == 1 and "no such section: nope" in wrong.stderr
