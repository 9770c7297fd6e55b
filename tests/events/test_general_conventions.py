"""ACLED conventions measured beyond the first development rows: stopped weapons,
fire from a distance, crowds against individuals, places named as areas, supporters,
actor names by period, protests without a protest word. Sentences written for these
tests."""

from __future__ import annotations

from datetime import date


def _types(events) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(e.sub_event_type for e in events)


def test_a_drone_shot_down_is_disrupted_weapons_use(code) -> None:
    (event,) = code("On Monday, army units shot down a small drone over Saraqib.")
    assert event.sub_event_type == "Disrupted weapons use"


def test_weapons_recovered_by_police_are_disrupted_weapons_use(code) -> None:
    (event,) = code("On Monday, police recovered arms and ammunition hidden in a farm near Hajin.")
    assert event.sub_event_type == "Disrupted weapons use"


def test_members_detained_with_their_weapons_are_coded_by_the_arrest(code) -> None:
    (event,) = code("On Monday, QSD detained four IS members and seized their weapons in Hajin.")
    assert event.sub_event_type == "Armed clash"


def test_heavy_weapons_fired_at_positions_are_shelling(code) -> None:
    (event,) = code(
        "On Monday, rebels fired heavy machine guns and grenade launchers at army positions "
        "near Saraqib."
    )
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_small_arms_fire_makes_the_same_exchange_a_clash(code) -> None:
    (event,) = code(
        "On Monday, rebels fired heavy machine guns and small arms at army positions near Saraqib."
    )
    assert event.sub_event_type == "Armed clash"


def test_a_unit_named_after_the_air_force_is_not_an_air_strike(code) -> None:
    (event,) = code(
        "On Monday, gunmen shot and killed an air force intelligence officer in Saraqib."
    )
    assert event.sub_event_type == "Armed clash"


def test_a_man_beaten_by_locals_is_mob_violence(code) -> None:
    (event,) = code(
        "On Monday, residents of Saraqib caught a man they accused of theft and beat him up."
    )
    assert event.sub_event_type == "Mob violence"
    assert event.actor1 == "Rioters (Syria)"


def test_a_man_killed_by_a_few_men_is_an_attack_by_unknown_assailants(code) -> None:
    (event,) = code("On Monday, a shopkeeper was beaten to death by four men in Saraqib.")
    assert event.sub_event_type == "Attack"
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Syria)", "Civilians (Syria)")


def test_two_rival_groups_fighting_are_a_mob(code) -> None:
    (event,) = code("On Monday, two rival groups clashed over farmland in Saraqib.")
    assert event.sub_event_type == "Mob violence"
    assert (event.actor1, event.actor2) == ("Rioters (Syria)", "Rioters (Syria)")


def test_two_families_fighting_stay_an_armed_clash(code) -> None:
    (event,) = code("On Monday, clashes broke out between two families over a feud in Saraqib.")
    assert event.sub_event_type == "Armed clash"


def test_remains_found_are_an_attack_on_civilians(code) -> None:
    (event,) = code("On Monday, human remains were found in a field near Saraqib.")
    assert event.sub_event_type == "Attack"
    assert event.actor2 == "Civilians (Syria)"


def test_a_wounding_with_nothing_else_said_is_an_attack(code) -> None:
    (event,) = code("On Monday, unknown gunmen wounded a farmer near Saraqib.")
    assert event.sub_event_type == "Attack"


def test_a_place_named_as_countryside_is_context_not_a_second_location(code) -> None:
    events = code("On Monday, gunmen killed two QSD fighters in Hajin in Deir ez-Zor countryside.")
    assert [(e.location, e.fatalities) for e in events] == [("Hajin", 2)]


def test_a_region_after_a_comma_qualifies_the_place_before_it(code) -> None:
    events = code("On Monday, IS fighters attacked QSD positions near Hajin, Deir ez-Zor.")
    assert [e.location for e in events] == ["Hajin"]


def test_a_supporter_is_associated_not_the_side_acted_upon(code) -> None:
    (event,) = code(
        "On Monday, QSD forces, with the support of coalition aircraft, detained three "
        "IS members near Hajin."
    )
    assert (event.actor1, event.actor2) == (
        "QSD: Syrian Democratic Forces",
        "Islamic State (Syria)",
    )
    assert "Global Coalition Against Daesh" in event.assoc_actor_1


