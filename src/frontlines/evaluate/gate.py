"""The quality gate: scores on development data pinned in ``quality/scores.toml``.

Each table of the file is a section: how to measure (``kind``, ``file``, ``rows``, ...;
see ``frontlines.evaluate.runners``) and the pinned metrics. A pin is a minimum for a
rate and a maximum for an error (names ending ``_mae``, ``_km``, ``_auc``).
``check_gate`` lists every pin the measured scores break. ``update_gate`` only
tightens pins (never loosens one silently); loosening needs ``allow_lower`` and a
reason, which is written next to the pin as a comment so the diff shows it.

Nested tables (``[geoparsing.lgl]``) are sections named with their dotted path.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from frontlines.errors import ConfigError
from frontlines.evaluate.runners import RUN_KEYS

__all__ = [
    "TOLERANCE",
    "GateUpdate",
    "check_gate",
    "higher_is_better",
    "load_pins",
    "pinned_metrics",
    "update_gate",
]

# Measured scores are rounded to 4 decimals; a difference inside that is noise.
TOLERANCE = 1e-4
# Pins are written with this many decimals, rounded towards the looser side so a
# re-run on another machine (float summation order) does not fail by a hair.
PIN_DECIMALS = 3
_LOWER_IS_BETTER = ("_mae", "_km", "_auc")


def higher_is_better(metric: str) -> bool:
    return not metric.endswith(_LOWER_IS_BETTER)


def load_pins(path: str | Path) -> dict[str, dict[str, Any]]:
    """Section name -> its table (run keys and pins), nested tables flattened."""
    source = Path(path)
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("no pinned-scores file", source=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"cannot parse pinned scores: {exc}", source=str(path)) from exc
    sections: dict[str, dict[str, Any]] = {}

    def walk(prefix: str, table: Mapping[str, Any]) -> None:
        if "file" in table:
            sections[prefix] = {k: v for k, v in table.items() if not isinstance(v, dict)}
        for key, value in table.items():
            if isinstance(value, dict):
                walk(f"{prefix}.{key}" if prefix else key, value)

    walk("", data)
    return sections


def pinned_metrics(spec: Mapping[str, Any]) -> dict[str, float]:
    return {
        k: float(v)
        for k, v in spec.items()
        if k not in RUN_KEYS and isinstance(v, (int, float)) and not isinstance(v, bool)
    }


def _breaks(metric: str, value: float, pin: float) -> bool:
    if higher_is_better(metric):
        return value < pin - TOLERANCE
    return value > pin + TOLERANCE


def check_gate(
    measured: Mapping[str, Mapping[str, float]], pinned: Mapping[str, Mapping[str, Any]]
) -> list[str]:
    """One line per broken pin, for the sections present in ``measured``."""
    failures = []
    for section, values in measured.items():
        for metric, pin in pinned_metrics(pinned.get(section, {})).items():
            value = values.get(metric)
            if value is None:
                failures.append(f"{section}.{metric}: not measured (pinned {pin})")
            elif _breaks(metric, value, pin):
                sign = "<" if higher_is_better(metric) else ">"
                failures.append(f"{section}.{metric}: {value} {sign} pinned {pin}")
    return failures


@dataclass(slots=True)
class GateUpdate:
    """What ``update_gate`` did (or, for ``refused``, would need ``allow_lower``)."""

    tightened: list[str] = field(default_factory=list)
    loosened: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def _pin_value(metric: str, value: float) -> float:
    scale = 10**PIN_DECIMALS
    rounded = math.floor(value * scale) if higher_is_better(metric) else math.ceil(value * scale)
    return rounded / scale


def update_gate(
    path: str | Path,
    measured: Mapping[str, Mapping[str, float]],
    *,
    allow_lower: bool = False,
    reason: str | None = None,
    today: date | None = None,
) -> GateUpdate:
    """Move pinned metrics of the measured sections to the measured values.

    Tightening is always done; loosening only with ``allow_lower`` and a ``reason``
    (written as a comment above the pin); otherwise it is listed in ``refused``.
    Only metrics already pinned are touched, and the file keeps its comments.
    """
    if allow_lower and not (reason and reason.strip()):
        raise ConfigError("lowering a pin needs a reason", source=str(path))
    source = Path(path)
    pins = load_pins(source)
    lines = source.read_text(encoding="utf-8").splitlines()
    result = GateUpdate()
    stamp = (today or date.today()).isoformat()
    for section, values in measured.items():
        for metric, pin in pinned_metrics(pins.get(section, {})).items():
            if metric not in values:
                continue
            new = _pin_value(metric, values[metric])
            label = f"{section}.{metric}: {pin} -> {new}"
            if new == pin:
                continue
            looser = new < pin if higher_is_better(metric) else new > pin
            if looser and not allow_lower:
                result.refused.append(label)
                continue
            comment = f"# lowered from {pin} on {stamp}: {reason}" if looser else None
            _set_pin(lines, section, metric, new, comment, source)
            (result.loosened if looser else result.tightened).append(label)
    if result.tightened or result.loosened:
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return result


_HEADER = re.compile(r"^\s*\[([^\[\]]+)\]\s*(#.*)?$")


def _set_pin(
    lines: list[str], section: str, metric: str, value: float, comment: str | None, where: Path
) -> None:
    current = None
    pattern = re.compile(rf"^(\s*){re.escape(metric)}\s*=\s*[-+0-9.eE]+(\s*#.*)?$")
    for index, line in enumerate(lines):
        header = _HEADER.match(line)
        if header:
            current = header.group(1).strip().replace(" ", "")
            continue
        match = pattern.match(line) if current == section else None
        if match:
            lines[index] = f"{match.group(1)}{metric} = {value}{match.group(2) or ''}"
            if comment:
                lines.insert(index, f"{match.group(1)}{comment}")
            return
    raise ConfigError(f"cannot find pin {section}.{metric} to update", source=str(where))
