"""First-level units are named as reports name them, without GeoNames' kind words."""

from __future__ import annotations

import pytest

from frontlines.geo import load_geocoder
from frontlines.geo.build_world import plain_admin1


@pytest.mark.parametrize(
    ("full", "bare"),
    [
        ("Muhafazat al Hudaydah", "Al Hudaydah"),
        ("Sha`biyat Nalut", "Nalut"),
        ("Tartar Rayon", "Tartar"),
        ("Kalbacar Rayonu", "Kalbacar"),
        ("Basra Governorate", "Basra"),
        # Names without a kind word, or that are nothing but one, stay as they are.
        ("Jewish Autonomous Oblast", "Jewish Autonomous Oblast"),
        ("Rayong", "Rayong"),
        ("Texas", "Texas"),
    ],
)
def test_kind_words_are_dropped(full: str, bare: str) -> None:
    assert plain_admin1(full) == bare


def test_a_town_carries_the_bare_unit_name_and_the_full_one_still_resolves() -> None:
    geocoder = load_geocoder()
    town = {m.text: m.place for m in geocoder.mentions("Fighting was reported in Zabid, Yemen.")}
    assert town["Zabid"] is not None and town["Zabid"].admin1 == "Al Hudaydah"
    unit = geocoder.mentions("Aid reached Muhafazat al Hudaydah.")
    assert [m.place.admin1 for m in unit if m.place] == ["Al Hudaydah"]
