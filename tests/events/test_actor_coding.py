"""Actor coding on sentences written for these tests: state branches, targets named
as a modifier, fighting within one group, and the report's country."""

from __future__ import annotations

from importlib import resources

import pytest

from frontlines.errors import ConfigError
from frontlines.events.lexicon import load_lexicon
from frontlines.model import Event

SYRIA_STATE = "Military Forces of Syria (2000-)"
UNIDENTIFIED = "Unidentified Armed Group (Syria)"


def _pairs(events: list[Event]) -> set[tuple[str, str | None]]:
    return {(e.actor1, e.actor2) for e in events}


def test_security_branch_is_coded_as_its_own_unit(code):
    events = code("On Monday, masked gunmen shot dead a regime State Security officer in Hajin.")
    assert (UNIDENTIFIED, "Police Forces of Syria (2000-) State Security") in _pairs(events)


def test_numbered_division_is_a_unit_of_the_army(code):
    events = code("On Monday, IS cells ambushed a patrol of the 17th Division near Hajin.")
    assert ("Islamic State (Syria)", f"{SYRIA_STATE} 17th Division") in _pairs(events)


def test_target_named_as_a_modifier_is_acted_upon(code):
    # "regime" modifies the noun that was targeted: the regime is the target.
    events = code("On Monday, gunmen targeted a regime checkpoint in Hajin with an RPG shell.")
    assert (UNIDENTIFIED, SYRIA_STATE) in _pairs(events)


def test_conjoined_subjects_of_an_exchange_are_the_two_sides(code):
    events = code("On Monday, rebels and regime forces exchanged shelling near Saraqib.")
    assert {frozenset(p) for p in _pairs(events)} == {
        frozenset({"Opposition Rebels (Syria)", SYRIA_STATE})
    }


def test_pro_iran_militias_are_the_generic_pro_iran_actor(code):
    events = code("On Monday, unknown gunmen clashed with pro-Iran militias in Al-Susah.")
    assert (UNIDENTIFIED, "Militia (Pro-Iran)") in _pairs(events)


def test_fighting_between_members_of_one_group_has_it_on_both_sides(code):
    smugglers = "Smugglers (Syria)"
    events = code("On Monday, clashes took place between two smugglers in Hajin over money.")
    assert (smugglers, smugglers) in _pairs(events)
    displaced = code("On Monday, armed IDPs clashed with each other in Mare'.")
    assert ("Militia (Refugees/IDPs)", "Militia (Refugees/IDPs)") in _pairs(displaced)


def test_fighting_between_two_named_groups_keeps_both(code):
    events = code("On Monday, clashes took place between HTS and Hurras al-Din in Saraqib.")
    assert (("HTS: Hayat Tahrir al Sham", "Hurras al Deen")) in _pairs(events)


def test_family_feud_in_an_unlisted_village_is_a_communal_militia(code):
    # Tall Zahr is not in the gazetteer with coordinates of its own (precision 3),
    # but it is a settlement: its armed residents are named after it.
    events = code("On Monday, clashes erupted between two families in Tall Zahr over land.")
    militia = "Tall Zahr Communal Militia (Syria)"
    assert (militia, militia) in _pairs(events)


def test_place_inside_an_actor_name_does_not_set_the_country(code):
    # "Room" in the operation room's name must not make this an Italian report.
    events = code(
        "On Monday, Al Fath Al Mubeen Operation Room snipers killed a regime soldier near Saraqib."
    )
    assert ("Al Fath Al Mubeen Operation Room", SYRIA_STATE) in _pairs(events)


def test_home_only_unit_abroad_is_that_countrys_forces():
    from frontlines.events.actor_resolution import named_actor

    lexicon = load_lexicon()
    entry = lexicon.actor(f"{SYRIA_STATE} 17th Division")
    assert entry is not None and entry.home_only
    assert named_actor(entry, "Syria", lexicon).name == f"{SYRIA_STATE} 17th Division"
    abroad = named_actor(entry, "Ukraine", lexicon)
    assert abroad.name == "Military Forces of Ukraine (2019-)"


def _lexicon_dir(path, extra: str):
    path.mkdir()
    events = resources.files("frontlines.data").joinpath("events")
    for name in ("actors.toml", "generic.toml", "triggers.toml"):
        (path / name).write_text(events.joinpath(name).read_text("utf-8"), "utf-8")
    (path / "actors_extra.toml").write_text(extra, "utf-8")
    return str(path)


