"""Which governorate a GeoNames admin1 code stands for, and so each Syrian town's."""

from __future__ import annotations

from frontlines.geo.build_syria import syrian_admin

UNITS = [
    {"admin1": "Capital", "admin2": "Capital", "admin3": "Capital", "lat": 33.50, "lon": 36.30},
    {"admin1": "Around", "admin2": "South", "admin3": "Southgate", "lat": 33.45, "lon": 36.30},
    {"admin1": "Around", "admin2": "East", "admin3": "Eastfield", "lat": 33.55, "lon": 36.45},
]


def _town(geonameid: int, lat: float, lon: float, code: str, population: int) -> dict:  # type: ignore[type-arg]
    return {"geonameid": geonameid, "latitude": lat, "longitude": lon,
            "admin1code": code, "population": population}  # fmt: skip


def test_a_quarter_by_a_neighbour_centroid_keeps_its_code_s_governorate() -> None:
    # Code "13" holds the big city and a quarter that lies a kilometre from the
    # neighbouring unit's centre: the city's people decide what "13" stands for.
    places = [
        _town(1, 33.501, 36.301, "13", 1_500_000),
        _town(2, 33.46, 36.30, "13", 100_000),
        _town(3, 33.551, 36.449, "08", 20_000),
        _town(4, 33.452, 36.31, "08", 5_000),
    ]
    admin = syrian_admin(places, UNITS)
    assert admin[2]["admin1"] == "Capital"
    assert admin[4]["admin3"] == "Southgate"  # on its own unit's centre: that unit


def test_many_small_border_places_do_not_outvote_the_seat() -> None:
    places = [_town(1, 33.501, 36.301, "13", 1_500_000)]
    places += [_town(10 + i, 33.46, 36.31, "13", 600) for i in range(5)]
    admin = syrian_admin(places, UNITS)
    assert {admin[10 + i]["admin1"] for i in range(5)} == {"Capital"}
