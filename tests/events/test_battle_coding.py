"""Battle coding conventions of the Syria development rows (issue #4): how a change of
control is worded, ACLED's own actor acronyms, and the sides of fighting. Sentences
written for these tests; places from the conftest gazetteer."""

from __future__ import annotations

import pytest

from frontlines.events.numbers import fatalities

SYRIA = "Military Forces of Syria (2000-)"
GAINS = "Government regains territory"
OVERTAKES = "Non-state actor overtakes territory"
CLASH = "Armed clash"


def _pair(event) -> set[str | None]:  # type: ignore[no-untyped-def]
    return {event.actor1, event.actor2}


# -- a change of control, however it is worded ------------------------------------------

CONTROL = [
    pytest.param(
        "On Monday, the Syrian army established full control over Saraqib after fighting HTS.",
        GAINS,
        id="established_control_over",
    ),
    pytest.param(
        "On Monday, Ahrar al-Sham fighters restored control of Saraqib after clashes with HTS.",
        OVERTAKES,
        id="restored_control_of",
    ),
    pytest.param(
        "On Monday, rebel fighters retook control of Saraqib from regime troops after clashes.",
        OVERTAKES,
        id="retook_control_of",
    ),
    pytest.param(
        "On Monday, government troops secured Saraqib after two days of fighting with IS.",
        GAINS,
        id="secured_a_place",
    ),
    pytest.param(
        "On Monday, regime troops advanced against HTS to control Saraqib.",
        GAINS,
        id="the_outcome_of_an_advance",
    ),
    pytest.param(
        "On Monday, government troops advanced to the outskirts of Saraqib.",
        CLASH,
        id="an_advance_with_no_capture_is_fighting",
    ),
    pytest.param(
        "On Monday, QSD fighters advanced into Hajin during clashes with IS.",
        CLASH,
        id="advancing_into_a_place_is_not_holding_it",
    ),
    pytest.param(
        "On Monday, QSD units made gains towards controlling Hajin amid clashes with IS.",
        CLASH,
        id="an_aim_is_not_a_capture",
    ),
    pytest.param(
        "On Monday, QSD fighters took partial control of Hajin from IS.",
        CLASH,
        id="partial_control",
    ),
    pytest.param(
        "On Monday, IS fighters nearly captured Hajin from QSD.",
        CLASH,
        id="nearly_captured",
    ),
    pytest.param(
        "On Monday, QSD fighters seized most of Hajin from IS after a night of fighting.",
        CLASH,
        id="most_of_a_place",
    ),
    pytest.param(
        "On Monday, QSD units captured an IS emir in Hajin.",
        CLASH,
        id="a_person_captured_is_no_place_taken",
    ),
]


@pytest.mark.parametrize(("text", "sub_event"), CONTROL)
def test_a_change_of_control(code, text: str, sub_event: str) -> None:
    assert [e.sub_event_type for e in code(text)] == [sub_event]


def test_securing_something_that_is_no_place_takes_nothing(code) -> None:
    (event,) = code("On Monday, regime forces secured the road after clashes with IS near Hajin.")
    assert event.sub_event_type == CLASH


# -- ACLED's acronyms of actors ----------------------------------------------------------

ACRONYMS = [
    pytest.param("JTW", "JTW: National Liberation Front", id="JTW"),
    pytest.param("AAS", "AAS: Ahrar al Sham", id="AAS"),
    pytest.param("HNDZ", "HNDZ: Nour al Din al Zinki Movement", id="HNDZ"),
    pytest.param("JTS", "JTS: Syria Liberation Front", id="JTS"),
    pytest.param("TIP", "TIP: Turkistan Islamic Party", id="TIP"),
]


@pytest.mark.parametrize(("acronym", "actor"), ACRONYMS)
def test_the_acronym_before_an_acled_name_names_the_actor(code, acronym: str, actor: str) -> None:
    (event,) = code(f"On Monday, HTS fighters clashed with {acronym} near Saraqib.")
    assert _pair(event) == {"HTS: Hayat Tahrir al Sham", actor}


