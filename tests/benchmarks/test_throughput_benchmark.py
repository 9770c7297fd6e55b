"""The throughput benchmark runs end to end on a tiny batch and writes its JSON.

Only the shape of the result is checked; its timings are for people to read,
never limits.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def test_throughput_benchmark_writes_rates_ratio_and_memory(tmp_path: Path) -> None:
    out = tmp_path / "throughput.json"
    args = ["--rounds", "1", "--repeat", "1", "--limit", "2", "--json", str(out)]
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "throughput.py"), *args],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "full / baseline" in done.stdout
    result = json.loads(out.read_text())
    assert result["batch"]["reports"] == 2
    for key in ("baseline_spacy_parse", "own_spacy_parse", "full_pipeline"):
        assert result[key]["reports_per_second"] > 0
        assert result[key]["words_per_second"] > 0
    assert result["full_over_baseline"] > 0
    assert result["full_over_own_parse"] > 0
    assert {"nlp (spaCy parse)", "geo", "events", "merge (batch of one copy)"} <= set(
        result["stages"]
    )
    assert result["peak_rss_mb"] > 0
    assert result["startup_seconds"]["gazetteer"] >= 0


def test_benchmark_batch_is_ours_and_dated() -> None:
    sys.path.insert(0, str(BENCHMARKS))
    from batch import batch_files

    files = batch_files()
    assert len(files) >= 9
    assert all(day.year >= 2017 for _, day in files)
