"""``frontlines places FILE...``: every place mention found and what it resolved to."""

from __future__ import annotations

import json
import sys
from datetime import date

import click

from frontlines.cli.errors import EXIT_FAILED_INPUTS, handle_errors, report_rejected
from frontlines.model import Article, PlaceMention, Rejected

COLUMNS = (
    "article_id", "start", "end", "text", "name", "geonameid", "feature_code",
    "country_code", "admin1", "latitude", "longitude", "geo_precision",
)  # fmt: skip


@click.command("places")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--published", help="publication date YYYY-MM-DD (kept for symmetry with extract)")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl", "json"]), default="table",
    show_default=True,
)  # fmt: skip
@handle_errors
def places_command(files: tuple[str, ...], published: str | None, fmt: str) -> None:
    """Print every place mention in FILES (text, Markdown, HTML or JSONL)."""
    from frontlines.geo import load_geocoder
    from frontlines.ingest import read_inputs

    geocoder = load_geocoder()
    when = date.fromisoformat(published) if published else None
    rows: list[dict[str, object]] = []
    failed = 0
    for item in read_inputs(files, published=when):
        if isinstance(item, Rejected):
            report_rejected(item)
            failed += 1
            continue
        assert isinstance(item, Article)
        mentions: list[PlaceMention] = geocoder.mentions(item.text, article_id=item.id)
        rows.extend(m.to_dict() for m in mentions)
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif rows:
        _table(rows)
    elif not failed:  # an empty table with no error said nothing
        click.echo("no place mentions found", err=True)
    if failed:
        raise SystemExit(EXIT_FAILED_INPUTS)


def _table(rows: list[dict[str, object]]) -> None:
    shown = ("text", "name", "feature_code", "country_code", "admin1", "latitude", "longitude",
             "geo_precision")  # fmt: skip
    cells = [[("" if r[c] is None else str(r[c])) for c in shown] for r in rows]
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(shown)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(shown, widths, strict=True)))
    for row in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)))
