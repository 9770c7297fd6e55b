"""Admin names for a point, from the gazetteer's own points (no polygons ship).

The country is the one of the nearest populated place; in Syria admin1..admin3 come
from the nearest OpenSyria sub-district centroid, elsewhere from the nearest GeoNames
place that carries admin names. Near a border either can pick the neighbour: a
nearest-centroid rule, not point-in-polygon (documented limit).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from frontlines.geo.gazetteer import Entry, Gazetteer
from frontlines.model import Place

# Countries whose admin names come from OpenSyria sub-district centroids.
SUBDISTRICT_COUNTRIES = ("SY",)


def _xyz(lat: float, lon: float) -> tuple[float, float, float]:
    phi, lam = math.radians(lat), math.radians(lon)
    return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))


@dataclass(frozen=True, slots=True)
class _Tree:
    entries: list[Entry]
    tree: object  # scipy.spatial.cKDTree (scipy has no type stubs)

    def nearest(self, lat: float, lon: float) -> Entry:
        _, index = self.tree.query(_xyz(lat, lon))  # type: ignore[attr-defined]
        return self.entries[int(index)]


def _tree(entries: list[Entry]) -> _Tree:
    from scipy.spatial import cKDTree

    return _Tree(entries, cKDTree([_xyz(e.latitude, e.longitude) for e in entries]))


class ReverseIndex:
    """Nearest-point lookups over the packaged gazetteer (built lazily: ~0.5 s)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        places = gazetteer.points("p.feature_code LIKE 'PPL%' AND p.admin1 IS NOT NULL")
        self._places = _tree(places)
        self._units = {
            code: _tree(gazetteer.admin_units(code, "ADM3")) for code in SUBDISTRICT_COUNTRIES
        }

    def admin(self, lat: float, lon: float) -> tuple[Entry, Entry]:
        """(nearest place, the entry whose admin names apply) for a point."""
        place = self._places.nearest(lat, lon)
        units = self._units.get(place.country_code or "")
        return place, (units.nearest(lat, lon) if units else place)

    def place(self, lat: float, lon: float) -> Place:
        near, unit = self.admin(lat, lon)
        return Place(
            name=near.name,
            latitude=lat,
            longitude=lon,
            geo_precision=1,
            country=near.country,
            country_code=near.country_code,
            admin1=unit.admin1,
            admin2=unit.admin2,
            admin3=unit.admin3,
        )
