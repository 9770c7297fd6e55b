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
