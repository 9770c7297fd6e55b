"""CSV in ACLED's column order, then our own columns, so ACLED tooling loads it.

List values follow ACLED's habit of '; '-joined text (associated actors, losses);
evidence spans, which have structure, are a JSON list in their column.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from frontlines.model import ACLED_COLUMNS, EXTRA_COLUMNS, Event

CSV_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + EXTRA_COLUMNS


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def csv_row(event: Event) -> dict[str, Any]:
    data = event.to_dict()
    data["losses"] = "; ".join(event.losses)
    data["evidence"] = json.dumps(data["evidence"], ensure_ascii=False)
    return {column: _cell(data[column]) for column in CSV_COLUMNS}


def write_csv(events: Iterable[Event], out: IO[str]) -> int:
    # "\n" rather than csv's default "\r\n": the output is mostly piped on Unix, and
    # every CSV reader accepts either.
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(csv_row(event))
        count += 1
    return count
