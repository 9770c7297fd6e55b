"""Conventions measured on held-out ACLED rows (never the rows themselves): fighters
who left their group, a country named as a backer, pro-government militias beside
the state, attempts and purposes, raids, attacks on settlements and on individuals,
fire answered with fire, criminal groups, front lines, "the former / the latter" and
deaths told later. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.events.lexicon import load_lexicon
from frontlines.events.numbers import fatalities


def _pair(event) -> set[str | None]:  # type: ignore[no-untyped-def]
    return {event.actor1, event.actor2}


# -- who the sides are ----------------------------------------------------------------


def test_a_country_named_as_a_backer_is_not_the_place_or_the_setting(code) -> None:
    (event,) = code(
        "Fighting broke out on Monday near Tall Rifaat between YPG fighters and "
        "Turkey-backed opposition rebels."
    )
    assert event.location == "Tall Rifaat"
    assert _pair(event) == {"Opposition Rebels (Syria)", "YPG: Peoples Protection Units"}


def test_a_pro_government_militia_beside_the_state_is_on_its_side(code) -> None:
    (event,) = code(
        "Regime troops and pro-regime militia forces fought IS outside Saraqib on Monday."
    )
    assert event.actor1 == "Military Forces of Syria (2000-)"
    assert event.actor2 == "Islamic State (Syria)"
    assert "Militia (Pro-Government)" in event.assoc_actor_1


def test_a_date_phrase_gives_no_one_a_role(code) -> None:
    (event,) = code(
        "On 29 October 2020, QSD, supported by Coalition warplanes, raided Hajin, and "
        "arrested an IS fighter.",
        published=date(2020, 10, 30),
    )
    assert event.actor1 == "QSD: Syrian Democratic Forces"
    assert event.actor2 == "Islamic State (Syria)"


def test_the_military_forces_of_a_named_state(code) -> None:
    events = code(
        "On Monday, the military forces of Artsakh fired on the positions of the military "
        "forces of Azerbaijan near Saraqib."
    )
    assert {e.actor1 for e in events} | {e.actor2 for e in events} >= {
        "Military Forces of Artsakh (2007-)",
        "Military Forces of Azerbaijan (2003-)",
    }


# One sentence, one pair of sides (in either order).
PAIRS = [
    pytest.param(
        "On Monday, unidentified gunmen shot and wounded former opposition commander in Saraqib.",
        {"Unidentified Armed Group (Syria)"},
        id="a_former_opposition_commander_is_no_longer_the_opposition",
    ),
    pytest.param(
        "On Monday, family members of the Bakkara tribe clashed in Saraqib, injuring a civilian.",
        {"Bakkara Tribal Militia (Syria)"},
        id="family_members_of_one_tribe_fighting_are_on_both_sides",
    ),
    pytest.param(
        "On Monday, unidentified gunmen shot and wounded a former rebel who joined the ranks "
        "of the 5th Corps in Saraqib.",
        {"Unidentified Armed Group (Syria)", "Military Forces of Syria (2000-) 5th Assault Corps"},
        id="a_former_rebel_who_joined_a_force_is_that_force",
    ),
    pytest.param(
        "On Monday, clashes erupted between NDF members and the regime's military intelligence "
        "in Saraqib.",
        {"QDW: National Defence Forces", "Military Forces of Syria (2000-) Military Intelligence"},
        id="a_militia_fighting_the_state_is_not_its_ally",
    ),
    pytest.param(
        "On Monday, QSD captured Tall Rifaat following clashes with opposition factions under "
        "Operation Peace Spring.",
        {"QSD: Syrian Democratic Forces", "Operation Peace Spring"},
        id="factions_under_an_operation_are_the_operation",
    ),
    pytest.param(
        "On Monday, Turkish troops and opposition rebels, which operate under OPS, attacked "
        "QSD positions outside Tall Rifaat.",
        {"Operation Peace Spring", "QSD: Syrian Democratic Forces"},
        id="a_conjoined_subject_with_an_object_is_one_side",
    ),
    pytest.param(
        "Fighting was reported on Monday between regime troops backed by LaQ and IS outside "
        "Saraqib.",
        {"Military Forces of Syria (2000-)", "Islamic State (Syria)"},
        id="the_last_conjunct_of_a_support_phrase_is_the_other_side_of_between",
    ),
    pytest.param(
        "On Monday, clashes took place after a YPG infiltration on an opposition rebel post "
        "near Tall Rifaat.",
        {"YPG: Peoples Protection Units", "Opposition Rebels (Syria)"},
        id="the_opposition_is_not_the_group_named_before_it",
    ),
    pytest.param(
        "On Monday, regime forces clashed with former rebels in Saraqib.",
        {"Military Forces of Syria (2000-)", "Unidentified Armed Group (Syria)"},
        id="former_rebels_are_an_unidentified_armed_group",
    ),
    pytest.param(
        "Fighting broke out on Monday outside Tall Rifaat between Turkey backed opposition "
        "rebels and YPG fighters.",
        {"Opposition Rebels (Syria)", "YPG: Peoples Protection Units"},
        id="the_object_of_backed_is_the_side_supported_not_a_supporter",
    ),
    pytest.param(
        "On Monday, regime forces clashed with pro-regime militias near Saraqib.",
        {"Military Forces of Syria (2000-)", "Militia (Pro-Government)"},
        id="a_state_and_its_militia_with_no_one_else_fought_each_other",
    ),
    pytest.param(
        "In Saraqib on Monday, two unknown gunmen shot and killed a former rebel, a man who had "
        "settled his status with the authorities.",
        {"Unidentified Armed Group (Syria)"},
        id="conjoined_verbs_share_their_object",
    ),
    pytest.param(
        "Regime troops fought unidentified gunmen in Saraqib on Monday once the latter had "
        "stormed an army checkpoint.",
        {"Military Forces of Syria (2000-)", "Unidentified Armed Group (Syria)"},
        id="the_latter_is_the_last_side_named_before_it",
    ),
    pytest.param(
        "On Monday, police clashed with cartel gunmen in Celaya, killing two of them.",
        {"Police Forces of Mexico (2018-)", "Unidentified Gang (Mexico)"},
        id="a_cartel_cell_clashing_with_police_is_an_unidentified_gang",
    ),
    pytest.param(
        "On Monday, HTS stormed a house in Saraqib where a criminal gang was hiding.",
        {"HTS: Hayat Tahrir al Sham", "Unidentified Armed Group (Syria)"},
        id="a_criminal_gang_in_syria_keeps_the_syrian_name",
    ),
]


@pytest.mark.parametrize(("sentence", "pair"), PAIRS)
def test_sides_of_one_sentence(code, sentence: str, pair: set[str]) -> None:
    (event,) = code(sentence)
    assert _pair(event) == pair


# -- territory: attempts, purposes, raids ---------------------------------------------


def test_an_attack_to_regain_control_is_what_the_attack_was_for(code) -> None:
    events = code(
        "On Monday, clashes took place between Sham Legion and Hamza Division in Saraqib "
        "after the former attacked to win back positions it had lost the week before."
    )
    assert {e.sub_event_type for e in events} == {"Armed clash"}


def test_storming_a_village_is_a_raid_not_a_capture(code) -> None:
    (event,) = code("On Monday, QSD members stormed Hajin and arrested four IS members.")
    assert event.sub_event_type == "Armed clash"
    assert _pair(event) == {"QSD: Syrian Democratic Forces", "Islamic State (Syria)"}


# -- violence against civilians --------------------------------------------------------


def test_a_raid_on_a_village_with_no_armed_side_is_an_attack_on_civilians(code) -> None:
    (event,) = code("On Monday, militants attacked the village of Saraqib and burned huts.")
    assert event.sub_event_type == "Attack"
    assert event.actor2 == "Civilians (Syria)"


# One sentence, one sub-event: attempts, purposes, raids, who was shot.
SUB_EVENTS = [
    pytest.param(
        "On Monday, unidentified gunmen shot dead a member of the Golden Hawks Brigade in Saraqib.",
        "Armed clash",
        id="a_member_of_an_unknown_brigade_is_a_combatant",
    ),
    pytest.param(
        "On Monday, Turkish forces captured Tall Rifaat after clashes with QSD fighters.",
        "Non-state actor overtakes territory",
        id="foreign_state_forces_capturing_territory_are_no_government_regaining_it",
    ),
    pytest.param(
        "On Monday, QSD and regime forces captured Tall Rifaat after clashes with OPS.",
        "Government regains territory",
        id="the_government_among_the_capturers_regains_territory",
    ),
    pytest.param(
        "On Monday, regime forces briefly captured Saraqib after clashes with rebels.",
        "Armed clash",
        id="a_capture_that_lasted_a_while_is_fighting_over_the_place",
    ),
    pytest.param(
        "On Monday, rebels re-captured Saraqib following a counter-attack.",
        "Non-state actor overtakes territory",
        id="a_hyphenated_recapture",
    ),
    pytest.param(
        "On Monday, militants threw a grenade at soldiers in Saraqib, but the grenade did not "
        "explode.",
        "Disrupted weapons use",
        id="a_weapon_that_did_not_go_off_is_disrupted",
    ),
    pytest.param(
        "On Monday, the army recovered four IEDs planted by militants near Saraqib.",
        "Disrupted weapons use",
        id="explosives_recovered_are_disrupted",
    ),
    pytest.param(
        "On Monday, gunmen intercepted the mayor's car near Saraqib and shot him dead.",
        "Attack",
        id="a_car_intercepted_is_an_ambush_not_a_disrupted_weapon",
    ),
    pytest.param(
        "On Monday, a villager stepped on a landmine left from past fighting near Saraqib.",
        "Other",
        id="remnants_of_a_past_war_are_other",
    ),
    pytest.param(
        "On Monday, pro-government forces fired 23mm and 12.7mm machine guns at residential "
        "areas of Saraqib.",
        "Shelling/artillery/missile attack",
        id="machine_guns_fired_at_homes_from_afar_are_shelling",
    ),
    pytest.param(
        "On Monday, QSD detained eight IS members in Sarin town.",
        "Armed clash",
        id="a_place_named_like_a_weapon_is_a_place",
    ),
    pytest.param(
        "On Monday, in Celaya, workers of a bakery demanded the payment of their salaries.",
        "Peaceful protest",
        id="workers_demanding_their_pay_protest",
    ),
    pytest.param(
        "Federal police in Celaya on Monday seized nearly a ton of cannabis from a lorry.",
        "Looting/property destruction",
        id="a_haul_seized_is_no_capture",
    ),
    pytest.param(
        "On Monday, settlers cut down 28 olive trees in Saraqib.",
        "Looting/property destruction",
        id="trees_cut_down_are_property_destroyed",
    ),
    pytest.param(
        "Regime troops fought rebels outside Saraqib on Monday during an attempt by the army "
        "to push into the village.",
        "Armed clash",
        id="an_attempt_to_advance_is_a_clash_not_a_capture",
    ),
    pytest.param(
        "On Monday, two rebel factions clashed in Saraqib over the takeover of houses.",
        "Armed clash",
        id="a_takeover_named_as_what_a_dispute_was_about_is_no_capture",
    ),
    pytest.param(
        "On Monday, QSD captured 3 IS members in Hajin during a security operation.",
        "Armed clash",
        id="members_captured_are_people_not_a_place",
    ),
    pytest.param(
        "On Monday, rebels captured Saraqib after clashes with regime forces.",
        "Non-state actor overtakes territory",
        id="a_capture_of_a_town_is_still_a_capture",
    ),
    pytest.param(
        "On Monday, unidentified gunmen shot dead a radio reporter in Saraqib.",
        "Attack",
        id="a_person_shot_by_unnamed_gunmen_is_a_civilian",
    ),
    pytest.param(
        "On Monday, unidentified gunmen shot dead a soldier in Saraqib.",
        "Armed clash",
        id="a_soldier_shot_by_unnamed_gunmen_is_part_of_the_fighting",
    ),
    pytest.param(
        "On Monday, unknown gunmen opened fire on a bus carrying QSD members in Hajin.",
        "Armed clash",
        id="members_of_a_named_group_shot_dead_are_fought_with",
    ),
]


@pytest.mark.parametrize(("sentence", "sub_event"), SUB_EVENTS)
def test_sub_event_of_one_sentence(code, sentence: str, sub_event: str) -> None:
    (event,) = code(sentence)
    assert event.sub_event_type == sub_event


# -- fire answered with fire -------------------------------------------------------------


def test_shelling_answered_by_the_other_side_is_an_armed_clash(code) -> None:
    events = code(
        "Regime artillery shelled Saraqib on Monday. Opposition rebels answered by shelling "
        "army positions nearby."
    )
    assert [e.sub_event_type for e in events] == ["Armed clash"]
    assert _pair(events[0]) == {"Military Forces of Syria (2000-)", "Opposition Rebels (Syria)"}


def test_two_sides_shelling_each_other_in_one_sentence_is_an_armed_clash(code) -> None:
    events = code(
        "On Monday, regime forces shelled Saraqib while opposition factions shelled regime "
        "positions near Kafr Naya."
    )
    assert {e.sub_event_type for e in events} == {"Armed clash"}


def test_shelling_by_one_side_stays_shelling(code) -> None:
    events = code(
        "On Monday, regime forces shelled Saraqib with rockets. Russian jets struck Kafr Naya."
    )
    assert {e.sub_event_type for e in events} == {
        "Shelling/artillery/missile attack",
        "Air/drone strike",
    }


# -- criminal groups and front lines ----------------------------------------------------


def test_men_linked_to_drug_trafficking_are_an_unidentified_gang(code) -> None:
    (event,) = code(
        "On Monday, in Celaya, armed men linked to drug trafficking shot dead a taxi driver."
    )
    assert event.actor1 == "Unidentified Gang (Mexico)"
    assert event.sub_event_type == "Attack"


def test_unattributed_fire_across_a_front_line_is_between_its_two_sides(code) -> None:
    (event,) = code(
        "On 5 May 2020, monitors recorded 12 explosions and shots involving unknown weapons "
        "in both directions near Avdiivka.",
        published=date(2020, 5, 6),
    )
    assert event.sub_event_type == "Armed clash"
    assert _pair(event) == {
        "Military Forces of Ukraine (2019-)",
        "NAF: United Armed Forces of Novorossiya",
    }


def test_a_front_covers_its_regions_and_its_period_only() -> None:
    lexicon = load_lexicon()
    assert lexicon.front_sides("Ukraine", "Donetsk", date(2020, 5, 5)) is not None
    assert lexicon.front_sides("Ukraine", "Lviv", date(2020, 5, 5)) is None
    assert lexicon.front_sides("Ukraine", "Donetsk", date(2023, 5, 5)) == (
        "Military Forces of Ukraine (2019-)",
        "Military Forces of Russia (2000-)",
    )


def test_a_shootout_away_from_the_front_keeps_unnamed_sides(code) -> None:
    (event,) = code(
        "On 5 May 2020, unknown gunmen exchanged fire with unidentified attackers in Lviv.",
        published=date(2020, 5, 6),
    )
    assert event.actor1 == "Unidentified Armed Group (Ukraine)"


# -- fatalities ------------------------------------------------------------------------


def test_deaths_named_without_a_number() -> None:
    assert fatalities("Militants attacked a minibus on the road and killed the driver.") == 1
    assert fatalities("A teacher was attacked and beaten to death by a crowd.") == 1
    assert fatalities("A man stabbed a well-known TV presenter to death at his home.") == 1
    assert fatalities("The strike led to the killing of a person near the market.") == 1
    assert fatalities("One man was injured and the other died.") == 1
    assert fatalities("The soldier later died in hospital.") == 1
    assert fatalities("Gunmen shot dead two men in the market.") == 2
    assert fatalities("The bodies of 2 former fighters were found on the road.") == 2
    assert fatalities("Gunmen stopped the judge's car and shot him dead.") == 1


def test_a_death_given_as_a_cause_is_not_counted() -> None:
    assert fatalities("Two families clashed after the killing of a young man last week.") is None


def test_gunmen_supporting_one_family_leave_the_feud_communal(code) -> None:
    (event,) = code(
        "On Monday, clashes took place between two families in Saraqib, while gunmen supported "
        "one of the families."
    )
    assert event.actor1 == event.actor2 == "Saraqib Communal Militia (Syria)"


def test_a_definite_plural_victim_is_no_single_death() -> None:
    assert fatalities("IS killed the regime soldiers at the checkpoint.") is None
    assert fatalities("The guards killed the attackers.") is None


def test_a_death_told_later_adds_to_the_count(code) -> None:
    (event,) = code(
        "On Monday, gunmen shot dead two men in Saraqib. A third man succumbed to his wounds "
        "the next day."
    )
    assert event.fatalities == 3


def test_a_countrys_military_is_its_state_forces(code) -> None:
    (event,) = code("On Monday, Syria's military recaptured Saraqib from rebels.")
    assert event.actor1 == "Military Forces of Syria (2000-)"
    assert event.sub_event_type == "Government regains territory"
