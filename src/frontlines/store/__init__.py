"""store stage: articles and their events, in SQLite (default) or PostgreSQL.

>>> with open_store("sqlite:///frontlines.db") as store:
...     store.save(article, events)
...     recent = store.query_events(EventQuery(since=date(2017, 5, 1), admin1="Idleb"))

Backends implement ``Store`` (``base.py``); they share the row mapping (``rows.py``),
the query translation (``query.py``) and the numbered migrations (``migrations/``).
"""

from __future__ import annotations

from frontlines.errors import StoreError
from frontlines.store.base import SaveResult, Store
from frontlines.store.query import EventQuery
from frontlines.store.url import StoreURL, parse_store_url

__all__ = ["EventQuery", "SaveResult", "Store", "StoreURL", "open_store", "parse_store_url"]


def open_store(url: str, *, create: bool = True) -> Store:
    """Open (and migrate) the store ``url`` names; see ``store.url`` for the forms.

    ``create=False`` refuses to create a missing SQLite file, for commands that only
    read (a typo in ``--db`` should not leave an empty database behind).
    """
    parsed = parse_store_url(url)
    if parsed.backend == "postgresql":
        # The backend will live in store/postgres.py, behind the same Store API.
        raise StoreError("PostgreSQL support is not installed yet", source=url)
    from frontlines.store.sqlite import SQLiteStore

    return SQLiteStore(parsed, create=create)
