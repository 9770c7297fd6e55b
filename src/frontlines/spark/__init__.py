"""spark stage: the same pipeline on Apache Spark, for archives one machine cannot code.

    frontlines spark-ingest INPUT OUTPUT [--master URL]
    spark-submit --master URL "$(python -m frontlines.spark --path)" INPUT OUTPUT

``run_job`` reads JSONL or Parquet reports (local paths or any Hadoop filesystem URL),
codes them inside ``mapPartitions`` with the library's own ``Pipeline`` (spaCy model
and gazetteer loaded once per executor process), writes the events as Parquet
partitioned by ``event_date``, then merges them (``merge.py``: the merge stage's own
blocking keys and ``match`` as a Spark join, connected components, then
``merge_events`` on each component) and reads territorial control from them (one
group per place, the control stage's ``history``). Every result equals what the
single-machine pipeline gives on the same reports; ``tests/spark`` checks it.

PySpark is imported only here, when a job runs, so the rest of frontlines works
without it; a missing PySpark or Java is a one-line ``ConfigError``.

Output layout::

    OUTPUT/events/event_date=YYYY-MM-DD/part-*.parquet   coded events (export columns)
    OUTPUT/merged/part-*                                 merged events, JSONL
    OUTPUT/control/part-*                                control periods per place, JSONL
    OUTPUT/rejects/part-*                                rejected reports, JSONL
"""

from frontlines.spark.job import JobSummary, run_job
from frontlines.spark.session import spark_session

__all__ = ["JobSummary", "run_job", "spark_session"]
