from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from merge_factory import ARMY, IS, KAFR_NUR, REBELS, TALL_WARD, UNKNOWN_GROUP, make_event

from frontlines.errors import MalformedInputError
from frontlines.merge import (
    MergedEvent,
    drop_members,
    fatalities,
    load_rules,
    merge_events,
    merge_into,
    merge_pairs_metrics,
)
from frontlines.merge.keys import BlockIndex
from frontlines.model import Event

MakeEvent = Callable[..., Event]


def _clusters(merged: list[MergedEvent]) -> set[tuple[str, tuple[str, ...]]]:
    return {(m.merged_id, m.member_ids) for m in merged}


def test_two_reports_of_one_clash_become_one_event_with_both_sources(event: MakeEvent) -> None:
    first = event("a1", fatalities=4, source="North Wire", location="Kafr Nur")
    second = event(
        "b1", fatalities=7, source="Valley Monitor", location="Kfar Nour", latitude=35.503
    )
    [merged] = merge_events([first, second])
    assert merged.member_ids == ("a1", "b1")
    assert {s.source for s in merged.sources} == {"North Wire", "Valley Monitor"}
    assert [e.text for s in merged.sources for e in s.evidence] == ["span of a1", "span of b1"]
    assert merged.event.source == "North Wire; Valley Monitor"
    assert merged.event.fatalities == 4  # lowest unhedged figure
    conflict = {(c.value, c.event_ids, c.sources) for c in merged.conflicts_of("fatalities")}
    assert conflict == {("4", ("a1",), ("North Wire",)), ("7", ("b1",), ("Valley Monitor",))}


def test_two_villages_on_the_same_day_stay_apart(event: MakeEvent) -> None:
    merged = merge_events([event("a1"), event("b1", **TALL_WARD)])
    assert len(merged) == 2


def test_same_village_three_weeks_apart_stays_apart(event: MakeEvent) -> None:
    later = date(2019, 5, 6) + timedelta(weeks=3)
    assert len(merge_events([event("a1"), event("b1", event_date=later)])) == 2


def test_next_day_is_another_event_by_default(event: MakeEvent) -> None:
    merged = merge_events([event("a1"), event("b1", event_date=date(2019, 5, 7))])
    assert len(merged) == 2


def test_week_precision_report_joins_a_day_report_of_its_week(event: MakeEvent) -> None:
    vague = event("b1", event_date=date(2019, 5, 8), time_precision=2)
    [merged] = merge_events([event("a1"), vague])
    assert merged.event.event_date == date(2019, 5, 6)  # the most precise date
    assert merged.event.time_precision == 1


def test_most_precise_place_wins(event: MakeEvent) -> None:
    area = event("a1", geo_precision=2, latitude=35.51)
    exact = event("b1", geo_precision=1)
    [merged] = merge_events([area, exact])
    assert (merged.event.latitude, merged.event.geo_precision) == (35.50, 1)


def test_unidentified_or_missing_actor_is_compatible(event: MakeEvent) -> None:
    named = event("a1")
    vague = event("b1", actor1=UNKNOWN_GROUP, actor2=None)
    [merged] = merge_events([named, vague])
    assert (merged.event.actor1, merged.event.actor2) == (ARMY, REBELS)


def test_different_adversaries_stay_apart(event: MakeEvent) -> None:
    assert len(merge_events([event("a1"), event("b1", actor2=IS)])) == 2


def test_capture_and_its_reversal_on_one_day_stay_apart(event: MakeEvent) -> None:
    taken = event("a1", sub_event_type="Non-state actor overtakes territory", actor1=IS,
                  actor2=ARMY)  # fmt: skip
    retaken = event("b1", sub_event_type="Government regains territory", actor1=ARMY, actor2=IS)
    assert len(merge_events([taken, retaken])) == 2


def test_compatible_types_merge_to_the_more_specific(event: MakeEvent) -> None:
    shell = event("a1", event_type="Explosions/Remote violence",
                  sub_event_type="Shelling/artillery/missile attack")  # fmt: skip
    strike = event("b1", event_type="Explosions/Remote violence",
                   sub_event_type="Air/drone strike")  # fmt: skip
    [merged] = merge_events([shell, strike])
    assert merged.event.sub_event_type == "Air/drone strike"
    assert {c.value for c in merged.conflicts_of("sub_event_type")} == {
        "Air/drone strike",
        "Shelling/artillery/missile attack",
    }


def test_events_of_one_article_never_merge(event: MakeEvent) -> None:
    assert len(merge_events([event("a1", article_id="x"), event("a2", article_id="x")])) == 2


def test_no_chaining_across_days(event: MakeEvent) -> None:
    # Week-precision reports overlap their neighbours, but the first and last day-
    # reports cannot be one happening, so complete linkage keeps them apart.
    days = [event(f"d{i}", event_date=date(2019, 5, 1 + 3 * i)) for i in range(4)]
    vague = [event(f"w{i}", event_date=date(2019, 5, 2 + 3 * i), time_precision=2)
             for i in range(4)]  # fmt: skip
    for merged in merge_events(days + vague):
        dated = [m.event_date for m in merged.members if m.time_precision == 1]
        assert len(dated) <= 1


