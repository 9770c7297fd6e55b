"""Resolution with context, admin fallback and relative places, on our own sentences."""

from __future__ import annotations

import pytest

from frontlines.geo import load_geocoder
from frontlines.geo.resolve import haversine_km


@pytest.fixture(scope="module")
def geocoder():
    return load_geocoder()


def _by_text(mentions):
    return {m.text: m.place for m in mentions}


def test_unknown_villages_fall_back_to_the_named_governorate(geocoder) -> None:
    text = (
        "In the province of Deir ez-Zor, the SDF seized the villages of Umm Tinah, "
        "Jubb Safa and Tall Zahr from IS."
    )
    places = _by_text(geocoder.mentions(text))
    for name in ("Umm Tinah", "Jubb Safa", "Tall Zahr"):
        place = places[name]
        assert place.admin1 == "Deir ez Zor" and place.country == "Syria"
        assert place.geo_precision == 3
        assert place.name == name


def test_known_town_resolves_exactly(geocoder) -> None:
    places = _by_text(geocoder.mentions("Rebels shelled Saraqib in Idlib province on Monday."))
    saraqib = places["Saraqib"]
    assert saraqib.country == "Syria" and saraqib.admin1 == "Idleb"
    assert saraqib.geo_precision == 1
    assert haversine_km(saraqib.latitude, saraqib.longitude, 35.86, 36.80) < 10


def test_airbase_word_prefers_the_airbase(geocoder) -> None:
    places = _by_text(geocoder.mentions("Troops secured the Kuweires airbase east of Aleppo."))
    airbase = next(p for t, p in places.items() if t.startswith("Kuweires"))
    assert airbase.feature_code == "AIRB" and airbase.admin1 == "Aleppo"


def test_relative_place_has_precision_two(geocoder) -> None:
    places = _by_text(geocoder.mentions("Clashes erupted on the outskirts of Manbij."))
    assert places["Manbij"].geo_precision == 2
    assert places["Manbij"].admin1 == "Aleppo"


def test_province_mention_is_the_governorate(geocoder) -> None:
    places = _by_text(geocoder.mentions("Fighting spread across the province of Raqqah."))
    province = places["Raqqah"]
    assert province.feature_code == "ADM1" and province.admin1 == "Ar Raqqa"
    assert province.geo_precision == 3


def test_syrian_context_beats_a_foreign_namesake(geocoder) -> None:
    text = "Syrian forces advanced near Homs. Later they entered Palmyra."
    assert _by_text(geocoder.mentions(text))["Palmyra"].country == "Syria"


def test_foreign_capital_still_resolves_abroad(geocoder) -> None:
    text = "Troops advanced near Homs while envoys met in Moscow."
    moscow = _by_text(geocoder.mentions(text))["Moscow"]
    assert moscow.country_code == "RU"


def test_loose_key_never_takes_a_foreign_town(geocoder) -> None:
    # "Theme" shares a loose key with a Ghanaian city; foreign names must match exactly.
    mentions = geocoder.mentions("Theme: the war in Idlib province went on.")
    assert all(m.place.country_code == "SY" for m in mentions if m.place)


def test_unknown_names_without_a_cue_are_not_guessed(geocoder) -> None:
    mentions = geocoder.mentions("Commander Zarqawi Bektash spoke to reporters.")
    assert "Zarqawi Bektash" not in _by_text(mentions)


def test_resolve_one_name_with_context(geocoder) -> None:
    place = geocoder.resolve("Al Qabun", context_text="Fighting in eastern Damascus.")
    assert place is not None and place.admin1 == "Damascus"


def test_resolve_with_admin1_hint_and_feature_hint(geocoder) -> None:
    place = geocoder.resolve("Tabqa", feature_hint="AIRB", country_hint="Syria")
    assert place is not None and place.feature_code == "AIRB" and place.admin1 == "Ar Raqqa"


def test_admin_area_is_precision_three(geocoder) -> None:
    area = geocoder.admin_area("Idlib", "SY")
    assert area is not None and area.admin1 == "Idleb" and area.geo_precision == 3


def test_reverse_gives_acled_admin_names(geocoder) -> None:
    place = geocoder.reverse(36.20, 37.16)  # central Aleppo
    assert place.country == "Syria" and place.admin1 == "Aleppo"
    assert place.admin2 and place.admin3


