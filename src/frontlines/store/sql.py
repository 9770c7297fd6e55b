"""The ``Store`` API in SQL that SQLite and PostgreSQL both run.

A backend supplies the connection handling (``_transaction``, ``_snapshot``,
``_errors``) and its ``Dialect``; everything else — the statements, the row
mapping, the re-merge — is written once here. Statements are assembled from the
column lists and the dialect's placeholder only; values always travel as parameters.
"""

from __future__ import annotations

import threading
from abc import abstractmethod
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, Protocol

from frontlines.errors import StoreError
from frontlines.merge import MergedEvent, MergeRules
from frontlines.model import Article, Event
from frontlines.store.base import SaveResult, Store
from frontlines.store.query import Dialect, EventQuery, order_by, page_clause, where_clause
from frontlines.store.remerge import MergeUpdate, plan_remerge
from frontlines.store.rows import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    MEMBER_COLUMNS,
    MERGED_COLUMNS,
    article_from_row,
    article_row,
    event_from_row,
    event_row,
    member_rows,
    merged_from_rows,
    merged_row,
)


class Cursor(Protocol):
    """What the code below needs of a DB-API cursor (sqlite3's and psycopg's agree)."""

    def execute(self, sql: str, params: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


def _cols(columns: Sequence[str]) -> str:
    return ", ".join(columns)


class Statements:
    """Every statement of the SQL store, for one dialect (built once per backend)."""

    def __init__(self, dialect: Dialect) -> None:
        p = dialect.placeholder

        def marks(n: int) -> str:
            return ", ".join([p] * n)

        self.dialect = dialect
        self.upsert_article = (
            f"INSERT INTO articles ({_cols(ARTICLE_COLUMNS)}) "
            f"VALUES ({marks(len(ARTICLE_COLUMNS))}) ON CONFLICT (id) DO UPDATE SET "
            # ingested_at keeps the first ingestion time; everything else is the new version.
            + ", ".join(
                f"{c} = excluded.{c}" for c in ARTICLE_COLUMNS if c not in ("id", "ingested_at")
            )
        )
        self.article_exists = f"SELECT 1 FROM articles WHERE id = {p}"
        self.get_article = f"SELECT {_cols(ARTICLE_COLUMNS)} FROM articles WHERE id = {p}"
        self.articles = (
            f"SELECT {_cols(ARTICLE_COLUMNS)} FROM articles "
            f"ORDER BY ingested_at, id{dialect.binary_order} LIMIT {p} OFFSET {p}"
        )
        self.delete_events = f"DELETE FROM events WHERE article_id = {p}"
        self.insert_event = (
            f"INSERT INTO events ({_cols(EVENT_COLUMNS)}) VALUES ({marks(len(EVENT_COLUMNS))})"
        )
        self.all_events = f"SELECT {_cols(EVENT_COLUMNS)} FROM events"
        self.insert_merged = (
            f"INSERT INTO merged_events ({_cols(MERGED_COLUMNS)}) "
            f"VALUES ({marks(len(MERGED_COLUMNS))})"
        )
        self.insert_member = (
            f"INSERT INTO merged_members ({_cols(MEMBER_COLUMNS)}) "
            f"VALUES ({marks(len(MEMBER_COLUMNS))})"
        )
        # Members go with their merged event (ON DELETE CASCADE).
        self.delete_merged = f"DELETE FROM merged_events WHERE event_id = {p}"
        self.delete_owner = (
            "DELETE FROM merged_events WHERE event_id IN "
            f"(SELECT merged_id FROM merged_members WHERE event_id = {p})"
        )
        # Events the merged events do not reflect: new or re-coded (no snapshot, or a
        # different one), plus snapshots of events that are gone. Zero means a re-merge
        # has nothing to do, found with two indexed scans instead of loading everything.
        differs = " OR ".join(
            f"e.{c} {dialect.distinct} m.{c}" for c in MEMBER_COLUMNS if c not in ("merged_id",)
        )
        self.unmerged = (
            "SELECT (SELECT COUNT(*) FROM events e LEFT JOIN merged_members m "
            f"ON m.event_id = e.event_id WHERE m.event_id IS NULL OR {differs}) + "
            "(SELECT COUNT(*) FROM merged_members m WHERE NOT EXISTS "
            "(SELECT 1 FROM events e WHERE e.event_id = m.event_id))"
        )
        self.count_merged = "SELECT COUNT(*) FROM merged_events"


class SQLStore(Store):
    """The shared implementation; ``SQLiteStore`` and ``PostgresStore`` subclass it."""

    def __init__(self, url: str, dialect: Dialect) -> None:
        self.url = url
        self._sql = Statements(dialect)
        # One connection per store, shared by threads: the lock keeps each call, and
        # so each transaction, whole.
        self._lock = threading.RLock()

    # -- what a backend provides ---------------------------------------------------------

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[Cursor]:
        """A write transaction, committed on success and rolled back on any error."""

    @abstractmethod
    def _snapshot(self) -> AbstractContextManager[Cursor]:
        """A read-only transaction that sees one consistent state."""

    @abstractmethod
    def _errors(self, action: str) -> AbstractContextManager[None]:
        """Turn the driver's errors into a StoreError 'cannot {action}: ...'."""

    def _lock_merge(self, cursor: Cursor) -> None:
        """Keep concurrent re-merges apart (SQLite's write lock already does)."""

    def _fail(self, reason: str) -> StoreError:
        return StoreError(reason, source=self.url)

    # -- articles and events ---------------------------------------------------------------

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
        sql = self._sql
        with self._lock, self._errors(f"save article {article.id}"), self._transaction() as cur:
            cur.execute(sql.article_exists, (article.id,))
            inserted = cur.fetchone() is None
            cur.execute(sql.upsert_article, article_values)
            cur.execute(sql.delete_events, (article.id,))
            if rows:
                cur.executemany(sql.insert_event, rows)
        return SaveResult(article_id=article.id, inserted=inserted, events_written=len(rows))

    def get_article(self, article_id: str) -> Article | None:
        with self._lock, self._errors(f"read article {article_id}"), self._snapshot() as cur:
            cur.execute(self._sql.get_article, (article_id,))
            row = cur.fetchone()
        return article_from_row(row) if row is not None else None

    def articles(self, limit: int | None = 100, offset: int = 0) -> list[Article]:
        if (limit is not None and limit < 0) or offset < 0:
            raise self._fail(f"limit and offset must be 0 or more, not {limit} and {offset}")
        params = (self._sql.dialect.no_limit if limit is None else limit, offset)
        with self._lock, self._errors("read articles"), self._snapshot() as cur:
            cur.execute(self._sql.articles, params)
            rows = cur.fetchall()
        return [article_from_row(row) for row in rows]

    def query_events(self, query: EventQuery | None = None) -> list[Event]:
        query = query or EventQuery()
        dialect = self._sql.dialect
        where, params = where_clause(query, dialect)
        page, page_params = page_clause(query, dialect)
        sql = f"SELECT {_cols(EVENT_COLUMNS)} FROM events {where} {order_by(dialect)} {page}"
        with self._lock, self._errors("query events"), self._snapshot() as cur:
            cur.execute(sql, [*params, *page_params])
            rows = cur.fetchall()
        return [event_from_row(row) for row in rows]

    def count_events(self, query: EventQuery | None = None) -> int:
        where, params = where_clause(query or EventQuery(), self._sql.dialect)
        with self._lock, self._errors("count events"), self._snapshot() as cur:
            cur.execute(f"SELECT COUNT(*) FROM events {where}", params)
            return int(cur.fetchone()[0])

    # -- merged events -----------------------------------------------------------------------

    def merged_events(self, query: EventQuery | None = None) -> list[MergedEvent]:
        with self._lock, self._errors("query merged events"), self._snapshot() as cur:
            return self._read_merged(cur, query or EventQuery())

    def count_merged(self, query: EventQuery | None = None) -> int:
        where, params = where_clause(query or EventQuery(), self._sql.dialect, merged=True)
        with self._lock, self._errors("count merged events"), self._snapshot() as cur:
            cur.execute(f"SELECT COUNT(*) FROM merged_events {where}", params)
            return int(cur.fetchone()[0])

    def unmerged_count(self) -> int:
        with self._lock, self._errors("count unmerged events"), self._snapshot() as cur:
            cur.execute(self._sql.unmerged)
            return int(cur.fetchone()[0])

    def save_merged(self, merged: Sequence[MergedEvent], *, remove: Iterable[str] = ()) -> int:
        removed = list(remove)
        with self._lock, self._errors("save merged events"), self._transaction() as cur:
            self._lock_merge(cur)
            self._write_merged(cur, merged, removed)
        return len(merged)

    def remerge(self, rules: MergeRules | None = None) -> MergeUpdate:
        with self._lock, self._errors("merge events"), self._transaction() as cur:
            self._lock_merge(cur)
            cur.execute(self._sql.unmerged)
            if not int(cur.fetchone()[0]):
                cur.execute(self._sql.count_merged)
                return MergeUpdate(0, 0, (), (), int(cur.fetchone()[0]))
            cur.execute(self._sql.all_events)
            events = [event_from_row(row) for row in cur.fetchall()]
            stored = self._read_merged(cur, EventQuery())
            update = plan_remerge(events, stored, rules)
            if update.changed:
                self._write_merged(cur, update.written, update.deleted)
        return update

    def _read_merged(self, cur: Cursor, query: EventQuery) -> list[MergedEvent]:
        dialect = self._sql.dialect
        where, params = where_clause(query, dialect, merged=True)
        page, page_params = page_clause(query, dialect)
        selected = f"FROM merged_events {where} {order_by(dialect, merged=True)} {page}"
        cur.execute(f"SELECT {_cols(MERGED_COLUMNS)} {selected}", [*params, *page_params])
        rows = cur.fetchall()
        if not rows:
            return []
        # The same selection again as a subquery: one round trip for all members.
        cur.execute(
            f"SELECT {_cols(MEMBER_COLUMNS)} FROM merged_members WHERE merged_id IN "
            f"(SELECT event_id {selected})",
            [*params, *page_params],
        )
        members: dict[str, list[Any]] = {}
        for member in cur.fetchall():
            members.setdefault(member[0], []).append(member)
        # Column 0 of a merged row is its id (``event_id``).
        return [merged_from_rows(row, members.get(row[0], [])) for row in rows]

    def _write_merged(
        self, cur: Cursor, merged: Sequence[MergedEvent], remove: Sequence[str]
    ) -> None:
        sql = self._sql
        # Old versions first: the same ids, and any merged event that holds one of the
        # incoming members (a member belongs to exactly one merged event).
        stale = {*remove, *(m.merged_id for m in merged)}
        if stale:
            cur.executemany(sql.delete_merged, [(merged_id,) for merged_id in sorted(stale)])
        member_ids = [(e.event_id,) for m in merged for e in m.members]
        if member_ids:
            cur.executemany(sql.delete_owner, member_ids)
        if merged:
            cur.executemany(sql.insert_merged, [merged_row(m) for m in merged])
            cur.executemany(sql.insert_member, [row for m in merged for row in member_rows(m)])


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
