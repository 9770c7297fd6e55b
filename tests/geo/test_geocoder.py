"""Place finding and resolution on sentences written for these tests, against the
packaged gazetteer (built on first use into the data directory)."""

from __future__ import annotations

import pytest

from frontlines.geo import load_geocoder
from frontlines.geo.resolve import haversine_km


@pytest.fixture(scope="module")
def geocoder():
    return load_geocoder()


def _by_text(mentions):
    return {m.text: m.place for m in mentions}


def test_village_list_after_cue_gives_one_mention_each(geocoder) -> None:
    text = (
        "In the province of Deir ez-Zor, the SDF seized the villages of Umm Tinah, "
        "Jubb Safa and Tall Zahr from IS."
    )
    places = _by_text(geocoder.mentions(text))
    for name in ("Umm Tinah", "Jubb Safa", "Tall Zahr"):
        assert name in places, places
        place = places[name]
        assert place.admin1 == "Deir ez Zor"
        assert place.geo_precision == 3  # unknown village: placed in its governorate
        assert place.name == name


def test_known_town_resolves_in_syria(geocoder) -> None:
    places = _by_text(geocoder.mentions("Rebels shelled Saraqib in Idlib province on Monday."))
    saraqib = places["Saraqib"]
    assert saraqib.country == "Syria" and saraqib.admin1 == "Idleb"
    assert saraqib.geo_precision == 1
    assert haversine_km(saraqib.latitude, saraqib.longitude, 35.86, 36.80) < 10


def test_airbase_cue_prefers_the_airbase(geocoder) -> None:
    places = _by_text(geocoder.mentions("Troops secured the Kuweires airbase east of Aleppo."))
    airbase = places["Kuweires"] if "Kuweires" in places else places["Kuweires airbase"]
    assert airbase.feature_code == "AIRB"
    assert airbase.admin1 == "Aleppo"


def test_relative_place_has_precision_two(geocoder) -> None:
    places = _by_text(geocoder.mentions("Clashes erupted on the outskirts of Manbij."))
    assert places["Manbij"].geo_precision == 2


def test_province_mention_is_the_governorate(geocoder) -> None:
    places = _by_text(geocoder.mentions("Fighting spread across the province of Raqqah."))
    province = places["Raqqah"]
    assert province.feature_code == "ADM1" and province.admin1 == "Ar Raqqa"
    assert province.geo_precision == 3


def test_country_context_beats_a_bigger_foreign_namesake(geocoder) -> None:
    text = "Syrian forces advanced near Homs. Later they entered Palmyra and Tadmur."
    places = _by_text(geocoder.mentions(text))
    assert places["Palmyra"].country == "Syria"


def test_unknown_names_without_a_cue_are_not_guessed(geocoder) -> None:
    mentions = geocoder.mentions("Commander Zarqawi Bektash spoke to reporters.")
    assert all(m.place is None or m.place.country is not None for m in mentions)
    assert "Zarqawi Bektash" not in _by_text(mentions)


def test_resolve_one_name_with_context(geocoder) -> None:
    place = geocoder.resolve("Al Qabun", context_text="Fighting in eastern Damascus.")
    assert place is not None and place.admin1 == "Damascus"
