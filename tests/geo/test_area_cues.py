"""Areas a sentence names for its unknown places, and what a wire dateline is not.
Sentences written for these tests; "Tumbun Kareem" is a made-up village."""

from __future__ import annotations

import pytest

from frontlines.geo import load_geocoder


@pytest.fixture(scope="module")
def geocoder():
    return load_geocoder()


def _places(geocoder, text: str) -> dict[str, object]:
    return {m.text: m.place for m in geocoder.mentions(text)}


@pytest.mark.parametrize(
    ("unit", "cue"), [("Yobe", "state"), ("Mopti", "region"), ("Mopti", "Region")]
)
def test_a_unit_word_after_a_name_asks_for_the_first_level_unit(
    geocoder, unit: str, cue: str
) -> None:
    # Mopti is a town as well as a region: the word after it decides.
    text = f"Gunmen attacked the village of Tumbun Kareem in the {unit} {cue} on Friday."
    places = _places(geocoder, text)
    assert places[unit].feature_code == "ADM1"
    # The unknown village is put in the unit its sentence names, at precision 3.
    assert places["Tumbun Kareem"].admin1 == unit
    assert places["Tumbun Kareem"].geo_precision == 3


def test_a_wire_datelines_city_is_not_the_reports_focus(geocoder) -> None:
    text = (
        "MAIDUGURI, Nigeria, 2 May 2024 (Lake Wire) - Gunmen attacked the village of Tumbun Kareem "
        "on Friday, residents said."
    )
    places = _places(geocoder, text)
    village, dateline = places["Tumbun Kareem"], places["MAIDUGURI"]
    # Where the reporter files from is not where the village is: it is not put at the
    # city's point (the report's focus town), only in an area, at precision 3.
    assert village.geo_precision == 3
    assert (village.latitude, village.longitude) != (dateline.latitude, dateline.longitude)
