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
