"""``frontlines serve``: settings errors in one line, and a real server from a fresh
directory with the default SQLite store."""

from __future__ import annotations

import os
from pathlib import Path

import httpx2
import pytest
from click.testing import CliRunner
from live import running

from frontlines.cli.main import cli


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    for name in ("DB", "API_TOKEN", "API_READ_ACCESS", "MAX_REQUEST_BYTES"):
        monkeypatch.delenv(f"FRONTLINES_{name}", raising=False)
    return dict(os.environ)


def test_serve_is_a_command_with_its_options() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--read-access", "--workers"):
        assert option in result.output


def test_token_protected_reads_without_a_token_is_one_line(
    clean_env: dict[str, str], tmp_path: Path
) -> None:
    result = CliRunner().invoke(
        cli, ["serve", "--db", f"sqlite:///{tmp_path}/x.db", "--read-access", "token"]
    )
    assert result.exit_code == 1
    assert result.output.strip() == (
        "error: setting 'api_read_access' is 'token' but 'api_token' is empty"
    )
    assert not (tmp_path / "x.db").exists()


def test_a_bad_store_url_is_one_line(clean_env: dict[str, str], tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", f"sqlite:///{tmp_path}/no/such/dir.db"])
    assert result.exit_code == 1
    assert result.output.startswith("error: sqlite:///")
    assert "does not exist" in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_serves_a_fresh_default_store(
    workers: int, clean_env: dict[str, str], tmp_path: Path
) -> None:
    # As from a fresh clone: no database, no config; the default store is created.
    env = {**clean_env, "FRONTLINES_API_TOKEN": "t0ken"}
    with running(["--workers", str(workers)], tmp_path, env) as base:
        assert httpx2.get(base + "/api/health").json() == {"status": "ok", "events": 0}
        page = httpx2.get(base + "/")
        assert page.status_code == 200
        assert "/static/map.js" in page.text
        assert httpx2.get(base + "/api/events").json()["items"] == []
        refused = httpx2.post(
            base + "/api/reports", content=b"x", headers={"Content-Type": "text/plain"}
        )
        assert refused.status_code == 401
    assert (tmp_path / "frontlines.db").is_file()


def test_serve_merges_reports_stored_but_not_merged_yet(
    clean_env: dict[str, str], tmp_path: Path
) -> None:
    from server_factory import make_article, make_event

    from frontlines.store import open_store

    url = f"sqlite:///{tmp_path / 'old.db'}"
    with open_store(url) as store:  # saved as an older frontlines did: no re-merge
        store.save(make_article("art-1"), [make_event("ev-a")])
        store.save(make_article("art-2"), [make_event("ev-b", "art-2", fatalities=5)])
        assert store.unmerged_count() == 2
    with running(["--db", url], tmp_path, clean_env) as base:
        merged = httpx2.get(base + "/api/events", params={"merged": "true"}).json()
        assert [item["member_ids"] for item in merged["items"]] == [["ev-a", "ev-b"]]
    with open_store(url) as store:
        assert store.unmerged_count() == 0
