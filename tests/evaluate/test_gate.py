"""Pinned scores: loading, checking, and updates that never loosen silently."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontlines.errors import ConfigError
from frontlines.evaluate.gate import check_gate, higher_is_better, load_pins, update_gate

PINS = """\
# top comment
[alpha]
kind = "acled"
file = "a.csv"
rows = 10
recall = 0.5  # keep me
mean_error_km = 100.0

[geo.small]
kind = "geoparsing"
file = "g.xml"
acc161 = 0.0
"""


def _pins(tmp_path: Path) -> Path:
    path = tmp_path / "scores.toml"
    path.write_text(PINS, encoding="utf-8")
    return path


def test_load_flattens_nested_sections(tmp_path: Path) -> None:
    pins = load_pins(_pins(tmp_path))
    assert sorted(pins) == ["alpha", "geo.small"]
    assert pins["geo.small"]["file"] == "g.xml"
    with pytest.raises(ConfigError, match="no pinned-scores file"):
        load_pins(tmp_path / "none.toml")


def test_direction_of_metrics() -> None:
    assert higher_is_better("acc161") and higher_is_better("sub_event_macro_f1")
    assert not higher_is_better("fatalities_mae")
    assert not higher_is_better("median_error_km") and not higher_is_better("error_auc")


def test_check_gate(tmp_path: Path) -> None:
    pins = load_pins(_pins(tmp_path))
    good = {"alpha": {"recall": 0.5, "mean_error_km": 99.0}}
    assert check_gate(good, pins) == []
    bad = {"alpha": {"recall": 0.49, "mean_error_km": 120.0}}
    assert check_gate(bad, pins) == [
        "alpha.recall: 0.49 < pinned 0.5",
        "alpha.mean_error_km: 120.0 > pinned 100.0",
    ]
    assert check_gate({"alpha": {"recall": 0.5}}, pins) == [
        "alpha.mean_error_km: not measured (pinned 100.0)"
    ]
    assert check_gate({"alpha": {"recall": 0.49995, "mean_error_km": 100.00005}}, pins) == []
    assert check_gate({}, pins) == []  # sections not run are not judged


def test_update_tightens_and_refuses_to_loosen(tmp_path: Path) -> None:
    path = _pins(tmp_path)
    measured = {
        "alpha": {"recall": 0.61234, "mean_error_km": 150.0},
        "geo.small": {"acc161": 0.4567},
    }
    result = update_gate(path, measured)
    assert result.tightened == ["alpha.recall: 0.5 -> 0.612", "geo.small.acc161: 0.0 -> 0.456"]
    assert result.refused == ["alpha.mean_error_km: 100.0 -> 150.0"]
    assert result.loosened == []
    text = path.read_text(encoding="utf-8")
    assert "recall = 0.612  # keep me" in text and "# top comment" in text
    pins = load_pins(path)
    assert pins["alpha"]["mean_error_km"] == 100.0
    assert pins["geo.small"]["acc161"] == 0.456


def test_lowering_needs_flag_and_reason(tmp_path: Path) -> None:
    path = _pins(tmp_path)
    worse = {"alpha": {"recall": 0.3, "mean_error_km": 100.0}}
    with pytest.raises(ConfigError, match="reason"):
        update_gate(path, worse, allow_lower=True)
    result = update_gate(path, worse, allow_lower=True, reason="new tokenizer",
                         today=date(2030, 1, 2))  # fmt: skip
    assert result.loosened == ["alpha.recall: 0.5 -> 0.3"]
    text = path.read_text(encoding="utf-8")
    assert "# lowered from 0.5 on 2030-01-02: new tokenizer\nrecall = 0.3" in text
    assert load_pins(path)["alpha"]["recall"] == 0.3


def test_update_leaves_unchanged_file_alone(tmp_path: Path) -> None:
    path = _pins(tmp_path)
    before = path.stat().st_mtime_ns
    result = update_gate(path, {"alpha": {"recall": 0.5, "mean_error_km": 100.0}})
    assert (result.tightened, result.loosened, result.refused) == ([], [], [])
    assert path.stat().st_mtime_ns == before
