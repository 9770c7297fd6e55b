"""World features, places named inside a longer given name, US state ids and the
points of first-level units: our own sentences."""

from __future__ import annotations

import pytest

from frontlines.geo.build_world import _extent_middle
from frontlines.geo.resolve import haversine_km


def test_oceans_and_regions_beat_the_towns_named_after_them(resolve_named) -> None:
    text = (
        "Fishermen from Gloucester, Massachusetts, said storms over the Atlantic kept "
        "them in port, while traders in the Middle East watched oil prices."
    )
    atlantic, middle_east = resolve_named(text, "Atlantic", "Middle East")
    assert atlantic is not None and atlantic.feature_code == "OCN"
    assert atlantic.country_code is None and atlantic.geo_precision == 3
    assert middle_east is not None and middle_east.feature_code == "RGN"
    assert haversine_km(middle_east.latitude, middle_east.longitude, 29.0, 41.0) < 50


def test_world_features_are_found_in_running_text(geocoder) -> None:
    mentions = geocoder.mentions("Tankers crossed the Mediterranean and the Black Sea in May.")
    kinds = {m.text: m.place.feature_code for m in mentions if m.place}
    assert kinds == {"Mediterranean": "SEA", "Black Sea": "SEA"}


def test_a_river_named_alone_is_the_river(resolve_named) -> None:
    (nile,) = resolve_named("Farmers along the Nile sowed early this year.", "Nile")
    assert nile is not None and nile.feature_code == "STM"


def test_world_features_do_not_move_a_syrian_report(geocoder) -> None:
    text = "Government forces shelled Saraqib in Idlib while Gulf states called for talks."
    places = {m.text: m.place for m in geocoder.mentions(text)}
    assert places["Saraqib"].admin1 == "Idleb"


def test_a_building_stands_at_the_place_it_is_named_after(resolve_named) -> None:
    text = "Pilgrims filled Manila Cathedral on Sunday, the priests of Manila said."
    (cathedral,) = resolve_named(text, "Manila Cathedral")
    assert cathedral is not None and cathedral.country_code == "PH"
    assert haversine_km(cathedral.latitude, cathedral.longitude, 14.59, 120.98) < 30


def test_a_university_of_a_state_stands_in_the_state(resolve_named) -> None:
    text = "Researchers at the University of California in Davis published the study."
    (university,) = resolve_named(text, "University of California")
    assert university is not None and university.admin1 == "California"


def test_a_generic_word_inside_a_name_is_not_its_place(resolve_named) -> None:
    text = "Volunteers at Eva's Village in Paterson, New Jersey, served meals."
    (village,) = resolve_named(text, "Eva's Village")
    assert village is None or village.name != "Village"


def test_names_inside_buildings_give_the_report_no_context(resolve_named) -> None:
    # "Rogers Centre" must not pull the report to Rogers, Texas and its neighbours.
    text = (
        "Fans filled the Rogers Centre as the Blue Jays opened the season. Toronto "
        "fans cheered the new manager."
    )
    _, toronto = resolve_named(text, "Rogers Centre", "Toronto")
    assert toronto is not None and toronto.country_code == "CA"


def test_us_states_carry_their_geonames_id(resolve_named) -> None:
    (ohio,) = resolve_named("Voters in Ohio went to the polls on Tuesday.", "Ohio")
    assert ohio is not None and ohio.feature_code == "ADM1" and ohio.geonameid == 5165418


def test_a_unit_point_ignores_a_few_outlying_towns() -> None:
    # Three hundred towns between 0 and 1 degrees and one island 9 degrees off.
    points = [(i / 300, i / 300, 0) for i in range(300)] + [(10.0, 10.0, 0)]
    assert _extent_middle(points) == pytest.approx((0.5, 0.5))
    # Across the antimeridian the mean stands in for the box.
    assert _extent_middle([(60.0, 179.0, 0), (60.0, -179.0, 0)])[1] == pytest.approx(0.0)


def test_canada_stands_at_its_middle(resolve_named) -> None:
    (canada,) = resolve_named("Canada announced new rules.", "Canada")
    assert canada is not None and canada.feature_code == "PCLI"
    assert haversine_km(canada.latitude, canada.longitude, 60.0, -95.0) < 1
