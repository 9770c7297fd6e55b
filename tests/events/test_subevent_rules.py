"""ACLED's sub-event conventions beyond battles: protests and what happened to them,
arrests, attacks on civilians, purposes and reasons that are not happenings.
Sentences written for these tests."""

from __future__ import annotations


def _types(events) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(e.sub_event_type for e in events)


def test_an_arrest_by_no_named_agent_is_the_polices(code) -> None:
    (arrest,) = code("On Friday, twelve men were arrested in Saraqib.")
    assert arrest.sub_event_type == "Arrests"
    assert arrest.actor1.startswith("Police Forces of Syria")


def test_a_protest_given_as_the_reason_for_arrests_is_not_coded(code) -> None:
    events = code(
        "On Friday, police arrested 30 people in Saraqib for taking part in protests "
        "against the council."
    )
    assert _types(events) == ["Arrests"]


def test_a_purpose_is_not_a_happening(code) -> None:
    events = code("On Friday, government forces shelled Saraqib to capture the town.")
    assert _types(events) == ["Shelling/artillery/missile attack"]


def test_gathering_to_protest_is_a_protest(code) -> None:
    (protest,) = code("On Friday, teachers gathered in Saraqib to protest against unpaid wages.")
    assert protest.sub_event_type == "Peaceful protest"
    assert protest.actor1.startswith("Protesters")


def test_a_protest_that_turned_violent_stays_a_violent_demonstration(code) -> None:
    (riot,) = code(
        "On Friday, a protest over bread prices in Saraqib turned violent, and police "
        "killed two protesters."
    )
    assert riot.sub_event_type == "Violent demonstration"


def test_tear_gas_thrown_by_the_police_is_an_intervention(code) -> None:
    (protest,) = code("On Friday, police threw tear gas at students protesting in Saraqib.")
    assert protest.sub_event_type == "Protest with intervention"


def test_opening_fire_on_protesters_is_excessive_force(code) -> None:
    (protest,) = code("On Friday, soldiers opened fire on peaceful protesters in Saraqib.")
    assert protest.sub_event_type == "Excessive force against protesters"


def test_barricading_a_road_is_a_violent_demonstration(code) -> None:
    (riot,) = code("On Friday, workers barricaded the main road in Saraqib to demand their wages.")
    assert riot.sub_event_type == "Violent demonstration"
    assert riot.actor1.startswith("Rioters")


def test_releasing_prisoners_is_another_strategic_development(code) -> None:
    (release,) = code("On Friday, the authorities released 40 prisoners from the jail in Saraqib.")
    assert release.sub_event_type == "Other"


def test_explosions_of_unknown_weapons_counted_by_monitors_are_shelling(code) -> None:
    (event,) = code(
        "On Friday, monitors recorded 12 explosions involving unknown weapons near Saraqib."
    )
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_a_raid_whose_only_victims_are_civilians_is_an_attack(code) -> None:
    events = code("On Friday, gunmen attacked the village of Saraqib. Four farmers were killed.")
    attack = next(e for e in events if e.location == "Saraqib")
    assert attack.sub_event_type == "Attack"
    assert attack.actor2 == "Civilians (Syria)"


def test_a_raid_on_an_armed_group_stays_a_clash(code) -> None:
    events = code(
        "On Friday, IS fighters attacked an SDF checkpoint in Hajin. Two farmers were hurt."
    )
    assert _types(events) == ["Armed clash"]


def test_seizing_property_is_looting(code) -> None:
    (event,) = code("On Friday, HTS fighters seized four fuel trucks in Saraqib.")
    assert event.sub_event_type == "Looting/property destruction"


def test_stones_thrown_by_a_crowd_that_is_not_protesting_are_mob_violence(code) -> None:
    (riot,) = code("On Friday, a crowd of villagers pelted a police patrol with stones in Saraqib.")
    assert riot.sub_event_type == "Mob violence"


def test_stones_thrown_at_a_protest_make_it_a_violent_demonstration(code) -> None:
    (riot,) = code("On Friday, protesters threw stones at the town hall in Saraqib.")
    assert riot.sub_event_type == "Violent demonstration"


def test_building_barricades_is_a_violent_demonstration(code) -> None:
    (riot,) = code("On Friday, residents of Saraqib built barricades and set them alight.")
    assert riot.sub_event_type == "Violent demonstration"


def test_a_patrol_with_nothing_else_happening_is_a_change_of_activity(code) -> None:
    (patrol,) = code("On Friday, Russian military police conducted a patrol near Saraqib.")
    assert patrol.sub_event_type == "Change to group/activity"


def test_an_attack_on_a_patrol_is_not_a_change_of_activity(code) -> None:
    (attack,) = code("On Friday, IS fighters attacked an SDF patrol near Hajin.")
    assert attack.sub_event_type == "Armed clash"
