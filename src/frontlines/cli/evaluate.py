"""``frontlines evaluate ...``: score frontlines against human-coded data.

    frontlines evaluate acled GOLD.csv [--start N] [--limit N] [--report FILE]
                                       [--format table|json]
    frontlines evaluate acled-geo GOLD.csv [--limit N] [--format table|json]
    frontlines evaluate geoparsing CORPUS.xml [--corpus lgl|geovirus|gwn]
                                   [--mode end-to-end|gold-spans] [--limit N] [--report FILE]
    frontlines evaluate gate [--update [--allow-lower --reason TEXT]] [--only SECTION]

Each command is a thin layer over ``frontlines.evaluate``. A progress bar (rich, with
rate and time left) is shown on a terminal only, never in pipes or CI.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import click

from frontlines.cli.errors import EXIT_FAILED_INPUTS, handle_errors
from frontlines.cli.progress import progress as _progress
from frontlines.errors import InputError

FORMATS = ("table", "json")


def _print(summary: Mapping[str, float], fmt: str, title: str, table: str | None = None) -> None:
    if fmt == "json":
        json.dump(dict(summary), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    from frontlines.evaluate.render import format_metrics

    click.echo(table if table is not None else format_metrics(summary, title))


def _limit_option() -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option("--limit", type=click.IntRange(min=1), help="score only the first N")


def _format_option() -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
                        show_default=True, help="output format")  # fmt: skip


@click.group("evaluate")
def evaluate_group() -> None:
    """Score frontlines against human-coded data (ACLED rows, geoparsing corpora)."""


@evaluate_group.command("acled")
@click.argument("gold", type=click.Path(path_type=str))
@click.option("--start", type=click.IntRange(min=0), default=0, show_default=True,
              help="skip the first N rows (score a held-out slice)")  # fmt: skip
@_limit_option()
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=str),
              help="write every disagreement to FILE (.csv, else JSONL); it quotes the "
                   "gold notes, so keep it out of the repository")  # fmt: skip
@_format_option()
@handle_errors
def acled_command(
    gold: str, start: int, limit: int | None, report_path: str | None, fmt: str
) -> None:
    """Code each row's notes (dated by its event_date) and score against the row."""
    from frontlines.evaluate.acled import read_acled, score_acled, write_report
    from frontlines.evaluate.runners import pipeline_extractor

    extractor = pipeline_extractor()
    with _progress("ACLED rows", limit) as progress:
        try:
            report = score_acled(
                read_acled(gold), extractor, start=start, limit=limit, progress=progress
            )
        except InputError as exc:
            exc.source = exc.source or gold
            raise
    if report_path:
        count = write_report(report, report_path)
        click.echo(f"{count} disagreements written to {report_path}", err=True)
    _print(report.summary(), fmt, "ACLED scores", report.format_table() if fmt == "table" else None)


@evaluate_group.command("acled-geo")
@click.argument("gold", type=click.Path(path_type=str))
@_limit_option()
@_format_option()
@handle_errors
def acled_geo_command(gold: str, limit: int | None, fmt: str) -> None:
    """Resolve each row's location name (notes as context) and score the place."""
    from frontlines.evaluate.acled import read_acled
    from frontlines.evaluate.acled_geo import score_acled_geo
    from frontlines.evaluate.runners import geocoder_location_resolver, load_default_geocoder

    resolver = geocoder_location_resolver(load_default_geocoder())
    with _progress("ACLED locations", limit) as progress:
        report = score_acled_geo(read_acled(gold), resolver, limit=limit, progress=progress)
    _print(report.summary(), fmt, "ACLED location resolution (p1_: geo_precision 1 rows)")


@evaluate_group.command("geoparsing")
@click.argument("corpus_file", metavar="CORPUS.xml", type=click.Path(path_type=str))
@click.option("--corpus", type=click.Choice(["lgl", "geovirus", "gwn"]),
              help="corpus layout (default: detected from the file)")  # fmt: skip
@click.option("--mode", type=click.Choice(["end-to-end", "gold-spans"]), default="end-to-end",
              show_default=True,
              help="find places in raw text, or resolve the annotated spans only")  # fmt: skip
