"""Progress of imports and downloads: byte counts that only grow and end at the
input's size; a bar on a terminal, nothing but the summary line elsewhere."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli import progress
from frontlines.cli.gazetteer import gazetteer_group
from frontlines.config import Settings
from frontlines.geo import import_csv, import_geonames

Report = tuple[str, int, int | None]


def _rows(count: int) -> str:
    """A GeoNames dump of made-up villages around Idlib."""
    lines = []
    for n in range(count):
        cols = [9700000 + n, f"Qarya {n}", f"Qarya {n}", "", 35.5 + n / 1000, 36.5, "P", "PPL",
                "SY", "", "", "", "", "", 0, "", "300", "Asia/Damascus", "2024-01-01"]  # fmt: skip
        lines.append("\t".join(str(c) for c in cols))
    return "\n".join(lines) + "\n"


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> list[Report]:
    monkeypatch.setattr("frontlines.geo.counted.REPORT_BYTES", 512)  # many reports
    return []


def _check(found: list[Report], label: str, total: int) -> None:
    assert len(found) > 2
    assert {what for what, _, _ in found} == {label}
    assert {size for _, _, size in found} == {total}
    counts = [done for _, done, _ in found]
    assert counts == sorted(set(counts)) and counts[-1] == total  # growing


def test_a_geonames_import_counts_the_bytes_it_reads(
    tmp_path: Path, settings: Settings, reports: list[Report]
) -> None:
    dump = tmp_path / "SY.txt"
    dump.write_text(_rows(400), encoding="utf-8")
    result = import_geonames(dump, settings=settings, progress=lambda *r: reports.append(r))
    assert result.imported == 400
    _check(reports, "importing SY.txt", dump.stat().st_size)


def test_a_zipped_dump_counts_its_table_and_the_alternate_names(
    tmp_path: Path, settings: Settings, reports: list[Report]
) -> None:
    table = _rows(400)
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("readme.txt", "not data")
        zf.writestr("SY.txt", table)
    alternates = tmp_path / "alternates.txt"
    lines = (f"{n}\t{9700000 + n}\ten\tQ {n}\t\t\t\t\t\t\n" for n in range(400))
    alternates.write_text("".join(lines))
    import_geonames(archive, alternate_names=alternates, settings=settings,
                    progress=lambda *r: reports.append(r))  # fmt: skip
    total = alternates.stat().st_size + len(table.encode())
    assert {size for _, _, size in reports} == {total}
    counts = [done for _, done, _ in reports]
    assert counts == sorted(set(counts)) and counts[-1] == total  # growing
    first = [done for what, done, _ in reports if what == "importing alternates.txt"]
    assert first[-1] == alternates.stat().st_size


def test_a_csv_import_counts_the_bytes_it_reads(
    tmp_path: Path, settings: Settings, reports: list[Report]
) -> None:
    table = tmp_path / "places.csv"
    rows = (f"Qarya {n},35.{n:04d},36.5\n" for n in range(1500))
    table.write_text("name,lat,lon\n" + "".join(rows))
    import_csv(table, name_col="name", lat_col="lat", lon_col="lon", settings=settings,
               progress=lambda *r: reports.append(r))  # fmt: skip
    _check(reports, "importing places.csv", table.stat().st_size)


def test_imports_print_only_their_summary_when_not_on_a_terminal(
    tmp_path: Path, data_dir: Path
) -> None:
    dump = tmp_path / "SY.txt"
    dump.write_text(_rows(20), encoding="utf-8")
    table = tmp_path / "places.csv"
    table.write_text("name,lat,lon\nQarya Sharqiya,35.6,36.6\n", encoding="utf-8")
    runner = CliRunner()
    env = {"FRONTLINES_DATA_DIR": str(data_dir)}
    for args in (["import", "geonames", str(dump)],
                 ["import", "csv", str(table), "--name-col", "name", "--lat-col", "lat",
                  "--lon-col", "lon"]):  # fmt: skip
        result = runner.invoke(gazetteer_group, args, env=env)
        assert result.exit_code == 0, result.output
        (line,) = result.output.splitlines()
        assert line.startswith(f"{args[2]}: imported ") and "\x1b" not in result.output


def test_a_byte_bar_on_a_terminal_takes_the_importers_reports(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(progress.sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("CI", raising=False)
    with progress.byte_progress("downloading") as on_bytes:
        assert on_bytes is not None
        on_bytes("downloading SY.zip", 10, 100)
        on_bytes("downloading SY.zip", 100, 100)
        on_bytes("importing SY.zip", 50, None)  # a new step starts the bar afresh
    monkeypatch.setenv("CI", "true")
    with progress.byte_progress("downloading") as silent:
        assert silent is None
