"""Control states and periods as a terminal table, JSON, GeoJSON or CSV.

JSON carries everything (evidence spans included); CSV and the table carry one line
per place or period, with event ids '; '-joined; GeoJSON is a FeatureCollection of
points (places without coordinates are left out and counted).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import Any, TextIO

from frontlines.control.records import ControlPeriod, ControlState
from frontlines.errors import InputError

FORMATS = ("table", "json", "geojson", "csv")
STATE_COLUMNS: tuple[str, ...] = (
    "location", "admin1", "country", "latitude", "longitude", "date", "controller",
    "previous", "since", "last_observed", "confidence", "hedged", "event_ids", "place_key",
)  # fmt: skip
PERIOD_COLUMNS: tuple[str, ...] = (
    "location", "admin1", "country", "latitude", "longitude", "controller", "start", "end",
    "previous", "last_observed", "hedged", "event_ids", "place_key",
)  # fmt: skip
TABLE_COLUMNS = {
    "states": ("location", "admin1", "controller", "since", "last_observed", "confidence"),
    "periods": ("location", "admin1", "controller", "start", "end", "previous"),
}
_WIDTH = 32


def _flat(row: dict[str, Any], columns: Sequence[str]) -> dict[str, Any]:
    out = {c: row.get(c) for c in columns}
    if "event_ids" in out:
        out["event_ids"] = "; ".join(row.get("event_ids") or ())
    return out


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"


def _table(rows: list[dict[str, Any]], columns: Sequence[str], out: TextIO) -> None:
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    for row in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() + "\n")


def _geojson(rows: list[dict[str, Any]], out: TextIO) -> int:
    features = []
    skipped = 0
    for row in rows:
        if row.get("latitude") is None or row.get("longitude") is None:
            skipped += 1
            continue
        properties = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
                "properties": properties,
            }
        )
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return skipped


def _write(rows: list[dict[str, Any]], columns: Sequence[str], kind: str, fmt: str,
           out: TextIO) -> int:  # fmt: skip
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "geojson":
        return _geojson(rows, out)
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(_flat(r, columns) for r in rows)
    elif fmt == "table":
        _table([_flat(r, columns) for r in rows], TABLE_COLUMNS[kind], out)
    else:
        raise InputError(f"unknown format; choose one of {', '.join(FORMATS)}", source=fmt)
    return 0


def write_states(states: Sequence[ControlState], fmt: str, out: TextIO) -> int:
    """Write ``states``; returns how many were left out (GeoJSON without coordinates)."""
    return _write([s.to_dict() for s in states], STATE_COLUMNS, "states", fmt, out)


def write_periods(periods: Sequence[ControlPeriod], fmt: str, out: TextIO) -> int:
    """Write a place's ``periods``; returns how many were left out (as above)."""
    return _write([p.to_dict() for p in periods], PERIOD_COLUMNS, "periods", fmt, out)
