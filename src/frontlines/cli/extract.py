"""``frontlines extract REPORT...``: print the events coded from reports (no store)."""

from __future__ import annotations

import sys
from datetime import date

import click

from frontlines.cli.errors import EXIT_FAILED_INPUTS, handle_errors, report_rejected
from frontlines.model import Event, Rejected


def _parse_published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@click.command("extract")
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--published", help="publication date YYYY-MM-DD, anchors relative dates")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "csv", "geojson"]),
    default="jsonl",
    show_default=True,
)
@handle_errors
def extract_command(reports: tuple[str, ...], published: str | None, fmt: str) -> None:
    """Print the events coded from each REPORT (text, Markdown, HTML or JSONL)."""
    from frontlines.export import write_events
    from frontlines.ingest import read_inputs
    from frontlines.pipeline import ArticleResult, default_pipeline

    pipeline = default_pipeline()
    events: list[Event] = []
    failed = 0
    for item in pipeline.run(read_inputs(reports, published=_parse_published(published))):
        if isinstance(item, Rejected):
            report_rejected(item)
            failed += 1
        elif isinstance(item, ArticleResult):
            events.extend(item.events)
    write_events(events, fmt, sys.stdout)
    if failed:
        raise SystemExit(EXIT_FAILED_INPUTS)
