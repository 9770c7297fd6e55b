"""Made-up articles and events for the store tests (no pipeline, no model), and the
backends they run on.

``store_url`` / ``store`` are parametrised over SQLite and PostgreSQL, so every test
that takes them is a contract test run on both. PostgreSQL tests (marker
``postgres``) use the server ``scripts/ci/postgres.sh`` starts, or the one
``FRONTLINES_TEST_PG_URL`` names; each test module gets a fresh schema, each test
empty tables. They are skipped, saying why, only when no server answers.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from frontlines.model import Article, Event, Evidence
from frontlines.store import Store, open_store
from frontlines.store.url import mask_password

# Where scripts/ci/postgres.sh starts the test server.
DEFAULT_PG_URL = "postgresql://frontlines:frontlines@127.0.0.1:54329/frontlines"
PG_URL_ENV = "FRONTLINES_TEST_PG_URL"

ARTICLE_TEXT = (
    "Rebel fighters shelled an army post near Qasr Nadir on Monday, a monitor said. "
    "Two soldiers were killed."
)


def _make_article(article_id: str = "art-1", **overrides: Any) -> Article:
    values: dict[str, Any] = {
        "id": article_id,
        "text": ARTICLE_TEXT,
        "title": "Shelling near Qasr Nadir",
        "author": "A. Writer",
        "publisher": "Example Wire",
        "original_source": "Example Monitor",
        "published": date(2021, 3, 9),
        "url": f"https://news.example.org/{article_id}",
        "path": f"/reports/{article_id}.md",
        "tags": ("frontline", "north"),
        "input_format": "markdown",
    }
    values.update(overrides)
    return Article(**values)


def _make_event(event_id: str, article_id: str = "art-1", **overrides: Any) -> Event:
    values: dict[str, Any] = {
        "event_id": event_id,
        "article_id": article_id,
        "event_date": date(2021, 3, 8),
        "time_precision": 1,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Northern Rebel Front",
        "actor2": "Military Forces of Examplestan",
        "assoc_actor_1": ("Hill Brigade", "Valley Battalion"),
        "inter1": 2,
        "inter2": 1,
        "country": "Examplestan",
        "admin1": "Northland",
        "admin2": "Qasr District",
        "admin3": "Qasr Nadir Subdistrict",
        "location": "Qasr Nadir",
        "latitude": 36.125,
        "longitude": 37.5,
        "geo_precision": 2,
        "fatalities": 2,
        "notes": "On 8 March 2021, rebels shelled an army post near Qasr Nadir.",
        "source": "Example Wire; Example Monitor",
        "evidence": (Evidence(0, 47, ARTICLE_TEXT[:47]), Evidence(80, 104, ARTICLE_TEXT[80:104])),
        "hedged": True,
        "attributed_to": "a monitor",
        "losses": ("2 soldiers killed",),
        "confidence": 0.8125,
    }
    values.update(overrides)
    return Event(**values)


ArticleFactory = Callable[..., Article]
EventFactory = Callable[..., Event]


@pytest.fixture
def make_article() -> ArticleFactory:
    """``make_article(article_id="art-1", **field_overrides)``."""
    return _make_article


@pytest.fixture
def make_event() -> EventFactory:
    """``make_event(event_id, article_id="art-1", **field_overrides)``."""
    return _make_event


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "events.db"


# -- backends ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    """The test server's URL; skips (with the reason) when it cannot be reached."""
    url = os.environ.get(PG_URL_ENV) or DEFAULT_PG_URL
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        pytest.skip("psycopg is not installed")
    try:
        psycopg.connect(url, connect_timeout=3).close()
    except psycopg.Error as exc:
        reason = " ".join(str(exc).split())
        pytest.skip(
            f"no PostgreSQL server at {mask_password(url)} ({reason}); "
            f"run scripts/ci/postgres.sh or set {PG_URL_ENV}"
        )
    return url


@pytest.fixture(scope="module")
def pg_module(pg_server_url: str) -> Iterator[tuple[str, Any]]:
    """A fresh, migrated schema for this test module: the server URL with its
    search_path, and a connection to it that empties its tables between tests."""
    import psycopg
    from psycopg import sql

    schema = f"frontlines_test_{uuid.uuid4().hex[:12]}"
    joiner = "&" if "?" in pg_server_url else "?"
    url = f"{pg_server_url}{joiner}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(pg_server_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
        try:
            open_store(url).close()  # migrate once
            with psycopg.connect(url, autocommit=True) as conn:
                yield url, conn
        finally:
            admin.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


def empty_pg_tables(conn: Any) -> None:
    """Empty every table of the connection's schema but the migrations log."""
    from psycopg import sql

    tables = [
        row[0]
        for row in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
            "AND tablename <> 'schema_migrations'"
        )
    ]
    conn.execute(
        sql.SQL("TRUNCATE {} CASCADE").format(sql.SQL(", ").join(map(sql.Identifier, tables)))
    )


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, db_path: Path) -> str:
    """An empty store's URL, on each backend in turn."""
    if request.param == "sqlite":
        return f"sqlite:///{db_path}"
    url, conn = request.getfixturevalue("pg_module")
    empty_pg_tables(conn)
    return str(url)


@pytest.fixture
def pg_url(pg_module: tuple[str, Any]) -> str:
    """An empty PostgreSQL store's URL, for tests of that backend only."""
    url, conn = pg_module
    empty_pg_tables(conn)
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


@pytest.fixture
def sqlite_store(db_path: Path) -> Iterator[Store]:
    with open_store(f"sqlite:///{db_path}") as opened:
        yield opened