def test_extra_actor_files_are_read_and_checked(tmp_path):
    package = load_lexicon()
    assert package.actor("Police Forces of Syria (2000-) Political Intelligence") is not None
    good = '[[actor]]\nname = "Test Brigade"\nkind = "rebel_group"\naliases = ["Test Brigade"]\n'
    assert load_lexicon(_lexicon_dir(tmp_path / "good", good)).actor("Test Brigade") is not None
    bad = '[[actor]]\nname = "Bad"\nkind = "wizards"\n'
    with pytest.raises(ConfigError, match=r"actors_extra\.toml"):
        load_lexicon(_lexicon_dir(tmp_path / "bad", bad))


def test_failed_attacker_comes_first_when_an_attempt_is_repelled(code):
    # ACLED's convention: the side whose attack failed is actor 1, the defender 2.
    events = code("On Monday, HTS fighters repelled an IS infiltration attempt near Saraqib.")
    assert ("Islamic State (Syria)", "HTS: Hayat Tahrir al Sham") in _pairs(events)


def test_an_attack_that_succeeds_keeps_the_attacker_first(code):
    events = code("On Monday, HTS fighters attacked IS positions near Saraqib.")
    assert ("HTS: Hayat Tahrir al Sham", "Islamic State (Syria)") in _pairs(events)


def test_group_operating_under_an_umbrella_is_coded_as_the_umbrella(code):
    events = code(
        "On Monday, Jaysh al-Nasr fighters, operating under the National Liberation Front, "
        "attacked regime positions near Saraqib."
    )
    assert ("JTW: National Liberation Front", SYRIA_STATE) in _pairs(events)


def test_unit_backed_by_its_own_formation_is_coded_as_the_formation(code):
    events = code(
        "On Monday, clashes took place between 5th Corps-backed 8th Brigade members and "
        "gunmen in Mare'."
    )
    assert (f"{SYRIA_STATE} 5th Assault Corps", UNIDENTIFIED) in _pairs(events)


def test_army_ending_an_arabic_group_name_is_not_the_state(code):
    events = code(
        "On Monday, the Omar Ibn Al-Khattab Army of HTS attacked regime positions near Saraqib."
    )
    assert ("HTS: Hayat Tahrir al Sham", SYRIA_STATE) in _pairs(events)


def test_two_tribes_sharing_one_noun_are_the_two_sides(code):
    events = code(
        "A feud in Hajin turned to gunfire on Monday between Al Nuwaisir and Al Sabkha tribesmen."
    )
    assert (
        "Al Nuwaisir Tribal Militia (Syria)",
        "Al Sabkha Tribal Militia (Syria)",
    ) in _pairs(events)


def test_report_setting_prefers_local_groups_over_allies_and_foreign_troops():
    from frontlines.events.assemble import EventAssembler
    from frontlines.nlp import load_nlp

    assembler = EventAssembler(load_nlp(), load_lexicon())
    # Hezbollah fights in Syria; the local group decides where the report is set.
    assert assembler.actor_country("Hezbollah and HTS fighters clashed.") == "Syria"
    # Foreign troops alone do not say where a report is set.
    assert assembler.actor_country("Turkish troops shelled the area.") is None


def test_a_named_force_followed_by_its_branch_is_the_branch(code):
    events = code(
        "On Monday, gunmen shot dead a Syrian regime Political Security officer in Hajin."
    )
    assert (UNIDENTIFIED, "Police Forces of Syria (2000-) Political Intelligence") in _pairs(events)


def test_local_gunmen_are_the_communal_militia_of_their_village(code):
    events = code("On Monday, clashes took place between local gunmen and IS cells in Tall Zahr.")
    assert ("Tall Zahr Communal Militia (Syria)", "Islamic State (Syria)") in _pairs(events)


def test_umbrella_named_in_a_relative_clause_and_the_side_after_it(code):
    events = code(
        "In Hajin on Monday, fighting broke out between the 8th Brigade, which operates under the "
        "5th Corps, and several unidentified gunmen."
    )
    assert (f"{SYRIA_STATE} 5th Assault Corps", UNIDENTIFIED) in _pairs(events)


def test_a_countrys_military_named_by_its_adjective_is_a_state_mention():
    from frontlines.events.actors import ActorFinder

    finder = ActorFinder(load_lexicon())
    found = finder.find("The Myanmar military detained about 70 villagers.")
    assert [(m.text, m.role) for m in found if m.role == "state"] == [("Myanmar military", "state")]
    # "military" describing a thing is not an actor.
    source = finder.find("Clashes went on, a Myanmar military source said.")
    assert not [m for m in source if m.role == "state"]


def test_communal_militia_keeps_the_reports_spelling_of_the_village(code):
    # The gazetteer knows the place as "Mare'"; the report writes "Marea".
    events = code("On Monday, clashes took place between two families in Marea over land.")
    assert ("Marea Communal Militia (Syria)", "Marea Communal Militia (Syria)") in _pairs(events)
