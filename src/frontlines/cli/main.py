"""The ``frontlines`` command: a thin layer over the library API.

Each command lives in its own module of this package and is a click command that
calls one library function; this module only assembles the group.
"""

from __future__ import annotations

import importlib

import click

# module name -> attribute holding the click command; each module owns one command
# (or group). Kept as data so a command that fails to import names itself.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("extract", "extract_command"),
    ("ingest", "ingest_command"),
    ("places", "places_command"),
    ("events", "events_command"),
    ("control", "control_command"),
    ("evaluate", "evaluate_group"),
    ("gazetteer", "gazetteer_group"),
    ("serve", "serve_command"),
    ("spark", "spark_command"),
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="frontlines")
def cli() -> None:
    """Turn war reports into geolocated, ACLED-style events."""


for _module, _attr in COMMANDS:
    cli.add_command(getattr(importlib.import_module(f"frontlines.cli.{_module}"), _attr))
