"""Every export format parses back into what was written."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from frontlines.export import (
    CSV_COLUMNS,
    FORMATS,
    ExportError,
    WriteResult,
    events_to_dataframe,
    write_events,
)
from frontlines.export.table import write_table
from frontlines.model import ACLED_COLUMNS, EXTRA_COLUMNS, Event


def text_of(events: list[Event], fmt: str) -> tuple[str, WriteResult]:
    out = io.StringIO()
    result = write_events(events, fmt, out)
    return out.getvalue(), result


def test_formats_for_the_cli() -> None:
    assert FORMATS == ("table", "json", "jsonl", "csv", "geojson", "parquet")


def test_jsonl_round_trip(events: list[Event]) -> None:
    text, result = text_of(events, "jsonl")
    assert result == WriteResult("jsonl", 3, 0)
    lines = text.splitlines()
    assert len(lines) == 3
    assert [Event.from_dict(json.loads(line)) for line in lines] == events


def test_json_is_one_list(events: list[Event]) -> None:
    text, result = text_of(events, "json")
    assert result.written == 3
    data = json.loads(text)
    assert isinstance(data, list)
    assert [Event.from_dict(item) for item in data] == events
    assert json.loads(text_of([], "json")[0]) == []


def test_csv_header_order_and_values(events: list[Event]) -> None:
    text, result = text_of(events, "csv")
    assert result.written == 3
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == ACLED_COLUMNS + EXTRA_COLUMNS == CSV_COLUMNS
    records = list(csv.DictReader(io.StringIO(text)))
    first, second = records[0], records[1]
    assert first["notes"] == events[0].notes  # quotes, commas and ';' survive
    assert first["assoc_actor_1"] == "Militia of Dar Sīn; Volunteer Corps"
    assert first["losses"] == "3 vehicles destroyed; 1 tank captured"
    assert json.loads(first["evidence"]) == [e.to_dict() for e in events[0].evidence]
    assert first["hedged"] == "true"
    assert first["latitude"] == "36.6981"
    assert second["event_date"] == second["latitude"] == second["actor2"] == ""
    assert json.loads(second["evidence"]) == []


def test_csv_loads_in_pandas_with_acled_columns_first(events: list[Event]) -> None:
    text, _ = text_of(events, "csv")
    frame = pd.read_csv(io.StringIO(text))
    assert list(frame.columns[: len(ACLED_COLUMNS)]) == list(ACLED_COLUMNS)
    assert list(frame["fatalities"]) == [7, 0, 0]
    assert list(frame["hedged"]) == [True, False, False]


def test_geojson_structure_and_coordinate_order(events: list[Event]) -> None:
    text, result = text_of(events, "geojson")
    assert result == WriteResult("geojson", 2, 1)
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert [f["id"] for f in features] == ["ev-1", "ev-3"]
    for feature, event in zip(features, (events[0], events[2]), strict=True):
        assert feature["type"] == "Feature"
        assert feature["geometry"] == {
            "type": "Point",
            "coordinates": [event.longitude, event.latitude],  # RFC 7946: lon, lat
        }
        assert feature["properties"] == event.to_dict()


@pytest.mark.parametrize(
    ("lat", "lon"), [(float("nan"), 10.0), (95.0, 10.0), (10.0, 200.0), (None, 10.0)]
)
def test_geojson_skips_unusable_coordinates(
    events: list[Event], lat: float | None, lon: float | None
) -> None:
    from dataclasses import replace

    broken = replace(events[0], latitude=lat, longitude=lon)
    text, result = text_of([broken], "geojson")
    assert result == WriteResult("geojson", 0, 1)
    assert json.loads(text) == {"type": "FeatureCollection", "features": []}


def test_dataframe_columns_and_types(events: list[Event]) -> None:
    frame = events_to_dataframe(events)
    assert list(frame.columns) == list(ACLED_COLUMNS + EXTRA_COLUMNS)
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert frame["event_date"].iloc[0] == pd.Timestamp("2019-11-04")
    assert pd.isna(frame["event_date"].iloc[1])
    assert frame["evidence"].iloc[0] == [e.to_dict() for e in events[0].evidence]
    assert frame["losses"].iloc[0] == ["3 vehicles destroyed", "1 tank captured"]
    assert str(frame["inter2"].dtype) == "Int64"
    assert frame["fatalities"].tolist() == [7, 0, 0]
    assert frame["hedged"].dtype == bool


def test_empty_dataframe_keeps_columns() -> None:
    frame = events_to_dataframe([])
    assert list(frame.columns) == list(ACLED_COLUMNS + EXTRA_COLUMNS)
    assert len(frame) == 0


def test_parquet_to_a_binary_stream_reads_back(events: list[Event]) -> None:
    out = io.BytesIO()
    result = write_events(events, "parquet", out)
    assert result == WriteResult("parquet", 3, 0)
    frame = pd.read_parquet(io.BytesIO(out.getvalue()))
    assert list(frame.columns) == list(CSV_COLUMNS)
    assert list(frame["event_id"]) == ["ev-1", "ev-2", "ev-3"]
    assert pd.Timestamp(frame["event_date"].iloc[0]) == pd.Timestamp("2019-11-04")
    assert pd.isna(frame["event_date"].iloc[1])
    evidence = [dict(item) for item in frame["evidence"].iloc[0]]
    assert evidence == [e.to_dict() for e in events[0].evidence]
    assert list(frame["losses"].iloc[0]) == list(events[0].losses)
    assert frame["latitude"].iloc[2] == -12.5


def test_parquet_to_a_path_and_with_no_events(tmp_path: Path, events: list[Event]) -> None:
    target = tmp_path / "e.parquet"
    write_events(events[:1], "parquet", target)
    assert list(pd.read_parquet(target)["location"]) == ["Tall Abyad al-Gharbi"]
    empty = tmp_path / "empty.parquet"
    write_events([], "parquet", str(empty))
    frame = pd.read_parquet(empty)
    assert len(frame) == 0
    assert list(frame.columns) == list(CSV_COLUMNS)


def test_parquet_refuses_a_pure_text_stream(events: list[Event]) -> None:
    with pytest.raises(ExportError, match="binary"):
        write_events(events, "parquet", io.StringIO())


def test_text_formats_accept_a_binary_stream(events: list[Event]) -> None:
    out = io.BytesIO()
    write_events(events, "jsonl", out)
    assert not out.closed  # the caller's stream stays open
    lines = out.getvalue().decode("utf-8").splitlines()
    assert Event.from_dict(json.loads(lines[2])).location == "Ğarbī Hamlet"


def test_unknown_format_is_an_export_error(events: list[Event]) -> None:
    with pytest.raises(ExportError, match="unknown format 'xml'"):
        write_events(events, "xml", io.StringIO())


@pytest.mark.parametrize("use_rich", [False, True])
def test_table_shows_the_scanning_columns(events: list[Event], use_rich: bool) -> None:
    if use_rich:
        pytest.importorskip("rich")
    out = io.StringIO()
    assert write_table(events, out, use_rich=use_rich) == 3
    text = out.getvalue()
    lines = text.splitlines()
    assert "date" in lines[0] and "actor1" in lines[0] and "location" in lines[0]
    assert "2019-11-04" in text
    assert "Tall Abyad al-Gharbi" in text
    assert "Armed clash" in text
    # Long names are cut, never wrapped: one line per event.
    assert "Military Forces of Exampl…" in text
    assert "(2010-)" not in text
    assert len(lines) == 6  # header, rule, 3 events, count
    assert lines[-1] == "3 event(s)"
    assert "\x1b[" not in text  # no colour codes when not writing to a terminal


def test_plain_table_aligns_columns(events: list[Event]) -> None:
    out = io.StringIO()
    write_table(events, out, use_rich=False)
    header, rule, *rows = out.getvalue().splitlines()
    assert set(rule.replace(" ", "")) == {"-"}
    start = header.index("location")
    assert rows[0][start:].startswith("Tall Abyad")
    assert rows[0].rstrip().endswith("7")


def test_table_with_no_events() -> None:
    out = io.StringIO()
    assert write_events([], "table", out).written == 0
    assert out.getvalue() == "no events\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_table_uses_rich_only_on_a_terminal(events: list[Event]) -> None:
    pytest.importorskip("rich")
    piped, terminal = io.StringIO(), _Terminal()
    write_table(events, piped)
    write_table(events, terminal)
    assert "─" not in piped.getvalue()  # plain text: a rule of '-'
    assert "─" in terminal.getvalue()  # rich's box drawing


def test_long_tables_skip_rich_even_on_a_terminal(events: list[Event]) -> None:
    from frontlines.export.table import RICH_MAX_ROWS

    terminal = _Terminal()
    write_table(events * (RICH_MAX_ROWS // 3 + 1), terminal)
    assert "─" not in terminal.getvalue()
