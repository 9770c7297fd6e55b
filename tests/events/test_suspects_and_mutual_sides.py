"""Who an unnamed group is said to be, however the guess is worded, and two sides
named as one subject of a fight with no third party."""

from __future__ import annotations

import pytest

SYRIA_STATE = "Military Forces of Syria (2000-)"
REBELS = "Opposition Rebels (Syria)"
IS = "Islamic State (Syria)"
SDF = "QSD: Syrian Democratic Forces"


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        # The guess after a comma, with a member or a cell of the group named.
        ("Clashes broke out between SDF fighters and an unknown armed group, thought to be an "
         "IS sleeper cell, near Hajin.", {SDF, IS}),
        # "be" left out, as hurried reports do.
        ("Gunmen believed to IS members fired on an SDF patrol near Hajin, wounding two.",
         {SDF, IS}),
        ("Unknown gunmen likely to be members of an IS cell shot at an SDF checkpoint near Hajin.",
         {SDF, IS}),
        # The guess is a generic side.
        ("Regime troops clashed with armed men suspected to be opposition rebels near Saraqib.",
         {SYRIA_STATE, REBELS}),
        # Two sides as one subject, fighting no third party.
        ("Regime forces and opposition rebels clashed with one another near Saraqib.",
         {SYRIA_STATE, REBELS}),
        ("Regime forces and opposition rebels exchanged fire with heavy machine guns near Saraqib.",
         {SYRIA_STATE, REBELS}),
    ],
)  # fmt: skip
def test_the_sides_are_the_groups_meant(pairs, sentence: str, pair: set[str]) -> None:
    found = pairs(sentence)
    assert pair in found, found


def test_a_conjoined_subject_fighting_a_named_third_is_one_side(code) -> None:
    (event,) = code("Regime forces and opposition rebels clashed with IS near Saraqib.")
    assert event.actor2 == IS


def test_the_third_side_may_hang_from_the_verbs_object(pairs) -> None:
    # "with the SDF" belongs to "barrages", not to "exchanged".
    found = pairs(
        "Turkish troops and SNA fighters exchanged artillery barrages with the SDF near Hajin."
    )
    assert any(SDF in pair for pair in found), found
