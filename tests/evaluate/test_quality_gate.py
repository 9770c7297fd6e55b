"""The quality gate: scores on the development data must not drop below their pins
in quality/scores.toml. Runs where the development data is present (set
FRONTLINES_DEV_DATA, default ../shared/data next to the repository)."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from frontlines.evaluate.acled import read_acled, score_acled
from frontlines.evaluate.gate import check

REPO = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("FRONTLINES_DEV_DATA", REPO.parent / "shared" / "data"))
PINS = tomllib.loads((REPO / "quality" / "scores.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("section", sorted(PINS))
def test_scores_do_not_drop(section: str) -> None:
    spec = PINS[section]
    path = DATA / spec["file"]
    if not path.is_file():
        pytest.skip(f"development data not present: {path}")
    from frontlines.cli.evaluate import pipeline_extractor

    report = score_acled(read_acled(path), pipeline_extractor(), limit=int(spec["rows"]))  # type: ignore[arg-type]
    pinned = {k: float(v) for k, v in spec.items() if k not in {"file", "rows"}}
    failures = check(report.summary(), pinned)
    assert not failures, "quality gate: " + "; ".join(failures)
