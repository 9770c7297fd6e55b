"""What happened at a protest or a riot, told apart from what the crowd protested
about, on sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        # The damage is the grievance: named inside the demand, or as its cause.
        "On Monday, traders protested in Saraqib, demanding the return of looted savings.",
        "On Monday, farmers protested in Saraqib after a hailstorm destroyed their orchards.",
        "On Monday, farmers rallied in Saraqib because their fields were damaged by floods.",
        "On Monday, teachers protested in Saraqib, complaining that the curfew kills trade.",
        "On Monday, residents protested in Saraqib against the arrest of youths during "
        "recent riots.",
        "On Monday, relatives of a guard who was accidentally shot dead protested in Saraqib.",
    ],
)
def test_violence_named_as_the_grievance_leaves_the_protest_peaceful(sub_events, text):
    assert sub_events(text) == ["Peaceful protest"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Monday, protesters burned tyres in Saraqib, demanding the return of savings.",
            "Violent demonstration",
        ),
        (
            "On Monday, villagers blocked the road with stones in Saraqib to protest against "
            "water cuts. No violence was reported.",
            "Peaceful protest",
        ),
        (
            "On Monday, nurses protested in Saraqib. Police dispersed them with tear gas.",
            "Protest with intervention",
        ),
    ],
)
def test_what_the_crowd_did_or_suffered_codes_the_protest(sub_events, text, expected):
    assert sub_events(text) == [expected]


def test_guards_killing_a_protester_is_excessive_force(sub_events):
    text = (
        "On Monday, residents gathered in Saraqib to protest against a new crossing. "
        "During the protest, guards opened fire, killing a protester."
    )
    assert "Excessive force against protesters" in sub_events(text)


def test_a_riot_with_no_demand_is_mob_violence(sub_events):
    assert sub_events("On Monday, inmates rioted in the prison of Saraqib.") == ["Mob violence"]


def test_a_riot_for_a_demand_is_a_violent_demonstration(sub_events):
    text = "On Monday, inmates rioted in the prison of Saraqib, demanding visits."
    assert sub_events(text) == ["Violent demonstration"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Monday, youths threw stones at police in Saraqib.", "Mob violence"),
        (
            "On Monday, youths threw stones at police in Saraqib, demanding jobs.",
            "Violent demonstration",
        ),
    ],
)
def test_stones_thrown_are_a_demonstration_only_with_a_demand(sub_events, text, expected):
    assert sub_events(text) == [expected]


def test_armed_men_who_fight_the_police_are_in_an_armed_clash(sub_events):
    text = "On Monday, HTS fighters clashed with police in Saraqib."
    assert sub_events(text) == ["Armed clash"]
