"""A name said twice in a report is one place: a village announced once keeps its
place where it recurs without the cue."""

from __future__ import annotations


def _places(geocoder, text: str) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [
        (m.text, m.place.country_code, m.place.admin1)
        for m in geocoder.mentions(text)
        if m.place is not None
    ]


def test_an_announced_village_the_gazetteer_lacks_is_placed_where_it_recurs(geocoder) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Gunmen raided the village of Qurqur in Hama province.\n\nOn Tuesday Qurqur was shelled.",
        "Qurqur was shelled on Tuesday.\n\nGunmen had raided the village of Qurqur in Hama.",
    ):
        found = _places(geocoder, text)
        assert [p for p in found if p[0] == "Qurqur"] == [("Qurqur", "SY", "Hama")] * 2, text


def test_an_unannounced_unknown_name_is_still_no_place(geocoder) -> None:  # type: ignore[no-untyped-def]
    assert _places(geocoder, "Fighting went on in Qurqur overnight.") == []
