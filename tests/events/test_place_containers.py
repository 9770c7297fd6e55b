"""Which of a sentence's places is the event's: an area that holds another named
place is context, but two areas never hold each other."""

from __future__ import annotations

from frontlines.events.places import drop_containers
from frontlines.model import Place, PlaceMention


def _unit(name: str, code: str, admin1: str | None, precision: int = 3) -> Place:
    return Place(name, 35.0, 38.0, precision, "Syria", "SY", admin1, feature_code=code)


def _mentions(*places: Place) -> list[PlaceMention]:
    out, offset = [], 0
    for place in places:
        out.append(PlaceMention("a", offset, offset + len(place.name), place.name, place))
        offset += len(place.name) + 4
    return out


def _kept(*places: Place) -> list[str]:
    return [m.place.name for m in drop_containers(_mentions(*places)) if m.place]


def test_a_sub_district_inside_its_governorate_is_kept_not_both_dropped() -> None:
    # The sub-district named after its town, and the governorate after it: the
    # governorate holds the sub-district, not the other way round.
    sub_district = _unit("Qasr Nur", "ADM3", "Homs", precision=2)
    assert _kept(sub_district, _unit("Homs", "ADM1", "Homs")) == ["Qasr Nur"]


def test_a_region_inside_a_governorate_is_kept() -> None:
    region = _unit("Wadi Nimr", "RGN", "Rural Damascus")
    assert _kept(region, _unit("Rural Damascus", "ADM1", "Rural Damascus")) == ["Wadi Nimr"]


def test_a_village_still_replaces_the_districts_around_it() -> None:
    village = _unit("Tall Sahil", "PPL", "Homs", precision=1)
    district = _unit("Markaz Sahil", "ADM2", "Homs")
    assert _kept(district, village, _unit("Homs", "ADM1", "Homs")) == ["Tall Sahil"]


def test_two_governorates_are_two_places() -> None:
    assert _kept(_unit("Homs", "ADM1", "Homs"), _unit("Hama", "ADM1", "Hama")) == ["Homs", "Hama"]


def test_a_region_across_the_country_holds_a_governorate() -> None:
    # A region with no governorate of its own ("the north-east") is larger than one.
    wide = _unit("Jazira Plain", "RGN", None)
    assert _kept(wide, _unit("Al Hasakeh", "ADM1", "Al Hasakeh")) == ["Al Hasakeh"]


def _in_text(text: str, *places: Place) -> list[PlaceMention]:
    return [
        PlaceMention("a", text.index(p.name), text.index(p.name) + len(p.name), p.name, p)
        for p in places
    ]


def test_a_village_in_its_governorate_s_seat_name_is_in_the_governorate() -> None:
    # "in Hama" after a village names the governorate the village lies in, not the city.
    text = "Rebels took Tall Sahil village in Hama on Monday."
    # Unknown to the gazetteer, the village stands in its governorate (precision 3).
    village = Place("Tall Sahil", 35.2, 36.7, 3, "Syria", "SY", "Hama", feature_code=None)
    city = Place("Hama", 35.13, 36.75, 1, "Syria", "SY", "Hama", feature_code="PPL")
    kept = drop_containers(_in_text(text, village, city), text)
    assert [m.place.name for m in kept if m.place] == ["Tall Sahil"]


def test_two_towns_joined_by_and_stay_two_places() -> None:
    text = "Rebels took Tall Sahil and Hama on Monday."
    village = Place("Tall Sahil", 35.2, 36.7, 1, "Syria", "SY", "Hama", feature_code="PPL")
    city = Place("Hama", 35.13, 36.75, 1, "Syria", "SY", "Hama", feature_code="PPL")
    kept = drop_containers(_in_text(text, village, city), text)
    assert [m.place.name for m in kept if m.place] == ["Tall Sahil", "Hama"]


def test_of_two_areas_the_one_named_like_the_other_s_governorate_holds_it() -> None:
    # "rural X in Y countryside": both are areas and each lies within the other's
    # radius; Y names X's governorate, so X is the event's place (not neither).
    text = "Gunmen shot at a patrol in rural Tall Sahil in the Hama countryside."
    town = Place("Tall Sahil", 35.2, 36.7, 1, "Syria", "SY", "Hama", feature_code="PPL")
    city = Place("Hama", 35.13, 36.75, 1, "Syria", "SY", "Hama", feature_code="PPL")
    kept = drop_containers(_in_text(text, town, city), text)
    assert [m.place.name for m in kept if m.place] == ["Tall Sahil"]


def test_a_sub_district_in_a_governorate_s_countryside_is_the_event_s_place() -> None:
    # "X sub-district, in the Y countryside": the seat of Y lies in another district,
    # so X does not hold it; Y's countryside holds X.
    text = "A mine went off on the road of Tall Sahil sub-district, in Hama countryside."
    unit = Place("Tall Sahil", 35.4, 36.4, 3, "Syria", "SY", "Hama", "Masyaf", "Tall Sahil",
                 feature_code="ADM3")  # fmt: skip
    city = Place("Hama", 35.13, 36.75, 1, "Syria", "SY", "Hama", "Hama", "Hama",
                 feature_code="PPLA")  # fmt: skip
    kept = drop_containers(_in_text(text, unit, city), text)
    assert [m.place.name for m in kept if m.place] == ["Tall Sahil"]


def test_a_sub_district_does_not_hold_a_town_of_another_district() -> None:
    unit = Place("Tall Sahil", 35.4, 36.4, 3, "Syria", "SY", "Hama", "Masyaf", "Tall Sahil",
                 feature_code="ADM3")  # fmt: skip
    town = Place("Kafr Nur", 35.2, 36.7, 1, "Syria", "SY", "Hama", "Hama", "Hama",
                 feature_code="PPL")  # fmt: skip
    assert [m.place.name for m in drop_containers(_mentions(unit, town)) if m.place] == [
        "Tall Sahil",
        "Kafr Nur",
    ]


def test_a_governorate_s_countryside_is_the_governorate_not_its_seat() -> None:
    # ACLED's rule: only the province known, the event stands at its capital with
    # geo_precision 3; a town's countryside is near the town (2).
    city = Place("Hama", 35.13, 36.75, 1, "Syria", "SY", "Hama", "Hama", "Hama",
                 feature_code="PPLA")  # fmt: skip
    town = Place("Kafr Nur", 35.4, 36.4, 1, "Syria", "SY", "Hama", "Masyaf", "Masyaf",
                 feature_code="PPL")  # fmt: skip
    for text, place, precision in [
        ("Drones struck villages in the eastern Hama countryside.", city, 3),
        ("Drones struck farms in Kafr Nur countryside.", town, 2),
    ]:
        kept = drop_containers(_in_text(text, place), text)
        assert [m.place.geo_precision for m in kept if m.place] == [precision]


def test_a_governorate_s_seat_named_as_a_city_stays_exact() -> None:
    text = "Drones struck a market in Hama city."
    city = Place("Hama", 35.13, 36.75, 1, "Syria", "SY", "Hama", "Hama", "Hama",
                 feature_code="PPLA")  # fmt: skip
    kept = drop_containers(_in_text(text, city), text)
    assert [m.place.geo_precision for m in kept if m.place] == [1]
