"""``frontlines ingest PATH...``: parse, code and store reports.

On a terminal a progress bar counts the reports coded (rate, time left); pipes and
CI get only the rejected inputs and the summary line. ``--rejects FILE`` also writes
every rejected input with its reason, one JSON object a line.
"""

from __future__ import annotations

import json
from contextlib import ExitStack
from pathlib import Path
from typing import TextIO

import click

from frontlines.cli.errors import EXIT_FAILED_INPUTS, handle_errors, report_rejected
from frontlines.cli.extract import _parse_published
from frontlines.cli.progress import count_reports, interactive, track
from frontlines.config import load_settings
from frontlines.errors import InputError
from frontlines.model import Rejected


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--db", "db_url", help="store URL (default: setting 'db', sqlite:///frontlines.db)")
@click.option("--published", help="publication date YYYY-MM-DD for inputs that lack one")
@click.option("--rejects", "rejects_path", type=click.Path(dir_okay=False, path_type=Path),
              help="write each rejected input and its reason to FILE (JSONL)")  # fmt: skip
@handle_errors
def ingest_command(
    paths: tuple[str, ...], db_url: str | None, published: str | None, rejects_path: Path | None
) -> None:
    """Code the reports under PATHS, store their events and merge them with the
    stored events of the same happenings (idempotent)."""
    from frontlines.ingest import read_inputs
    from frontlines.pipeline import default_pipeline
    from frontlines.store import open_store, store_results

    settings = load_settings(db=db_url)
    pipeline = default_pipeline(settings)
    drawing = interactive()
    held: list[Rejected] = []  # printed after the bar, which would garble them

    with ExitStack() as stack:
        # Opened before the store, so an unwritable rejects file stops the run before
        # anything is coded or stored.
        rejects_out = stack.enter_context(_open_rejects(rejects_path)) if rejects_path else None
        store = stack.enter_context(open_store(settings.db))

        def on_rejected(rejected: Rejected) -> None:
            if rejects_out is not None:
                record = {"input": rejected.input, "reason": rejected.reason,
                          "code": rejected.code}  # fmt: skip
                rejects_out.write(json.dumps(record, ensure_ascii=False) + "\n")
            if drawing:
                held.append(rejected)
            else:
                report_rejected(rejected)

        items = read_inputs(paths, published=_parse_published(published), settings=settings)
        total = count_reports(paths) if drawing else None
        results = track(pipeline.run(items), "coding reports", total)
        summary = store_results(store, results, on_rejected=on_rejected)
        where = store.url  # a PostgreSQL URL's password is masked there
    for rejected in held:
        report_rejected(rejected)
    merge = summary.merge
    reasons = f" (reasons in {rejects_path})" if rejects_path and summary.rejected else ""
    click.echo(
        f"{summary.coded + summary.rejected} report(s) read: {summary.coded} report(s) coded, "
        f"{summary.new} new, {summary.events} event(s) stored, {summary.rejected} rejected"
        f"{reasons}; {merge.total} merged event(s), {len(merge.written)} written, "
        f"{len(merge.deleted)} removed -> {where}",
        err=True,
    )
    if summary.rejected:
        raise SystemExit(EXIT_FAILED_INPUTS)


def _open_rejects(path: Path) -> TextIO:
    try:
        return path.open("w", encoding="utf-8")
    except OSError as exc:
        reason = f"cannot write the rejects file: {exc.strerror or exc}"
        raise InputError(reason, source=str(path)) from exc
