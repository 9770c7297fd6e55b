"""Event coding on sentences written for these tests."""

from __future__ import annotations

from datetime import date

SYRIA_STATE = "Military Forces of Syria (2000-)"
IS = "Islamic State (Syria)"


def test_state_capture_is_government_regains_territory(code):
    events = code(
        "On Friday, government troops captured Saraqib from the rebels after heavy fighting."
    )
    assert len(events) == 1
    event = events[0]
    assert event.sub_event_type == "Government regains territory"
    assert event.event_type == "Battles"
    assert event.actor1 == SYRIA_STATE and event.inter1 == 1
    assert event.actor2 == "Opposition Rebels (Syria)"
    assert event.location == "Saraqib" and event.admin1 == "Idleb"
    assert event.event_date == date(2024, 3, 1) and event.time_precision == 1


def test_non_state_capture_one_event_per_village(code):
    text = (
        "The SDF pushed on against IS in the province of Deir ez-Zor, seizing the villages of "
        "Umm Tinah, Jubb Safa and Tall Zahr."
    )
    events = code(text)
    assert sorted(e.location for e in events) == ["Jubb Safa", "Tall Zahr", "Umm Tinah"]
    for event in events:
        assert event.sub_event_type == "Non-state actor overtakes territory"
        assert event.actor1 == "QSD: Syrian Democratic Forces" and event.actor2 == IS
        assert event.admin1 == "Deir ez Zor" and event.geo_precision == 3


def test_failed_attack_is_an_armed_clash_with_the_previous_enemy(code):
    text = (
        "Government forces recaptured Kuweires airbase from IS on Sunday. IS tried to storm "
        "the airbase again but failed."
    )
    events = code(text)
    types = [(e.sub_event_type, e.actor1, e.actor2) for e in events]
    assert ("Government regains territory", SYRIA_STATE, IS) in types
    assert ("Armed clash", IS, SYRIA_STATE) in types
    clash = next(e for e in events if e.sub_event_type == "Armed clash")
    assert clash.location == "Kuweires Airbase"
    assert "repelled" in clash.notes or "without success" in clash.notes


def test_conditional_and_future_events_are_not_coded(code):
    text = (
        "If the army captures Saraqib, it will move on Hajin. Rebels will likely attack "
        "Tall Rifaat next week. Troops could seize Kafr Naya within days."
    )
    assert code(text) == []


def test_negated_event_is_not_coded(code):
    assert code("No clashes were reported in Saraqib on Monday.") == []


def test_hedging_and_attribution_are_kept(code):
    text = (
        "According to a local monitor, an air strike reportedly hit Hajin on Tuesday, "
        "killing 4 civilians."
    )
    (event,) = code(text)
    assert event.sub_event_type == "Air/drone strike"
    assert event.hedged is True
    assert event.attributed_to == "a local monitor"
    assert event.fatalities == 4
    assert event.notes.startswith("According to a local monitor")


def test_losses_in_a_follow_up_sentence_attach_to_the_clash(code):
    text = (
        "IS fighters attacked army positions near Mare' on Saturday. The army reportedly lost "
        "two T-72 tanks and a bulldozer in the fighting."
    )
    (event,) = code(text)
    assert event.sub_event_type == "Armed clash"
    assert event.losses == ("T-72 tanks", "bulldozer")
    assert event.hedged is True
    assert len(event.evidence) == 2


def test_fatalities_take_the_lower_bound_and_skip_the_wounded(code):
    text = (
        "Clashes between the SDF and IS in Al-Susah killed between 6 and 9 fighters and wounded 11."
    )
    (event,) = code(text)
    assert event.fatalities == 6


def test_anaphor_resolves_to_the_named_group(code):
    text = "IS remained active around Hajin. On Monday the terrorist group shelled Al-Susah."
    (event,) = code(text)
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.actor1 == IS
    assert event.location == "Al-Susah"


def test_notes_are_neutral_and_spans_point_into_the_text(code):
    text = "Heroic soldiers liberated Tall Rifaat from the terrorists on Thursday."
    (event,) = code(text)
    lowered = event.notes.lower()
    assert "liberat" not in lowered and "terrorist" not in lowered and "heroic" not in lowered
    assert "regained control of Tall Rifaat" in event.notes
    for span in event.evidence:
        assert text[span.start : span.end] == span.text


def test_pro_government_militia_is_not_the_antecedent_of_militants(code):
    text = "The army and the National Defence Forces took Kafr Naya from militants on Sunday."
    (event,) = code(text)
    assert event.actor1 == SYRIA_STATE
    assert event.assoc_actor_1 == ("QDW: National Defence Forces",)
    assert event.actor2 != "QDW: National Defence Forces"


def test_protest_and_relative_date(code):
    text = "Yesterday hundreds of residents protested in Saraqib against rising prices."
    (event,) = code(text)
    assert event.event_type == "Protests"
    assert event.event_date == date(2024, 3, 3)


def test_no_event_in_a_text_about_something_else(code):
    assert code("The weather in Saraqib was mild and markets opened as usual.") == []


def test_protest_dispersed_by_police_is_protest_with_intervention(code):
    text = (
        "On Sunday dozens of teachers protested in Saraqib over unpaid salaries. "
        "Police dispersed the crowd with tear gas."
    )
    (event,) = code(text)
    assert event.sub_event_type == "Protest with intervention"


def test_place_a_retreat_heads_for_is_not_the_capture_site(code):
    text = "On Monday the army captured Kafr Naya as rebels pulled back towards Tall Rifaat."
    events = code(text)
    assert [e.location for e in events] == ["Kafr Naya"]
