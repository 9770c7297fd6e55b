"""Which foreign readings may stand in a report set in another country: a major town
abroad spelled as written, the seat of a large district, and in a country the report
names, a transliteration's other spelling; never a local village's foreign namesake."""

from __future__ import annotations

from frontlines.geo import load_geocoder


def _places(text: str, country: str | None = None) -> dict[str, tuple[str | None, str | None]]:
    found = load_geocoder().mentions(text, country_hint=country)
    return {m.text: (m.place.country_code, m.place.feature_code) for m in found if m.place}


def test_a_small_namesake_refused_abroad_leaves_the_major_town_spelled_as_written() -> None:
    # A hamlet in Italy outscores the Libyan city on the English size scale; refused in
    # a Tunisian report, it must not take the city down with it.
    text = "Tunisian officials in Tunis and Sfax said fighters from Sirte had reached the border."
    assert _places(text)["Sirte"] == ("LY", "PPL")


def test_a_town_counts_as_large_as_the_district_it_is_the_seat_of() -> None:
    # GeoNames counts the town's core just under the foreign-town threshold; its
    # district of the same name holds four times as many people.
    text = "The Texas unit trained in Austin and Houston before it was sent to Manbij."
    assert _places(text)["Manbij"] == ("SY", "PPL")


def test_another_spelling_of_a_transliterated_town_stands_in_a_named_country() -> None:
    text = (
        "Tunisia closed two crossings in Tataouine after fighting in Libya; guards in Sfax "
        "said militias from Misrata had moved west."
    )
    assert _places(text)["Misrata"] == ("LY", "PPL")


def test_a_transliterated_spelling_abroad_is_refused_when_its_country_is_not_named() -> None:
    # The same key reaches a Jordanian province; a Syrian report names no Jordan.
    found = _places("Regime forces shelled Balqah and Kafr Nabl in the Idlib countryside.")
    assert found.get("Balqah", ("SY", None))[0] == "SY"
