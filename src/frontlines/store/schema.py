"""Schema migrations: numbered SQL files in ``store/migrations/``, applied in order.

``NNNN_name.sql`` files are the whole history of the schema; a database records the
versions it has in ``schema_migrations`` and each backend applies the missing ones
inside one transaction. A schema change is a new file, never an edit of an old one.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from frontlines.errors import StoreError

# Created by the runner before any migration so it can record the first one; the
# types are valid on SQLite and PostgreSQL alike.
MIGRATIONS_TABLE_SQL = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL
)
"""

_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


@cache
def load_migrations() -> tuple[Migration, ...]:
    """All migrations shipped with frontlines, by version (1, 2, 3, ... without gaps)."""
    folder = resources.files("frontlines.store").joinpath("migrations")
    found: list[Migration] = []
    for entry in folder.iterdir():
        match = _FILE_NAME.match(entry.name)
        if match is None:
            continue
        found.append(
            Migration(int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8"))
        )
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        # A packaging error, not a user error, but it must not half-apply a schema.
        raise StoreError(f"migrations must be numbered 1..n without gaps, found {versions}")
    return tuple(found)


def pending(applied: set[int]) -> list[Migration]:
    """The migrations not yet in ``applied``; refuses a database newer than this code."""
    known = load_migrations()
    newest_known = known[-1].version if known else 0
    unknown = sorted(v for v in applied if v > newest_known)
    if unknown:
        raise StoreError(
            f"database schema version {unknown[-1]} is newer than this frontlines "
            f"understands ({newest_known}); upgrade frontlines"
        )
    return [m for m in known if m.version not in applied]


def iter_statements(script: str) -> Iterator[str]:
    """Split a migration into statements the way SQLite's own shell does (the files
    are plain SQL both engines read; see ``migrations/``)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    leftover = "\n".join(
        part for part in buffer.splitlines() if part.strip() and not part.strip().startswith("--")
    )
    if leftover:
        raise StoreError(f"unterminated SQL statement in migration: {leftover[:60]!r}")
