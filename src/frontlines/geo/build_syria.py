"""Syria's units from OpenSyria, and the sub-district each Syrian GeoNames place lies in."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from frontlines.geo.writer import PlaceWriter, data_file, tsv_rows

__all__ = ["add_syria_admin", "plain_spelling", "syrian_admin"]


def _acled_admin1() -> dict[str, str]:
    return {row[0]: row[1] for row in tsv_rows("admin1_names.tsv")}


def plain_spelling(name: str) -> str:
    """OCHA / OpenSyria spelling -> ACLED's: hyphens become spaces, apostrophes go."""
    return name.replace("-", " ").replace("'", "").replace("’", "")


def add_syria_admin(builder: PlaceWriter) -> list[dict[str, Any]]:
    """OpenSyria units; returns the sub-districts (with names) for point lookups."""
    acled = _acled_admin1()
    governorates = json.loads(data_file("opensyria_governorates.json").read_text("utf-8"))
    districts = json.loads(data_file("opensyria_districts.json").read_text("utf-8"))
    subdistricts = json.loads(data_file("opensyria_subdistricts.json").read_text("utf-8"))
    gov_name = {
        g["id"]: acled.get(g["name"]["en"], plain_spelling(g["name"]["en"])) for g in governorates
    }
    dist_name = {d["id"]: plain_spelling(d["name"]["en"]) for d in districts}
    for level, units in (("ADM1", governorates), ("ADM2", districts), ("ADM3", subdistricts)):
        for unit in units:
            point = unit["centroid"]
            aliases = [a["value"] for a in unit.get("aliases", []) if a.get("language") == "en"]
            admin1 = gov_name[unit["id"] if level == "ADM1" else unit["governorateId"]]
            admin2 = dist_name.get(unit["id"] if level == "ADM2" else unit.get("districtId", ""))
            name = admin1 if level == "ADM1" else plain_spelling(unit["name"]["en"])
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
            "admin3": plain_spelling(u["name"]["en"]),
            "lat": u["centroid"]["latitude"],
            "lon": u["centroid"]["longitude"],
        }
        for u in subdistricts
    ]


# Squared degrees within which a town and a sub-district centre are one place (~3 km).
SAME_POINT_DEG2 = 0.03**2


def _nearest_subdistrict(lat: float, lon: float, units: list[dict[str, Any]]) -> dict[str, Any]:
    # No polygons ship with the package: the nearest sub-district centroid stands in for
    # point-in-polygon. Near borders this can pick the neighbour (documented limit).
    return min(units, key=lambda u: (u["lat"] - lat) ** 2 + (u["lon"] - lon) ** 2)


def syrian_admin(
    places: list[dict[str, Any]], units: list[dict[str, Any]]
) -> dict[int, dict[str, Any]]:
    """The sub-district of each Syrian place: the nearest centroid within its governorate.

    GeoNames gives each place an admin1 code but no name; the governorate a code
    stands for is the one most of its people live nearest to, which keeps a border
    village from drifting into the neighbouring governorate's nearest centroid.
    """
    votes: dict[str, Counter[str]] = {}
    for place in places:
        unit = _nearest_subdistrict(place["latitude"], place["longitude"], units)
        # Weighted by size: a code's big towns (its seat among them) lie well inside
        # its governorate, its small places near the borders. Damascus's code holds the
        # city and one quarter, which lies nearer a Rif Dimashq centroid.
        weight = max(int(place.get("population") or 0), 1)
        votes.setdefault(place.get("admin1code") or "", Counter())[unit["admin1"]] += weight
    governorate = {code: count.most_common(1)[0][0] for code, count in votes.items() if code}
    out: dict[int, dict[str, Any]] = {}
    for place in places:
        lat, lon = place["latitude"], place["longitude"]
        admin1 = governorate.get(place.get("admin1code") or "")
        nearest = _nearest_subdistrict(lat, lon, units)
        near_centre = (nearest["lat"] - lat) ** 2 + (nearest["lon"] - lon) ** 2 < SAME_POINT_DEG2
        if near_centre and admin1 in {None, nearest["admin1"]}:
            # A town sitting on a sub-district's centre is that sub-district's seat.
            out[place["geonameid"]] = nearest
            continue
        inside = [u for u in units if u["admin1"] == admin1] or units
        out[place["geonameid"]] = _nearest_subdistrict(lat, lon, inside)
    return out
