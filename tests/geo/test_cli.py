"""The places and gazetteer commands through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from frontlines.cli.gazetteer import gazetteer_group
from frontlines.cli.places import places_command


def test_places_jsonl(tmp_path: Path, data_dir: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "Government troops entered the village of Qasr Mudhik near Saraqib in Idlib province.\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    result = runner.invoke(places_command, [str(report), "--format", "jsonl"],
                           env={"FRONTLINES_DATA_DIR": str(data_dir)})  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    by_text = {r["text"]: r for r in rows}
    assert by_text["Saraqib"]["admin1"] == "Idleb"
    assert by_text["Qasr Mudhik"]["geo_precision"] == 3
    assert set(rows[0]) >= {"article_id", "start", "end", "geonameid", "feature_code"}


def test_places_on_a_bad_file_prints_only_its_error(tmp_path: Path, data_dir: Path) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01 not a report")
    runner = CliRunner()
    result = runner.invoke(
        places_command, [str(binary)], env={"FRONTLINES_DATA_DIR": str(data_dir)}
    )
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "scan.txt" in lines[0], result.output


def test_gazetteer_import_and_info(tmp_path: Path, data_dir: Path) -> None:
    table = tmp_path / "extra.csv"
    table.write_text("name,lat,lon\nHawsh Qurayshi,33.55,36.45\n", encoding="utf-8")
    runner = CliRunner()
    env = {"FRONTLINES_DATA_DIR": str(data_dir)}
    args = ["import", "csv", str(table), "--name-col", "name", "--lat-col", "lat",
            "--lon-col", "lon"]  # fmt: skip
    result = runner.invoke(gazetteer_group, args, env=env)
    assert result.exit_code == 0, result.output
    assert "imported 1 places" in result.output
    info = runner.invoke(gazetteer_group, ["info"], env=env)
    assert info.exit_code == 0 and "user:csv:extra.csv" in info.output


def test_gazetteer_import_error_is_one_line(tmp_path: Path, data_dir: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(gazetteer_group, ["import", "geonames", str(tmp_path / "nope.zip")],
                           env={"FRONTLINES_DATA_DIR": str(data_dir)})  # fmt: skip
    assert result.exit_code == 1
    assert result.output.strip().endswith("nope.zip: no such file")
