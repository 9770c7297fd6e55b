"""The SQLite store: opening, migrations, save/round trip, idempotency, rollback."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from frontlines.errors import StoreError
from frontlines.model import Article, Event
from frontlines.store import Store, open_store, parse_store_url
from frontlines.store.schema import iter_statements as _statements
from frontlines.store.schema import load_migrations
from frontlines.store.sqlite import SQLiteStore

# -- URLs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:///relative.db", "relative.db"),
        ("sqlite:///data/events.db", "data/events.db"),
        ("sqlite:////abs/path.db", "/abs/path.db"),
        ("sqlite:///:memory:", ":memory:"),
        ("sqlite://", ":memory:"),
        ("plain/file.db", "plain/file.db"),
        ("/abs/plain.db", "/abs/plain.db"),
    ],
)
def test_sqlite_urls_name_the_file(url: str, path: str) -> None:
    parsed = parse_store_url(url)
    assert parsed.backend == "sqlite"
    assert parsed.path == path


@pytest.mark.parametrize(
    ("url", "libpq", "display"),
    [
        ("postgresql://me@localhost/war", "postgresql://me@localhost/war", None),
        ("postgres://db/x", "postgresql://db/x", None),
        (
            "postgresql+psycopg://u:pw@h:5433/d",
            "postgresql://u:pw@h:5433/d",
            "postgresql+psycopg://u:***@h:5433/d",
        ),
        (
            "postgresql://u:p%40ss:w@[::1]/d?sslmode=require",
            None,
            "postgresql://u:***@[::1]/d?sslmode=require",
        ),
        (
            "postgresql://h/d?password=pw&sslmode=disable",
            None,
            "postgresql://h/d?password=***&sslmode=disable",
        ),
    ],
)
def test_postgres_urls(url: str, libpq: str | None, display: str | None) -> None:
    parsed = parse_store_url(url)
    assert parsed.backend == "postgresql"
    assert parsed.libpq == (libpq or url)
    assert parsed.display == (display or url)


@pytest.mark.parametrize("url", ["mysql://host/db", "sqlite://host/file.db", "  "])
def test_bad_urls_raise_store_error(url: str) -> None:
    with pytest.raises(StoreError):
        open_store(url)


def test_relative_url_is_relative_to_working_directory(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_article: Callable[..., Article],
    make_event: Callable[..., Event],
) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///here.db") as store:
        store.save(make_article(), [make_event("e1")])
    assert (tmp_path / "here.db").is_file()


def test_bare_path_and_absolute_url_open_the_same_file(
    db_path: Path, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    with open_store(str(db_path)) as store:
        store.save(make_article(), [make_event("e1")])
    with open_store(f"sqlite:///{db_path}") as store:  # db_path is absolute: 4 slashes
        assert store.count_events() == 1


def test_memory_stores_are_private(
    make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    with open_store("sqlite:///:memory:") as first, open_store("sqlite:///:memory:") as second:
        first.save(make_article(), [make_event("e1")])
        assert first.count_events() == 1
        assert second.count_events() == 0


# -- opening failures -----------------------------------------------------------------


def test_missing_directory_is_named(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/no/such/dir/x.db"
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert url in str(info.value)
    assert "does not exist" in str(info.value)


def test_directory_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        open_store(str(tmp_path))


def test_create_false_refuses_a_missing_file(db_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        open_store(str(db_path), create=False)
    assert not db_path.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"this is a text file, not a database\n" * 200,
        # A SQLite header followed by garbage: looks like a database, is not one.
        b"SQLite format 3\x00" + bytes(range(256)) * 16,
    ],
    ids=["text", "bad-pages"],
)
def test_corrupted_file_raises_and_is_left_untouched(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with pytest.raises(StoreError) as info:
        open_store(f"sqlite:///{db_path}")
    assert str(db_path) in str(info.value)
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_unwritable_directory_is_a_store_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(StoreError) as info:
            open_store(f"sqlite:///{locked}/x.db")
        assert "locked" in str(info.value)
    finally:
        locked.chmod(0o700)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_location_where_no_file_can_be_created() -> None:
    # /proc refuses new files even to root, so this runs where chmod tests cannot.
    url = "sqlite:////proc/frontlines-test.db"
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert str(info.value).startswith(f"{url}: cannot open the database")


# -- migrations -----------------------------------------------------------------------


def test_migration_files_split_into_statements() -> None:
    script = (
        "-- a comment line\n"
        "CREATE TABLE t (a TEXT DEFAULT ';');  -- a trailing comment\n"
        "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = 'x;y'; END;\n"
        "-- nothing after this\n"
    )
    statements = list(_statements(script))
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")
    with pytest.raises(StoreError, match="unterminated"):
        list(_statements("CREATE TABLE u (a TEXT)\n"))


def test_migrations_are_applied_once_and_recorded(db_path: Path) -> None:
    expected = [(m.version, m.name) for m in load_migrations()]
    assert expected[0] == (1, "initial")
    for _ in range(3):
        with open_store(str(db_path)) as store:
            assert isinstance(store, SQLiteStore)
            assert store.applied_migrations() == expected
    with sqlite3.connect(db_path) as raw:
        rows = raw.execute("SELECT version, name, applied_at FROM schema_migrations").fetchall()
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    raw.close()
    assert [(v, n) for v, n, _ in rows] == expected
    assert all(applied_at for _, _, applied_at in rows)
    assert {"articles", "events", "schema_migrations"} <= tables


def test_database_newer_than_the_code_is_refused(db_path: Path) -> None:
    with open_store(str(db_path)):
        pass
    raw = sqlite3.connect(db_path)
    raw.execute("INSERT INTO schema_migrations VALUES (999, 'future', '2099-01-01')")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(str(db_path))


def test_pragmas(sqlite_store: Store) -> None:
    assert isinstance(sqlite_store, SQLiteStore)
    conn = sqlite_store._connection()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
