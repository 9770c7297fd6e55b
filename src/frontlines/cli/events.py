"""``frontlines events``: query stored events and print or export them.

``--merged`` lists the merged events instead (one per happening, ``frontlines.merge``):
JSON and JSON Lines give each with its member ids, sources, evidence and conflicts
(``MergedEvent.to_dict``); the other formats give the canonical events.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any

import click

from frontlines.cli.errors import handle_errors
from frontlines.cli.options import date_option, db_option, format_option, output_option
from frontlines.config import load_settings
from frontlines.export import BINARY_FORMATS, ExportError, WriteResult, write_events
from frontlines.merge import MergedEvent
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
@click.option(
    "--merged",
    is_flag=True,
    help="merged events, one per happening, with all their reports (--article: merged "
    "events with a report from that article)",
)
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
    merged: bool,
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
        if merged:
            happenings = store.merged_events(query)
            unmerged = store.unmerged_count()
        else:
            events = store.query_events(query)
    if merged and unmerged:
        click.echo(
            f"{unmerged} stored event(s) not merged yet; the next ingest merges them", err=True
        )
    if merged and fmt in MERGED_FORMATS:
        result = _export(fmt, output, lambda out: write_merged(happenings, fmt, out))
    else:
        rows = [m.event for m in happenings] if merged else events
        result = _export(fmt, output, lambda out: write_events(rows, fmt, out))
    if result.skipped:
        click.echo(f"{result.skipped} event(s) without coordinates left out of {fmt}", err=True)


# Formats that keep everything a merged event holds (``MergedEvent.to_dict``: member
# ids, sources with their evidence, conflicts, members); the others get the
# canonical events.
MERGED_FORMATS = ("json", "jsonl")


def write_merged(merged: Sequence[MergedEvent], fmt: str, out: IO[str]) -> WriteResult:
    """Merged events as JSON (one list) or JSON Lines (one per line)."""
    rows = [item.to_dict() for item in merged]
    if fmt == "jsonl":
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    else:
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return WriteResult(fmt, len(rows))


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def _export(fmt: str, path: Path | None, write: Callable[[IO[Any]], WriteResult]) -> WriteResult:
    """Run ``write`` on standard output or on ``path`` opened for ``fmt``."""
    if path is None:
        return write(sys.stdout)
    try:
        if fmt in BINARY_FORMATS:
            with path.open("wb") as binary:
                return write(binary)
        # newline="": the CSV writer chooses its own line endings.
        with path.open("w", encoding="utf-8", newline="") as text:
            return write(text)
    except OSError as exc:
        raise ExportError(f"cannot write: {exc.strerror or exc}", source=str(path)) from exc
