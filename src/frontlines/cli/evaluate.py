"""``frontlines evaluate acled GOLD.csv``: score event coding against ACLED rows."""

from __future__ import annotations

import json
import sys
from datetime import date

import click

from frontlines.cli.errors import handle_errors
from frontlines.model import Article, Event


def pipeline_extractor() -> object:
    from frontlines.pipeline import default_pipeline

    pipeline = default_pipeline()
    counter = iter(range(10**12))

    def extract(text: str, published: date) -> list[Event]:
        return pipeline.process(Article(f"row-{next(counter)}", text, published=published))

    return extract


@click.group("evaluate")
def evaluate_group() -> None:
    """Score frontlines against human-coded data."""


@evaluate_group.command("acled")
@click.argument("gold", type=click.Path(path_type=str))
@click.option("--limit", type=int, help="score only the first N rows")
@click.option("--report", "report_path", type=click.Path(path_type=str),
              help="write every disagreement to this JSONL file")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@handle_errors
def acled_command(gold: str, limit: int | None, report_path: str | None, fmt: str) -> None:
    """Run extraction on each row's notes and score it against the row."""
    from frontlines.evaluate.acled import read_acled, score_acled, write_report

    report = score_acled(read_acled(gold), pipeline_extractor(), limit=limit)  # type: ignore[arg-type]
    summary = report.summary()
    if report_path:
        write_report(report, report_path)
    if fmt == "json":
        json.dump(summary, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    for name, value in summary.items():
        click.echo(f"{name:24} {value}")
    click.echo("\nlargest error classes:")
    for key, count, example in report.top_errors(5):
        click.echo(f"  {count:5}  {key}   e.g. {example['row']}")
