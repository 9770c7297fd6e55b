"""What forces do besides fighting: drugs seized or labs destroyed (property
destruction), detainees beaten (an attack), armed groups handing out food (a change
of activity). Sentences written for these tests."""

from __future__ import annotations

import pytest


def _sub_events(code, text: str) -> list[str]:
    return [e.sub_event_type for e in code(text)]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, police dismantled a cocaine lab in Hajin. Two men were arrested.",
        "On Monday, soldiers seized 300 kilograms of hashish in Hajin and detained a driver.",
        "On Monday, the army destroyed a hidden airstrip near Hajin.",
    ],
)
def test_drugs_seized_or_labs_destroyed_are_property_destruction(code, text):
    assert "Looting/property destruction" in _sub_events(code, text)
    assert "Arrests" not in _sub_events(code, text)


def test_detainees_beaten_by_soldiers_are_attacked(code):
    text = "On Monday, regime soldiers beat three men and then detained them in Hajin."
    assert _sub_events(code, text) == ["Attack"]


def test_an_arrest_alone_stays_an_arrest(code):
    text = "On Monday, regime soldiers detained three men in Hajin."
    assert _sub_events(code, text) == ["Arrests"]


def test_an_armed_group_handing_out_food_changes_its_activity(code):
    text = "On Monday, HTS members distributed food parcels to families in Hajin."
    assert _sub_events(code, text) == ["Change to group/activity"]


def test_a_protest_for_food_stays_a_protest(code):
    text = "On Monday, residents protested in Hajin, demanding the distribution of food."
    assert _sub_events(code, text) == ["Peaceful protest"]
