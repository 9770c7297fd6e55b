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
