"""Fixtures for the control tests; the event factory lives in control_factory.py."""

from __future__ import annotations

import pytest
from control_factory import village

from frontlines.model import Event


@pytest.fixture
def village_events() -> list[Event]:
    """Kafr Nur: taken by IS on D1, retaken by the army on D2; a clash elsewhere."""
    return village()
