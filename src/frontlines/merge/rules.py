"""The merge rules as one options object, read from ``rules.toml`` (data, not code)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from frontlines.errors import ConfigError
from frontlines.taxonomy import SubEventType

RULES_FILE = "rules.toml"


@dataclass(frozen=True, slots=True)
class MergeRules:
    """Thresholds and tables that decide when two events are one happening.

    See ``rules.toml`` for what each value means and why it has its default.
    """

    day_lag: int = 0
    lag_needs_same_actors: bool = True
    week_days: int = 3
    near_km: float = 5.0
    name_similarity: float = 85.0
    unidentified_prefixes: tuple[str, ...] = ("Unidentified",)
    compatible_pairs: frozenset[frozenset[str]] = frozenset()
    ordered_types: frozenset[str] = frozenset()
    precedence: tuple[str, ...] = ()

    def types_compatible(self, a: str, b: str) -> bool:
        return a == b or frozenset((a, b)) in self.compatible_pairs

    def is_unidentified(self, actor: str | None) -> bool:
        return not actor or actor.startswith(self.unidentified_prefixes)

    def type_rank(self, sub_event_type: str) -> tuple[int, str]:
        """Sort key: types listed in ``precedence`` first, in its order; then by name."""
        if sub_event_type in self.precedence:
            return (self.precedence.index(sub_event_type), "")
        return (len(self.precedence), sub_event_type)


def _sub_event(name: Any, where: str) -> str:
    try:
        return SubEventType(str(name)).value
    except ValueError:
        raise ConfigError(f"unknown sub-event type {name!r}", source=where) from None


def parse_rules(data: dict[str, Any], where: str = RULES_FILE) -> MergeRules:
    """Rules from the parsed TOML; unknown sub-event types are a ConfigError."""
    tolerance = data.get("tolerance", {})
    pairs: set[frozenset[str]] = set()
    for entry in data.get("compatible", []):
        types = entry.get("types", [])
        if len(types) != 2:
            raise ConfigError(
                f"a [[compatible]] entry needs two types, got {types!r}", source=where
            )
        pairs.add(frozenset(_sub_event(t, where) for t in types))
    order = data.get("order", {})
    try:
        return MergeRules(
            day_lag=int(tolerance.get("day_lag", 0)),
            lag_needs_same_actors=bool(tolerance.get("lag_needs_same_actors", True)),
            week_days=int(tolerance.get("week_days", 3)),
            near_km=float(tolerance.get("near_km", 5.0)),
            name_similarity=float(tolerance.get("name_similarity", 85)),
            unidentified_prefixes=tuple(
                data.get("actors", {}).get("unidentified_prefixes", ["Unidentified"])
            ),
            compatible_pairs=frozenset(pairs),
            ordered_types=frozenset(_sub_event(t, where) for t in order.get("ordered_types", [])),
            precedence=tuple(_sub_event(t, where) for t in order.get("precedence", [])),
        )
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"bad merge rule value: {exc}", source=where) from exc


def load_rules(path: str | Path | None = None) -> MergeRules:
    """The packaged rules, or those of the TOML file at ``path``."""
    if path is None:
        return _packaged_rules()
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read merge rules: {exc.strerror or exc}", source=where) from exc
    return _parse_text(text, where)


def _parse_text(text: str, where: str) -> MergeRules:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"cannot parse merge rules: {exc}", source=where) from exc
    return parse_rules(data, where)


@lru_cache(maxsize=1)
def _packaged_rules() -> MergeRules:
    text = resources.files("frontlines.merge").joinpath(RULES_FILE).read_text("utf-8")
    return _parse_text(text, f"frontlines/merge/{RULES_FILE}")
