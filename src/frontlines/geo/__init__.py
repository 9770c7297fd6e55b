"""Geo stage: an offline gazetteer, place finding and context-aware resolution.

load_geocoder(settings) -> Geocoder       (cached; builds the gazetteer on first use)
Geocoder.mentions(text) -> [PlaceMention] every place named in a text, resolved
Geocoder.resolve(name, context_text=...)  one name, with context
Geocoder.admin_area(name)                 a governorate / district as a precision-3 Place
Geocoder.reverse(lat, lon)                admin names for a point
import_geonames(path) / import_csv(path)  add places to the user's gazetteer
name_key(name)                            the transliteration-tolerant lookup key
"""

from __future__ import annotations

from functools import lru_cache

from frontlines.config import Settings, load_settings
from frontlines.geo.gazetteer import Gazetteer, gazetteer_path, open_gazetteer
from frontlines.geo.importers import ImportResult, import_csv, import_geonames
from frontlines.geo.names import name_key
from frontlines.geo.resolve import Geocoder

__all__ = [
    "Gazetteer",
    "Geocoder",
    "ImportResult",
    "gazetteer_path",
    "import_csv",
    "import_geonames",
    "load_geocoder",
    "name_key",
    "open_gazetteer",
]


@lru_cache(maxsize=4)
def _geocoder(data_dir: str) -> Geocoder:
    return Geocoder(open_gazetteer(load_settings(data_dir=data_dir or None)))


def load_geocoder(settings: Settings | None = None) -> Geocoder:
    """The geocoder for the settings' data directory (one per process)."""
    settings = settings or load_settings()
    return _geocoder(str(settings.resolved_data_dir()))