def test_the_syria_liberation_front_of_2018_is_not_the_later_syrian_one(code) -> None:
    (first,) = code("On Monday, the Syria Liberation Front clashed with HTS near Saraqib.")
    (second,) = code("On Monday, the Syrian Liberation Front clashed with HTS near Saraqib.")
    assert "JTS: Syria Liberation Front" in _pair(first)
    assert "Syrian Liberation Front" in _pair(second)


# -- people named by their group -----------------------------------------------------

MEMBERS = [
    pytest.param(
        "On Monday, unidentified gunmen shot dead a former Liwa Tawhid commander near Saraqib.",
        {"Unidentified Armed Group (Syria)"},
        id="a_former_commander_of_a_named_group",
    ),
    pytest.param(
        "On Monday, unknown gunmen killed a former commander of Jaysh al Thani in Saraqib.",
        {"Unidentified Armed Group (Syria)"},
        id="a_former_commander_of_a_known_group_is_no_longer_of_it",
    ),
    pytest.param(
        "On Monday, gunmen shot dead a man, who was a member of IS, in Hajin.",
        {"Unidentified Armed Group (Syria)", "Islamic State (Syria)"},
        id="a_man_who_was_a_member_of_a_group",
    ),
    pytest.param(
        "On Monday, gunmen assassinated a man reportedly belonging to the SDF near Hajin.",
        {"Unidentified Armed Group (Syria)", "QSD: Syrian Democratic Forces"},
        id="a_man_belonging_to_a_group",
    ),
    pytest.param(
        "On Monday, HTS fighters raided JTW-affiliated Al Sham Corps posts in Saraqib.",
        {"HTS: Hayat Tahrir al Sham", "Al Sham Corps"},
        id="a_group_affiliated_with_another_is_itself",
    ),
]


# -- the sides of fighting (and people named by their group, above) --------------------

SIDES = [
    *MEMBERS,
    pytest.param(
        "QSD units supported by coalition jets clashed with IS fighters near Hajin on Monday.",
        {"QSD: Syrian Democratic Forces", "Islamic State (Syria)"},
        id="a_side_supported_by_others_still_fights",
    ),
    pytest.param(
        "The Syrian Army supported by the NDF clashed with IS near Hajin on Monday.",
        {SYRIA, "Islamic State (Syria)"},
        id="the_supported_side_is_no_supporter",
    ),
    pytest.param(
        "On Monday, rebel fighters exchanged light and heavy machine gun fire with QSD "
        "units near Tall Rifaat.",
        {"Opposition Rebels (Syria)", "QSD: Syrian Democratic Forces"},
        id="fire_exchanged_with_many_words_between",
    ),
    pytest.param(
        "On Monday, QSD fighters clashed with rebel and Islamist factions near Tall Rifaat.",
        {"QSD: Syrian Democratic Forces", "Opposition Rebels (Syria)"},
        id="rebels_are_the_opposition_not_the_group_named_before",
    ),
]


def test_a_group_named_before_an_operation_fights_as_the_operation(code) -> None:
    (event,) = code(
        "On Monday, FSA Olive Branch fighters took control of Kafr Naya from YPG units."
    )
    assert event.sub_event_type == OVERTAKES
    assert _pair(event) == {"Operation Olive Branch", "YPG: Peoples Protection Units"}


@pytest.mark.parametrize(("text", "pair"), SIDES)
def test_the_sides_of_fighting(code, text: str, pair: set[str]) -> None:
    (event,) = code(text)
    assert event.sub_event_type == CLASH
    assert _pair(event) == pair


# -- fatalities ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Given how heavy the fighting was, an unknown number of fatalities is coded as 10.",
        "Deaths were reported among both sides, coded as ten.",
        "Both sides lost men, with the unknown number coded at 10.",
    ],
)
def test_a_figure_stated_as_coded_is_the_count(sentence: str) -> None:
    assert fatalities(sentence) == 10


def test_a_coded_figure_is_not_split_over_the_places(code) -> None:
    events = code(
        "On Monday, HTS and Ahrar al-Sham fighters clashed in Saraqib and Hajin. "
        "Unknown fatalities coded as 10."
    )
    assert [e.fatalities for e in events] == [10, 10]


def test_a_man_shot_and_killed_is_one_death() -> None:
    assert fatalities("A shepherd was shot and killed near the border post.") == 1
