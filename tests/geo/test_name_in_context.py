"""``Geocoder.resolve``: one name, read where its context writes it."""

from __future__ import annotations

import pytest

from frontlines.geo.resolve import haversine_km


# The gazetteer's one Tafas lies in Daraa; each report puts this one in Hama, by the
# unit written right after the name: that vetoes even a name's only reading.
@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("Gunmen attacked a checkpoint near Tafas in Hama.", "Tafas", "Hama"),
        ("Regime forces shelled Tafas in southern Hama on Monday.", "Tafas", "Hama"),
        ("Mortar rounds hit positions near Tafas, Hama, on Sunday.", "Tafas", "Hama"),
        ("Gunmen shot a guard in Tafas town, Hama, at night.", "Tafas", "Hama"),
        ("Snipers fired on the Tafas front in northern Hama.", "Tafas", "Hama"),
        ("Tribal fighters clashed in Tafas (Hama) over land.", "Tafas", "Hama"),
        # "from Idleb in Aleppo": Idleb is itself a governorate, not a place in Aleppo.
        ("Fighters from Idleb in Aleppo joined the offensive.", "Idleb", "Idleb"),
        # Only Saraqib places the report: "Suqour al-Sham" does not vote for Damascus.
        ("Fighters of Suqour al-Sham stormed the village of Kafr Amin near Saraqib.",
         "Kafr Amin", "Idleb"),
    ],
)  # fmt: skip
def test_the_words_around_the_name_give_its_governorate(geocoder, text, name, admin1) -> None:
    place = geocoder.resolve(name, context_text=text, country_hint="SY")
    assert place is not None and place.admin1 == admin1


def test_a_name_written_town_dash_part_stands_in_the_town(geocoder) -> None:
    text = "Shells fell on a western neighbourhood of the city overnight."
    place = geocoder.resolve("Homs - Bab Amr", context_text=text, country_hint="SY")
    homs = geocoder.resolve("Homs", country_hint="SY")
    assert place is not None and homs is not None
    assert place.admin1 == "Homs" and place.geo_precision == 2
    assert haversine_km(place.latitude, place.longitude, homs.latitude, homs.longitude) < 5
