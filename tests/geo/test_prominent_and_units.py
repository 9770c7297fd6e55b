"""Round 2 of toponym resolution: names of countries, world features and famous
buildings over the small towns that share them, adjectives of peoples and regions,
GeoNames' own points of provinces and countries, "BC", university teams, lists of
countries. Our own sentences."""

from __future__ import annotations

from frontlines.geo.resolve import haversine_km


def _near(place, lat: float, lon: float, km: float) -> bool:
    return place is not None and haversine_km(place.latitude, place.longitude, lat, lon) < km


def test_a_country_adjective_is_the_country_not_a_small_town_of_its_spelling(resolve_named) -> None:
    text = "The Ohio steelmaker moved its Canadian pension obligations to two insurers."
    (canadian,) = resolve_named(text, "Canadian")
    assert canadian is not None and canadian.country_code == "CA"
    assert canadian.feature_code == "PCLI"


def test_a_name_written_inside_a_state_is_the_town(resolve_named) -> None:
    text = "She grew up in Canadian, Texas, where the river bends north."
    (canadian,) = resolve_named(text, "Canadian")
    assert canadian is not None and canadian.country_code == "US"
    assert canadian.admin1 == "Texas"


def test_an_ocean_is_not_a_town_that_once_bore_its_name(resolve_named) -> None:
    text = "Forecasters in Miami, Florida, said the tropical Atlantic was warmer than usual."
    (atlantic,) = resolve_named(text, "Atlantic")
    assert atlantic is not None and atlantic.feature_code == "OCN"


def test_a_list_of_countries_is_no_town_inside_a_province(resolve_named) -> None:
    text = "Mali, Guinea and Senegal closed their borders on Monday."
    (mali,) = resolve_named(text, "Mali")
    assert mali is not None and mali.feature_code == "PCLI" and mali.country_code == "ML"


def test_famous_buildings_beat_the_towns_named_after_them(resolve_named) -> None:
    text = "Aides in the West Wing said the White House would answer on Friday."
    wing, house = resolve_named(text, "West Wing", "White House")
    for place in (wing, house):
        assert _near(place, 38.8977, -77.0365, 2)


def test_a_generic_word_inside_an_unknown_name_is_not_its_place(resolve_named) -> None:
    text = "Traders waited for the US Federal Reserve to move rates."
    (fed,) = resolve_named(text, "US Federal Reserve")
    assert fed is not None and fed.country_code == "US"
    assert fed.name != "Federal"


def test_peoples_and_regions_by_their_adjective(resolve_named) -> None:
    text = "Kurdish leaders met Central American envoys to discuss Middle Eastern trade."
    kurdish, central, middle = resolve_named(text, "Kurdish", "Central American", "Middle Eastern")
    assert kurdish is not None and kurdish.name == "Kurdistan"
    assert central is not None and central.name == "Central America"
    assert middle is not None and middle.name == "Middle East"


def test_adjectives_of_peoples_are_not_found_as_places_in_running_text(geocoder) -> None:
    text = "Kurdish fighters and Philippine nurses were seen in Raqqa on Monday."
    assert [m.text for m in geocoder.mentions(text)] == ["Raqqa"]


def test_british_columbia_by_its_short_name_and_its_towns_with_it(resolve_named) -> None:
    text = "Small Business BC opened an office in Nelson, the minister said."
    bc, nelson = resolve_named(text, "BC", "Nelson")
    assert bc is not None and bc.name == "British Columbia"
    assert nelson is not None and nelson.country_code == "CA"


def test_bc_after_a_town_is_found_in_running_text(geocoder) -> None:
    places = {m.text: m.place for m in geocoder.mentions("Crews cleared roads near Nelson, BC.")}
    assert places["BC"] is not None and places["BC"].name == "British Columbia"
    assert places["Nelson"] is not None and places["Nelson"].country_code == "CA"


def test_bc_is_no_place_in_a_date(geocoder) -> None:
    assert geocoder.mentions("The wall was built around 200 BC by farmers.") == []


def test_provinces_and_nations_stand_at_their_geonames_point(resolve_named) -> None:
    text = "Ontario and Scotland signed a trade pact, English officials said."
    ontario, scotland, english = resolve_named(text, "Ontario", "Scotland", "English")
    assert ontario is not None and ontario.geonameid == 6093943
    assert _near(ontario, 49.25, -84.5, 5)
    assert _near(scotland, 56.0, -4.0, 5)
    assert english is not None and english.name == "England"


def test_japan_stands_at_its_geonames_point(resolve_named) -> None:
    (japan,) = resolve_named("Exports from Japan rose in May.", "Japan")
    assert japan is not None and japan.geonameid == 1861060
    assert _near(japan, 35.685, 139.753, 5)


def test_a_university_team_is_no_state_cue(resolve_named) -> None:
    text = "Mississippi State beat Louisville 68-60 in the final on Sunday."
    (louisville,) = resolve_named(text, "Louisville")
    assert louisville is not None and louisville.admin1 == "Kentucky"


def test_a_state_agency_still_names_its_state(geocoder) -> None:
    mentions = geocoder.mentions("Kentucky State Police closed the road near Frankfort.")
    assert "Kentucky" in [m.text for m in mentions]


def test_new_york_state_is_still_the_state(geocoder) -> None:
    mentions = geocoder.mentions("Farmers across New York State lost crops to the frost.")
    assert "New York" in [m.text for m in mentions]


def test_a_state_by_its_name_beats_a_small_town_named_after_it_elsewhere(resolve_named) -> None:
    text = "Officials in Annapolis and Baltimore said Florida would send aid."
    (florida,) = resolve_named(text, "Florida")
    assert florida is not None and florida.feature_code == "ADM1"
    assert florida.admin1 == "Florida"


