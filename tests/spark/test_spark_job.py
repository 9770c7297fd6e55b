"""The Spark job gives what the single-machine pipeline gives on the same reports:
the same events field by field, the same merged events and the same control periods.

One Spark session and one job for the module (``local[2]``, a small batch: our
example reports, the ingest fixtures' JSONL batch with its bad lines, and a report
that is not JSON at all).
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from frontlines.control import history, observations
from frontlines.control import load_rules as control_rules
from frontlines.errors import InputError
from frontlines.ingest import read_inputs
from frontlines.merge import merge_events
from frontlines.model import Event, Evidence
from frontlines.pipeline import ArticleResult, default_pipeline
from frontlines.spark import JobSummary, run_job
from frontlines.spark.io import read_events
from frontlines.spark.job import code_reports, read_jsonl_output
from frontlines.spark.merge import merged_order, spark_merge

pytestmark = pytest.mark.spark

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "src" / "frontlines" / "data" / "examples"
FIXTURE_BATCH = REPO / "tests" / "fixtures" / "ingest" / "batch.jsonl"
PUBLISHED = {
    "frontline_report": "2024-03-03",
    "jirah_monitor_report": "2017-05-15",
    "jirah_wire_report": "2017-05-14",
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reports") / "reports.jsonl"
    lines = [
        json.dumps(
            {"text": (EXAMPLES / f"{name}.md").read_text(), "published": day, "source": name}
        )
        for name, day in PUBLISHED.items()
    ]
    lines.append("{this is not JSON")
    path.write_text("\n".join(lines) + "\n" + FIXTURE_BATCH.read_text(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_events(batch: Path) -> list[Event]:
    pipeline = default_pipeline()
    results = pipeline.run(read_inputs([batch]))
    return [e for r in results if isinstance(r, ArticleResult) for e in r.events]


@pytest.fixture(scope="module")
def job(
    spark: Any, batch: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[JobSummary, str]:
    output = str(tmp_path_factory.mktemp("spark") / "out")
    return run_job([str(batch)], output, spark=spark), output


def _canonical(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True, default=str) for r in rows)


def _rows(events: list[Event]) -> list[dict[str, Any]]:
    return sorted((e.to_dict() for e in events), key=lambda r: r["event_id"])


def test_spark_events_equal_the_local_pipeline_field_by_field(
    spark: Any, job: tuple[JobSummary, str], local_events: list[Event]
) -> None:
    summary, output = job
    spark_rows = _rows(read_events(spark, f"{output}/events"))
    local_rows = _rows(local_events)
    assert [r["event_id"] for r in spark_rows] == [r["event_id"] for r in local_rows]
    for mine, theirs in zip(spark_rows, local_rows, strict=True):
        for field, value in theirs.items():
            assert mine[field] == value, (theirs["event_id"], field)
    assert summary.events == len(local_events) > 5


def test_events_are_partitioned_by_date(job: tuple[JobSummary, str]) -> None:
    folders = {p.name for p in (Path(job[1]) / "events").iterdir() if p.is_dir()}
    assert "event_date=2024-03-02" in folders
    assert "event_date=2017-05-13" in folders


def test_spark_merge_equals_merge_events(
    job: tuple[JobSummary, str], spark: Any, local_events: list[Event]
) -> None:
    summary, output = job
    expected = [json.loads(json.dumps(m.to_dict())) for m in merge_events(local_events)]
    got = read_jsonl_output(spark, f"{output}/merged")  # part files come back in any order
    assert _canonical(got) == _canonical(expected)
    assert summary.merged == len(expected) < len(local_events)  # the Jirah reports merge


def test_spark_control_equals_the_control_stage(
    job: tuple[JobSummary, str], spark: Any, local_events: list[Event]
) -> None:
    _, output = job
    rules = control_rules()
    relevant = [e for e in local_events if rules.transfer_types.__contains__(e.sub_event_type)
                or e.sub_event_type == rules.agreement_type]  # fmt: skip
    observed = observations(merge_events(relevant))
    expected = [p.to_dict() for key in sorted({o.place.key for o in observed})
                for p in history(observed, key)]  # fmt: skip
    got = read_jsonl_output(spark, f"{output}/control")

    assert _canonical(got) == _canonical(json.loads(json.dumps(expected, default=str)))
    assert any(p["controller"].startswith("Military Forces of Syria") for p in got)


def test_bad_lines_are_rejected_with_reasons_and_the_job_goes_on(
    job: tuple[JobSummary, str], spark: Any, batch: Path
) -> None:
    summary, output = job
    rejects = read_jsonl_output(spark, f"{output}/rejects")
    local = [r for r in read_inputs([batch]) if not hasattr(r, "text")]
    assert summary.rejected == len(rejects) == len(local)
    # The same reasons; JSON's own message may differ where Spark's line reader drops
    # a stray carriage return, so compare up to the parenthesis.
    assert sorted(r["reason"].split(" (")[0] for r in rejects) == sorted(
        r.reason.split(" (")[0] for r in local
    )
    assert all(r["input"].endswith("reports.jsonl") for r in rejects)
    assert summary.reports == len(list(read_inputs([batch])))


def test_parquet_reports_give_the_same_events(
    spark: Any, tmp_path: Path, batch: Path, local_events: list[Event]
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = []
    for line in batch.read_text().splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict) and record.get("text") and "sometime" not in str(record):
            records.append({k: record.get(k) for k in ("id", "text", "published", "source")})
            records[-1]["id"] = None if record.get("id") is None else str(record["id"])
    path = tmp_path / "reports.parquet"
    pq.write_table(pa.Table.from_pylist(records), path)
    tagged = code_reports(spark, [str(path)], fmt="auto", settings=default_pipeline().settings)
    events = [item[1] for item in tagged.collect() if item[0] == "event"]
    assert _rows(events) == _rows(local_events)


def test_unreadable_input_is_one_line_naming_it(spark: Any, tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        run_job([str(tmp_path / "missing.jsonl")], str(tmp_path / "out"), spark=spark)
    assert "missing.jsonl" in str(caught.value)
    assert "\n" not in str(caught.value)
    not_parquet = tmp_path / "broken.parquet"
    not_parquet.write_text("not parquet")
    with pytest.raises(InputError) as caught:
        run_job([str(not_parquet)], str(tmp_path / "out2"), spark=spark)
    assert "broken.parquet" in str(caught.value)


def _chained_scenario() -> list[Event]:
    """Happenings reported several times, some by name only, some by point only,
    some a week vague: pairs come from different blocks and chain across keys."""
    rng = random.Random(11)
    places = [
        {"location": "Kafr Nur", "latitude": 35.50, "longitude": 36.60},
        {"location": "Kafr Noor", "latitude": 35.52, "longitude": 36.61},
        {"location": "Kafr Nur", "latitude": None, "longitude": None},
        {"location": None, "latitude": 35.505, "longitude": 36.598},
        {"location": "Tall Ward", "latitude": 35.68, "longitude": 36.60},
    ]
    events = []
    for h in range(30):
        day = date(2019, 5, 1) + timedelta(days=rng.randint(0, 9))
        for r in range(rng.randint(1, 4)):
            place = rng.choice(places)
            events.append(Event(
                event_id=f"h{h:02d}r{r}", article_id=f"a{h}{r}{rng.randint(0, 3)}",
                event_date=day, time_precision=rng.choice((1, 1, 2)),
                event_type="Battles", sub_event_type="Armed clash",
                actor1="Military Forces of Syria (2000-)",
                actor2=rng.choice(("Opposition Rebels (Syria)", None)),
                country="Syria", admin1="Idleb", geo_precision=1,
                fatalities=rng.randint(0, 5), source=f"Wire {r}",
                evidence=(Evidence(0, 9, f"span {h}{r}"),), **place,
            ))  # fmt: skip
    return events


@pytest.mark.parametrize("driver_pairs", [0, 10_000], ids=["propagation", "driver"])
def test_spark_merge_handles_chains_across_blocks(spark: Any, driver_pairs: int) -> None:
    events = _chained_scenario()
    expected = merge_events(events)
    assert len(expected) < len(events)
    merged = spark_merge(spark.sparkContext.parallelize(events, 4), driver_pairs).collect()
    assert sorted(merged, key=merged_order) == expected
