"""Sanity check on the shared sample report (read at test time only, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.geo import load_geocoder
from frontlines.geo.names import name_key
from frontlines.geo.resolve import haversine_km

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "samples" / "000_04f32ae65defd69f.txt"

pytestmark = pytest.mark.skipif(not SAMPLE.exists(), reason="shared sample not present")


@pytest.fixture(scope="module")
def places():
    mentions = load_geocoder().mentions(SAMPLE.read_text(encoding="utf-8"), country_hint="Syria")
    found: dict[str, list] = {}
    for m in mentions:
        found.setdefault(name_key(m.text), []).append(m.place)
    return found


def _first(places, name):
    options = places.get(name_key(name)) or []
    assert options, f"{name} not found"
    return options[0]


def test_jirah_airbase(places) -> None:
    airbase = next(p for k, ps in places.items() if k.startswith(name_key("Jirah")) for p in ps
                   if p.feature_code == "AIRB")  # fmt: skip
    assert airbase.admin1 == "Aleppo"
    assert haversine_km(airbase.latitude, airbase.longitude, 36.10, 37.94) < 5


@pytest.mark.parametrize(
    ("name", "admin1"),
    [("Qaboun", "Damascus"), ("Misraba", "Rural Damascus"), ("Maskaneh", "Aleppo")],
)
def test_known_places(places, name: str, admin1: str) -> None:
    assert _first(places, name).admin1 == admin1


@pytest.mark.parametrize(
    "village",
    ["Atshana", "al-Malali", "Abu Khabret al-Rachid", "Mazrat al-Ansar", "Khirbat al-Khan"],
)
def test_raqqa_villages(places, village: str) -> None:
    place = _first(places, village)
    assert place.admin1 == "Ar Raqqa"
    assert place.geo_precision in (1, 3)
