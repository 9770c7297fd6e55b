"""Writing places and their name keys into a gazetteer file (packaged or user), and
reading the packaged source files of ``data/geo``."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from importlib import resources
from typing import Any

from frontlines.geo.names import name_key

__all__ = ["MIN_NAME_LENGTH", "PlaceWriter", "data_file", "tsv_rows"]

# Alternate names in non-Latin scripts cannot match English reports; skip them to keep
# the index small. Names shorter than this are too ambiguous to index.
MIN_NAME_LENGTH = 3


def data_file(name: str) -> Any:
    return resources.files("frontlines.data").joinpath("geo", name)


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 for c in name)


def tsv_rows(name: str) -> Iterator[list[str]]:
    for line in data_file(name).read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


class PlaceWriter:
    """Writes places and their name keys into a gazetteer file (packaged or user)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        row = db.execute("SELECT max(id) FROM places").fetchone()
        self.next_id = int(row[0] or 0) + 1

    def add(
        self,
        names: list[str],
        *,
        trusted_names: bool = False,
        source_key: str | None = None,
        **place: Any,
    ) -> int:
        """Add one place; ``names`` are its other names, alternates unless trusted.

        With a ``source_key`` already present the old row is replaced (re-imports
        are idempotent).
        """
        place_id = self._reuse(source_key)
        self.db.execute(
            "INSERT INTO places (id, geonameid, name, latitude, longitude, feature_code,"
            " country_code, country, admin1, admin2, admin3, population, source, source_key)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                place_id, place.get("geonameid"), place["name"], place["latitude"],
                place["longitude"], place["feature_code"], place.get("country_code"),
                place.get("country"), place.get("admin1"), place.get("admin2"),
                place.get("admin3"), int(place.get("population") or 0), place["source"],
                source_key,
            ),
        )  # fmt: skip
        rows: dict[tuple[str, str], int] = {}
        keys: set[str] = set()
        for index, name in enumerate([place["name"], *names]):
            if len(name) < (2 if trusted_names else MIN_NAME_LENGTH) or not _latin(name):
                continue
            if name.isupper() and len(name) <= 5 and "." not in name and not trusted_names:
                continue  # airport and postal codes among GeoNames alternate names
            key = name_key(name)
            if not key or len(key) < MIN_NAME_LENGTH - 1:
                continue
            # One bulk alternate a key; curated names are each a spelling of their own
            # even where their keys meet ("Greek" and "Greece"): the ranker tells a
            # country's spellings from the towns a loose key reaches by them.
            if key not in keys or (trusted_names and (key, name) not in rows):
                rows[(key, name)] = 0 if index == 0 or trusted_names else 1
                keys.add(key)
        self.db.executemany(
            "INSERT OR IGNORE INTO names (key, place_id, name, alternate) VALUES (?,?,?,?)",
            [(k, place_id, n, alt) for (k, n), alt in rows.items()],
        )
        return place_id

    def _reuse(self, source_key: str | None) -> int:
        if source_key is not None:
            row = self.db.execute(
                "SELECT id FROM places WHERE source_key = ?", (source_key,)
            ).fetchone()
            if row is not None:
                self.db.execute("DELETE FROM names WHERE place_id = ?", (row[0],))
                self.db.execute("DELETE FROM places WHERE id = ?", (row[0],))
                return int(row[0])
        place_id = self.next_id
        self.next_id += 1
        return place_id
