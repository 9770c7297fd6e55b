"""Shared fixtures: a data directory of its own per test that needs to write one.

The packaged gazetteer is built once (into the default data directory) and linked
into each temporary directory, so writing tests never rebuild it (~25 s).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.config import Settings, load_settings
from frontlines.geo import gazetteer_path, open_gazetteer


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    packaged = open_gazetteer().path
    target = tmp_path / "data"
    target.mkdir()
    (target / packaged.name).symlink_to(packaged)
    assert gazetteer_path(load_settings(data_dir=str(target))).exists()
    return target


@pytest.fixture
def settings(data_dir: Path) -> Settings:
    return load_settings(data_dir=str(data_dir))


@pytest.fixture(scope="session")
def geocoder():  # type: ignore[no-untyped-def]
    from frontlines.geo import load_geocoder

    return load_geocoder()


@pytest.fixture(scope="session")
def resolve_named(geocoder):  # type: ignore[no-untyped-def]
    """``resolve_named(text, "Atlantic", ...)``: the places of those names (their first
    occurrences) as given spans of ``text``."""

    def resolve(text: str, *names: str) -> list:  # type: ignore[type-arg]
        spans = [(text.index(n), text.index(n) + len(n)) for n in names]
        return geocoder.resolve_spans(text, spans)

    return resolve
