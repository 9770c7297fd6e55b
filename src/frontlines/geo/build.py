"""Build the gazetteer SQLite file from the packaged sources (run once per version).

The sources are read by build_syria.py (OpenSyria units), build_world.py (GeoNames)
and here (the curated landmarks); writer.py writes them.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from frontlines.errors import GazetteerError
from frontlines.geo.build_syria import add_syria_admin
from frontlines.geo.build_world import add_geonames
from frontlines.geo.gazetteer import SCHEMA
from frontlines.geo.writer import PlaceWriter, tsv_rows

__all__ = ["PlaceWriter", "build_gazetteer"]


def build_gazetteer(path: Path) -> None:
    """Build the gazetteer at ``path`` atomically (a temp file renamed into place)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GazetteerError(f"cannot create data directory: {exc}", source=str(path)) from exc
    handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".building")
    os.close(handle)
    try:
        db = sqlite3.connect(temp)
        db.executescript(SCHEMA)
        builder = PlaceWriter(db)
        subdistricts = add_syria_admin(builder)
        _add_landmarks(builder)
        _add_world_features(builder)
        add_geonames(builder, subdistricts)
        db.execute(
            "CREATE INDEX IF NOT EXISTS places_country ON places(country_code, feature_code)"
        )
        db.commit()
        db.execute("VACUUM")
        db.close()
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _add_landmarks(builder: PlaceWriter) -> None:
    for row in tsv_rows("landmarks.tsv"):
        name, alternates, lat, lon, code, country_code, admin1, source = row[:8]
        names = alternates.split("|") if alternates else []
        builder.add(
            names,
            trusted_names=True,
            name=name,
            latitude=float(lat),
            longitude=float(lon),
            feature_code=code,
            country_code=country_code,
            country="Syria" if country_code == "SY" else None,
            admin1=admin1 or None,
            population=0,
            source=source,
        )


def _add_world_features(builder: PlaceWriter) -> None:
    """ "Middle East", "Atlantic", "Nile": features beyond any one country, with no
    country of their own (data/geo/world_features.tsv)."""
    for name, alternates, lat, lon, code in tsv_rows("world_features.tsv"):
        builder.add(
            alternates.split("|") if alternates else [],
            name=name,
            latitude=float(lat),
            longitude=float(lon),
            feature_code=code,
            population=0,
            source="world",
        )