def test_the_name_after_a_towns_comma_is_its_state(resolve_named) -> None:
    text = "A bakery in Spokane, Washington, shared its recipes."
    (washington,) = resolve_named(text, "Washington")
    assert washington is not None and washington.feature_code == "ADM1"


def test_a_list_of_places_is_not_a_town_inside_a_state(resolve_named) -> None:
    text = "Teams flew to Hawaii and Guam, Louisiana and Nevada last year."
    (guam,) = resolve_named(text, "Guam")
    assert guam is not None and guam.country_code == "GU"


def test_british_counties_are_named_bare(resolve_named) -> None:
    text = "The race moves from Silverstone to Brands Hatch, Kent, and then to Hampshire."
    kent, hampshire = resolve_named(text, "Kent", "Hampshire")
    assert kent is not None and kent.country_code == "GB" and kent.feature_code == "ADM2"
    assert hampshire is not None and hampshire.country_code == "GB"


def test_a_nation_by_its_adjective_in_a_foreign_report(resolve_named) -> None:
    text = "Moscow denied the charge; English police said the Kremlin was behind it."
    (english,) = resolve_named(text, "English")
    assert english is not None and english.name == "England"


def _entry(id_: int, name: str, code: str, cc: str, admin1: str, population: int):
    from frontlines.geo.gazetteer import Entry

    return Entry(id_, None, name, 0.0, 0.0, code, cc, None, admin1, None, None, population,
                 "geonames")  # fmt: skip


def test_only_a_unit_of_the_reports_country_outranks_small_towns() -> None:
    from frontlines.geo.ranking import prominent_first

    village = _entry(1, "Mare", "PPL", "SY", "Aleppo", 5000)
    foreign_unit = _entry(2, "Mare", "ADM1", "NC", "Mare", 7000)
    assert prominent_first([village, foreign_unit], None, {}, ["SY"]) == [village, foreign_unit]
    seat = _entry(3, "Homs", "PPL", "SY", "Homs", 60000)
    elsewhere = _entry(4, "Homs", "PPL", "SY", "Hama", 900)
    unit = _entry(5, "Homs", "ADM1", "SY", "Homs", 1_500_000)
    assert prominent_first([seat, elsewhere, unit], None, {}, ["SY"]) == [seat, unit]


def test_a_unit_named_with_its_kind_is_no_person(geocoder) -> None:
    places = {
        m.text: m.place for m in geocoder.mentions("Gunmen raided a village in Zamfara State.")
    }
    assert places["Zamfara"] is not None and places["Zamfara"].country_code == "NG"


def test_a_towns_old_name_yields_to_the_towns_that_bear_it() -> None:
    from dataclasses import replace

    from frontlines.geo.ranking import own_names_first

    paris = _entry(1, "Paris", "PPL", "US", "Tennessee", 10000)
    renamed = replace(_entry(2, "Swainsboro", "PPL", "US", "Georgia", 7000), alternate=True)
    assert own_names_first([paris, renamed]) == [paris]
    syrian = replace(_entry(3, "Mari'", "PPL", "SY", "Aleppo", 0), alternate=True)
    unit = _entry(4, "Mare", "ADM3", "SY", "Aleppo", 30000)
    assert own_names_first([syrian, unit]) == [syrian, unit]


def test_countries_whose_name_starts_with_the(resolve_named) -> None:
    text = "Tulips from the Netherlands reached Ghent on Monday."
    (netherlands,) = resolve_named(text, "Netherlands")
    assert netherlands is not None and netherlands.country_code == "NL"


def test_chinese_provinces_by_their_english_name(resolve_named) -> None:
    text = "Poultry farms in Anhui and Guangxi were closed."
    anhui, guangxi = resolve_named(text, "Anhui", "Guangxi")
    assert anhui is not None and anhui.feature_code == "ADM1" and anhui.country_code == "CN"
    assert guangxi is not None and guangxi.feature_code == "ADM1"


def test_darfur_is_the_region_of_sudan(resolve_named) -> None:
    (darfur,) = resolve_named("Aid convoys reached Darfur last week.", "Darfur")
    assert darfur is not None and darfur.country_code == "SD"
    assert _near(darfur, 13.5, 24.0, 50)


def test_states_in_a_list_are_the_states(resolve_named) -> None:
    text = "Cases were reported in Michigan, Ohio, Oregon, South Carolina and Utah."
    ohio, oregon = resolve_named(text, "Ohio", "Oregon")
    assert ohio is not None and ohio.feature_code == "ADM1"
    assert oregon is not None and oregon.feature_code == "ADM1" and oregon.admin1 == "Oregon"


def test_australian_state_abbreviations(geocoder, resolve_named) -> None:
    (nsw,) = resolve_named("NSW Health confirmed two cases.", "NSW")
    assert nsw is not None and nsw.name == "New South Wales"
    places = {m.text: m.place for m in geocoder.mentions("Floods hit Lismore, NSW, overnight.")}
    assert places["NSW"] is not None and places["NSW"].name == "New South Wales"


def test_the_soviet_union_stands_at_its_successor(resolve_named) -> None:
    (soviet,) = resolve_named("Grain exports from the Soviet Union fell in 1972.", "Soviet Union")
    assert soviet is not None and soviet.country_code == "RU"


def test_a_countrys_adjective_before_the_kind_of_place_names_its_country(resolve_named) -> None:
    text = "Moscow expelled envoys after the attack in the English city of Salisbury."
    (salisbury,) = resolve_named(text, "Salisbury")
    assert salisbury is not None and salisbury.country_code == "GB"
