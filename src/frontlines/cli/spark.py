"""``frontlines spark-ingest INPUT... OUTPUT``: the pipeline on Apache Spark.

A thin layer over ``frontlines.spark.run_job``. Also runs under ``spark-submit``
(the master is then spark-submit's), from the package's ``spark/__main__.py``:

    spark-submit --master spark://host:7077 "$(python -m frontlines.spark --path)" IN OUT
"""

from __future__ import annotations

from pathlib import Path

import click

from frontlines.cli.errors import EXIT_FAILED_INPUTS, handle_errors, report_rejected
from frontlines.config import load_settings

# Rejected reports printed on stderr; all of them are in OUTPUT/rejects.
SHOWN_REJECTS = 20


@click.command("spark-ingest")
@click.argument("inputs", nargs=-1, required=True)
@click.argument("output")
@click.option("--master", metavar="URL", help="Spark master, e.g. local[2] or spark://host:7077 "
              "(default: spark-submit's, else local[*])")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["auto", "jsonl", "parquet"]), default="auto",
              show_default=True, help="report format (auto: by extension)")  # fmt: skip
@click.option("--partitions", type=click.IntRange(min=1), help="coding partitions "
              "(default: 2 per core)")  # fmt: skip
@click.option("--rejects", "rejects_path", type=click.Path(dir_okay=False, path_type=Path),
              help="also write the rejected reports, one JSON object a line, to FILE")  # fmt: skip
@handle_errors
def spark_command(
    inputs: tuple[str, ...],
    output: str,
    master: str | None,
    fmt: str,
    partitions: int | None,
    rejects_path: Path | None,
) -> None:
    """Code the JSONL or Parquet reports under INPUTS (local paths or Hadoop URLs) on
    Spark; write events (Parquet, by date), merged events and control to OUTPUT."""
    import json

    from frontlines.spark import run_job, spark_session

    settings = load_settings()
    spark = spark_session(master)
    try:
        summary = run_job(inputs, output, spark=spark, fmt=fmt, settings=settings,
                          partitions=partitions)  # fmt: skip
    finally:
        spark.stop()
    for rejected in summary.rejects[:SHOWN_REJECTS]:
        report_rejected(rejected)
    if summary.rejected > SHOWN_REJECTS:
        click.echo(f"... and {summary.rejected - SHOWN_REJECTS} more in {output}/rejects",
                   err=True)  # fmt: skip
    if rejects_path is not None:
        with rejects_path.open("w", encoding="utf-8") as handle:
            for rejected in summary.rejects:
                record = {"input": rejected.input, "reason": rejected.reason,
                          "code": rejected.code}  # fmt: skip
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    click.echo(summary.line(), err=True)
    if summary.rejected:
        raise SystemExit(EXIT_FAILED_INPUTS)
