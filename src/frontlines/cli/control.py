"""``frontlines control``: who held each settlement on a date, or one place's history.

A thin layer over ``frontlines.control.control_table`` / ``place_history``; the
events come from the store through ``load_events`` (the one I/O seam, replaced by a
fake in the tests).
"""

from __future__ import annotations

import sys
from datetime import date

import click

from frontlines.cli.errors import handle_errors
from frontlines.cli.options import date_option, db_option
from frontlines.errors import InputError
from frontlines.model import Event


def load_events(db_url: str | None) -> list[Event]:
    """Every stored event: places first observed after ``--date`` are still listed
    (as "unknown" on that date), so the query cannot stop at the date."""
    from frontlines.config import load_settings
    from frontlines.store import EventQuery, open_store

    settings = load_settings(db=db_url)
    # create=False: a mistyped --db must not leave an empty database behind.
    with open_store(settings.db, create=False) as store:
        return store.query_events(EventQuery())


def _today() -> date:
    return date.today()


@click.command("control")
@db_option()
@date_option("--date", "on", help="the day to report control on (default: today)")
@click.option(
    "--admin1",
    multiple=True,
    help="only places in this first-level admin area (repeatable, any case)",
)
@click.option("--place", help="print this place's history of control instead")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "geojson", "csv"]),
    default="table",
    show_default=True,
    help="output format",
)
@handle_errors
def control_command(
    db_url: str | None, on: date | None, admin1: tuple[str, ...], place: str | None, fmt: str
) -> None:
    """Each settlement's controller on a date: since when, the evidence, and a
    confidence that fades with time since the last report. Places never reported
    are not listed; before their first report they are 'unknown'."""
    from frontlines.control import control_table, place_history, write_periods, write_states

    if place is not None:
        periods = place_history(load_events(db_url), place)
        if not periods:
            raise InputError("no control reports for this place", source=place)
        skipped = write_periods(periods, fmt, sys.stdout)
    else:
        day = on or _today()
        states = control_table(load_events(db_url), day, admin1 or None)
        skipped = write_states(states, fmt, sys.stdout)
    if skipped:
        click.echo(f"{skipped} place(s) without coordinates left out of {fmt}", err=True)
