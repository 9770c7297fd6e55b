"""Import user gazetteer data: GeoNames dumps and plain CSV files.

Both write into the user file (``user-gazetteer.sqlite`` in the data directory),
which ``Gazetteer`` attaches to every lookup. Imports are idempotent: a place is
keyed by its GeoNames id, or for CSV rows by name and coordinates, and importing the
same file twice replaces rather than duplicates.

Admin names (admin1..admin3) are not in GeoNames rows (only codes) nor in most CSV
files, so they come from the packaged gazetteer's nearest points (``reverse.py``).
"""

from __future__ import annotations

import csv
import sqlite3
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from frontlines.config import Settings, load_settings
from frontlines.errors import GazetteerError
from frontlines.geo.counted import ByteProgress, counted_text
from frontlines.geo.gazetteer import (
    SCHEMA,
    Gazetteer,
    note_user_write,
    open_gazetteer,
    user_gazetteer_path,
)
from frontlines.geo.reverse import SUBDISTRICT_COUNTRIES, ReverseIndex
from frontlines.geo.writer import PlaceWriter

GEONAMES_COLUMNS = 19
# GeoNames feature classes / codes worth finding in conflict reports: all populated
# places, admin units, and the landmarks reports name (airbases, dams, camps, hills).
KEEP_FEATURES: dict[str, frozenset[str] | None] = {
    "P": None,
    "A": frozenset({"ADM1", "ADM2", "ADM3", "ADM4", "PCLI", "PCLD"}),
    "S": frozenset({"AIRB", "AIRP", "AIRF", "AIRH", "MILB", "INSM", "CMP", "CMPRF", "FT",
                    "CSTL", "RSTN", "BDG", "PS", "PSTB", "OILR", "ANS"}),
    "H": frozenset({"DAM", "RSV", "LK"}),
    "T": frozenset({"MT", "MTS", "HLL", "HLLS", "PLN", "VAL", "DSRT", "PASS"}),
    "L": frozenset({"OILF", "RGN", "AREA", "AGRF"}),
}  # fmt: skip
# Alternate-name "languages" that are codes or links, not names.
NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "abbr", "wkdt", "unlc", "fr_1793"})


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did: rows written, rows skipped (other feature types), total after."""

    path: str
    imported: int
    skipped: int
    total: int


def _member(archive: zipfile.ZipFile, path: Path) -> str:
    """The GeoNames table of a zipped dump (not its readme)."""
    members = [n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
    if not members:
        raise GazetteerError("zip archive holds no GeoNames .txt file", source=str(path))
    return members[0]


def _size(path: Path) -> int | None:
    """Bytes the lines of a GeoNames file come from (a zip member's, uncompressed)."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                return archive.getinfo(_member(archive, path)).file_size
        return path.stat().st_size
    except (OSError, zipfile.BadZipFile, GazetteerError):
        return None  # reading it says what is wrong


def _lines(
    path: Path, progress: ByteProgress | None = None, total: int | None = None, done: int = 0
) -> Iterator[str]:
    """Text lines of a GeoNames file, plain or zipped (SY.zip, allCountries.zip);
    ``progress`` hears the bytes read, counted from ``done`` towards ``total``."""
    if not path.is_file():
        raise GazetteerError("no such file", source=str(path))
    label = f"importing {path.name}"
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                raw = archive.open(_member(archive, path))
                with counted_text(raw, progress, label, total, done=done) as text:
                    yield from text
        except (zipfile.BadZipFile, EOFError, UnicodeDecodeError, zlib.error) as exc:
            raise GazetteerError(f"damaged zip archive: {exc}", source=str(path)) from exc
        return
    try:
        with counted_text(path.open("rb"), progress, label, total, done=done) as handle:
            yield from handle
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"not UTF-8 text: {exc}", source=str(path)) from exc


@lru_cache(maxsize=2)
def _reverse_index(packaged: Path) -> ReverseIndex:
    """Built once per packaged file and process (a KD-tree over ~235k points)."""
    return ReverseIndex(Gazetteer(packaged))


class _Target:
    """The user file being written, with what imports need from the packaged one."""

    def __init__(self, settings: Settings | None) -> None:
        settings = settings or load_settings()
        self.packaged: Gazetteer = open_gazetteer(settings)
        self.reverse = _reverse_index(self.packaged.path.resolve())
        self.countries = {
            e.country_code: e.country
            for e in self.packaged.points("p.feature_code = 'PCLI'")
            if e.country_code
        }
        self.path = user_gazetteer_path(settings)
        try:
            self.db = sqlite3.connect(self.path)
            self.db.executescript(SCHEMA)
        except sqlite3.Error as exc:
            raise GazetteerError(
                f"cannot write user gazetteer: {exc}", source=str(self.path)
            ) from exc
        self.writer = PlaceWriter(self.db)

    def locate(self, lat: float, lon: float, country_code: str | None) -> dict[str, Any]:
        """Country and admin names for a point (the country from the nearest place
        when the row has none)."""
        near, unit = self.reverse.admin(lat, lon)
        if country_code in SUBDISTRICT_COUNTRIES and unit.country_code != country_code:
            unit = near
        cc = country_code or unit.country_code
        names: dict[str, Any] = {"country_code": cc, "country": self.countries.get(cc or "")}
        if unit.country_code != cc:
            return {**names, "admin1": None, "admin2": None, "admin3": None}
        return {**names, "admin1": unit.admin1, "admin2": unit.admin2, "admin3": unit.admin3}

    def abort(self) -> None:
        """Drop everything written since the last commit: a failed import leaves
        the user gazetteer as it was (all rows go in one transaction)."""
        self.db.rollback()
        self.db.close()

    def finish(self, path: Path, imported: int, skipped: int) -> ImportResult:
        self.db.commit()
        note_user_write()
        total = int(self.db.execute("SELECT count(*) FROM places").fetchone()[0])
        self.db.close()
        return ImportResult(str(path), imported, skipped, total)


