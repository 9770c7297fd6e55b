"""A store of made-up events served by the app, through FastAPI's TestClient.

Events are built with the library records (``server_factory``: no pipeline, no
model), except in the tests that POST reports, which run the real pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from server_factory import TOKEN, seed

from frontlines.config import Settings, load_settings
from frontlines.server import create_app
from frontlines.store import Store, open_store


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'server.db'}"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as opened:
        seed(opened)
        yield opened


@pytest.fixture
def settings(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Settings:
    for name in ("API_TOKEN", "API_READ_ACCESS", "MAX_REQUEST_BYTES"):
        monkeypatch.delenv(f"FRONTLINES_{name}", raising=False)
    return load_settings(db=db_url, api_token=TOKEN)


def client_for(settings: Settings, store: Store) -> TestClient:
    return TestClient(create_app(settings, store), raise_server_exceptions=False)


@pytest.fixture
def client(settings: Settings, store: Store) -> Iterator[TestClient]:
    with client_for(settings, store) as test_client:
        yield test_client


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}
