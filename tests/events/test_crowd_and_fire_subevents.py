"""Sub-events that follow from who acted and which weapon the report names, on
sentences written for these tests."""

from __future__ import annotations


def test_rioters_burning_property_is_mob_violence(code):
    events = code("On Monday, rioters set a bank on fire in Mare' after a dispute.")
    assert [e.sub_event_type for e in events] == ["Mob violence"]
    assert events[0].actor1 == "Rioters (Syria)"


def test_armed_group_burning_property_is_property_destruction(code):
    events = code("On Monday, HTS fighters set a shop on fire in Mare'.")
    assert [e.sub_event_type for e in events] == ["Looting/property destruction"]


def test_explosions_from_unidentified_weapons_are_shelling(code):
    events = code(
        "On Monday, monitors recorded 12 explosions involving unknown weapons near Hajin."
    )
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]


def test_a_single_blast_is_still_an_explosive_device(code):
    events = code("On Monday, a blast hit a car in Hajin, killing two civilians.")
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]


def test_soldiers_firing_at_fishermen_is_an_attack_on_civilians(code):
    events = code("On Monday, regime soldiers fired rubber bullets at fishermen near Hajin.")
    assert [(e.sub_event_type, e.actor2) for e in events] == [("Attack", "Civilians (Syria)")]
