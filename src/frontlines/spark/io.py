"""Reports in, events out: the Spark side of ingest and export.

Reports are read as the single-machine readers read them: each JSONL line goes
through ``ingest.article_from_jsonl_line`` and each Parquet row (columns ``text`` or
``html``, and optionally ``id``, ``published``, ``source``, ``url``, ``title``) through
``ingest.article_from_record``, inside the executors. A bad line or row becomes a
``Rejected`` record labelled with its file; an unreadable input fails the job with
one line naming it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from frontlines.errors import InputError
from frontlines.export.parquet import COLUMNS, arrow_schema
from frontlines.ingest import article_from_jsonl_line, article_from_record
from frontlines.model import Article, Event, Rejected

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import StructType

INPUT_FORMATS = ("auto", "jsonl", "parquet")
# A report row crossing into the executors: (file, JSONL line) or (file, Parquet row).
ReportRow = tuple[str, Any]


def input_format(paths: Sequence[str], fmt: str) -> str:
    """``jsonl`` or ``parquet``: as given, else from the paths' extension."""
    if fmt != "auto":
        return fmt
    stripped = [p.rstrip("/") for p in paths]
    return "parquet" if all(p.endswith(".parquet") for p in stripped) else "jsonl"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def read_reports(spark: SparkSession, paths: Sequence[str], fmt: str) -> RDD[ReportRow]:
    """(file, line or row) pairs of every report in ``paths``."""
    from pyspark.sql import functions as F

    label = ", ".join(paths)
    try:
        if input_format(paths, fmt) == "parquet":
            frame = spark.read.parquet(*paths)
            columns = frame.columns
            if "text" not in columns and "html" not in columns:
                raise InputError("Parquet reports need a 'text' or 'html' column", source=label)
            frame = frame.select(F.col("_metadata.file_path").alias("_file"), *columns)
            return frame.rdd.map(lambda row: (row["_file"], _plain(row.asDict())))
        lines = spark.read.option("lineSep", "\n").text(list(paths))
        lines = lines.select(F.col("_metadata.file_path").alias("_file"), "value")
        return lines.rdd.map(lambda row: (row["_file"], row["value"]))
    except InputError:
        raise
    except Exception as exc:  # AnalysisException: no such path, not Parquet, ...
        raise InputError(f"cannot read reports: {_first_line(exc)}", source=label) from exc


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    """A Parquet row as a JSON report: dates as ISO strings, nulls left out."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key == "_file" or value is None:
            continue
        if isinstance(value, datetime):
            value = value.date().isoformat()
        elif isinstance(value, date):
            value = value.isoformat()
        out[key] = value
    return out


def articles_of(rows: Iterable[ReportRow], limit: int) -> Iterator[Article | Rejected]:
    """The Articles (or Rejected records) of report rows, as the local readers make them."""
    for file, value in rows:
        if isinstance(value, dict):
            try:
                yield article_from_record(value, where=file, fmt="parquet")
            except InputError as exc:
                yield Rejected(file, exc.message, exc.code)
            continue
        line = value.encode("utf-8")
        if len(line) > limit:
            yield Rejected(
                file,
                f"line is over the limit of {limit:,} bytes (setting max_input_bytes)",
                "E104",
            )
            continue
        item = article_from_jsonl_line(line, where=file, bom=True)
        if item is not None:
            yield item


def event_schema() -> StructType:
    """The export columns as a Spark schema: derived from the Parquet export's Arrow
    schema (``export.parquet.arrow_schema``), so the two never drift apart."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(arrow_schema())


def event_row(event: Event) -> tuple[Any, ...]:
    """One event as a row of ``event_schema`` (the values of ``Event.to_dict``)."""
    record = event.to_dict()
    record["event_date"] = event.event_date
    record["evidence"] = [(e["start"], e["end"], e["text"]) for e in record["evidence"]]
    return tuple(record[name] for name in COLUMNS)


def write_events(spark: SparkSession, events: RDD[Event], path: str) -> None:
    """Events as Parquet, one folder per ``event_date`` (undated: Hive's default)."""
    frame = spark.createDataFrame(events.map(event_row), event_schema())
    frame.write.mode("overwrite").partitionBy("event_date").parquet(path)


def read_events(spark: SparkSession, path: str) -> list[Event]:
    """The events a job wrote (e.g. to compare them, or to merge them again)."""
    frame: DataFrame = spark.read.parquet(path)
    events = []
    for row in frame.collect():
        record = row.asDict(recursive=True)
        when = record.get("event_date")
        record["event_date"] = when.isoformat() if isinstance(when, date) else when
        events.append(Event.from_dict(record))
    return events


def write_jsonl(records: RDD[dict[str, Any]], path: str) -> None:
    """One JSON object a line, in part files under ``path`` (replaced if present)."""
    from pyspark.sql import SparkSession

    spark = SparkSession.getActiveSession()
    assert spark is not None
    lines = records.map(lambda r: (json.dumps(r, ensure_ascii=False, sort_keys=True),))
    spark.createDataFrame(lines, "value string").write.mode("overwrite").text(path)
