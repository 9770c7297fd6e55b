"""Happenings ACLED codes as "Other": shots fired into the air, a patrol stopped
without a fight, people displaced by fighting, refugees coming home. Sentences
written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, border guards fired warning shots near Hajin.",
        "On Monday, soldiers fired dozens of shots into the air near Hajin.",
        "On Monday, Russian military police prevented a US patrol from entering Hajin.",
        "On Monday, some 300 families evacuated Hajin following clashes between two clans.",
        "On Monday, fighting between the army and rebels forced 400 villagers to flee Hajin.",
        "On Monday, 150 refugees returned to Hajin from Lebanon.",
    ],
)
def test_coded_as_other(code, text):
    assert "Other" in [e.sub_event_type for e in code(text)]


def test_shots_fired_at_people_are_not_warning_shots(code):
    events = code("On Monday, gunmen fired shots at a car near Hajin, killing the driver.")
    assert "Other" not in [e.sub_event_type for e in events]


def test_refugees_killed_on_their_return_are_attacked(code):
    events = code("On Monday, gunmen shot dead two refugees who returned to Hajin.")
    assert [e.sub_event_type for e in events] == ["Attack"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Monday, IS militants took control of Hajin and raised their flag there.",
            "Non-violent transfer of territory",
        ),
        (
            "On Monday, IS militants took control of Hajin after clashes with the army.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_a_capture_with_no_fighting_told_is_a_non_violent_transfer(code, text, expected):
    assert [e.sub_event_type for e in code(text)] == [expected]