def _alternate_names(
    path: Path, progress: ByteProgress | None = None, total: int | None = None
) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {}
    for number, line in enumerate(_lines(path, progress, total), 1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4 or not cols[1].isdigit():
            raise GazetteerError(
                f"line {number}: not a GeoNames alternate-names row", source=str(path)
            )
        if cols[2] not in NOT_NAMES and cols[3]:
            names.setdefault(int(cols[1]), []).append(cols[3])
    return names


def import_geonames(
    path: Path,
    *,
    alternate_names: Path | None = None,
    settings: Settings | None = None,
    progress: ByteProgress | None = None,
) -> ImportResult:
    """Import a GeoNames dump (the 19-column TSV, plain or zipped) into the user file.

    ``progress`` hears the bytes read of the alternate names and the dump, in one count."""
    if not path.is_file():
        raise GazetteerError("no such file", source=str(path))
    sizes = [_size(p) for p in (alternate_names, path) if p is not None]
    total = None if None in sizes else sum(s for s in sizes if s is not None)
    extra = _alternate_names(alternate_names, progress, total) if alternate_names else {}
    before = sizes[0] if alternate_names and sizes[0] is not None else 0
    target = _Target(settings)
    try:
        imported, skipped = _write_geonames(path, target, extra, progress, total, before)
    except BaseException:
        target.abort()
        raise
    return target.finish(path, imported, skipped)


def _write_geonames(
    path: Path,
    target: _Target,
    extra: dict[int, list[str]],
    progress: ByteProgress | None,
    total: int | None,
    before: int,
) -> tuple[int, int]:
    imported = skipped = 0
    for number, line in enumerate(_lines(path, progress, total, before), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != GEONAMES_COLUMNS:
            raise GazetteerError(
                f"line {number}: expected {GEONAMES_COLUMNS} tab-separated GeoNames columns,"
                f" found {len(cols)}",
                source=str(path),
            )
        wanted = KEEP_FEATURES.get(cols[6], frozenset())
        if wanted is not None and cols[7] not in wanted:
            skipped += 1
            continue
        try:
            geonameid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
            population = int(cols[14] or 0)
        except ValueError as exc:
            raise GazetteerError(f"line {number}: {exc}", source=str(path)) from exc
        cc = cols[8] or None
        alternates = [n for n in cols[3].split(",") if n] + extra.get(geonameid, [])
        target.writer.add(
            [cols[2], *alternates],
            source_key=f"geonames:{geonameid}",
            geonameid=geonameid,
            name=cols[1],
            latitude=lat,
            longitude=lon,
            feature_code=cols[7] or cols[6],
            population=population,
            source="geonames-import",
            **target.locate(lat, lon, cc),
        )
        imported += 1
    return imported, skipped


def import_csv(
    path: Path,
    *,
    name_col: str,
    lat_col: str,
    lon_col: str,
    country_col: str | None = None,
    feature_col: str | None = None,
    settings: Settings | None = None,
    progress: ByteProgress | None = None,
) -> ImportResult:
    """Import places from a CSV file with a header row; columns named by the caller.

    ``progress`` hears the bytes read of the file."""
    if not path.is_file():
        raise GazetteerError("no such file", source=str(path))
    raw = path.open("rb")
    label, size = f"importing {path.name}", path.stat().st_size
    with counted_text(raw, progress, label, size, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        missing = [c for c in (name_col, lat_col, lon_col, country_col, feature_col)
                   if c and c not in header]  # fmt: skip
        if missing:
            raise GazetteerError(
                f"no column {', '.join(map(repr, missing))} (columns: {', '.join(header)})",
                source=str(path),
            )
        target = _Target(settings)
        try:
            imported, skipped = _write_csv(
                path, reader, target, name_col, lat_col, lon_col, country_col, feature_col
            )
        except BaseException:
            target.abort()
            raise
    return target.finish(path, imported, skipped)


def _write_csv(
    path: Path,
    reader: csv.DictReader[str],
    target: _Target,
    name_col: str,
    lat_col: str,
    lon_col: str,
    country_col: str | None,
    feature_col: str | None,
) -> tuple[int, int]:
    by_name = {(n or "").casefold(): c for c, n in target.countries.items()}
    imported = skipped = 0
    for number, row in enumerate(reader, 2):
        name = (row[name_col] or "").strip()
        if not name:
            skipped += 1
            continue
        try:
            lat, lon = float(row[lat_col]), float(row[lon_col])
        except (TypeError, ValueError) as exc:
            raise GazetteerError(
                f"line {number}: bad coordinates: {exc}", source=str(path)
            ) from exc
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise GazetteerError(f"line {number}: coordinates out of range", source=str(path))
        raw_cc = (row[country_col] or "").strip() if country_col else ""
        cc = raw_cc.upper() if len(raw_cc) == 2 else by_name.get(raw_cc.casefold())
        target.writer.add(
            [],
            trusted_names=True,
            source_key=f"csv:{name}:{lat:.5f}:{lon:.5f}",
            name=name,
            latitude=lat,
            longitude=lon,
            feature_code=((row[feature_col] or "").strip().upper() if feature_col else "") or "PPL",
            source=f"csv:{path.name}",
            **target.locate(lat, lon, cc),
        )
        imported += 1
    return imported, skipped
