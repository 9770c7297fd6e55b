"""The SQLite store: opening, migrations, save/round trip, idempotency, rollback."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from frontlines.errors import StoreError
from frontlines.model import Article, Event
from frontlines.store import EventQuery, SaveResult, Store, open_store, parse_store_url
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
    "url", ["postgresql://me@localhost/war", "postgres://db/x", "postgresql+psycopg://h/d"]
)
def test_postgres_urls_are_recognised_but_not_installed(url: str) -> None:
    assert parse_store_url(url).backend == "postgresql"
    with pytest.raises(StoreError, match="PostgreSQL support is not installed yet") as info:
        open_store(url)
    assert url in str(info.value)


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


def test_pragmas(store: Store) -> None:
    assert isinstance(store, SQLiteStore)
    conn = store._connection()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


# -- save and read back -----------------------------------------------------------------


def test_round_trip_equals_the_original_records(
    store: Store, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    article = make_article()
    events = [
        make_event("e1"),
        make_event(
            "e2",
            event_date=None,
            time_precision=3,
            actor2=None,
            assoc_actor_1=(),
            inter2=None,
            latitude=None,
            longitude=None,
            geo_precision=None,
            evidence=(),
            losses=(),
            hedged=False,
            attributed_to=None,
            notes="Undated, unlocated; still kept.",
        ),
        make_event("e3", event_date=date(2021, 3, 1), assoc_actor_2=("Ünïcode Group",)),
    ]
    result = store.save(article, events)
    assert result == SaveResult(article_id="art-1", inserted=True, events_written=3)
    assert store.get_article("art-1") == article
    back = store.query_events(EventQuery(article_id="art-1"))
    assert sorted(back, key=lambda e: e.event_id) == events
    # Chronological, undated last.
    assert [e.event_id for e in back] == ["e3", "e1", "e2"]
    assert store.get_article("nope") is None


def test_saving_the_same_article_again_stores_events_once(
    store: Store, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    article = make_article()
    events = [make_event("e1"), make_event("e2", location="Tall Sabr")]
    first = store.save(article, events)
    second = store.save(article, events)
    assert first.inserted and not second.inserted
    assert second.events_written == 2
    assert store.count_events() == 2
    assert len(store.articles()) == 1


def test_recoding_replaces_the_events_of_that_article_only(
    store: Store, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    store.save(make_article("art-1"), [make_event("e1"), make_event("e2")])
    store.save(make_article("art-2"), [make_event("x1", article_id="art-2")])
    recoded = make_event("e9", fatalities=5, notes="Recoded with a newer lexicon.")
    result = store.save(make_article("art-1", title="Updated title"), [recoded])
    assert result.events_written == 1
    assert store.query_events(EventQuery(article_id="art-1")) == [recoded]
    assert [e.event_id for e in store.query_events(EventQuery(article_id="art-2"))] == ["x1"]
    article = store.get_article("art-1")
    assert article is not None
    assert article.title == "Updated title"


def test_saving_an_article_without_events_clears_old_ones(
    store: Store, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    store.save(make_article(), [make_event("e1")])
    assert store.save(make_article(), []).events_written == 0
    assert store.count_events() == 0
    assert store.get_article("art-1") is not None


def test_failure_mid_save_rolls_back_and_keeps_earlier_data(
    store: Store, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    original = [make_event("e1"), make_event("e2")]
    store.save(make_article(title="First version"), original)
    # The second event reuses e1's id: the INSERT fails after the old events were
    # deleted and the first new one written, inside the transaction.
    failing = [make_event("e3"), make_event("e3", notes="duplicate id")]
    with pytest.raises(StoreError, match="art-1"):
        store.save(make_article(title="Second version"), failing)
    assert store.query_events() == original
    article = store.get_article("art-1")
    assert article is not None
    assert article.title == "First version"
    # The store is still usable after the failure.
    assert store.save(make_article(), [make_event("e4")]).events_written == 1


def test_failure_on_a_new_article_leaves_no_article(
    store: Store, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    with pytest.raises(StoreError):
        store.save(make_article("art-7"), [make_event("d", "art-7"), make_event("d", "art-7")])
    assert store.get_article("art-7") is None
    assert store.articles() == []


def test_event_of_another_article_is_refused_before_writing(
    store: Store, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    with pytest.raises(StoreError, match="belongs to article"):
        store.save(make_article("art-1"), [make_event("e1", article_id="art-2")])
    assert store.articles() == []


def test_events_with_an_event_id_of_another_article_fail_cleanly(
    store: Store, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    store.save(make_article("art-1"), [make_event("same")])
    with pytest.raises(StoreError):
        store.save(make_article("art-2"), [make_event("same", article_id="art-2")])
    assert store.get_article("art-2") is None
    assert store.query_events()[0].article_id == "art-1"


def test_articles_paging(store: Store, make_article: Callable[..., Article]) -> None:
    for n in range(5):
        store.save(make_article(f"art-{n}"), [])
    ids = [a.id for a in store.articles(limit=None)]
    assert sorted(ids) == [f"art-{n}" for n in range(5)]
    assert [a.id for a in store.articles(limit=2, offset=1)] == ids[1:3]
    with pytest.raises(StoreError):
        store.articles(limit=-1)


def test_data_survives_reopening(
    db_path: Path, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    with open_store(str(db_path)) as store:
        store.save(make_article(), [make_event("e1")])
    with open_store(str(db_path), create=False) as store:
        assert store.query_events() == [make_event("e1")]


def test_closed_store_raises_store_error(db_path: Path) -> None:
    store = open_store(str(db_path))
    store.close()
    store.close()  # closing twice is harmless
    with pytest.raises(StoreError, match="closed"):
        store.count_events()


def test_two_connections_write_without_losing_saves(
    db_path: Path, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    first, second = open_store(str(db_path)), open_store(str(db_path))
    errors: list[BaseException] = []

    def ingest(store: Store, prefix: str) -> None:
        try:
            for n in range(20):
                aid = f"{prefix}-{n}"
                store.save(make_article(aid), [make_event(f"{aid}-e", article_id=aid)])
        except BaseException as exc:  # collected and re-checked below
            errors.append(exc)

    threads = [
        threading.Thread(target=ingest, args=(first, "a")),
        threading.Thread(target=ingest, args=(second, "b")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert first.count_events() == 40
    first.close()
    second.close()
