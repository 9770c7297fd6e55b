"""The control rules as one options object, read from ``rules.toml`` (data, not code)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from frontlines.errors import ConfigError
from frontlines.model import Event
from frontlines.taxonomy import SubEventType

RULES_FILE = "rules.toml"


@dataclass(frozen=True, slots=True)
class ControlRules:
    """Which events transfer control, and how fast confidence in a report fades."""

    transfer_types: frozenset[str]
    agreement_type: str = SubEventType.AGREEMENT.value
    agreement_phrases: tuple[str, ...] = ()
    half_life_days: float = 90.0
    start: float = 0.95
    hedged_start: float = 0.6
    corroboration: float = 0.5

    def transfers_control(self, event: Event) -> bool:
        """Whether ``event`` says its actor1 now holds its location."""
        if event.sub_event_type in self.transfer_types:
            return True
        if event.sub_event_type != self.agreement_type:
            return False
        notes = event.notes.casefold()
        return any(phrase in notes for phrase in self.agreement_phrases)


def _type(name: Any, where: str) -> str:
    try:
        return SubEventType(str(name)).value
    except ValueError:
        raise ConfigError(f"unknown sub-event type {name!r}", source=where) from None


def parse_rules(data: dict[str, Any], where: str = RULES_FILE) -> ControlRules:
    transfer = data.get("transfer", {})
    agreement = data.get("agreement", {})
    confidence = data.get("confidence", {})
    try:
        rules = ControlRules(
            transfer_types=frozenset(_type(t, where) for t in transfer.get("sub_event_types", [])),
            agreement_type=_type(agreement.get("sub_event_type", "Agreement"), where),
            agreement_phrases=tuple(p.casefold() for p in agreement.get("note_phrases", [])),
            half_life_days=float(confidence.get("half_life_days", 90)),
            start=float(confidence.get("start", 0.95)),
            hedged_start=float(confidence.get("hedged_start", 0.6)),
            corroboration=float(confidence.get("corroboration", 0.5)),
        )
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"bad control rule value: {exc}", source=where) from exc
    if rules.half_life_days <= 0:
        raise ConfigError("half_life_days must be positive", source=where)
    return rules


@lru_cache(maxsize=1)
def load_rules() -> ControlRules:
    """The packaged control rules."""
    where = f"frontlines/control/{RULES_FILE}"
    text = resources.files("frontlines.control").joinpath(RULES_FILE).read_text("utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"cannot parse control rules: {exc}", source=where) from exc
    return parse_rules(data, where)
