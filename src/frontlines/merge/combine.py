"""One canonical event from the coded events (reports) of one happening.

Field by field (ties always fall to the smallest event id, so the result does not
depend on the order the reports arrived in):

* id: ``merged_id`` (below);
* date: from the members with the finest time_precision, the date most of them
  give, the earliest on a tie;
* place (location, coordinates, admin areas, geo_precision): from the members with
  the finest geo_precision, the location most of them name;
* sub-event type: the first in ``rules.toml`` [order] precedence among the members'
  types (a capture beats the clash it ended), else the most common;
* actors: the named actor1 most members give (an "Unidentified ..." actor only when
  nobody is named), actor2 likewise among the others; associated actors, losses,
  attributions and sources are unions;
* fatalities: see ``fatalities`` below;
* hedged only if every report is hedged; confidence grows with independent reports
  (1 - prod(1 - c_i)); notes, evidence and article_id are the primary report's (the
  member with the finest place, then date, then unhedged).

Every disagreement is kept in ``conflicts``: one ``Conflict`` per distinct value of
fatalities (> 0), actors, sub-event type, date or location, with the reports giving it.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from frontlines.merge.names import location_key
from frontlines.merge.records import Conflict, MergedEvent
from frontlines.merge.rules import MergeRules
from frontlines.model import Event
from frontlines.taxonomy import SubEventType

MAX_CONFIDENCE = 0.99


def merged_id(members: Sequence[Event]) -> str:
    """Id of a merged event: a hash of its smallest member event id (its anchor).

    A hash of all member ids would change with every new report of the happening;
    the anchor's hash changes only when a report with a smaller id joins (or the
    cluster splits), so stored ids and links to them mostly survive incremental
    merging. It is a function of the member set alone, so it is order-independent.
    """
    anchor = min(m.event_id for m in members)
    return "m" + hashlib.sha1(anchor.encode("utf-8")).hexdigest()[:15]


def fatalities(members: Sequence[Event]) -> int:
    """The merged fatality count: the lowest figure among unhedged reports.

    ACLED codes the most conservative reliable figure when sources disagree, so we
    take the minimum, not the maximum or the mean. Only positive figures count: an
    Event's 0 also means "no figure given", and one report that does not count the
    dead must not erase another's count. Hedged figures ("reportedly 30 killed")
    are used, lowest first, only when no unhedged report gives a figure.
    """
    firm = [m.fatalities for m in members if m.fatalities > 0 and not m.hedged]
    if firm:
        return min(firm)
    hedged = [m.fatalities for m in members if m.fatalities > 0]
    return min(hedged) if hedged else 0


def _most_common(values: Sequence[str]) -> str | None:
    """The most frequent value; the first in ``values`` order on a tie."""
    if not values:
        return None
    counts = Counter(values)
    return max(values, key=lambda v: (counts[v], -values.index(v)))


def _best(members: Sequence[Event], rank: Callable[[Event], tuple[object, ...]]) -> Event:
    return min(members, key=lambda m: (*rank(m), m.event_id))


def _pick_sub_event(members: Sequence[Event], rules: MergeRules) -> str:
    types = sorted({m.sub_event_type for m in members}, key=rules.type_rank)
    listed = [t for t in types if t in rules.precedence]
    if listed:
        return listed[0]
    return _most_common([m.sub_event_type for m in members]) or types[0]


def _pick_actors(
    members: Sequence[Event], rules: MergeRules, ordered: bool
) -> tuple[str, str | None]:
    named1 = [m.actor1 for m in members if not rules.is_unidentified(m.actor1)]
    actor1 = _most_common(named1) or members[0].actor1
    named2 = [m.actor2 for m in members if m.actor2 and not rules.is_unidentified(m.actor2)]
    if not ordered:
        # Who is actor1 in a clash is the reporter's choice: the sides pool together.
        named2 += named1
    others = [a for a in named2 if a != actor1]
    actor2 = _most_common(others)
    if actor2 is None:
        actor2 = _most_common([m.actor2 for m in members if m.actor2 and m.actor2 != actor1])
    return actor1, actor2


def _inter(members: Sequence[Event], actor: str | None) -> int | None:
    for m in members:
        if m.actor1 == actor and m.inter1 is not None:
            return m.inter1
        if m.actor2 == actor and m.inter2 is not None:
            return m.inter2
    return None


def _union(groups: Sequence[tuple[str, ...]], exclude: set[str | None]) -> tuple[str, ...]:
    out: list[str] = []
    for group in groups:
        out.extend(x for x in group if x not in out and x not in exclude)
    return tuple(out)


def _sources(members: Sequence[Event]) -> str | None:
    names = {part.strip() for m in members for part in (m.source or "").split(";")}
    names.discard("")
    return "; ".join(sorted(names)) or None


def _confidence(members: Sequence[Event]) -> float:
    doubt = 1.0
    for m in members:
        doubt *= 1.0 - min(max(m.confidence, 0.0), 1.0)
    return round(min(MAX_CONFIDENCE, 1.0 - doubt), 3) if len(members) > 1 else members[0].confidence


def _conflicts(members: Sequence[Event], rules: MergeRules, ordered: bool) -> list[Conflict]:
    def actor(value: str | None) -> str | None:
        return value if value and not rules.is_unidentified(value) else None

    def actor_set(m: Event) -> str | None:
        return "; ".join(sorted({a for a in (actor(m.actor1), actor(m.actor2)) if a})) or None

    fields: list[tuple[str, Callable[[Event], str | None]]] = [
        ("fatalities", lambda m: str(m.fatalities) if m.fatalities > 0 else None),
        ("sub_event_type", lambda m: m.sub_event_type),
        ("event_date", lambda m: m.event_date.isoformat() if m.event_date else None),
        ("location", lambda m: m.location if location_key(m.location) else None),
    ]
    if ordered:
        fields += [("actor1", lambda m: actor(m.actor1)), ("actor2", lambda m: actor(m.actor2))]
    else:
        fields.append(("actors", actor_set))
    conflicts: list[Conflict] = []
    for name, value_of in fields:
        by_value: dict[str, list[Event]] = defaultdict(list)
        for m in members:
            value = value_of(m)
            if value is not None:
                by_value[value].append(m)
        if name == "location" and len({location_key(v) for v in by_value}) < 2:
            continue  # spellings of one name are not a disagreement
        if len(by_value) < 2:
            continue
        for value in sorted(by_value):
            givers = by_value[value]
            conflicts.append(
                Conflict(
                    field=name,
                    value=value,
                    event_ids=tuple(m.event_id for m in givers),
                    sources=tuple(sorted({m.source for m in givers if m.source})),
                )
            )
    return conflicts


def combine(members: Sequence[Event], rules: MergeRules) -> MergedEvent:
    """The MergedEvent of one cluster of coded events (in any order)."""
    members = sorted(members, key=lambda m: m.event_id)
    loc_counts = Counter(location_key(m.location) for m in members)
    date_counts = Counter((m.time_precision, m.event_date) for m in members)
    by_place = _best(
        members,
        lambda m: (m.geo_precision or 4, m.latitude is None, -loc_counts[location_key(m.location)]),
    )
    by_date = _best(
        members,
        lambda m: (
            m.event_date is None,
            m.time_precision,
            -date_counts[(m.time_precision, m.event_date)],
            m.event_date.toordinal() if m.event_date else 0,
        ),
    )
    primary = _best(
        members,
        lambda m: (m.geo_precision or 4, m.time_precision, m.hedged, -m.confidence),
    )
    sub_event = _pick_sub_event(members, rules)
    ordered = sub_event in rules.ordered_types
    actor1, actor2 = _pick_actors(members, rules, ordered)
    hedged = all(m.hedged for m in members)
    note = primary.notes
    if len(members) > 1:
        note = f"{note} Merged from {len(members)} reports.".strip()
    attributions = sorted({m.attributed_to for m in members if m.attributed_to})
    event = Event(
        event_id=merged_id(members),
        article_id=primary.article_id,
        event_date=by_date.event_date,
        time_precision=by_date.time_precision,
        event_type=SubEventType(sub_event).event_type.value,
        sub_event_type=sub_event,
        actor1=actor1,
        actor2=actor2,
        assoc_actor_1=_union([m.assoc_actor_1 for m in members], {actor1, actor2}),
        assoc_actor_2=_union([m.assoc_actor_2 for m in members], {actor1, actor2}),
        inter1=_inter(members, actor1),
        inter2=_inter(members, actor2),
        country=by_place.country,
        admin1=by_place.admin1,
        admin2=by_place.admin2,
        admin3=by_place.admin3,
        location=by_place.location,
        latitude=by_place.latitude,
        longitude=by_place.longitude,
        geo_precision=by_place.geo_precision,
        fatalities=fatalities(members),
        notes=note,
        source=_sources(members),
        evidence=primary.evidence,
        hedged=hedged,
        attributed_to="; ".join(attributions) or None,
        losses=_union([m.losses for m in members], set()),
        confidence=_confidence(members),
    )
    return MergedEvent(
        event=event, members=tuple(members), conflicts=tuple(_conflicts(members, rules, ordered))
    )
