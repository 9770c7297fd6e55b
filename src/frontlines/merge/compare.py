"""Whether two coded events can be the same happening, and how alike they are.

Four tests, all of which must pass (``match`` returns None otherwise):

* type: the same sub-event type, or a pair listed in ``rules.toml`` [[compatible]];
* place: the same folded location name in the same admin1 (no further apart than
  ``SAME_NAME_MAX_KM``), or two points within ``near_km`` whose names are alike or
  of which one is unnamed (different names nearby: neighbouring villages). Area centroids
  (geo_precision 3) match by name only: two villages placed at their governorate's
  centroid are not one place;
* date: the spans the dates stand for overlap (day: the day; week: +/- week_days;
  month: the calendar month); with ``day_lag`` > 0 (off by default), two day dates
  that far apart also match when place, type and named actors are the same;
* actors: the named actors of one are a subset of the other's (an actor missing
  or "Unidentified ..." is compatible with anyone). For ordered types (territory,
  agreements) actor1, the gainer, must agree, so a capture and its reversal on one
  day stay two events.

Two events of the same article never match: the events stage has already joined
the mentions of one happening within a report, so two events left there are two
happenings.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from enum import Enum

from rapidfuzz import fuzz

from frontlines.merge.names import location_key
from frontlines.merge.rules import MergeRules
from frontlines.model import Event
from frontlines.taxonomy import TimePrecision

# Same name in the same admin1 but further apart than this: two villages that share
# a name (common: every governorate has its Tall Ahmar), not one place geocoded twice.
SAME_NAME_MAX_KM = 25.0
EARTH_RADIUS_KM = 6371.0


class PlaceMatch(Enum):
    SAME_NAME = 1.0
    NEAR = 0.7


class DateMatch(Enum):
    SAME_DAY = 1.0
    OVERLAP = 0.7
    LAG = 0.5


def distance_km(a: Event, b: Event) -> float:
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def date_span(event: Event, rules: MergeRules) -> tuple[int, int] | None:
    """First and last day (ordinals) the event's date stands for; None: undated."""
    day = event.event_date
    if day is None:
        return None
    if event.time_precision >= TimePrecision.MONTH:
        last = calendar.monthrange(day.year, day.month)[1]
        return (day.replace(day=1).toordinal(), day.replace(day=last).toordinal())
    if event.time_precision == TimePrecision.WEEK:
        return (day.toordinal() - rules.week_days, day.toordinal() + rules.week_days)
    return (day.toordinal(), day.toordinal())


def date_match(a: Event, b: Event, rules: MergeRules) -> DateMatch | None:
    span_a, span_b = date_span(a, rules), date_span(b, rules)
    if span_a is None or span_b is None:
        return None
    if span_a[0] <= span_b[1] and span_b[0] <= span_a[1]:
        exact = a.event_date == b.event_date and a.time_precision == b.time_precision == 1
        return DateMatch.SAME_DAY if exact else DateMatch.OVERLAP
    both_days = a.time_precision == b.time_precision == TimePrecision.DAY
    if both_days and abs(span_a[0] - span_b[0]) <= rules.day_lag:
        return DateMatch.LAG
    return None


def _admin_agrees(a: str | None, b: str | None) -> bool:
    return not a or not b or a.casefold() == b.casefold()


def place_match(a: Event, b: Event, rules: MergeRules) -> PlaceMatch | None:
    key_a, key_b = location_key(a.location), location_key(b.location)
    distance = distance_km(a, b)
    if key_a and key_a == key_b:
        # distance is inf when either lacks coordinates: the name alone decides.
        close = math.isinf(distance) or distance <= SAME_NAME_MAX_KM
        if _admin_agrees(a.admin1, b.admin1) and close:
            return PlaceMatch.SAME_NAME
        return None
    points = (a.geo_precision or 3) <= 2 and (b.geo_precision or 3) <= 2
    if not points or distance > rules.near_km:
        return None
    if not (key_a and key_b):
        return PlaceMatch.NEAR  # an unnamed point near a named one: nothing contradicts
    alike = fuzz.ratio(key_a, key_b) >= rules.name_similarity
    return PlaceMatch.NEAR if alike else None


def named_actors(event: Event, rules: MergeRules) -> frozenset[str]:
    return frozenset(a for a in (event.actor1, event.actor2) if a and not rules.is_unidentified(a))


def actors_match(a: Event, b: Event, rules: MergeRules) -> float | None:
    """1.0 for the same named actors, 0.6 when one side names fewer, None if they clash."""
    ordered = a.sub_event_type in rules.ordered_types and b.sub_event_type in rules.ordered_types
    if ordered:
        for mine, theirs in ((a.actor1, b.actor1), (a.actor2, b.actor2)):
            unknown = rules.is_unidentified(mine) or rules.is_unidentified(theirs)
            if not unknown and mine != theirs:
                return None
    names_a, names_b = named_actors(a, rules), named_actors(b, rules)
    if names_a == names_b:
        return 1.0
    if names_a <= names_b or names_b <= names_a:
        return 0.6
    return None


@dataclass(frozen=True, slots=True)
class Match:
    """Why two events were judged one happening; ``score`` orders the clustering."""

    place: PlaceMatch
    date: DateMatch
    same_type: bool
    actors: float

    @property
    def score(self) -> float:
        return round(
            0.4 * (1.0 if self.same_type else 0.7)
            + 0.3 * self.place.value
            + 0.2 * self.date.value
            + 0.1 * self.actors,
            6,
        )


def match(a: Event, b: Event, rules: MergeRules) -> Match | None:
    """How ``a`` and ``b`` match as one happening, or None when they cannot be one."""
    if a.article_id and a.article_id == b.article_id:
        return None
    if not rules.types_compatible(a.sub_event_type, b.sub_event_type):
        return None
    place = place_match(a, b, rules)
    if place is None:
        return None
    when = date_match(a, b, rules)
    if when is None:
        return None
    actors = actors_match(a, b, rules)
    if actors is None:
        return None
    if when is DateMatch.LAG and rules.lag_needs_same_actors:
        # A day apart is a lagging report only when everything else is the same;
        # otherwise it is the next day's fighting.
        same = place is PlaceMatch.SAME_NAME and a.sub_event_type == b.sub_event_type
        if not (same and actors == 1.0 and named_actors(a, rules)):
            return None
    return Match(place, when, a.sub_event_type == b.sub_event_type, actors)
