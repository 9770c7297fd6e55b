"""Countries named by their adjectives and peoples: our own sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # "Greek" and "Greece" share a lookup key: both stay the country's spellings.
        ("Greek ferries stayed in port during the strike.", "Greek", "GR"),
        ("Korean carmakers raised prices in May.", "Korean", "KR"),
        ("A Serb leader spoke to the assembly.", "Serb", "RS"),
        # The demonym field reads "Bosnian, Herzegovinian": two adjectives.
        ("The Bosnian parliament met in the evening.", "Bosnian", "BA"),
        ("Kazakh grain reached the port.", "Kazakh", "KZ"),
    ],
)
def test_an_adjective_names_its_country(resolve_named, text: str, name: str, code: str) -> None:  # type: ignore[no-untyped-def]
    (place,) = resolve_named(text, name)
    assert place is not None and place.feature_code == "PCLI" and place.country_code == code


def test_spellings_that_share_a_key_give_one_entry(geocoder) -> None:  # type: ignore[no-untyped-def]
    countries = [e for e in geocoder.gazetteer.lookup("Greek") if e.feature_code == "PCLI"]
    assert [e.country_code for e in countries] == ["GR"]
    assert not countries[0].alternate
