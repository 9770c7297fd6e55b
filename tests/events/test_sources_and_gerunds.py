"""Who a claim comes from is no side; a gerund the tagger misreads still triggers."""

from __future__ import annotations


def test_a_sentence_opening_gerund_is_a_trigger(code) -> None:
    (event,) = code("Shelling hit the town of Saraqib overnight.")
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.location == "Saraqib"


def test_people_named_as_a_source_are_not_a_side(code) -> None:
    (event,) = code("Two civilians were killed in Saraqib, according to local activists.")
    assert "Protesters" not in (event.actor1 or "") and "Protesters" not in (event.actor2 or "")
    assert event.actor2 == "Civilians (Syria)" and event.fatalities == 2


def test_a_named_group_as_source_keeps_its_side(code) -> None:
    (event,) = code("Five IS members were killed in clashes near Hajin, according to the SDF.")
    assert {event.actor1, event.actor2} == {
        "QSD: Syrian Democratic Forces",
        "Islamic State (Syria)",
    }
