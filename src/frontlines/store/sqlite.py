"""The SQLite store: one file, WAL mode, one transaction per ``save``.

WAL lets readers (``frontlines events``, the HTTP server) query while an ingest
writes; the busy timeout makes a second writer wait instead of failing at once.
Writes take the lock up front (``BEGIN IMMEDIATE``) so two writers never deadlock
upgrading a read lock. The statements themselves are shared with PostgreSQL
(``sql.py``); this module opens the file, migrates it and runs transactions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from frontlines.store.query import SQLITE
from frontlines.store.schema import MIGRATIONS_TABLE_SQL, Migration, iter_statements, pending
from frontlines.store.sql import SQLStore
from frontlines.store.url import MEMORY, StoreURL

# How long a writer waits for another writer's transaction before giving up. An
# ingest transaction is one article (milliseconds), so 10 s only runs out when
# something holds the database far longer than we ever do.
BUSY_TIMEOUT_MS = 10_000


class SQLiteStore(SQLStore):
    """A ``Store`` over one SQLite database; open it with ``open_store``."""

    def __init__(self, url: StoreURL, *, create: bool = True) -> None:
        super().__init__(url.url, SQLITE)
        self._path = url.path
        self._conn: sqlite3.Connection | None = None
        if not url.in_memory:
            self._check_path(Path(url.path), create=create)
        conn = self._connect()
        self._conn = conn
        try:
            self._migrate()
        except BaseException:
            self.close()
            raise

    # -- opening -------------------------------------------------------------------

    def _check_path(self, path: Path, *, create: bool) -> None:
        # sqlite3 only says "unable to open database file"; name the actual cause.
        if path.is_dir():
            raise self._fail(f"{path} is a directory, not a database file")
        if path.exists():
            return
        if not create:
            raise self._fail(f"no database at {path}")
        if not path.parent.is_dir():
            raise self._fail(f"cannot create the database: directory {path.parent} does not exist")

    def _connect(self) -> sqlite3.Connection:
        in_memory = self._path == MEMORY
        try:
            # isolation_level=None: no implicit transactions; every write below opens
            # its own explicit one.
            conn = sqlite3.connect(
                self._path,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
        except sqlite3.Error as exc:
            raise self._fail(f"cannot open the database: {exc}") from exc
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
            conn.execute("PRAGMA foreign_keys = ON")
            # Read before anything can write: a file that is not a database (or has a
            # corrupted header) fails here, while it is still untouched.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:
            # Locked, unreadable, I/O error: a problem reaching the file, not its content.
            conn.close()
            raise self._fail(f"cannot read the database: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            # SQLITE_NOTADB / SQLITE_CORRUPT
            conn.close()
            raise self._fail(
                f"not a SQLite database, or a corrupted one ({exc}); the file was not changed"
            ) from exc
        if not in_memory:
            try:
                conn.execute("PRAGMA journal_mode = WAL").fetchone()
                # NORMAL is durable across application crashes in WAL mode; only a
                # power loss can drop the last commits, never corrupt the file.
                conn.execute("PRAGMA synchronous = NORMAL")
            except sqlite3.OperationalError:
                # A read-only file cannot switch journal mode; it can still be queried,
                # and a write will report the real cause.
                pass
        return conn

    def _migrate(self) -> None:
        # Check without a write lock first, so opening an up-to-date database (the
        # common case, and a read-only one) never waits for a writer.
        if not pending(self._applied()):
            return
        with self._lock, self._errors("update the database schema"), self._transaction() as cur:
            cur.execute(MIGRATIONS_TABLE_SQL)
            # Re-read under the lock: another process may have migrated meanwhile.
            for migration in pending(self._applied()):
                self._apply(cur, migration)

    def _applied(self) -> set[int]:
        conn = self._connection()
        with self._errors("read the database schema"):
            exists = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
            ).fetchone()
            if exists is None:
                return set()
            return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}

    @staticmethod
    def _apply(cur: sqlite3.Cursor, migration: Migration) -> None:
        for statement in iter_statements(migration.sql):
            cur.execute(statement)
        cur.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            (migration.version, migration.name, _now()),
        )

    def applied_migrations(self) -> list[tuple[int, str]]:
        """(version, name) of every migration recorded in this database."""
        with self._lock, self._errors("read the database schema"):
            rows = self._connection().execute(
                "SELECT version, name FROM schema_migrations ORDER BY version"
            )
            return [(int(v), str(n)) for v, n in rows]

    # -- plumbing ------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise self._fail("the store is closed")
        return self._conn

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise self._fail(f"cannot {action}: {exc}") from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Cursor]:
        conn = self._connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn.cursor()
            conn.execute("COMMIT")
        except BaseException:
            conn.rollback()
            raise

    @contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Cursor]:
        # A deferred transaction: in WAL mode its reads all see one commit.
        conn = self._connection()
        conn.execute("BEGIN")
        try:
            yield conn.cursor()
        finally:
            conn.rollback()

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __repr__(self) -> str:
        return f"SQLiteStore({self.url!r})"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