def test_state_forces_take_the_name_of_their_period(code) -> None:
    text = "On Monday, Israeli warplanes struck positions near Hajin."
    names = [code(text, published=day)[0].actor1 for day in
             (date(2020, 3, 2), date(2022, 3, 7), date(2024, 3, 4))]  # fmt: skip
    assert names == [
        "Military Forces of Israel (2009-2021)",
        "Military Forces of Israel (2021-2022)",
        "Military Forces of Israel (2022-)",
    ]


def test_a_road_blocked_to_press_a_demand_is_a_peaceful_protest(code) -> None:
    (event,) = code("On Monday, residents blocked the main road in Saraqib to demand water.")
    assert event.sub_event_type == "Peaceful protest"
    assert event.actor1 == "Protesters (Syria)"


def test_a_crowd_vandalising_a_station_is_a_violent_demonstration(code) -> None:
    (event,) = code(
        "On Monday, residents demonstrating against the curfew vandalised the police "
        "station in Saraqib."
    )
    assert event.sub_event_type == "Violent demonstration"


def test_forces_deployed_without_fighting_are_a_change_of_activity(code) -> None:
    (event,) = code("On Monday, Turkish troops were deployed to Tall Rifaat.")
    assert event.sub_event_type == "Change to group/activity"


def test_rape_in_a_raid_is_sexual_violence(code) -> None:
    (event,) = code("On Monday, gunmen raided a village near Saraqib and raped two women.")
    assert event.sub_event_type == "Sexual violence"


def test_forces_storming_a_town_to_break_up_a_march_use_excessive_force(code) -> None:
    (event,) = code(
        "On Monday, soldiers seized Saraqib and broke up a march, firing live bullets at "
        "the marchers."
    )
    assert event.sub_event_type == "Excessive force against protesters"


def test_a_new_military_base_is_a_base_established(code) -> None:
    (event,) = code("On Monday, Turkish forces installed a new military base near Tall Rifaat.")
    assert event.sub_event_type == "Headquarters or base established"


def test_prisoners_exchanged_are_an_agreement(code) -> None:
    (event,) = code("On Monday, HTS and regime forces exchanged prisoners near Saraqib.")
    assert event.sub_event_type == "Agreement"


def test_captured_as_an_adjective_is_no_capture(code) -> None:
    events = code("On Monday, rebels released two captured soldiers in Saraqib.")
    assert "Non-state actor overtakes territory" not in _types(events)


def test_killing_suicide_bombers_is_not_a_suicide_bombing(code) -> None:
    (event,) = code("On Monday, QSD fighters killed two IS suicide bombers near Hajin.")
    assert event.sub_event_type == "Armed clash"
    assert event.fatalities == 2


def test_fighters_killed_or_captured_are_no_capture_of_territory(code) -> None:
    (event,) = code(
        "On Monday, four IS militants were killed, injured or captured during an operation "
        "by QSD near Hajin."
    )
    assert event.sub_event_type == "Armed clash"


def test_unarmed_people_take_no_territory(code) -> None:
    events = code("On Monday, residents took over the municipal building in Saraqib.")
    assert not [e for e in events if e.sub_event_type.endswith("territory")]


def test_a_post_taken_over_is_fighting_not_territory(code) -> None:
    (event,) = code(
        "On Monday, gunmen raided and took control over a regime intelligence center in Saraqib."
    )
    assert event.sub_event_type == "Armed clash"


def test_fighters_captured_in_a_clash_are_no_capture_of_territory(code) -> None:
    events = code(
        "On Monday, clashes near Tall Rifaat resulted in the capture of five HTS fighters."
    )
    assert _types(events) == ["Armed clash"]


def test_a_joint_operation_is_the_actor_with_the_state_that_leads_it(code) -> None:
    (event,) = code(
        "On Monday, clashes took place between Turkish forces supported by rebels operating "
        "under OPS and QSD near Tall Rifaat."
    )
    assert (event.actor1, event.actor2) == (
        "Operation Peace Spring",
        "QSD: Syrian Democratic Forces",
    )
    assert "Military Forces of Turkey (2016-)" in event.assoc_actor_1


def test_an_agreement_in_someones_past_is_not_coded(code) -> None:
    events = code(
        "In Saraqib on Monday, gunmen shot dead an ex-rebel who had signed a settlement "
        "agreement with the government years earlier."
    )
    assert "Agreement" not in _types(events)
