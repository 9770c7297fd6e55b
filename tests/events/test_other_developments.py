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
