"""Scoring arithmetic on invented rows (never ACLED's)."""

from __future__ import annotations

from datetime import date

from frontlines.evaluate.acled import AcledRow, macro_f1, score_acled
from frontlines.evaluate.gate import check
from frontlines.model import Event


def _row(sub: str, actor2: str | None, fatalities: int) -> AcledRow:
    return AcledRow("X1", date(2024, 1, 2), "Battles", sub, "Side A", actor2, "North", None,
                    None, "Town", 10.0, 20.0, fatalities, "invented note")  # fmt: skip


def _event(sub: str, fatalities: int, lat: float) -> Event:
    return Event("e", "a", date(2024, 1, 2), 1, "Battles", sub, "Side A", "Side B",
                 admin1="North", latitude=lat, longitude=20.0, fatalities=fatalities)  # fmt: skip


def test_scores_count_matches_and_misses() -> None:
    rows = [_row("Armed clash", "Side B", 2), _row("Armed clash", "Side B", 0)]
    outputs = iter([[_event("Armed clash", 2, 10.0)], []])
    report = score_acled(rows, lambda text, d: next(outputs))
    summary = report.summary()
    assert summary["event_recall"] == 0.5
    assert summary["sub_event_accuracy"] == 0.5
    assert summary["actor_pair_accuracy"] == 0.5
    assert summary["fatalities_exact"] == 1.0  # no event predicts 0, and gold is 0
    assert summary["within_10km"] == 0.5
    assert report.top_errors(1)[0][1] >= 1


def test_macro_f1_and_gate() -> None:
    assert macro_f1(["a", "a", "b"], ["a", "a", "b"]) == 1.0
    assert macro_f1(["a", "b"], ["b", "a"]) == 0.0
    assert check({"x": 0.5}, {"x": 0.6}) == ["x: 0.5 < pinned 0.6"]
    assert check({"x": 0.7}, {"x": 0.6}) == []
