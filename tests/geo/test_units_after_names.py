"""Unknown places written inside a district or sub-district, compound names that
start with a generic head, units named after a place, and country codes."""

from __future__ import annotations

from frontlines.geo import load_geocoder


def _found(text: str, country: str | None = None) -> dict[str, tuple[str | None, ...]]:
    mentions = load_geocoder().mentions(text, country_hint=country)
    return {
        m.text: (m.place.country_code, m.place.admin1, m.place.feature_code, m.place.geo_precision)
        for m in mentions
        if m.place
    }


def test_a_sub_district_after_a_name_is_read_as_one() -> None:
    # Without "sub-district" read as a kind, the name's largest namesake (abroad)
    # set the report's country.
    found = _found("Local men fought the guards in Al-Qasra village in Sur sub-district.")
    assert found["Sur"][:3] == ("SY", "Deir ez Zor", "ADM3")


def test_unknown_villages_listed_before_a_district_stand_in_it() -> None:
    text = "Rebels took the villages of Umm Ruman, Dimu and Tabatin in the Tell Abiad sub-district."
    found = _found(text)
    for name in ("Umm Ruman", "Dimu", "Tabatin"):
        assert found[name][0:2] == ("SY", "Ar Raqqa")
        assert found[name][3] == 2  # in the sub-district, not at its point exactly


def test_a_compound_name_after_a_generic_head_and_article_is_one_name() -> None:
    # "Hassan" alone is an Indian city; here it ends the name of a Syrian village.
    found = _found("Rebels and Kurdish fighters clashed in Qabr al Sheikh Hassan near Ras al Ain.")
    assert "Hassan" not in found
    assert found["Qabr al Sheikh Hassan"][0] == "SY"


def test_a_council_named_after_a_town_is_no_unknown_place() -> None:
    found = _found("The Deir-ez-Zor Military Council said it had ended the clashes.", "Syria")
    assert "Deir-ez-Zor Military Council" not in found


def test_a_country_code_is_a_country_only_in_capitals() -> None:
    assert _found("Trade with the USA grew, officials in Berlin said.")["USA"][0] == "US"
    # "SUR" is Suriname's code; "Sur" is a Syrian sub-district and an Omani town.
    assert _found("Clashes broke out in Sur, east of Deir ez-Zor.").get("Sur", ("SY",))[0] != "SR"
