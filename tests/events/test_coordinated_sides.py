"""Two sides named as one conjoined subject of a fighting verb stay two sides,
whichever the small model's parse of "X and Y forces"."""

from __future__ import annotations

import pytest

SYRIA_STATE = "Military Forces of Syria (2000-)"
REBELS = "Opposition Rebels (Syria)"


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels and regime forces clashed near Saraqib.",
        "Rebels and government forces fought near Saraqib overnight.",
        "Regime forces and rebels clashed near Saraqib.",
    ],
)
def test_a_conjoined_subject_of_a_clash_is_both_sides(code, sentence: str) -> None:
    (event,) = code(sentence)
    assert event.sub_event_type == "Armed clash"
    assert {event.actor1, event.actor2} == {SYRIA_STATE, REBELS}


def test_a_home_town_is_not_where_the_event_happened(code) -> None:
    (event,) = code(
        "A young soldier from Tall Rifaat was killed in clashes with rebels near Saraqib."
    )
    assert event.location == "Saraqib" and event.fatalities == 1


def test_a_home_town_is_kept_when_nothing_else_is_named(code) -> None:
    (event,) = code("A rebel fighter from Saraqib was killed in clashes with regime forces.")
    assert event.location == "Saraqib"
    assert {event.actor1, event.actor2} == {SYRIA_STATE, REBELS}
