"""The boilerplate rules, read from ``frontlines/data/ingest/boilerplate.toml``.

Analysts extend the data file, not this module: it lists the tag labels, the byline and
dateline cues, the footer markers that close a republished report and, per category
(donation, legal, share, contact, navigation), the patterns of page furniture.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from frontlines.errors import ConfigError

DATA_FILE = "boilerplate.toml"


@dataclass(frozen=True, slots=True)
class Category:
    """One kind of boilerplate: patterns anchored at the paragraph start, and anywhere."""

    name: str
    starts: tuple[re.Pattern[str], ...]
    contains: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    tag_labels: tuple[str, ...]
    tag_line: re.Pattern[str]
    byline: re.Pattern[str]
    date_labels: re.Pattern[str]
    footer_starts: tuple[re.Pattern[str], ...]
    original_source: tuple[re.Pattern[str], ...]
    categories: tuple[Category, ...]
    any_contains: re.Pattern[str]
    """All "contains" patterns in one: most paragraphs miss them all, in one pass."""


def _compile(pattern: str, *, anchored: bool, where: str) -> re.Pattern[str]:
    try:
        return re.compile(("^(?:" + pattern + ")") if anchored else pattern, re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"bad pattern {pattern!r} in {where}: {exc}", source=DATA_FILE) from exc


def _patterns(
    table: dict[str, Any], key: str, *, anchored: bool, where: str
) -> tuple[re.Pattern[str], ...]:
    values = table.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ConfigError(f"{where}.{key} must be a list of strings", source=DATA_FILE)
    return tuple(_compile(v, anchored=anchored, where=f"{where}.{key}") for v in values)


def parse_rules(data: dict[str, Any]) -> BoilerplateRules:
    """Build the rules from the parsed TOML (separate from loading, for tests)."""
    try:
        header = data["header"]
        footer = data["footer"]
        categories_table = data["boilerplate"]
        labels = tuple(str(label) for label in header["tag_labels"])
        byline = _compile(header["byline"], anchored=False, where="header.byline")
        date_labels = _compile(header["date_labels"], anchored=False, where="header.date_labels")
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"missing or malformed table {exc}", source=DATA_FILE) from exc
    # Longest label first, so "In-depth Report" wins over a shorter prefix.
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    tag_line = re.compile(rf"^(?P<label>{alternatives})\s*:\s*(?P<values>.+)$", re.IGNORECASE)
    categories = tuple(
        Category(
            name=name,
            starts=_patterns(table, "starts", anchored=True, where=f"boilerplate.{name}"),
            contains=_patterns(table, "contains", anchored=False, where=f"boilerplate.{name}"),
        )
        for name, table in categories_table.items()
    )
    union = "|".join(f"(?:{p.pattern})" for c in categories for p in c.contains) or "(?!)"
    return BoilerplateRules(
        tag_labels=labels,
        tag_line=tag_line,
        byline=byline,
        date_labels=date_labels,
        footer_starts=_patterns(footer, "starts", anchored=True, where="footer"),
        original_source=_patterns(footer, "original_source", anchored=False, where="footer"),
        categories=categories,
        any_contains=re.compile(union, re.IGNORECASE),
    )


@lru_cache(maxsize=1)
def load_rules() -> BoilerplateRules:
    """The packaged rules (parsed once per process)."""
    resource = resources.files("frontlines.data").joinpath("ingest", DATA_FILE)
    try:
        data = tomllib.loads(resource.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read boilerplate rules: {exc}", source=DATA_FILE) from exc
    return parse_rules(data)
