"""``frontlines events`` through click's CliRunner, on a temporary store seeded with
the library API (SQLite and PostgreSQL: ``store_url`` is parametrised)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner, Result

from frontlines.cli import events as events_cli
from frontlines.cli.events import events_command
from frontlines.model import Article, Event
from frontlines.store import open_store


@pytest.fixture
def seeded_url(
    store_url: str, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> str:
    url = store_url
    with open_store(url) as store:
        store.save(
            make_article("a"),
            [
                make_event("a1", "a", event_date=date(2021, 3, 1), location="Qasr Nadir"),
                make_event(
                    "a2",
                    "a",
                    event_date=date(2021, 3, 20),
                    sub_event_type="Armed clash",
                    event_type="Battles",
                    location="Tall Sabr",
                    admin1="Eastmarch",
                    latitude=None,
                    longitude=None,
                ),
            ],
        )
        store.save(
            make_article("b"),
            [
                make_event(
                    "b1",
                    "b",
                    event_date=date(2021, 5, 5),
                    country="Otherland",
                    actor1="Coastal Militia",
                    actor2=None,
                    assoc_actor_1=(),
                    location="Port Sela",
                )
            ],
        )
    return url


def run(*args: str) -> Result:
    return CliRunner().invoke(events_command, list(args))


def jsonl_ids(result: Result) -> list[str]:
    return [json.loads(line)["event_id"] for line in result.stdout.splitlines()]


def test_default_is_a_table_of_all_events(seeded_url: str) -> None:
    result = run("--db", seeded_url)
    assert result.exit_code == 0, result.output
    for location in ("Qasr Nadir", "Tall Sabr", "Port Sela"):
        assert location in result.stdout
    assert "3 event(s)" in result.stdout


def test_db_defaults_to_the_setting(seeded_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTLINES_DB", seeded_url)
    result = run("--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert jsonl_ids(result) == ["a1", "a2", "b1"]


def test_jsonl_round_trips_through_event_from_dict(seeded_url: str) -> None:
    result = run("--db", seeded_url, "--format", "jsonl", "--article", "a")
    assert result.exit_code == 0, result.output
    back = [Event.from_dict(json.loads(line)) for line in result.stdout.splitlines()]
    with open_store(seeded_url) as store:
        stored = store.query_events()
    assert back == [Event.from_dict(e.to_dict()) for e in stored if e.article_id == "a"]
    assert back[0].evidence  # evidence spans survive the export


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--since", "2021-03-02"], ["a2", "b1"]),
        (["--until", "2021-03-20"], ["a1", "a2"]),
        (["--country", "otherland"], ["b1"]),
        (["--admin1", "Eastmarch"], ["a2"]),
        (["--type", "Battles"], ["a2"]),
        (["--type", "armed clash"], ["a2"]),
        (["--actor", "coastal"], ["b1"]),
        (["--limit", "1", "--offset", "1"], ["a2"]),
        (["--actor", "x' OR '1'='1"], []),
    ],
)
def test_filters(seeded_url: str, args: list[str], expected: list[str]) -> None:
    result = run("--db", seeded_url, "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    assert jsonl_ids(result) == expected


@pytest.mark.parametrize("flag", ["--since", "--until"])
def test_bad_date_is_a_one_line_usage_error(seeded_url: str, flag: str) -> None:
    result = run("--db", seeded_url, flag, "2021-13-45")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "'2021-13-45' is not a date (YYYY-MM-DD)" in result.stderr


def test_missing_database_is_one_line_and_exit_1(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/absent.db"
    result = run("--db", url)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"error: {url}: no database at {tmp_path}/absent.db"
    ]
    assert not (tmp_path / "absent.db").exists()


def test_corrupted_database_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("not a database at all " * 100)
    result = run("--db", str(bad))
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "not a SQLite database" in result.stderr


def test_unreachable_postgres_is_one_line_with_the_password_masked() -> None:
    # Port 1 on the loopback: nothing listens, the refusal is immediate.
    result = run("--db", "postgresql://analyst:s3cret@127.0.0.1:1/war")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: postgresql://analyst:***@127.0.0.1:1/war: cannot connect")
    assert "s3cret" not in result.output


def test_csv_to_a_file(seeded_url: str, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    result = run("--db", seeded_url, "--format", "csv", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    frame = pd.read_csv(target)
    assert list(frame["event_id"]) == ["a1", "a2", "b1"]


def test_geojson_reports_skipped_events(seeded_url: str) -> None:
    result = run("--db", seeded_url, "--format", "geojson")
    assert result.exit_code == 0, result.output
    collection = json.loads(result.stdout)
    assert [f["id"] for f in collection["features"]] == ["a1", "b1"]
    assert "1 event(s) without coordinates" in result.stderr


def test_parquet_to_a_file_and_to_a_pipe(seeded_url: str, tmp_path: Path) -> None:
    target = tmp_path / "events.parquet"
    result = run("--db", seeded_url, "--format", "parquet", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert list(pd.read_parquet(target)["event_id"]) == ["a1", "a2", "b1"]
    piped = run("--db", seeded_url, "--format", "parquet", "--country", "Otherland")
    assert piped.exit_code == 0, piped.output
    assert list(pd.read_parquet(io.BytesIO(piped.stdout_bytes))["event_id"]) == ["b1"]


def test_parquet_to_a_terminal_needs_output(
    seeded_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(events_cli, "_stdout_is_terminal", lambda: True)
    result = run("--db", seeded_url, "--format", "parquet")
    assert result.exit_code == 2
    assert "--output" in result.stderr


def test_unwritable_output_is_one_line(seeded_url: str, tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "out.json"
    result = run("--db", seeded_url, "--format", "json", "--output", str(target))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {target}: cannot write")
    assert len(result.stderr.strip().splitlines()) == 1


# -- --merged ---------------------------------------------------------------------------


@pytest.fixture
def merged_url(
    store_url: str, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> str:
    """Two reports of one shelling (2 and 5 dead) and one report of another."""
    url = store_url
    with open_store(url) as store:
        store.save(make_article("a"), [make_event("a1", "a", fatalities=5, hedged=False)])
        store.save(
            make_article("b"),
            [
                make_event("b1", "b", fatalities=2, hedged=False, source="Other Wire"),
                make_event("b2", "b", event_date=date(2021, 4, 1), location="Port Sela"),
            ],
        )
        store.remerge()
    return url


def test_merged_jsonl_keeps_sources_evidence_and_conflicts(merged_url: str) -> None:
    result = run("--db", merged_url, "--merged", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    with open_store(merged_url) as store:
        stored = store.merged_events()
    assert [r["event_id"] for r in rows] == [m.merged_id for m in stored]
    shelling = rows[0]
    assert shelling["member_ids"] == ["a1", "b1"]
    assert shelling["fatalities"] == 2
    assert [s["source"] for s in shelling["sources"]] == [
        "Example Wire; Example Monitor",
        "Other Wire",
    ]
    assert all(s["evidence"] for s in shelling["sources"])
    assert {c["value"] for c in shelling["conflicts"] if c["field"] == "fatalities"} == {"2", "5"}
    assert result.stderr == ""


def test_merged_filters_and_formats(merged_url: str, tmp_path: Path) -> None:
    by_article = run("--db", merged_url, "--merged", "--format", "jsonl", "--article", "a")
    assert [json.loads(line)["member_ids"] for line in by_article.stdout.splitlines()] == [
        ["a1", "b1"]
    ]
    later = run("--db", merged_url, "--merged", "--format", "json", "--since", "2021-03-09")
    assert [m["member_ids"] for m in json.loads(later.stdout)] == [["b2"]]
    target = tmp_path / "merged.csv"
    csv = run("--db", merged_url, "--merged", "--format", "csv", "-o", str(target))
    assert csv.exit_code == 0, csv.output
    frame = pd.read_csv(target)
    with open_store(merged_url) as store:
        assert list(frame["event_id"]) == [m.merged_id for m in store.merged_events()]
    assert list(frame["fatalities"]) == [2, 2]  # the merged count, b2's own


def test_merged_warns_about_events_not_merged_yet(seeded_url: str) -> None:
    result = run("--db", seeded_url, "--merged", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "3 stored event(s) not merged yet" in result.stderr
