"""Fixtures for the merge tests; the event factory lives in merge_factory.py."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from merge_factory import make_event

from frontlines.model import Event


@pytest.fixture
def event() -> Callable[..., Event]:
    return make_event
