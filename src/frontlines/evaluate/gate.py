"""The quality gate: scores on development data pinned in ``quality/scores.toml``.

A test re-measures on the same fixed subset and fails when a score drops below its
pinned value (minus a small tolerance for floating point). Pins only go up by hand:
raise them when the code improves; lowering one needs a reason in the same change.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

TOLERANCE = 1e-6


def load_pins(path: Path) -> dict[str, dict[str, float]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        section: {k: float(v) for k, v in values.items() if isinstance(v, (int, float))}
        for section, values in data.items()
        if isinstance(values, dict)
    }


def check(measured: dict[str, float], pinned: dict[str, float]) -> list[str]:
    """One line per metric that fell below its pin."""
    failures = []
    for metric, minimum in pinned.items():
        value = measured.get(metric)
        if value is None:
            failures.append(f"{metric}: not measured (pinned {minimum})")
        elif value < minimum - TOLERANCE:
            failures.append(f"{metric}: {value} < pinned {minimum}")
    return failures
