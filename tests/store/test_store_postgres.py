"""What only the PostgreSQL backend has: connection failures (password masked),
concurrent first starts and re-merges across connections, schema versions. The
shared contract runs on PostgreSQL through the parametrised ``store`` fixture."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import pytest
from click.testing import CliRunner

from frontlines.cli.control import control_command
from frontlines.errors import StoreError
from frontlines.merge import merge_events
from frontlines.model import Article, Event
from frontlines.store import EventQuery, open_store
from frontlines.store.postgres import PostgresStore
from frontlines.store.query import POSTGRES, where_clause
from frontlines.store.schema import load_migrations

pytestmark = pytest.mark.postgres


def _with_password(url: str, password: str) -> str:
    parts = urlsplit(url)
    user = (parts.username or "frontlines") + ":" + quote(password, safe="")
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{user}@{host}"))


@pytest.fixture
def fresh_schema_url(pg_server_url: str) -> Iterator[str]:
    """A schema nobody has opened yet (not migrated)."""
    import psycopg
    from psycopg import sql

    schema = f"frontlines_fresh_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
        try:
            joiner = "&" if "?" in pg_server_url else "?"
            yield f"{pg_server_url}{joiner}options={quote(f'-csearch_path={schema}')}"
        finally:
            admin.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


def test_wrong_password_is_one_line_naming_the_masked_url(pg_server_url: str) -> None:
    url = _with_password(pg_server_url, "not-the-password-42")
    with pytest.raises(StoreError) as info:
        open_store(url)
    message = str(info.value)
    assert "\n" not in message
    assert "not-the-password-42" not in message
    assert message.startswith(_with_password(pg_server_url, "***").replace("%2A", "*"))
    assert "cannot connect" in message


def test_missing_database_is_one_line(pg_server_url: str) -> None:
    url = urlunsplit(urlsplit(pg_server_url)._replace(path="/no_such_database_here"))
    with pytest.raises(StoreError, match="no_such_database_here") as info:
        open_store(url)
    assert "\n" not in str(info.value)


def test_first_opens_racing_migrate_once(fresh_schema_url: str) -> None:
    results: list[Any] = []

    def open_and_read() -> None:
        try:
            with open_store(fresh_schema_url) as store:
                assert isinstance(store, PostgresStore)
                results.append(store.applied_migrations())
        except BaseException as exc:  # collected and checked below
            results.append(exc)

    threads = [threading.Thread(target=open_and_read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    expected = [(m.version, m.name) for m in load_migrations()]
    assert results == [expected] * 4


def test_database_newer_than_the_code_is_refused(fresh_schema_url: str) -> None:
    import psycopg

    open_store(fresh_schema_url).close()
    with psycopg.connect(fresh_schema_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', now())")
    with pytest.raises(StoreError, match="newer"):
        open_store(fresh_schema_url)


def test_concurrent_ingests_merge_like_one_batch(
    pg_url: str, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    errors: list[BaseException] = []

    def ingest(prefix: str) -> None:
        try:
            with open_store(pg_url) as store:
                for n in range(6):
                    article_id = f"{prefix}-{n}"
                    # Both writers report the same six happenings: every merge touches
                    # merged events the other writer is creating.
                    store.save(
                        make_article(article_id),
                        [make_event(f"{article_id}-e", article_id, latitude=30.0 + n)],
                    )
                    store.remerge()
        except BaseException as exc:  # collected and checked below
            errors.append(exc)

    threads = [threading.Thread(target=ingest, args=(p,)) for p in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with open_store(pg_url) as store:
        merged = store.merged_events()
        assert merged == merge_events(store.query_events())
        assert len(merged) == 6
        assert all(len(m.members) == 2 for m in merged)


def test_control_reads_from_postgres(
    pg_url: str, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    with open_store(pg_url) as store:
        store.save(make_article(), [make_event("e1")])
    result = CliRunner().invoke(control_command, ["--db", pg_url, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().startswith("[")


def test_postgres_placeholders_carry_every_value() -> None:
    query = EventQuery(country="C'X", admin1="A", event_type="T", actor="50%", article_id="I")
    sql, params = where_clause(query, POSTGRES)
    assert sql.count("%s") == len(params)
    assert "C'X" not in sql and "50%" not in sql


def test_a_dropped_connection_fails_one_call_then_reconnects(
    pg_url: str, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    import psycopg

    with open_store(pg_url) as store:
        assert isinstance(store, PostgresStore)
        store.save(make_article(), [make_event("e1")])
        pid = store._connection().info.backend_pid
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        with pytest.raises(StoreError) as info:
            store.count_events()
        assert "\n" not in str(info.value)
        assert store.count_events() == 1
