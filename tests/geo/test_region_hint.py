"""A report's setting (the front it speaks of) ranks namesakes inside the country."""

from __future__ import annotations

import pytest

from frontlines.geo import load_geocoder

FRONT = ("Donetsk", "Luhansk")


@pytest.fixture(scope="module")
def geocoder():  # type: ignore[no-untyped-def]
    return load_geocoder()


def _place(geocoder, text: str, name: str, **hints):  # type: ignore[no-untyped-def]
    found = {m.text: m.place for m in geocoder.mentions(text, country_hint="Ukraine", **hints)}
    return found.get(name)


def test_the_front_picks_its_own_namesake(geocoder) -> None:  # type: ignore[no-untyped-def]
    # Several Prymorske lie in southern Ukraine; one lies by the Donbas front.
    text = "Monitors counted twelve explosions near Prymorske overnight."
    assert _place(geocoder, text, "Prymorske", region_hint=FRONT).admin1 == "Donetsk"
    assert _place(geocoder, text, "Prymorske").admin1 != "Donetsk"


def test_a_village_of_the_name_elsewhere_is_no_guess(geocoder) -> None:  # type: ignore[no-untyped-def]
    # The gazetteer knows Viktorivka only far from the front: the report's village
    # stays unplaced (as any unknown name with no area named), not put 500 km away.
    text = "Monitors counted seven bursts of fire near Viktorivka."
    assert _place(geocoder, text, "Viktorivka", region_hint=FRONT) is None
    assert _place(geocoder, text, "Viktorivka").admin1 == "Odessa"


def test_a_city_elsewhere_is_still_named(geocoder) -> None:  # type: ignore[no-untyped-def]
    text = "Shelling was heard from the front while officials met in Odesa."
    assert _place(geocoder, text, "Odesa", region_hint=FRONT).admin1 == "Odessa"
