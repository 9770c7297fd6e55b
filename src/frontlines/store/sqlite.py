"""The SQLite store: one file, WAL mode, one transaction per ``save``.

WAL lets readers (``frontlines events``, the HTTP server) query while an ingest
writes; the busy timeout makes a second writer wait instead of failing at once.
Writes take the lock up front (``BEGIN IMMEDIATE``) so two writers never deadlock
upgrading a read lock. One ``SQLiteStore`` may be shared by threads: a lock keeps
each call, and so each transaction, whole.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from frontlines.errors import StoreError
from frontlines.model import Article, Event
from frontlines.store.base import SaveResult, Store
from frontlines.store.query import ORDER_BY, SQLITE, EventQuery, page_clause, where_clause
from frontlines.store.rows import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    article_from_row,
    article_row,
    event_from_row,
    event_row,
)
from frontlines.store.schema import MIGRATIONS_TABLE_SQL, Migration, pending
from frontlines.store.url import MEMORY, StoreURL

# How long a writer waits for another writer's transaction before giving up. An
# ingest transaction is one article (milliseconds), so 10 s only runs out when
# something holds the database far longer than we ever do.
BUSY_TIMEOUT_MS = 10_000

_ARTICLE_COLS = ", ".join(ARTICLE_COLUMNS)
_EVENT_COLS = ", ".join(EVENT_COLUMNS)
_UPSERT_ARTICLE = (
    f"INSERT INTO articles ({_ARTICLE_COLS}) VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))}) "
    "ON CONFLICT (id) DO UPDATE SET "
    # ingested_at keeps the first ingestion time; everything else is the new version.
    + ", ".join(f"{c} = excluded.{c}" for c in ARTICLE_COLUMNS if c not in ("id", "ingested_at"))
)
_EVENT_MARKS = ", ".join("?" * len(EVENT_COLUMNS))
_INSERT_EVENT = f"INSERT INTO events ({_EVENT_COLS}) VALUES ({_EVENT_MARKS})"


def _statements(script: str) -> Iterator[str]:
    """Split a migration into statements the way SQLite's own shell does."""
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


class SQLiteStore(Store):
    """A ``Store`` over one SQLite database; open it with ``open_store``."""

    def __init__(self, url: StoreURL, *, create: bool = True) -> None:
        self.url = url.url
        self._path = url.path
        self._lock = threading.RLock()
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

    def _fail(self, reason: str) -> StoreError:
        return StoreError(reason, source=self.url)

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
        with self._errors("update the database schema"), self._transaction() as conn:
            conn.execute(MIGRATIONS_TABLE_SQL)
            # Re-read under the lock: another process may have migrated meanwhile.
            for migration in pending(self._applied()):
                self._apply(conn, migration)

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
    def _apply(conn: sqlite3.Connection, migration: Migration) -> None:
        for statement in _statements(migration.sql):
            conn.execute(statement)
        conn.execute(
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
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self._connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            conn.rollback()
            raise

    # -- the Store API ---------------------------------------------------------------

    def save(self, article: Article, events: Sequence[Event]) -> SaveResult:
        for event in events:
            if event.article_id != article.id:
                raise self._fail(
                    f"event {event.event_id} belongs to article {event.article_id!r}, "
                    f"not {article.id!r}"
                )
        # Rows are built before the transaction so a record that cannot be written
        # fails before anything is touched.
        article_values = article_row(article, _now())
        rows = [event_row(article.id, seq, event) for seq, event in enumerate(events)]
        with (
            self._lock,
            self._errors(f"save article {article.id}"),
            self._transaction() as conn,
        ):
            found = conn.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,))
            inserted = found.fetchone() is None
            conn.execute(_UPSERT_ARTICLE, article_values)
            conn.execute("DELETE FROM events WHERE article_id = ?", (article.id,))
            conn.executemany(_INSERT_EVENT, rows)
        return SaveResult(article_id=article.id, inserted=inserted, events_written=len(rows))

    def get_article(self, article_id: str) -> Article | None:
        with self._lock, self._errors(f"read article {article_id}"):
            row = (
                self._connection()
                .execute(f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,))
                .fetchone()
            )
        return article_from_row(row) if row is not None else None

    def articles(self, limit: int | None = 100, offset: int = 0) -> list[Article]:
        if (limit is not None and limit < 0) or offset < 0:
            raise self._fail(f"limit and offset must be 0 or more, not {limit} and {offset}")
        sql = f"SELECT {_ARTICLE_COLS} FROM articles ORDER BY ingested_at, id LIMIT ? OFFSET ?"
        params = (SQLITE.no_limit if limit is None else limit, offset)
        with self._lock, self._errors("read articles"):
            rows = self._connection().execute(sql, params).fetchall()
        return [article_from_row(row) for row in rows]

    def query_events(self, query: EventQuery | None = None) -> list[Event]:
        query = query or EventQuery()
        where, params = where_clause(query, SQLITE)
        page, page_params = page_clause(query, SQLITE)
        sql = f"SELECT {_EVENT_COLS} FROM events {where} {ORDER_BY} {page}"
        with self._lock, self._errors("query events"):
            rows = self._connection().execute(sql, [*params, *page_params]).fetchall()
        return [event_from_row(row) for row in rows]

    def count_events(self, query: EventQuery | None = None) -> int:
        where, params = where_clause(query or EventQuery(), SQLITE)
        with self._lock, self._errors("count events"):
            row = self._connection().execute(f"SELECT COUNT(*) FROM events {where}", params)
            return int(row.fetchone()[0])

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __repr__(self) -> str:
        return f"SQLiteStore({self.url!r})"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
