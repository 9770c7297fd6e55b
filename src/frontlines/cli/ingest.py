"""``frontlines ingest PATH...``: parse, code and store reports."""

from __future__ import annotations

import click

from frontlines.cli.errors import EXIT_FAILED_INPUTS, handle_errors, report_rejected
from frontlines.cli.extract import _parse_published
from frontlines.config import load_settings
from frontlines.model import Rejected


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--db", "db_url", help="store URL (default: setting 'db', sqlite:///frontlines.db)")
@click.option("--published", help="publication date YYYY-MM-DD for inputs that lack one")
@handle_errors
def ingest_command(paths: tuple[str, ...], db_url: str | None, published: str | None) -> None:
    """Code the reports under PATHS and store their events (idempotent)."""
    from frontlines.ingest import read_inputs
    from frontlines.pipeline import ArticleResult, default_pipeline
    from frontlines.store import open_store

    settings = load_settings(db=db_url)
    pipeline = default_pipeline(settings)
    read = stored = events = failed = 0
    with open_store(settings.db) as store:
        items = read_inputs(paths, published=_parse_published(published), settings=settings)
        for item in pipeline.run(items):
            if isinstance(item, Rejected):
                report_rejected(item)
                failed += 1
                continue
            assert isinstance(item, ArticleResult)
            read += 1
            result = store.save(item.article, item.events)
            stored += 1 if result.inserted else 0
            events += result.events_written
    click.echo(
        f"{read} report(s) coded, {stored} new, {events} event(s) stored, {failed} rejected"
        f" -> {settings.db}",
        err=True,
    )
    if failed:
        raise SystemExit(EXIT_FAILED_INPUTS)
