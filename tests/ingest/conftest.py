"""Shared paths for the ingest tests: fixtures written for these tests, in our own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.config import Settings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def settings() -> Settings:
    """Default settings without reading frontlines.toml or the environment."""
    return Settings()
