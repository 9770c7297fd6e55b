"""What to select from the stored events, and its translation to parameterised SQL.

The SQL is shared by every backend: only the placeholder differs (``?`` for SQLite,
``%s`` for psycopg). Values from the query only ever travel as parameters; the SQL
text is assembled from constant fragments, never from the values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from frontlines.errors import StoreError

# LIKE treats these as wildcards; an actor filter is a plain substring, so they are
# escaped with this character (declared in the ESCAPE clause of each LIKE).
_LIKE_ESCAPE = "\\"
_LIKE_SPECIAL = (_LIKE_ESCAPE, "%", "_")


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters on stored events; a None field does not filter.

    ``country``, ``admin1`` and ``event_type`` match whole values, ignoring case;
    ``event_type`` matches the event type or the sub-event type. ``actor`` is a
    case-insensitive substring of actor1, actor2 or an associated actor. ``since``
    and ``until`` are inclusive; events without a date never match them.
    """

    since: date | None = None
    until: date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None
    article_id: str | None = None
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        if self.limit is not None and self.limit < 0:
            raise StoreError(f"limit must be 0 or more, not {self.limit}")
        if self.offset < 0:
            raise StoreError(f"offset must be 0 or more, not {self.offset}")


def _like_pattern(text: str) -> str:
    escaped = "".join(_LIKE_ESCAPE + ch if ch in _LIKE_SPECIAL else ch for ch in text)
    return f"%{escaped}%"


@dataclass(frozen=True, slots=True)
class Dialect:
    """What differs between the SQL engines for the queries built here."""

    placeholder: str
    """Parameter marker: ``?`` (sqlite3) or ``%s`` (psycopg)."""
    no_limit: int | None
    """LIMIT value meaning "all rows" when only OFFSET is wanted: SQLite takes -1,
    PostgreSQL takes NULL."""
    binary_order: str
    """Collation suffix that sorts ids byte by byte, as SQLite and Python do; a
    PostgreSQL database's own collation (en_US...) may order punctuation differently."""
    distinct: str
    """NULL-safe "differs from": SQLite's ``IS NOT`` (older SQLite lacks ``IS DISTINCT
    FROM``), the SQL standard's ``IS DISTINCT FROM`` in PostgreSQL."""


SQLITE = Dialect(placeholder="?", no_limit=-1, binary_order="", distinct="IS NOT")
POSTGRES = Dialect(
    placeholder="%s", no_limit=None, binary_order=' COLLATE "C"', distinct="IS DISTINCT FROM"
)


def where_clause(
    query: EventQuery, dialect: Dialect, *, merged: bool = False
) -> tuple[str, list[Any]]:
    """``WHERE ...`` (or "") and its parameters, in order, for ``query``.

    ``merged``: the query is on ``merged_events``, where ``article_id`` selects the
    merged events with a report from that article among their members.
    """
    p = dialect.placeholder
    conditions: list[str] = []
    params: list[Any] = []
    if query.since is not None:
        conditions.append(f"event_date >= {p}")
        params.append(query.since.isoformat())
    if query.until is not None:
        conditions.append(f"event_date <= {p}")
        params.append(query.until.isoformat())
    for column, value in (("country", query.country), ("admin1", query.admin1)):
        if value is not None:
            conditions.append(f"LOWER({column}) = LOWER({p})")
            params.append(value)
    if query.event_type is not None:
        conditions.append(f"(LOWER(event_type) = LOWER({p}) OR LOWER(sub_event_type) = LOWER({p}))")
        params.extend([query.event_type, query.event_type])
    if query.actor is not None:
        # Associated actors are stored '; '-joined, so a substring test covers them too.
        columns = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
        like = f"LOWER({{}}) LIKE LOWER({p}) ESCAPE '{_LIKE_ESCAPE}'"
        conditions.append("(" + " OR ".join(like.format(c) for c in columns) + ")")
        params.extend([_like_pattern(query.actor)] * len(columns))
    if query.article_id is not None:
        if merged:
            conditions.append(
                f"event_id IN (SELECT merged_id FROM merged_members WHERE article_id = {p})"
            )
        else:
            conditions.append(f"article_id = {p}")
        params.append(query.article_id)
    if not conditions:
        return "", params
    return "WHERE " + " AND ".join(conditions), params


def order_by(dialect: Dialect, *, merged: bool = False) -> str:
    """Chronological, undated events last (written portably: NULLS LAST is not
    SQLite's default and `IS NULL` sorts false before true on both engines); then the
    order in which each article's events were coded, or for merged events their id
    (the order ``merge.merge_events`` returns)."""
    c = dialect.binary_order
    tail = f"event_id{c}" if merged else f"article_id{c}, seq"
    return f"ORDER BY event_date IS NULL, event_date, {tail}"


def page_clause(query: EventQuery, dialect: Dialect) -> tuple[str, list[Any]]:
    """``LIMIT ... OFFSET ...`` and its parameters (empty when nothing limits)."""
    if query.limit is None and not query.offset:
        return "", []
    # SQLite accepts OFFSET only after a LIMIT, hence the dialect's "no limit" value.
    limit = dialect.no_limit if query.limit is None else query.limit
    p = dialect.placeholder
    return f"LIMIT {p} OFFSET {p}", [limit, query.offset]
