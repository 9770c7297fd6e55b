"""Place identity for control: which events speak of the same settlement.

A settlement is its folded location name (``merge.names.location_key``, so Tell
Abiad and Tall Abyad are one) plus its coordinates rounded to ``COORD_DECIMALS``
(two villages of one name in different districts stay apart). Without coordinates
the admin1 stands in for them. Events without a location name are not settlements.
"""

from __future__ import annotations

from frontlines.control.records import Settlement
from frontlines.merge.names import location_key
from frontlines.model import Event

# 0.01 degree is ~1 km: the spread of one village's entries across gazetteers,
# well under the distance between neighbouring villages.
COORD_DECIMALS = 2


def place_key(location: str, latitude: float | None, longitude: float | None,
              admin1: str | None) -> str:  # fmt: skip
    name = location_key(location)
    if latitude is None or longitude is None:
        return f"{name}@{(admin1 or '').casefold()}"
    return f"{name}@{latitude:.{COORD_DECIMALS}f},{longitude:.{COORD_DECIMALS}f}"


def settlement_of(event: Event) -> Settlement | None:
    """The settlement an event happened in, or None without a location name."""
    if not event.location or not location_key(event.location):
        return None
    return Settlement(
        key=place_key(event.location, event.latitude, event.longitude, event.admin1),
        location=event.location,
        latitude=event.latitude,
        longitude=event.longitude,
        admin1=event.admin1,
        country=event.country,
    )
