"""Territorial control over time, from territory events.

``observations`` turns each event that transfers control (``rules.toml``: the
territory sub-event types, and Agreements whose notes speak of a withdrawal) into a
``ControlObservation``: on that date ``controller`` (the event's actor1, the gainer)
held ``place``, taken from ``previous`` (actor2). Merged events give one
observation with the evidence of every report.

``control_on`` reads the observations as a step function per place:

* no observation on or before the date: controller ``"unknown"`` (a place is listed
  only if it was ever observed; before its first report it is unknown, not a guess);
* otherwise the controller of the latest observation; ``since`` is the first day of
  the latest run of observations naming that controller (when control last changed
  hands, as far as the reports tell);
* confidence = c0 * 0.5 ** (days since the latest observation / half-life), where c0
  is ``start`` (``hedged_start`` for a hedged report) raised by each further source
  of that observation (``rules.toml`` [confidence]).

Two observations of one place on one day that disagree (a capture and its reversal
the same day) are ordered by the number of reports, then unhedged first, then by
name, so the result never depends on input order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from frontlines.control.places import settlement_of
from frontlines.control.records import (
    UNKNOWN,
    ControlEvidence,
    ControlObservation,
    ControlPeriod,
    ControlState,
    Settlement,
)
from frontlines.control.rules import ControlRules, load_rules
from frontlines.merge.names import location_key
from frontlines.merge.records import MergedEvent
from frontlines.model import Event

MAX_CONFIDENCE = 0.99


def _evidence(members: Sequence[Event]) -> tuple[ControlEvidence, ...]:
    return tuple(
        ControlEvidence(m.event_id, m.article_id, m.source, span.start, span.end, span.text)
        for m in members
        for span in m.evidence
    )


def observation_of(
    item: Event | MergedEvent, rules: ControlRules | None = None
) -> ControlObservation | None:
    """The control observation an event (or merged event) gives, if any."""
    rules = rules or load_rules()
    event = item.event if isinstance(item, MergedEvent) else item
    members = item.members if isinstance(item, MergedEvent) else (item,)
    if event.event_date is None or not rules.transfers_control(event):
        return None
    place = settlement_of(event)
    if place is None:
        return None
    sources = sorted({part.strip() for m in members for part in (m.source or "").split(";")})
    return ControlObservation(
        place=place,
        date=event.event_date,
        controller=event.actor1,
        previous=event.actor2,
        event_ids=tuple(m.event_id for m in members),
        evidence=_evidence(members),
        hedged=event.hedged,
        sources=tuple(s for s in sources if s),
        time_precision=event.time_precision,
    )


def observations(
    items: Iterable[Event | MergedEvent], rules: ControlRules | None = None
) -> list[ControlObservation]:
    """Control observations of every item that transfers control, by place then date."""
    rules = rules or load_rules()
    found = [obs for item in items if (obs := observation_of(item, rules)) is not None]
    return sorted(found, key=lambda o: (o.place.key, o.date, _rank(o)))


def _rank(obs: ControlObservation) -> tuple[int, bool, str, tuple[str, ...]]:
    """Same-day order: best supported last (it is the day's final word)."""
    return (len(obs.event_ids), not obs.hedged, obs.controller, obs.event_ids)


def _by_place(
    observed: Iterable[ControlObservation],
) -> dict[str, list[ControlObservation]]:
    places: dict[str, list[ControlObservation]] = defaultdict(list)
    for obs in observed:
        places[obs.place.key].append(obs)
    for group in places.values():
        group.sort(key=lambda o: (o.date, _rank(o)))
    return places


def _runs(observed: list[ControlObservation]) -> list[list[ControlObservation]]:
    """Consecutive observations naming the same controller (observations sorted)."""
    runs: list[list[ControlObservation]] = []
    for obs in observed:
        if runs and runs[-1][-1].controller == obs.controller:
            runs[-1].append(obs)
        else:
            runs.append([obs])
    return runs


def confidence(obs: ControlObservation, on: date, rules: ControlRules | None = None) -> float:
    """How much the observation still tells about control on ``on`` (see module doc)."""
    rules = rules or load_rules()
    start = rules.hedged_start if obs.hedged else rules.start
    for _ in range(max(len(obs.sources), len(obs.event_ids)) - 1):
        start += (1.0 - start) * rules.corroboration
    start = min(start, MAX_CONFIDENCE)
    age = max((on - obs.date).days, 0)
    return start * 0.5 ** (age / rules.half_life_days)


def _admin_filter(admin1: str | Iterable[str] | None) -> set[str] | None:
    if admin1 is None:
        return None
    names = [admin1] if isinstance(admin1, str) else list(admin1)
    return {n.casefold() for n in names} or None


def _place_order(place: Settlement) -> tuple[str, str, str]:
    return ((place.admin1 or "").casefold(), place.location.casefold(), place.key)


def control_on(
    observed: Iterable[ControlObservation],
    on: date,
    *,
    admin1: str | Iterable[str] | None = None,
    rules: ControlRules | None = None,
) -> list[ControlState]:
    """Each observed place's controller on ``on`` (see the module docstring)."""
    rules = rules or load_rules()
    wanted = _admin_filter(admin1)
    states: list[ControlState] = []
    for group in _by_place(observed).values():
        place = group[0].place
        if wanted is not None and (place.admin1 or "").casefold() not in wanted:
            continue
        runs = _runs([o for o in group if o.date <= on])
        if not runs:
            states.append(ControlState(place=place, on=on, controller=UNKNOWN))
            continue
        current, last = runs[-1], runs[-1][-1]
        before = runs[-2][-1].controller if len(runs) > 1 else None
        states.append(
            ControlState(
                place=place,
                on=on,
                controller=last.controller,
                previous=current[0].previous or before,
                since=current[0].date,
                last_observed=last.date,
                confidence=confidence(last, on, rules),
                hedged=last.hedged,
                event_ids=tuple(i for o in current for i in o.event_ids),
                evidence=tuple(e for o in current for e in o.evidence),
            )
        )
    return sorted(states, key=lambda s: _place_order(s.place))


def history(observed: Iterable[ControlObservation], place_name: str) -> list[ControlPeriod]:
    """The periods of control of every place named ``place_name`` (any spelling the name
    key unifies, or a place key), oldest first; [] when the place was never observed."""
    wanted = location_key(place_name)
    periods: list[ControlPeriod] = []
    for key, group in _by_place(observed).items():
        place = group[0].place
        if key != place_name and location_key(place.location) != wanted:
            continue
        runs = _runs(group)
        for i, run in enumerate(runs):
            following = runs[i + 1][0].date if i + 1 < len(runs) else None
            before = runs[i - 1][-1].controller if i > 0 else None
            periods.append(
                ControlPeriod(
                    place=place,
                    controller=run[0].controller,
                    start=run[0].date,
                    end=following,
                    previous=run[0].previous or before,
                    last_observed=run[-1].date,
                    hedged=all(o.hedged for o in run),
                    event_ids=tuple(i for o in run for i in o.event_ids),
                    evidence=tuple(e for o in run for e in o.evidence),
                )
            )
    return sorted(periods, key=lambda p: (_place_order(p.place), p.start))


def control_table(
    events: Iterable[Event],
    on: date,
    admin1: str | Iterable[str] | None = None,
) -> list[ControlState]:
    """Each settlement's controller on ``on`` from coded events: the events are merged
    first (so several reports of one capture are one observation), then read as
    control observations."""
    return control_on(_observe(events), on, admin1=admin1)


def place_history(events: Iterable[Event], place_name: str) -> list[ControlPeriod]:
    """``history`` of a place from coded events (merged first, as in ``control_table``)."""
    return history(_observe(events), place_name)


def _observe(events: Iterable[Event]) -> list[ControlObservation]:
    from frontlines.merge import merge_events

    rules = load_rules()
    # Only events that can move control take part: merging the rest would not change
    # any observation, and they are most of the data.
    relevant = [
        e
        for e in events
        if e.sub_event_type in rules.transfer_types or e.sub_event_type == rules.agreement_type
    ]
    return observations(merge_events(relevant), rules)
