"""Where a report is set: its actors' home yields to a province of another country
written as an area, and a tribe's name is no place. Sentences are ours."""

from __future__ import annotations

from datetime import date

import frontlines

DAY = date(2023, 5, 2)


def _places(text: str) -> set[tuple[str | None, str | None]]:
    return {(e.country, e.admin1) for e in frontlines.extract(text, published=DAY)}


def test_foreign_group_in_a_province_written_as_an_area_is_set_in_that_province() -> None:
    # The militia is Iraqi; the report says where: a Syrian governorate.
    text = (
        "Gunmen ambushed an Iraqi Popular Mobilization Forces convoy near the village of "
        "Zawiyat Qurqumeen in the Deir ez Zor countryside, killing two fighters."
    )
    assert _places(text) == {("Syria", "Deir ez Zor")}


def test_a_landmark_named_like_a_foreign_province_does_not_outvote_the_setting() -> None:
    # "Hail" is also a Saudi region; here it names a gas field of Syria's war.
    text = "Regime forces fought an unidentified group near the Hail gas field."
    assert {country for country, _ in _places(text)} == {"Syria"}


def test_a_tribes_name_is_no_place() -> None:
    # "Al Qabisa" folds to the key of Gabes (Tunisia): as a tribe it votes for nothing.
    text = (
        "Al Qabisa tribal militiamen clashed with gunmen in the town of Zawiyat Qurqumeen "
        "in the Deir ez Zor countryside over a land dispute."
    )
    assert _places(text) == {("Syria", "Deir ez Zor")}