def test_rural_damascus_is_the_governorate_not_the_city(geocoder) -> None:
    for text in (
        "Clashes took place in Otayba town in rural Damascus.",
        "Shelling hit Hosh Arab in the Damascus countryside.",
        "Fighting went on near a farm in the western countryside of Damascus.",
    ):
        places = _by_text(geocoder.mentions(text, country_hint="Syria"))
        assert {p.admin1 for p in places.values()} == {"Rural Damascus"}, text
    city = _by_text(geocoder.mentions("A protest was held in Damascus city.", country_hint="SY"))
    assert city["Damascus"].admin1 == "Damascus" and city["Damascus"].geo_precision == 1


def test_an_unknown_given_name_falls_back_to_the_context_governorate(geocoder) -> None:
    place = geocoder.resolve(
        "Zzyqar",
        context_text="Gunmen attacked a checkpoint in Zzyqar town in Deir ez Zor countryside.",
        country_hint="Syria",
    )
    assert place is not None and place.admin1 == "Deir ez Zor" and place.geo_precision == 3


def test_near_spelling_counts_only_inside_the_named_governorate(geocoder) -> None:
    # "Sarqib" is a letter off Saraqib (Idleb): taken there, refused elsewhere.
    inside = geocoder.resolve(
        "Sarqib", context_text="Shelling on Sarqib in Idleb countryside.", country_hint="SY"
    )
    assert inside is not None and inside.geo_precision == 1 and inside.admin1 == "Idleb"
    elsewhere = geocoder.resolve(
        "Sarqib", context_text="Shelling on Sarqib in Dara countryside.", country_hint="SY"
    )
    assert elsewhere is not None and elsewhere.geo_precision == 3
    assert elsewhere.admin1 == "Dara"


def test_demonyms_and_country_acronyms_are_countries(geocoder) -> None:
    text = "Russian jets struck while U.S. officials met British diplomats in Washington."
    spans = [(text.index(w), text.index(w) + len(w)) for w in
             ("Russian", "U.S.", "British", "Washington")]  # fmt: skip
    russia, usa, britain, washington = geocoder.resolve_spans(text, spans)
    assert russia is not None and russia.country_code == "RU"
    assert usa is not None and usa.country_code == "US" and usa.feature_code == "PCLI"
    assert britain is not None and britain.country_code == "GB"
    # The capital, not the state of the same name.
    assert washington is not None and washington.feature_code == "PPLC"


def test_given_spans_keep_foreign_capitals(geocoder) -> None:
    text = "Talks in Syria's Idlib stalled; envoys flew to London and then to Cairo."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("London", "Cairo")]
    london, cairo = geocoder.resolve_spans(text, spans)
    assert london is not None and london.country_code == "GB"
    assert cairo is not None and cairo.country_code == "EG"


def test_us_counties_and_states_are_not_countries(geocoder) -> None:
    text = "Deputies in Henry County, Indiana, arrested a man from Albany, Georgia."
    spans = [(text.index(w), text.index(w) + len(w)) for w in
             ("Henry County", "Indiana", "Albany")]  # fmt: skip
    county, state, albany = geocoder.resolve_spans(text, spans)
    assert county is not None and county.feature_code == "ADM2" and county.admin1 == "Indiana"
    assert state is not None and state.country_code == "US" and state.feature_code == "ADM1"
    assert albany is not None and albany.country_code == "US"


def test_town_of_unknown_size_beats_its_same_named_district(geocoder) -> None:
    text = "Shelling hit Hass, 4 km north of Maarat al-Numan, in Idlib countryside."
    town = _by_text(geocoder.mentions(text, country_hint="SY"))["Maarat al-Numan"]
    assert town.feature_code == "PPL" and town.geo_precision == 2 and town.admin1 == "Idleb"


def test_a_village_named_in_every_paragraph_keeps_the_province_named_once(geocoder) -> None:
    # "Tafas" folds with bigger towns abroad (Talas, Turkey); named twice, their
    # votes must not outweigh the governorate the report names, nor blank the report.
    text = (
        "Gunmen attacked an army checkpoint in Tafas, in the west of Daraa province, on "
        "Sunday.\n\nBy the evening the army had sent reinforcements to Tafas."
    )
    mentions = geocoder.mentions(text)
    places = [(m.text, m.place.country_code) for m in mentions if m.place is not None]
    assert places == [("Tafas", "SY"), ("Daraa", "SY"), ("Tafas", "SY")]
