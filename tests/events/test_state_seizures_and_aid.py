"""What forces do besides fighting: drugs seized or labs destroyed (property
destruction), detainees beaten (an attack), armed groups handing out food (a change
of activity); and a rape told after the attack it came with (sexual violence).
Sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, police dismantled a cocaine lab in Hajin. Two men were arrested.",
        "On Monday, soldiers seized 300 kilograms of hashish in Hajin and detained a driver.",
        "On Monday, the army destroyed a hidden airstrip near Hajin.",
    ],
)
def test_drugs_seized_or_labs_destroyed_are_property_destruction(sub_events, text):
    assert "Looting/property destruction" in sub_events(text)
    assert "Arrests" not in sub_events(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Monday, regime soldiers beat three men and then detained them in Hajin.", "Attack"),
        ("On Monday, regime soldiers detained three men in Hajin.", "Arrests"),
        (
            "On Monday, HTS members distributed food parcels to families in Hajin.",
            "Change to group/activity",
        ),
        (
            "On Monday, residents protested in Hajin, demanding the distribution of food.",
            "Peaceful protest",
        ),
    ],
)
def test_what_the_forces_or_the_crowd_did_codes_the_event(sub_events, text, expected):
    assert sub_events(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Monday, gunmen attacked two women near Hajin. They raped one of them.",
            "Sexual violence",
        ),
        ("On Monday, residents protested in Hajin after a girl was raped.", "Peaceful protest"),
    ],
)
def test_a_victim_raped_makes_the_attack_sexual_violence(sub_events, text, expected):
    assert sub_events(text) == [expected]
