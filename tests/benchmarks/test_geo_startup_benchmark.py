"""The gazetteer benchmark runs and writes its timings (read by people, never limits)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def test_geo_startup_benchmark_writes_startup_and_per_report_times(tmp_path: Path) -> None:
    out = tmp_path / "geo.json"
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "geo_startup.py"), "--articles", "3", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(out.read_text())
    assert result["gazetteer_places"] > 100_000
    assert result["startup_seconds"] > 0 and result["baseline_sqlite_open_seconds"] > 0
    assert result["first_report_seconds"] >= result["article_median_seconds"] > 0
    assert "corpus" not in result  # no corpus asked for
