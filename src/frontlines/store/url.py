"""Store URLs, as SQLAlchemy spells them, so the same strings work in other tools.

sqlite:///relative/path.db     relative to the working directory
sqlite:////absolute/path.db    (four slashes: the path starts with '/')
sqlite:///:memory:             a private in-memory database (also: sqlite://)
path/to/file.db                a bare path means SQLite
postgresql://user@host/dbname  PostgreSQL (also postgres://, postgresql+driver://)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from frontlines.errors import StoreError

MEMORY = ":memory:"

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_POSTGRES_SCHEMES = ("postgres", "postgresql")


@dataclass(frozen=True, slots=True)
class StoreURL:
    url: str
    """The URL as given, for messages."""
    backend: Literal["sqlite", "postgresql"]
    path: str = ""
    """SQLite: the database file, or ':memory:'."""

    @property
    def in_memory(self) -> bool:
        return self.backend == "sqlite" and self.path == MEMORY


def parse_store_url(url: str) -> StoreURL:
    """Which backend ``url`` names and, for SQLite, which file."""
    text = url.strip()
    if not text:
        raise StoreError("empty store URL; use sqlite:///PATH or postgresql://...")
    match = _SCHEME.match(text)
    if match is None:
        return StoreURL(url, "sqlite", str(Path(text).expanduser()))
    scheme = match.group(1).lower()
    if scheme.split("+", 1)[0] in _POSTGRES_SCHEMES:
        return StoreURL(url, "postgresql")
    if scheme != "sqlite":
        raise StoreError(
            f"unsupported store URL scheme {scheme!r}; use sqlite:///PATH or postgresql://...",
            source=url,
        )
    rest = text[match.end() :]
    if rest in ("", "/"):
        return StoreURL(url, "sqlite", MEMORY)
    if not rest.startswith("/"):
        # sqlite://host/... : SQLite has no host; the usual slip is one slash too few.
        raise StoreError(
            "a SQLite URL has no host: use sqlite:///relative.db or sqlite:////abs/path.db",
            source=url,
        )
    path = rest[1:]
    if path == MEMORY:
        return StoreURL(url, "sqlite", MEMORY)
    return StoreURL(url, "sqlite", str(Path(path).expanduser()))
