"""store stage: articles and their events, in SQLite (default) or PostgreSQL.

>>> with open_store("sqlite:///frontlines.db") as store:
...     store.save(article, events)
...     store.remerge()                      # merged events catch up with the saves
...     recent = store.query_events(EventQuery(since=date(2017, 5, 1), admin1="Idleb"))
...     happenings = store.merged_events(EventQuery(admin1="Idleb"))

Backends implement ``Store`` (``base.py``) through the shared SQL store (``sql.py``):
they share the statements, the row mapping (``rows.py``), the query translation
(``query.py``), the re-merge plan (``remerge.py``) and the numbered migrations
(``migrations/``); a backend only opens connections and runs transactions.
"""

from __future__ import annotations

from frontlines.errors import StoreError
from frontlines.store.base import SaveResult, Store
from frontlines.store.ingest import IngestSummary, store_results
from frontlines.store.query import EventQuery
from frontlines.store.remerge import MergeUpdate
from frontlines.store.url import StoreURL, parse_store_url

__all__ = [
    "EventQuery",
    "IngestSummary",
    "MergeUpdate",
    "SaveResult",
    "Store",
    "StoreError",
    "StoreURL",
    "open_store",
    "parse_store_url",
    "store_results",
]


def open_store(url: str, *, create: bool = True) -> Store:
    """Open (and migrate) the store ``url`` names; see ``store.url`` for the forms.

    ``create=False`` refuses to create a missing SQLite file, for commands that only
    read (a typo in ``--db`` should not leave an empty database behind). A PostgreSQL
    database is never created: it must exist (its tables are created on first use).
    """
    parsed = parse_store_url(url)
    if parsed.backend == "postgresql":
        from frontlines.store.postgres import PostgresStore

        return PostgresStore(parsed)
    from frontlines.store.sqlite import SQLiteStore

    return SQLiteStore(parsed, create=create)
