from __future__ import annotations

from datetime import date, timedelta

import pytest
from control_factory import ARMY, D1, D2, IS, territory

from frontlines.control import (
    UNKNOWN,
    ControlObservation,
    ControlPeriod,
    ControlState,
    control_on,
    control_table,
    history,
    load_rules,
    observations,
    place_history,
)
from frontlines.model import Event


def _state(events: list[Event], on: date) -> ControlState:
    [state] = control_table(events, on)
    return state


def test_village_taken_and_retaken(village_events: list[Event]) -> None:
    before = _state(village_events, D1 - timedelta(days=1))
    assert before.controller == UNKNOWN and before.since is None and before.confidence == 0.0

    held = _state(village_events, D1 + timedelta(days=30))
    assert (held.controller, held.previous, held.since) == (IS, ARMY, D1)
    assert held.event_ids == ("e1",)
    assert [e.text for e in held.evidence] == ["span e1"]

    on_the_day = _state(village_events, D2)
    after = _state(village_events, D2 + timedelta(days=90))
    much_later = _state(village_events, D2 + timedelta(days=400))
    assert (after.controller, after.since, after.previous) == (ARMY, D2, IS)
    assert on_the_day.confidence == pytest.approx(load_rules().start)
    assert after.confidence == pytest.approx(on_the_day.confidence / 2)  # one half-life
    assert much_later.confidence < after.confidence


def test_only_observed_places_are_listed(village_events: list[Event]) -> None:
    states = control_table(village_events, D2)
    assert [s.place.location for s in states] == ["Kafr Nur"]  # not the clash village


def test_admin1_filter(village_events: list[Event]) -> None:
    assert control_table(village_events, D2, admin1="idleb")
    assert control_table(village_events, D2, admin1=["Hama", "Aleppo"]) == []


def test_repeated_reports_keep_the_date_control_changed() -> None:
    events = [territory("e1", D1, IS, ARMY), territory("e3", D1 + timedelta(days=20), IS, None)]
    state = _state(events, D1 + timedelta(days=40))
    assert (state.since, state.last_observed) == (D1, D1 + timedelta(days=20))


def test_hedged_report_starts_lower() -> None:
    firm = _state([territory("e1", D1, IS, ARMY)], D1)
    hedged = _state([territory("e1", D1, IS, ARMY, hedged=True)], D1)
    assert hedged.confidence < firm.confidence
    assert hedged.hedged


def test_two_reports_of_one_capture_are_one_better_supported_observation() -> None:
    events = [territory("e1", D1, IS, ARMY), territory("e9", D1, IS, None)]
    [observed] = observations(_merged(events))
    assert observed.event_ids == ("e1", "e9")
    assert _state(events, D1).confidence > _state(events[:1], D1).confidence


def _merged(events: list[Event]) -> list:  # type: ignore[type-arg]
    from frontlines.merge import merge_events

    return merge_events(events)


def test_withdrawal_agreement_transfers_control() -> None:
    deal = territory(
        "a1",
        D1,
        ARMY,
        IS,
        event_type="Strategic developments",
        sub_event_type="Agreement",
        notes="On 10 March 2018, the army reached a withdrawal agreement with IS for Kafr Nur.",
    )
    truce = territory(
        "a2",
        D1,
        ARMY,
        IS,
        event_type="Strategic developments",
        sub_event_type="Agreement",
        notes="A ceasefire was agreed.",
        location="Ard",
    )
    states = control_table([deal, truce], D2)
    assert [(s.place.location, s.controller) for s in states] == [("Kafr Nur", ARMY)]


def test_history_of_a_place(village_events: list[Event]) -> None:
    periods = place_history(village_events, "kafr nour")  # another spelling
    assert [(p.controller, p.start, p.end) for p in periods] == [(IS, D1, D2), (ARMY, D2, None)]
    assert place_history(village_events, "Nowhere") == []


def test_order_does_not_matter(village_events: list[Event]) -> None:
    observed = observations(village_events)
    assert control_on(list(reversed(observed)), D2) == control_on(observed, D2)
    assert history(list(reversed(observed)), "Kafr Nur") == history(observed, "Kafr Nur")


def test_records_round_trip(village_events: list[Event]) -> None:
    observed = observations(village_events)
    assert [ControlObservation.from_dict(o.to_dict()) for o in observed] == observed
    state = _state(village_events, D2)
    assert ControlState.from_dict(state.to_dict()) == state
    period = place_history(village_events, "Kafr Nur")[0]
    assert ControlPeriod.from_dict(period.to_dict()) == period
