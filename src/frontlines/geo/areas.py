"""From a chosen entry to a Place, and the area a doubtful name falls back to.

When nothing scores well enough, or the name is unknown but a cue announced it, the
mention resolves to the enclosing admin area at geo_precision 3 (or the town the
report centres on), named by its own words, never to a far-away namesake.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from functools import lru_cache

from frontlines.geo.find import Candidate
from frontlines.geo.gazetteer import Entry, Gazetteer
from frontlines.geo.names import name_key
from frontlines.model import Place

__all__ = ["Areas", "ascii_name", "to_place"]


@lru_cache(maxsize=65_536)  # a corpus's places bear the same few thousand names
def ascii_name(name: str) -> str:
    """ "Khān Shaykhūn" -> "Khan Shaykhun": ACLED writes locations without diacritics."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("‘", "'").replace("’", "'").replace("`", "'")


def to_place(entry: Entry, precision: int = 1, name: str | None = None) -> Place:
    admin_level = entry.is_world or entry.feature_code in {
        "ADM1",
        "ADM2",
        "ADM3",
        "PCLI",
        "CONT",
        "RGN",
    }
    return Place(
        name=name or ascii_name(entry.name),
        latitude=round(entry.latitude, 5),
        longitude=round(entry.longitude, 5),
        geo_precision=max(precision, 3 if admin_level and entry.feature_code != "ADM3" else 1),
        country=entry.country,
        country_code=entry.country_code,
        admin1=entry.admin1,
        admin2=entry.admin2,
        admin3=entry.admin3,
        geonameid=entry.geonameid,
        feature_code=entry.feature_code,
    )


class Areas:
    """Places for entries, seats of ringed governorates, fallback areas (cached)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._seats: dict[tuple[str, str], Entry | None] = {}
        self._country_keys: dict[str, str] = {}

    def place(self, candidate: Candidate, entry: Entry) -> Place:
        if entry.feature_code == "ADM1" and self.ringed(entry):
            # A governorate not named after its city ("Rural Damascus") stands at its
            # seat; one that is ("Aleppo") keeps its own point, apart from the city.
            entry = self.seat(entry)
        # A span named after a place inside it ("Aleppo - Sheikh Maqsoud", "Manila
        # Cathedral") is part of that place or near it, not the place itself.
        return to_place(entry, 2 if candidate.relative or candidate.inner else 1)

    def ringed(self, area: Entry) -> bool:
        """Whether a governorate has no town of its name ("Rural Damascus")."""
        return not any(
            e.feature_code.startswith("PPL") and e.admin1 == area.admin1
            for e in self.gazetteer.lookup(area.name)
        )

    def seat(self, area: Entry) -> Entry:
        """A ringed governorate's point: its most populous sub-district, where its
        reports happen, not its geometric centre (Rif Dimashq's lies in empty desert).
        Countries without sub-districts of known size keep the unit's own point."""
        key = (area.country_code or "", area.admin1 or "")
        if key not in self._seats:
            units = [u for u in self.gazetteer.admin_units(key[0], "ADM3")
                     if u.admin1 == key[1] and u.population]  # fmt: skip
            self._seats[key] = max(units, key=lambda u: u.population) if units else None
        seat = self._seats[key]
        if seat is None:
            return area
        return replace(area, latitude=seat.latitude, longitude=seat.longitude)

    def fallback(
        self,
        candidate: Candidate,
        admin1: str | None,
        countries: list[str],
        focus: Place | None = None,
    ) -> Place | None:
        """An unknown or doubtful name placed in its area, keeping its own name.

        Only names a cue announced as places ("the village of X") fall back; other
        unknown or contradicted capitalised words are not taken for places. When the
        report centres on one town of that area (or names no area but a town), the
        name stands at that town, still at precision 3: a street or a school of a
        local report is in its town far more often than at its state's centre.
        """
        if not candidate.cue:
            return None
        if focus is not None and admin1 in {None, focus.admin1}:
            return self.at_focus(candidate, focus)
        country = countries[0] if countries else None
        area = None
        if admin1 and country:
            area = next((e for e in self.gazetteer.admin_units(country, "ADM1")
                         if e.admin1 == admin1), None)  # fmt: skip
        if area is None and country:
            area = next((e for e in self.gazetteer.lookup_key(self._country_key(country))
                         if e.feature_code == "PCLI"), None)  # fmt: skip
        if area is None:
            return None
        if area.feature_code == "ADM1" and self.ringed(area):
            area = self.seat(area)
        return Place(
            name=candidate.text,
            latitude=round(area.latitude, 5),
            longitude=round(area.longitude, 5),
            geo_precision=3,
            country=area.country,
            country_code=area.country_code,
            admin1=area.admin1,
        )

    @staticmethod
    def at_focus(candidate: Candidate, focus: Place) -> Place:
        """A name placed at the town its report centres on (precision 3)."""
        return replace(focus, name=candidate.text, geo_precision=3, geonameid=None,
                       feature_code=None)  # fmt: skip

    def _country_key(self, country_code: str) -> str:
        # Remembered: the packaged file never changes, and fallbacks ask for few countries.
        key = self._country_keys.get(country_code)
        if key is None:
            key = self._country_keys[country_code] = self._read_country_key(country_code)
        return key

    def _read_country_key(self, country_code: str) -> str:
        row = (
            self.gazetteer._db()
            .execute(
                "SELECT name FROM places WHERE country_code = ? AND feature_code = 'PCLI' LIMIT 1",
                (country_code,),
            )
            .fetchone()
        )
        return name_key(row[0]) if row else ""