def test_fatalities_rule() -> None:
    firm_low, firm_high = make_event("a", fatalities=3), make_event("b", fatalities=9)
    silent = make_event("c", fatalities=0)
    hedged = make_event("d", fatalities=1, hedged=True)
    assert fatalities([firm_low, firm_high, silent, hedged]) == 3
    assert fatalities([silent, hedged, make_event("e", fatalities=5, hedged=True)]) == 1
    assert fatalities([silent]) == 0


def _scenario() -> list[Event]:
    """Several happenings, each reported 1-3 times, spread over places and days."""
    rng = random.Random(7)
    places = [KAFR_NUR, TALL_WARD, {**KAFR_NUR, "location": "Ard Sahl", "latitude": 36.1}]
    events: list[Event] = []
    for h in range(12):
        place = places[h % 3]
        day = date(2019, 5, 1) + timedelta(days=h % 5)
        actor2 = (REBELS, IS)[h % 2]
        for r in range(rng.randint(1, 3)):
            events.append(
                make_event(
                    f"h{h:02d}r{r}",
                    event_date=day,
                    actor2=actor2 if r else None,
                    fatalities=rng.randint(0, 6),
                    **place,
                )
            )
    return events


def test_same_events_in_any_order_give_same_clusters_and_ids() -> None:
    events = _scenario()
    expected = _clusters(merge_events(events))
    for seed in range(10):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        assert _clusters(merge_events(shuffled)) == expected
    assert merge_events(events) == merge_events(list(reversed(events)))


@pytest.mark.parametrize("seed", range(8))
def test_incremental_equals_batch(seed: int) -> None:
    events = _scenario()
    rng = random.Random(seed)
    rng.shuffle(events)
    batch = merge_events(events)
    stored: list[MergedEvent] = []
    position = 0
    while position < len(events):
        step = rng.randint(1, 4)
        stored = merge_into(stored, events[position : position + step])
        position += step
    assert stored == batch


def test_merge_into_keeps_untouched_events_and_replaces_recoded(event: MakeEvent) -> None:
    stored = merge_events([event("a1"), event("b1", **TALL_WARD)])
    far = next(m for m in stored if m.event.location == "Tall Ward")
    recoded = event("a1", fatalities=2)
    result = merge_into(stored, [recoded])
    assert any(m is far for m in result)
    assert next(m for m in result if m.event.location == "Kafr Nur").event.fatalities == 2


def test_drop_members_equals_batch_of_the_rest() -> None:
    events = _scenario()
    gone = {e.event_id for e in events[::3]}
    kept = [e for e in events if e.event_id not in gone]
    assert drop_members(merge_events(events), gone) == merge_events(kept)


def test_same_id_for_different_events_is_an_error(event: MakeEvent) -> None:
    with pytest.raises(MalformedInputError, match="a1"):
        merge_events([event("a1"), event("a1", fatalities=3)])


def test_merged_event_round_trips_through_its_row(event: MakeEvent) -> None:
    [merged] = merge_events([event("a1", fatalities=2), event("b1", fatalities=5)])
    assert MergedEvent.from_dict(merged.to_dict()) == merged


def test_merged_id_is_stable_when_a_later_report_joins(event: MakeEvent) -> None:
    [first] = merge_events([event("a1"), event("b1")])
    [second] = merge_into([first], [event("c1")])
    assert second.merged_id == first.merged_id
    assert second.member_ids == ("a1", "b1", "c1")


def test_blocking_finds_pairs_across_cell_and_week_borders(event: MakeEvent) -> None:
    # 35.3999 and 35.4001 fall in different grid cells; 2019-05-08/09 can be in
    # different weeks. They still meet, and events far apart are never compared.
    rules = load_rules()
    a = event("a1", latitude=35.3999, location="Kafr Nur", event_date=date(2019, 5, 8))
    b = event("b1", latitude=35.4001, location="Kafr Nour", event_date=date(2019, 5, 8))
    far = [event(f"f{i}", latitude=33.0 + i, location=f"Far {i}") for i in range(50)]
    index = BlockIndex(rules)
    index.add([a, b, *far])
    assert [e.event_id for e in index.candidates(a)] == ["b1"]
    assert len(merge_events([a, b, *far])) == 51


def test_pairwise_metrics(event: MakeEvent) -> None:
    events = [event("a1"), event("b1"), event("c1", **TALL_WARD), event("d1", **TALL_WARD,
              actor2=IS)]  # fmt: skip
    gold = {"a1": "g1", "b1": "g1", "c1": "g2", "d1": "g2"}
    precision, recall = merge_pairs_metrics(events, lambda e: gold[e.event_id])
    assert (precision, recall) == (1.0, 0.5)
