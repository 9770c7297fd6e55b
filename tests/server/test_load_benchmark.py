"""The load check runs end to end (tiny sizes): no failed request, no lost write.

Only correctness is asserted; its timings are for people to read, never limits.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "server_load.py"


@pytest.mark.slow
def test_load_check_reports_rates_and_loses_no_write(tmp_path: Path) -> None:
    out = tmp_path / "load.json"
    args = ["--readers", "4", "--requests", "10", "--writes", "3", "--events", "200"]
    done = subprocess.run(
        [sys.executable, str(BENCHMARK), *args, "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "req/s" in done.stdout and "p99" in done.stdout
    result = json.loads(out.read_text())
    assert result["failures"] == []
    assert result["lost_writes"] == []
    assert result["writes_confirmed"] == result["writes_sent"] == 3
    reads = result["reads_under_load"]
    assert reads["requests"] == 40
    assert reads["failed"] == 0
    assert reads["requests_per_second"] > 0
    assert reads["p99_ms"] >= reads["p50_ms"] > 0
