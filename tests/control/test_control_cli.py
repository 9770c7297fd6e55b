from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from frontlines.cli import control as control_cli
from frontlines.model import Event


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, village_events: list[Event]):  # type: ignore[no-untyped-def]
    def fake_load(db_url: str | None) -> list[Event]:
        return village_events

    monkeypatch.setattr(control_cli, "load_events", fake_load)

    def invoke(*args: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(control_cli.control_command, list(args))
        return result.exit_code, result.stdout, result.stderr

    return invoke


def test_json_on_a_date(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("--date", "2018-04-01", "--format", "json")
    assert code == 0
    [row] = json.loads(out)
    assert row["controller"] == "Islamic State (Syria)"
    assert row["since"] == "2018-03-10"
    assert row["evidence"][0]["text"] == "span e1"


def test_unknown_before_first_report_csv(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("--date", "2018-01-01", "--format", "csv")
    assert code == 0
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["controller"] == "unknown" and row["location"] == "Kafr Nur"


def test_geojson_and_admin1(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("--date", "2018-07-01", "--format", "geojson", "--admin1", "Idleb")
    data = json.loads(out)
    assert code == 0
    [feature] = data["features"]
    assert feature["geometry"]["coordinates"] == [36.6, 35.5]
    assert feature["properties"]["controller"] == "Military Forces of Syria (2000-)"
    _, out, _ = run("--date", "2018-07-01", "--format", "geojson", "--admin1", "Hama")
    assert json.loads(out)["features"] == []


def test_place_history_table(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("--place", "Kafr Nur")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["location", "admin1", "controller"]
    assert "Islamic State (Syria)" in lines[1] and "2018-06-01" in lines[1]
    assert "Military Forces of Syria (2000-)" in lines[2]


def test_unknown_place_is_one_line_error(run) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("--place", "Nowhere")
    assert code == 1
    assert err.strip() == "error: Nowhere: no control reports for this place"


def test_bad_date_is_a_usage_error(run) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("--date", "March")
    assert code == 2 and "not a date" in err


def test_reads_events_from_a_real_store(tmp_path, village_events: list[Event]) -> None:  # type: ignore[no-untyped-def]
    from frontlines.model import Article
    from frontlines.store import open_store

    url = f"sqlite:///{tmp_path / 'control.db'}"
    with open_store(url) as store:
        for event in village_events:
            store.save(Article(id=event.article_id, text="x" * 40), [event])
    result = CliRunner().invoke(
        control_cli.control_command, ["--db", url, "--date", "2018-04-01", "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0]["controller"] == "Islamic State (Syria)"
