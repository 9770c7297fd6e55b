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
        "On Monday, a farmer was hurt in Hajin during a battle between the SDF and Islamic"
        " State forces."
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


def test_a_named_group_leads_the_generic_rebels_it_fights_beside(code):
    events = code(
        "On Monday, regime forces fought against rebel and Islamist factions and HTS in Hajin."
    )
    pairs = _pairs(events)
    assert frozenset({SYRIA_STATE, "HTS: Hayat Tahrir al Sham"}) in pairs
    assert any("Opposition Rebels (Syria)" in e.assoc_actor_2 for e in events)


def test_a_generic_side_keeps_the_lead_over_a_group_on_the_other_side(code):
    events = code("On Monday, clashes broke out between rebels and the SDF near Hajin.")
    assert frozenset({"Opposition Rebels (Syria)", SDF}) in _pairs(events)


def test_islamic_for_islamist_names_the_islamist_militia(code):
    events = code("On Monday, regime forces clashed with Islamic factions near Hajin.")
    assert frozenset({SYRIA_STATE, "Islamist Militia (Syria)"}) in _pairs(events)


def test_rebels_and_islamists_together_are_the_opposition_rebels(code):
    events = code("On Monday, regime forces clashed with rebels and Islamic militants near Hajin.")
    assert frozenset({SYRIA_STATE, "Opposition Rebels (Syria)"}) in _pairs(events)


def test_the_rebel_adjective_names_the_rebels(code):
    events = code("On Monday, rebel snipers killed two soldiers near Hajin.")
    assert any(e.actor1 == "Opposition Rebels (Syria)" for e in events)


def test_a_catch_all_group_belongs_to_the_country_of_the_event():
    from frontlines.events.actor_resolution import named_actor

    lexicon = load_lexicon()
    entry = lexicon.actor("Islamist Militia (Syria)")
    assert entry is not None and entry.collective
    assert named_actor(entry, "Mozambique", lexicon).name == "Islamist Militia (Mozambique)"
    assert named_actor(entry, "Syria", lexicon).name == "Islamist Militia (Syria)"


def test_a_catch_all_group_alone_does_not_set_the_report():
    from frontlines.events.assemble import EventAssembler
    from frontlines.nlp import load_nlp

    assembler = EventAssembler(load_nlp(), load_lexicon())
    assert assembler.actor_country("Islamist militants burned a village.") is None


def test_unidentified_attackers_keep_their_side_beside_a_named_group(code):
    events = code("On Monday, gunmen fired at a QSD-backed patrol near Hajin.")
    assert events
    assert all(e.actor1 == UNIDENTIFIED for e in events)


def test_turkish_forces_named_first_lead_an_olive_branch_side(code):
    events = code(
        "On Monday, Turkish forces backed by factions of Operation Olive Branch fought the"
        " YPG near Tall Rifaat."
    )
    assert any(e.actor1 == "Military Forces of Turkey (2016-)" for e in events)
    assert any("Operation Olive Branch" in e.assoc_actor_1 for e in events)
