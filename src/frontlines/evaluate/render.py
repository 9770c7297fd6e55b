"""Evaluation results for people: terminal tables and the per-row error file.

The error file quotes the gold data's notes, so it is a local artefact: write it
outside the repository (or to an ignored path) and never commit it.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from frontlines.errors import ExportError

if TYPE_CHECKING:
    from frontlines.evaluate.acled import AcledReport

__all__ = ["format_confusion", "format_metrics", "format_table", "write_report"]

REPORT_FIELDS = ("row_id", "field", "gold", "predicted", "notes")
# Confusion cells are labelled with this many leading characters of the label.
LABEL_WIDTH = 12
# Metric names ending so are counts, speeds, errors or areas, not rates.
_NOT_RATES = (
    *("rows", "articles", "toponyms", "_pairs", "_events"),
    *("_mae", "_km", "per_second", "per_row", "_auc"),
)


def _is_rate(name: str) -> bool:
    return not name.endswith(_NOT_RATES)


def format_metrics(summary: Mapping[str, float], title: str = "") -> str:
    """One ``name  value`` line per metric, rates as percentages."""
    lines = [title] if title else []
    for name, value in summary.items():
        if _is_rate(name):
            shown = f"{value * 100:7.1f} %"
        elif float(value).is_integer():
            shown = f"{int(value):9d}"  # a count: every digit ("20108", not "2.011e+04")
        else:
            shown = f"{value:9.4g}"
        lines.append(f"  {name:32}{shown}")
    return "\n".join(lines)


def format_confusion(table: Mapping[str, Mapping[str, int]]) -> str:
    """Gold labels down, predicted labels across; labels shortened to fit."""
    columns = sorted({p for row in table.values() for p in row})
    head = " " * (LABEL_WIDTH + 2) + " ".join(f"{c[:LABEL_WIDTH]:>{LABEL_WIDTH}}" for c in columns)
    lines = ["gold \\ predicted", head]
    for gold in sorted(table):
        cells = " ".join(f"{table[gold].get(c, 0):>{LABEL_WIDTH}}" for c in columns)
        lines.append(f"  {gold[:LABEL_WIDTH]:{LABEL_WIDTH}}{cells}")
    return "\n".join(lines)


def format_table(report: AcledReport, top: int = 5) -> str:
    """The ACLED scores, the sub-event confusion, event counts and largest errors."""
    parts = [format_metrics(report.summary(), "ACLED scores")]
    parts.append("sub_event_type " + format_confusion(report.sub_event_confusion()))
    histogram = ", ".join(f"{k} events: {v}" for k, v in sorted(report.events_per_row.items()))
    parts.append(f"predicted events per row: {histogram or 'no rows'}")
    classes = report.error_classes(top)
    if classes:
        lines = [f"{len(classes)} largest error classes:"]
        lines += [f"  {c.count:6}  {c}   (e.g. {c.example_row})" for c in classes]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def write_report(report: AcledReport, path: str | Path) -> int:
    """Every disagreement, one per line: CSV for a ``.csv`` path, JSONL otherwise.
    Returns the number written."""
    target = Path(path)
    items: Iterable[dict[str, str]] = (d.to_dict() for d in report.disagreements)
    count = 0
    try:
        with target.open("w", encoding="utf-8", newline="") as out:
            if target.suffix.lower() == ".csv":
                writer = csv.DictWriter(out, fieldnames=REPORT_FIELDS)
                writer.writeheader()
                for item in items:
                    writer.writerow(item)
                    count += 1
            else:
                for item in items:
                    out.write(json.dumps(item, ensure_ascii=False) + "\n")
                    count += 1
    except OSError as exc:
        raise ExportError(f"cannot write the report: {exc.strerror}", source=str(path)) from exc
    return count
