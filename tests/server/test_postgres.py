"""The server over a PostgreSQL store: the API in-process, and ``frontlines serve --db
postgresql://...`` as a real process.

Uses the server ``scripts/ci/postgres.sh`` starts (or the one FRONTLINES_TEST_PG_URL
names), in a schema of its own dropped afterwards; skipped, saying why, only when no
server answers.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx2
import pytest
from fastapi.testclient import TestClient
from live import running
from server_factory import TOKEN, seed

from frontlines.config import load_settings
from frontlines.server import create_app
from frontlines.store import open_store
from frontlines.store.url import mask_password

pytestmark = pytest.mark.postgres

DEFAULT_PG_URL = "postgresql://frontlines:frontlines@127.0.0.1:54329/frontlines"
PG_URL_ENV = "FRONTLINES_TEST_PG_URL"
EXAMPLE = Path(__file__).resolve().parents[2] / "src/frontlines/data/examples/frontline_report.md"


@pytest.fixture(scope="module")
def pg_server() -> str:
    import psycopg

    url = os.environ.get(PG_URL_ENV) or DEFAULT_PG_URL
    try:
        psycopg.connect(url, connect_timeout=3).close()
    except psycopg.Error as exc:
        reason = " ".join(str(exc).split())
        pytest.skip(
            f"no PostgreSQL server at {mask_password(url)} ({reason}); "
            f"run scripts/ci/postgres.sh or set {PG_URL_ENV}"
        )
    return url


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A store URL on a fresh schema, seeded with the three made-up events."""
    import psycopg
    from psycopg import sql

    schema = f"frontlines_server_{uuid.uuid4().hex[:12]}"
    url = f"{pg_server}?options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
        try:
            with open_store(url) as store:
                seed(store)
            yield url
        finally:
            admin.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


def test_api_reads_and_writes_on_postgres(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("API_TOKEN", "API_READ_ACCESS", "MAX_REQUEST_BYTES"):
        monkeypatch.delenv(f"FRONTLINES_{name}", raising=False)
    settings = load_settings(db=pg_url, api_token=TOKEN)
    with open_store(pg_url) as store, TestClient(create_app(settings, store)) as client:
        listing = client.get("/api/events", params={"admin1": "northland"}).json()
        assert [e["event_id"] for e in listing["items"]] == ["ev-shell", "ev-capture"]
        detail = client.get("/api/events/ev-shell").json()
        assert detail["sources"][0]["article_id"] == "art-1"
        assert detail["evidence"][0]["after"] == ", a monitor said."
        control = client.get("/api/control", params={"date": "2021-03-12"}).json()
        assert control["places"][0]["controller"] == "Military Forces of Examplestan"

        posted = client.post(
            "/api/reports",
            content=EXAMPLE.read_bytes(),
            params={"published": "2024-03-03"},
            headers={"Content-Type": "text/markdown", "Authorization": f"Bearer {TOKEN}"},
        )
        assert posted.status_code == 201, posted.text
        (stored,) = posted.json()["stored"]
        article_events = client.get(
            "/api/events", params={"article_id": stored["article_id"], "limit": 500}
        ).json()
        assert sorted(e["event_id"] for e in article_events["items"]) == sorted(stored["event_ids"])
        merged = client.get("/api/events", params={"merged": "true", "limit": 500}).json()
        assert merged["total"] == store.count_merged()
        members = {m for item in merged["items"] for m in item["member_ids"]}
        assert set(stored["event_ids"]) | {"ev-shell", "ev-protest", "ev-capture"} == members
        assert store.unmerged_count() == 0


def test_serve_command_on_postgres(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("DB", "API_TOKEN", "API_READ_ACCESS", "MAX_REQUEST_BYTES"):
        monkeypatch.delenv(f"FRONTLINES_{name}", raising=False)
    with running(["--db", pg_url], tmp_path, dict(os.environ)) as base:
        assert httpx2.get(base + "/api/health").json() == {"status": "ok", "events": 3}
        merged = httpx2.get(base + "/api/events", params={"merged": "true"}).json()
        assert merged["total"] == 3
        timeline = httpx2.get(base + "/api/timeline").json()
        assert [d["date"] for d in timeline["days"]] == ["2021-03-08", "2021-03-09", "2021-03-10"]
    # The password never reaches the log.
    assert "frontlines:frontlines@" not in (tmp_path / "serve.log").read_text()
