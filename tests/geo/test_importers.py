"""User imports: a tiny GeoNames TSV and a CSV written here, into a temporary data dir."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from frontlines.config import Settings
from frontlines.errors import GazetteerError
from frontlines.geo import import_csv, import_geonames, open_gazetteer
from frontlines.geo.resolve import Geocoder

# Two made-up villages and one spot we do not keep (a school, class S code SCH).
ROWS = [
    (9900001, "Qaryat Zaytunah", "Qaryat Zaytunah", "Zaytouneh Village,Zeitouneh",
     36.05, 38.10, "P", "PPL", "SY", 0),
    (9900002, "Tall Ghurab", "Tall Ghurab", "", 35.95, 38.90, "P", "PPL", "SY", 120),
    (9900003, "Madrasat Nur", "Madrasat Nur", "", 35.90, 38.95, "S", "SCH", "SY", 0),
]  # fmt: skip


def _tsv(rows: list[tuple[object, ...]]) -> str:
    lines = []
    for gid, name, ascii_, alts, lat, lon, fclass, code, cc, pop in rows:
        cols = [gid, name, ascii_, alts, lat, lon, fclass, code, cc, "", "", "", "", "", pop,
                "", "300", "Asia/Damascus", "2024-01-01"]  # fmt: skip
        lines.append("\t".join(str(c) for c in cols))
    return "\n".join(lines) + "\n"


def test_geonames_import_is_found_and_idempotent(tmp_path: Path, settings: Settings) -> None:
    dump = tmp_path / "SY.txt"
    dump.write_text(_tsv(ROWS), encoding="utf-8")
    first = import_geonames(dump, settings=settings)
    assert (first.imported, first.skipped, first.total) == (2, 1, 2)
    again = import_geonames(dump, settings=settings)
    assert again.total == 2

    gazetteer = open_gazetteer(settings)
    (entry,) = [e for e in gazetteer.lookup("Zeitouneh") if e.geonameid == 9900001]
    assert entry.country == "Syria" and entry.admin1 == "Aleppo" and entry.admin3
    assert gazetteer.counts()["user:geonames-import"] == 2

    places = {m.text: m.place for m in Geocoder(gazetteer).mentions(
        "Shelling hit Tall Ghurab, east of Raqqa, on Friday.")}  # fmt: skip
    tall = places["Tall Ghurab"]
    assert tall.geo_precision == 1 and tall.geonameid == 9900002
    assert tall.admin1 == "Ar Raqqa"


def test_zipped_dump_with_alternate_names(tmp_path: Path, settings: Settings) -> None:
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("readme.txt", "not data")
        zf.writestr("SY.txt", _tsv(ROWS[:1]))
    alternates = tmp_path / "alternates.txt"
    alternates.write_text("1\t9900001\ten\tZaitouna Village\t\t\t\t\t\t\n", encoding="utf-8")
    result = import_geonames(archive, alternate_names=alternates, settings=settings)
    assert result.imported == 1
    assert any(e.geonameid == 9900001 for e in open_gazetteer(settings).lookup("Zaitouna Village"))


def test_malformed_dump_names_the_line(tmp_path: Path, settings: Settings) -> None:
    dump = tmp_path / "bad.txt"
    dump.write_text(_tsv(ROWS[:1]) + "just\tthree\tcolumns\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="line 2: expected 19"):
        import_geonames(dump, settings=settings)
    with pytest.raises(GazetteerError, match="no such file"):
        import_geonames(tmp_path / "missing.zip", settings=settings)


def test_csv_import(tmp_path: Path, settings: Settings) -> None:
    table = tmp_path / "places.csv"
    table.write_text(
        "village,y,x,cc,kind\nKhirbat Qasimiyah,35.70,36.60,SY,PPL\n"
        "Sadd Saghir,35.80,38.50,SY,DAM\n",
        encoding="utf-8",
    )
    result = import_csv(table, name_col="village", lat_col="y", lon_col="x", country_col="cc",
                        feature_col="kind", settings=settings)  # fmt: skip
    assert result.imported == 2
    again = import_csv(table, name_col="village", lat_col="y", lon_col="x", country_col="cc",
                       feature_col="kind", settings=settings)  # fmt: skip
    assert again.total == 2
    (entry,) = open_gazetteer(settings).lookup("Khirbet Qasimiyeh")
    assert entry.admin1 == "Idleb" and entry.country_code == "SY"
    (dam,) = open_gazetteer(settings).lookup("Sadd Saghir")
    assert dam.feature_code == "DAM"


def test_csv_missing_column_is_a_clear_error(tmp_path: Path, settings: Settings) -> None:
    table = tmp_path / "places.csv"
    table.write_text("name,lat\nA,1\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="no column 'lon'"):
        import_csv(table, name_col="name", lat_col="lat", lon_col="lon", settings=settings)
