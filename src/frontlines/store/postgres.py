"""The PostgreSQL store: the shared SQL (``sql.py``) over one psycopg 3 connection.

The connection runs in autocommit mode and every call opens its own explicit
transaction, as the SQLite store does: ``save`` and ``remerge`` write in one
transaction each, reads that take two statements (merged events and their members)
share one REPEATABLE READ snapshot. Concurrent re-merges and migrations from other
processes wait on a transaction-level advisory lock, so two ingests never merge the
same events at once and two first starts never migrate at once.

Messages name the URL with its password masked (``StoreURL.display``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from frontlines.store.query import POSTGRES
from frontlines.store.schema import MIGRATIONS_TABLE_SQL, iter_statements, pending
from frontlines.store.sql import Cursor, SQLStore
from frontlines.store.url import StoreURL

if TYPE_CHECKING:
    import psycopg

# A server that does not answer within this many seconds is reported as unreachable
# instead of leaving the command hanging.
CONNECT_TIMEOUT_S = 10

# Keys of the transaction-level advisory locks (any constant bigint; these spell
# "frontMIG" and "frontMRG" so they are recognisable in pg_locks).
MIGRATE_LOCK = 0x66726F6E744D4947
MERGE_LOCK = 0x66726F6E744D5247


def _one_line(exc: BaseException) -> str:
    """libpq messages span lines (a DETAIL, a HINT); a CLI error is one line."""
    return " ".join(str(exc).split()) or type(exc).__name__


class PostgresStore(SQLStore):
    """A ``Store`` in one PostgreSQL database (its ``search_path`` schema)."""

    def __init__(self, url: StoreURL) -> None:
        super().__init__(url.display, POSTGRES)
        self._secret = url
        try:
            import psycopg
        except ImportError as exc:  # a broken install: psycopg is a dependency
            raise self._fail("PostgreSQL needs psycopg: pip install 'psycopg[binary]'") from exc
        self._driver_error: type[Exception] = psycopg.Error
        self._conn: psycopg.Connection[Any] | None = self._connect()
        try:
            self._migrate()
        except BaseException:
            self.close()
            raise

    def _connect(self) -> psycopg.Connection[Any]:
        import psycopg

        try:
            return psycopg.connect(
                self._secret.libpq, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S
            )
        except psycopg.Error as exc:
            # from None: the driver's chained error would only repeat the message.
            raise self._fail(f"cannot connect: {self._scrub(_one_line(exc))}") from None

    def _scrub(self, message: str) -> str:
        # libpq does not echo passwords, but a URL libpq could not parse may be quoted.
        return message.replace(self._secret.url, self.url)

    # -- migrations --------------------------------------------------------------------

    def _migrate(self) -> None:
        # Check without the lock first: opening an up-to-date database is the common case.
        if not pending(self._applied()):
            return
        with self._lock, self._errors("update the database schema"), self._transaction() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
            cur.execute(MIGRATIONS_TABLE_SQL)
            # Re-read under the lock: another process may have migrated meanwhile.
            for migration in pending(self._applied()):
                for statement in iter_statements(migration.sql):
                    cur.execute(statement)
                cur.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (%s, %s, %s)",
                    (migration.version, migration.name, datetime.now(UTC)),
                )

    def _applied(self) -> set[int]:
        with self._lock, self._errors("read the database schema"):
            cur = self._connection().cursor()
            # to_regclass follows search_path, as the unqualified names of the schema do.
            cur.execute("SELECT to_regclass('schema_migrations') IS NOT NULL")
            row = cur.fetchone()
            if row is None or not row[0]:
                return set()
            cur.execute("SELECT version FROM schema_migrations")
            return {int(r[0]) for r in cur.fetchall()}

    def applied_migrations(self) -> list[tuple[int, str]]:
        """(version, name) of every migration recorded in this database."""
        with self._lock, self._errors("read the database schema"), self._snapshot() as cur:
            cur.execute("SELECT version, name FROM schema_migrations ORDER BY version")
            return [(int(v), str(n)) for v, n in cur.fetchall()]

    # -- plumbing ------------------------------------------------------------------------

    def _connection(self) -> psycopg.Connection[Any]:
        if self._conn is None:
            raise self._fail("the store is closed")
        if self._conn.broken:
            # The server restarted or the network dropped: the call that hit it failed
            # with a StoreError; a long-lived store (the HTTP server) reconnects here.
            # If the server is still away this raises, and the next call tries again.
            fresh = self._connect()
            self._conn.close()
            self._conn = fresh
        return self._conn

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except self._driver_error as exc:
            raise self._fail(f"cannot {action}: {self._scrub(_one_line(exc))}") from exc

    @contextmanager
    def _transaction(self) -> Iterator[Cursor]:
        conn = self._connection()
        with conn.transaction(), conn.cursor() as cur:
            yield cur

    @contextmanager
    def _snapshot(self) -> Iterator[Cursor]:
        conn = self._connection()
        with conn.transaction(), conn.cursor() as cur:
            cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield cur

    def _lock_merge(self, cursor: Cursor) -> None:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", (MERGE_LOCK,))

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.close()
                finally:
                    self._conn = None

    def __repr__(self) -> str:
        return f"PostgresStore({self.url!r})"
