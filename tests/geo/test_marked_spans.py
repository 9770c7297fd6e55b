"""Spans a caller marks as places (resolve_spans, gold annotations): they, not the
guesses found around them, say where a report is. Our own sentences."""

from __future__ import annotations

from frontlines.geo.resolve import haversine_km


def test_a_marked_small_town_abroad_is_its_namesake_not_the_country_middle(
    resolve_named,
) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Turkish farmers buy feed from a firm headquartered in Visbek, "
        "Turkey's poultry board said on Monday."
    )
    (visbek,) = resolve_named(text, "Visbek")
    assert visbek is not None and visbek.country_code == "DE"
    assert visbek.geo_precision == 1


def test_a_name_inside_a_building_still_needs_context_to_go_abroad(resolve_named) -> None:
    text = "Fans in Toronto filled the Rogers Centre as Ontario cheered the team."
    (centre,) = resolve_named(text, "Rogers Centre")
    assert centre is not None and centre.country_code == "CA"


def test_people_named_around_marked_places_do_not_move_the_report(resolve_named) -> None:
    # "Deck" and "Jodi" reach towns abroad only through loose keys (Dhaka, Gode).
    text = (
        "Jodi grew up in Bellmore. Jodi and Deck sailed on Deck's boat; Deck said Jodi "
        "steered. Deck told Jodi the crew came from Fort Salonga."
    )
    bellmore, salonga = resolve_named(text, "Bellmore", "Fort Salonga")
    assert bellmore is not None and bellmore.country_code == "US"
    assert salonga is not None and salonga.country_code == "US"


def test_an_unknown_marked_name_stands_at_the_town_the_marked_places_centre_on(
    resolve_named,
) -> None:  # type: ignore[no-untyped-def]
    # "Denton" is a man here, not the Texan town: only marked places make the focus.
    text = "Parishioners in New Orleans restored the Holy Ghost Chapel, Denton said."
    _, chapel = resolve_named(text, "New Orleans", "Holy Ghost Chapel")
    assert chapel is not None and chapel.latitude is not None and chapel.longitude is not None
    assert haversine_km(chapel.latitude, chapel.longitude, 29.95, -90.07) < 30


def test_a_nations_adjective_before_the_kind_of_the_next_town_is_the_nation(
    resolve_named,
) -> None:  # type: ignore[no-untyped-def]
    text = "Moscow denied any role in the attack in the English city of Salisbury."
    (english,) = resolve_named(text, "English")
    assert english is not None and english.country_code == "GB"


def test_a_country_called_by_its_code_is_no_town_of_that_other_name(resolve_named) -> None:  # type: ignore[no-untyped-def]
    # GeoNames also calls the Turkish city of Usak "Usa".
    text = "Exporters in Ankara said Turkish figs sell well in Japan and the USA."
    (usa,) = resolve_named(text, "USA")
    assert usa is not None and usa.country_code == "US" and usa.feature_code == "PCLI"


def test_a_town_written_before_its_country_is_the_town_there(geocoder) -> None:  # type: ignore[no-untyped-def]
    # The report centres on Ankara, far from the small German town.
    text = (
        "The feed maker, headquartered in Visbek, Germany, opened a plant in Ankara. "
        "Ankara officials welcomed it."
    )
    names = ["Visbek", "Germany", "Ankara"]
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    second = text.rindex("Ankara")
    visbek, *_ = geocoder.resolve_spans(text, [*spans, (second, second + len("Ankara"))])
    assert visbek is not None and visbek.country_code == "DE" and visbek.geo_precision == 1


def test_a_person_named_like_a_town_in_another_case_does_not_vote(resolve_named) -> None:  # type: ignore[no-untyped-def]
    # "Noma" is a woman here; NoMa is a Washington neighbourhood.
    text = (
        "Noma said the clinic in the Eastern Cape had sent her to Zolani Hall. "
        "Noma waited. Noma called again, and Noma was told to wait."
    )
    _, hall = resolve_named(text, "Eastern Cape", "Zolani Hall")
    assert hall is not None and hall.country_code == "ZA"


def test_a_region_abroad_a_loose_key_reaches_does_not_veto_a_county(resolve_named) -> None:  # type: ignore[no-untyped-def]
    # "Car" reaches Kara, a region of Togo, through its loose key.
    text = "A Hampshire racing driver won the British Touring Car race."
    (hampshire,) = resolve_named(text, "Hampshire")
    assert hampshire is not None and hampshire.feature_code == "ADM2"
    assert hampshire.country_code == "GB" and hampshire.admin2 == "Hampshire"
