"""Spark coding throughput, ``local[1]`` against ``local[2]``, on the benchmark batch.

    python benchmarks/spark_scaling.py [--copies 12] [--masters local[1] local[2]]

The batch (``batch.py``) is written as JSONL, each report ``--copies`` times under
distinct ids, and coded by ``frontlines.spark`` under each master in turn: first a
warm-up job (each executor process loads the model and gazetteer once), then the
timed coding job, then the whole job (coding, Parquet, merge, control). Results go
to ``benchmarks/results/spark_scaling.json`` (or ``--json``) and a table on stdout.
Needs PySpark and Java; timings are for people to read, never limits.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch import batch_articles

from frontlines.config import load_settings
from frontlines.spark import run_job, spark_session
from frontlines.spark.job import code_reports

RESULTS = Path(__file__).resolve().parent / "results" / "spark_scaling.json"


def write_batch(path: Path, copies: int) -> tuple[int, int]:
    articles = batch_articles()
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for index, article in enumerate(articles):
                record = {
                    "id": f"bench-{copy}-{index}",
                    "text": article.text,
                    "published": article.published.isoformat(),
                }
                out.write(json.dumps(record) + "\n")
                words += len(article.text.split())
    return copies * len(articles), words


def measure(master: str, batch: Path, reports: int, words: int) -> dict[str, object]:
    settings = load_settings()
    spark = spark_session(master, app_name="frontlines-bench")
    try:
        cores = spark.sparkContext.defaultParallelism
        code_reports(spark, [str(batch)], fmt="jsonl", settings=settings).count()  # warm-up
        started = time.perf_counter()
        code_reports(spark, [str(batch)], fmt="jsonl", settings=settings).count()
        coding = time.perf_counter() - started
        with tempfile.TemporaryDirectory() as out:
            started = time.perf_counter()
            summary = run_job([str(batch)], out, spark=spark, fmt="jsonl", settings=settings)
            whole = time.perf_counter() - started
    finally:
        spark.stop()
    return {
        "master": master,
        "cores": cores,
        "coding_seconds": round(coding, 2),
        "reports_per_second": round(reports / coding, 1),
        "words_per_second": round(words / coding),
        "whole_job_seconds": round(whole, 2),
        "events": summary.events,
        "merged": summary.merged,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=12)
    parser.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    parser.add_argument("--json", type=Path, default=RESULTS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "reports.jsonl"
        reports, words = write_batch(batch, args.copies)
        runs = [measure(master, batch, reports, words) for master in args.masters]
    base = runs[0]["reports_per_second"]
    for run in runs:
        run["speedup_over_first"] = round(float(run["reports_per_second"]) / float(base), 2)  # type: ignore[arg-type]
    result = {
        "reports": reports,
        "words": words,
        "cpus": os.cpu_count(),
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "runs": runs,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n")
    print("| master | reports/s (coding) | words/s | speed-up | whole job (s) |")
    print("|---|---|---|---|---|")
    for run in runs:
        print(
            f"| {run['master']} | {run['reports_per_second']} | {run['words_per_second']} | "
            f"{run['speedup_over_first']} | {run['whole_job_seconds']} |"
        )
    print(f"{reports} reports, {words} words; load average {result['load_average']}")


if __name__ == "__main__":
    main()