@_limit_option()
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=str),
              help="write every missed toponym (JSONL: gold and our place, error km, "
                   "context) and, end to end, every place found where the corpus marks "
                   "none; it quotes the corpus, so keep it out of the repository")  # fmt: skip
@_format_option()
@handle_errors
def geoparsing_command(
    corpus_file: str,
    corpus: str | None,
    mode: str,
    limit: int | None,
    report_path: str | None,
    fmt: str,
) -> None:
    """Score place recognition and resolution on a geoparsing corpus."""
    from frontlines.evaluate.corpora import read_corpus
    from frontlines.evaluate.geoparsing import score_geoparsing, score_gold_spans, write_misses
    from frontlines.evaluate.runners import (
        geocoder_gold_spans,
        geocoder_places,
        load_default_geocoder,
    )

    articles = read_corpus(corpus_file, corpus)
    geocoder = load_default_geocoder()
    with _progress(f"{Path(corpus_file).name} articles", limit) as progress:
        if mode == "gold-spans":
            report = score_gold_spans(articles, geocoder_gold_spans(geocoder), limit=limit,
                                      progress=progress)  # fmt: skip
        else:
            report = score_geoparsing(articles, geocoder_places(geocoder), limit=limit,
                                      progress=progress)  # fmt: skip
    if report_path:
        count = write_misses(report, report_path)
        click.echo(f"{count} misses written to {report_path}", err=True)
    _print(report.summary(), fmt, f"{Path(corpus_file).name}, {mode}")


@evaluate_group.command("gate")
@click.option("--scores", "scores_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("quality/scores.toml"), show_default=True,
              help="the pinned-scores file")  # fmt: skip
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path),
              help="development data directory (default: $FRONTLINES_DEV_DATA, "
                   "else ../shared/data next to the scores file's repository)")  # fmt: skip
@click.option("--only", multiple=True, help="run only this section (repeatable)")
@click.option("--update", is_flag=True, help="tighten the pins to the measured scores")
@click.option("--allow-lower", is_flag=True, help="with --update: also loosen pins")
@click.option("--reason", help="why pins are loosened (required with --allow-lower)")
@_format_option()
@handle_errors
def gate_command(
    scores_path: Path,
    data_dir: Path | None,
    only: tuple[str, ...],
    update: bool,
    allow_lower: bool,
    reason: str | None,
    fmt: str,
) -> None:
    """Measure every section of the pinned-scores file and compare with its pins."""
    from frontlines.errors import ConfigError
    from frontlines.evaluate.gate import check_gate, load_pins, update_gate
    from frontlines.evaluate.runners import default_data_dir, run_section

    if allow_lower and not update:
        raise ConfigError("--allow-lower only applies with --update")
    pins = load_pins(scores_path)
    unknown = sorted(set(only) - set(pins))
    if unknown:
        raise ConfigError(f"no such section: {', '.join(unknown)}", source=str(scores_path))
    data = data_dir or default_data_dir(scores_path.resolve().parent.parent)
    measured: dict[str, dict[str, float]] = {}
    for section in only or sorted(pins):
        spec = pins[section]
        with _progress(section, int(spec["rows"]) if "rows" in spec else None) as progress:
            measured[section] = run_section(section, spec, data, progress)
    if fmt == "json":
        json.dump(measured, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        from frontlines.evaluate.render import format_metrics

        for section, summary in measured.items():
            click.echo(format_metrics(summary, f"[{section}]"))
    failures = check_gate(measured, pins)
    if update:
        result = update_gate(scores_path, measured, allow_lower=allow_lower, reason=reason)
        for line in result.tightened:
            click.echo(f"tightened {line}", err=True)
        for line in result.loosened:
            click.echo(f"loosened {line} ({reason})", err=True)
        for line in result.refused:
            click.echo(f"not lowered (needs --allow-lower --reason): {line}", err=True)
        failures = check_gate(measured, load_pins(scores_path))
    for line in failures:
        click.echo(f"gate: {line}", err=True)
    if failures:
        raise SystemExit(EXIT_FAILED_INPUTS)
