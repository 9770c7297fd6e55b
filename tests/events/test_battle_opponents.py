"""A battle's second side, on sentences written for these tests: the group the
sentence names when the parse leaves it out, an unidentified armed group when it names
none, "against" putting a group on the other side, and the wording that sets a report
in Syria when no place or local group does."""

from __future__ import annotations

from frontlines.events.lexicon import load_lexicon
from frontlines.events.setting import worded_country
from frontlines.model import Event

SYRIA_STATE = "Military Forces of Syria (2000-)"
UNIDENTIFIED = "Unidentified Armed Group (Syria)"
IS = "Islamic State (Syria)"
SDF = "QSD: Syrian Democratic Forces"


def _pairs(events: list[Event]) -> set[frozenset[str | None]]:
    return {frozenset({e.actor1, e.actor2}) for e in events}


def test_a_battle_with_one_side_named_is_fought_against_an_unidentified_group(code):
    events = code("On Monday, government troops seized the hills around Saraqib.")
    assert events
    assert all(e.actor2 is not None for e in events if e.event_type == "Battles")
    assert frozenset({SYRIA_STATE, UNIDENTIFIED}) in _pairs(events)


def test_an_unidentified_group_named_as_such_is_the_other_side(code):
    events = code("On Monday, SDF fighters fought an unknown group near Hajin, taking it.")
    assert frozenset({SDF, UNIDENTIFIED}) in _pairs(events)


def test_the_group_named_later_in_the_paragraph_is_the_other_side(code):
    events = code(
        "On Monday, SDF and US special forces advanced west of Hajin."
        " IS fighters were dug in there."
    )
    assert frozenset({SDF, IS}) in _pairs(events)


def test_civilians_hurt_in_a_clash_leave_its_second_side_to_the_group_named(code):
    events = code(
        "On Monday, a man was killed by a landmine during clashes between SDF and Islamic"
        " State forces in Hajin."
    )
    assert frozenset({SDF, IS}) in _pairs(events)


def test_a_group_after_against_is_fought_not_helped(code):
    events = code("On Monday, fighting by rebel groups against IS went on in Hajin.")
    assert frozenset({"Opposition Rebels (Syria)", IS}) in _pairs(events)
    assert all(IS not in e.assoc_actor_1 for e in events)


def test_the_plural_spelling_of_the_islamic_state_names_it(code):
    events = code("On Monday, SDF fighters captured Hajin after clashes with Islamic States.")
    assert frozenset({SDF, IS}) in _pairs(events)


def test_syria_war_wording_sets_the_report_there():
    words = load_lexicon().country_words
    assert worded_country(words, "Clashes between rebels and regime forces near a mill.") == (
        "Syria"
    )
    # A regime named as a president's government is no Syrian wording.
    assert worded_country(words, "Protesters marched against the regime of the president.") is None


def test_report_with_only_generic_sides_is_set_by_its_wording():
    from frontlines.events.assemble import EventAssembler
    from frontlines.nlp import load_nlp

    assembler = EventAssembler(load_nlp(), load_lexicon())
    assert assembler.actor_country("Rebels attacked regime positions at dawn.") == "Syria"
    # Wording says nothing when the named groups already do.
    assert assembler.actor_country("Hezbollah and HTS fighters clashed.") == "Syria"
    assert assembler.actor_country("Turkish troops shelled the area.") is None
