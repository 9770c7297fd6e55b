"""``run_job``: reports -> coded events (Parquet by date) -> merged events -> control.

The coding runs in ``mapPartitions``: each executor process builds the library's
``Pipeline`` once (``default_pipeline``, cached per process and Spark reuses its
Python workers) and streams its partition through ``Pipeline.run``, batches of
``BATCH_SIZE`` documents through ``nlp.pipe``, exactly as ``frontlines ingest``
does. A report that cannot be read or coded becomes a rejected row, and the job
goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from frontlines.config import Settings, load_settings
from frontlines.model import Event, Rejected
from frontlines.spark.io import (
    ReportRow,
    articles_of,
    read_reports,
    write_events,
    write_jsonl,
)
from frontlines.spark.merge import merged_order, spark_control, spark_merge

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

# Partitions per core for coding: several, so a partition of long reports does not
# leave the other cores idle at the end, few enough that each amortises nlp.pipe.
PARTITIONS_PER_CORE = 2

# What coding yields, tagged: a coded report (no payload), an event, or a reject.
CODED, EVENT, REJECTED = "coded", "event", "rejected"
Tagged = tuple[str, Any]


@dataclass(frozen=True, slots=True)
class JobSummary:
    """What a job read, rejected and wrote."""

    reports: int
    rejected: int
    events: int
    merged: int
    control_periods: int
    output: str
    rejects: tuple[Rejected, ...] = ()

    def line(self) -> str:
        return (
            f"{self.reports} report(s) read, {self.rejected} rejected, {self.events} event(s) "
            f"coded, {self.merged} merged event(s), {self.control_periods} control period(s) "
            f"-> {self.output}"
        )


def code_partition(settings: Settings) -> Any:
    """The mapPartitions function: report rows in, tagged results out."""

    def code(rows: Iterable[ReportRow]) -> Iterator[Tagged]:
        from frontlines.pipeline import ArticleResult, default_pipeline

        pipeline = default_pipeline(settings)
        for result in pipeline.run(articles_of(rows, settings.max_input_bytes)):
            if isinstance(result, ArticleResult):
                yield CODED, None
                for event in result.events:
                    yield EVENT, event
            else:
                yield REJECTED, result

    return code


def code_reports(
    spark: SparkSession, paths: Sequence[str], *, fmt: str, settings: Settings,
    partitions: int | None = None,
) -> RDD[Tagged]:  # fmt: skip
    """Every report coded (cached: later steps reuse it instead of coding again)."""
    if (spark.sparkContext.master or "").startswith("local"):
        # Local executors share this machine's data directory: build the packaged
        # gazetteer here once (a no-op when built), not in every executor at once.
        from frontlines.geo import open_gazetteer

        open_gazetteer(settings)
    rows = read_reports(spark, paths, fmt)
    wanted = partitions or spark.sparkContext.defaultParallelism * PARTITIONS_PER_CORE
    if rows.getNumPartitions() < wanted:
        rows = rows.repartition(wanted)
    return rows.mapPartitions(code_partition(settings)).cache()


def run_job(
    paths: Sequence[str],
    output: str,
    *,
    spark: SparkSession,
    fmt: str = "auto",
    settings: Settings | None = None,
    partitions: int | None = None,
) -> JobSummary:
    """Code, store, merge and read control from the reports under ``paths``."""
    settings = settings or load_settings()
    out = output.rstrip("/")
    tagged = code_reports(spark, paths, fmt=fmt, settings=settings, partitions=partitions)
    counts = dict(tagged.map(lambda item: (item[0], 1)).reduceByKey(lambda a, b: a + b).collect())
    events: RDD[Event] = tagged.filter(lambda item: item[0] == EVENT).map(lambda item: item[1])
    rejects: RDD[Rejected] = tagged.filter(lambda i: i[0] == REJECTED).map(lambda i: i[1])

    write_events(spark, events, f"{out}/events")
    write_jsonl(rejects.map(_reject_record), f"{out}/rejects")
    merged = spark_merge(events).cache()
    write_jsonl(merged.sortBy(merged_order).map(lambda m: m.to_dict()), f"{out}/merged")
    periods = spark_control(events).cache()
    write_jsonl(periods.map(lambda p: p.to_dict()), f"{out}/control")
    summary = JobSummary(
        reports=counts.get(CODED, 0) + counts.get(REJECTED, 0),
        rejected=counts.get(REJECTED, 0),
        events=counts.get(EVENT, 0),
        merged=merged.count(),
        control_periods=periods.count(),
        output=out,
        rejects=tuple(rejects.take(1000)),
    )
    for rdd in (tagged, merged, periods):
        rdd.unpersist()
    return summary


def _reject_record(rejected: Rejected) -> dict[str, str]:
    return {"input": rejected.input, "reason": rejected.reason, "code": rejected.code}


def read_jsonl_output(spark: SparkSession, path: str) -> list[dict[str, Any]]:
    """The records of a JSONL output folder (``merged``, ``control``, ``rejects``)."""
    return [json.loads(row.value) for row in spark.read.text(path).collect()]
