"""``frontlines events``: query stored events and print or export them."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import click

from frontlines.cli.errors import handle_errors
from frontlines.cli.options import date_option, db_option, format_option, output_option
from frontlines.config import load_settings
from frontlines.export import BINARY_FORMATS, ExportError, WriteResult, write_events
from frontlines.model import Event
from frontlines.store import EventQuery, open_store


@click.command("events")
@db_option()
@date_option("--since", help="events on or after this day")
@date_option("--until", help="events on or before this day")
@click.option("--country", help="country name (exact, any case)")
@click.option("--admin1", help="first-level admin area, e.g. a governorate (exact, any case)")
@click.option("--type", "event_type", help="event type or sub-event type (exact, any case)")
@click.option("--actor", help="part of an actor's name, any case (actor1, actor2, associated)")
@click.option("--article", "article_id", help="only events coded from this article id")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="at most N events")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="skip the first N events")
@format_option(default="table")
@output_option()
@handle_errors
def events_command(
    db_url: str | None,
    since: date | None,
    until: date | None,
    country: str | None,
    admin1: str | None,
    event_type: str | None,
    actor: str | None,
    article_id: str | None,
    limit: int | None,
    offset: int,
    fmt: str,
    output: Path | None,
) -> None:
    """Print the stored events that match every filter given, oldest first."""
    if fmt in BINARY_FORMATS and output is None and _stdout_is_terminal():
        raise click.UsageError(f"{fmt} is binary: give --output FILE or redirect stdout")
    query = EventQuery(
        since=since,
        until=until,
        country=country,
        admin1=admin1,
        event_type=event_type,
        actor=actor,
        article_id=article_id,
        limit=limit,
        offset=offset,
    )
    settings = load_settings(db=db_url)
    # create=False: a mistyped --db must not leave an empty database behind.
    with open_store(settings.db, create=False) as store:
        events = store.query_events(query)
    if output is None:
        result = write_events(events, fmt, sys.stdout)
    else:
        try:
            result = _write_file(events, fmt, output)
        except OSError as exc:
            raise ExportError(f"cannot write: {exc.strerror or exc}", source=str(output)) from exc
    if result.skipped:
        click.echo(f"{result.skipped} event(s) without coordinates left out of {fmt}", err=True)


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def _write_file(events: Sequence[Event], fmt: str, path: Path) -> WriteResult:
    if fmt in BINARY_FORMATS:
        with path.open("wb") as binary:
            return write_events(events, fmt, binary)
    # newline="": the CSV writer chooses its own line endings.
    with path.open("w", encoding="utf-8", newline="") as text:
        return write_events(events, fmt, text)
