"""``frontlines ingest PATH...``: parse, code and store reports."""

from __future__ import annotations

import click

from frontlines.cli.errors import EXIT_FAILED_INPUTS, handle_errors, report_rejected
from frontlines.cli.extract import _parse_published
from frontlines.config import load_settings


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--db", "db_url", help="store URL (default: setting 'db', sqlite:///frontlines.db)")
@click.option("--published", help="publication date YYYY-MM-DD for inputs that lack one")
@handle_errors
def ingest_command(paths: tuple[str, ...], db_url: str | None, published: str | None) -> None:
    """Code the reports under PATHS, store their events and merge them with the
    stored events of the same happenings (idempotent)."""
    from frontlines.ingest import read_inputs
    from frontlines.pipeline import default_pipeline
    from frontlines.store import open_store, store_results

    settings = load_settings(db=db_url)
    pipeline = default_pipeline(settings)
    with open_store(settings.db) as store:
        items = read_inputs(paths, published=_parse_published(published), settings=settings)
        summary = store_results(store, pipeline.run(items), on_rejected=report_rejected)
        where = store.url  # a PostgreSQL URL's password is masked there
    merge = summary.merge
    click.echo(
        f"{summary.coded} report(s) coded, {summary.new} new, {summary.events} event(s) stored, "
        f"{summary.rejected} rejected; {merge.total} merged event(s), {len(merge.written)} "
        f"written, {len(merge.deleted)} removed -> {where}",
        err=True,
    )
    if summary.rejected:
        raise SystemExit(EXIT_FAILED_INPUTS)
