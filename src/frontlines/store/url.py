"""Store URLs, as SQLAlchemy spells them, so the same strings work in other tools.

sqlite:///relative/path.db     relative to the working directory
sqlite:////absolute/path.db    (four slashes: the path starts with '/')
sqlite:///:memory:             a private in-memory database (also: sqlite://)
path/to/file.db                a bare path means SQLite
postgresql://user@host/dbname  PostgreSQL (also postgres://, postgresql+driver://);
                               any libpq URI: postgresql://user:pw@host:5432/db?sslmode=require

A password in a URL never reaches a message: ``StoreURL.display`` masks it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

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

    @property
    def display(self) -> str:
        """The URL for messages and logs, its password replaced by ``***``."""
        return mask_password(self.url)

    @property
    def libpq(self) -> str:
        """PostgreSQL: the URL as libpq reads it (no ``+driver`` in the scheme)."""
        match = _SCHEME.match(self.url.strip())
        if match is None:
            return self.url
        return "postgresql://" + self.url.strip()[match.end() :]


def mask_password(url: str) -> str:
    """``url`` with its password (user part or ``password=`` parameter) as ``***``."""
    url = _MASK_PARAM.sub(r"\1***", url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return _MASK_FALLBACK.sub(r"\1***@", url)
    userinfo, at, hostinfo = parts.netloc.rpartition("@")
    if not at or ":" not in userinfo:
        return url
    user = userinfo.split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{hostinfo}"))


# For URLs urlsplit refuses (a bad port, a stray bracket): mask 'user:secret@' by text.
_MASK_PARAM = re.compile(r"([?&]password=)[^&#]*", re.IGNORECASE)
_MASK_FALLBACK = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://[^:/@]*:)[^@]*@")


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
