"""One entry point for every export format: ``write_events(events, fmt, out)``."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import IO, Any

from frontlines.export.acled_csv import write_csv
from frontlines.export.geojson import write_geojson
from frontlines.export.jsonl import write_json, write_jsonl
from frontlines.export.streams import ExportError, WriteResult, binary_target, text_stream
from frontlines.export.table import write_table
from frontlines.model import Event

# The CLI's --format choices, in the order they are listed.
FORMATS: tuple[str, ...] = ("table", "json", "jsonl", "csv", "geojson", "parquet")
BINARY_FORMATS: frozenset[str] = frozenset({"parquet"})

_TEXT_WRITERS = {
    "table": write_table,
    "json": write_json,
    "jsonl": write_jsonl,
    "csv": write_csv,
}


def write_events(
    events: Iterable[Event], fmt: str, out: IO[Any] | str | os.PathLike[str]
) -> WriteResult:
    """Write ``events`` as ``fmt`` (one of FORMATS) to ``out``.

    ``out`` is a text or binary stream; parquet also takes a file path. A text
    format given a binary stream writes UTF-8.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if fmt == "parquet":
        from frontlines.export.parquet import write_parquet

        return WriteResult(fmt, write_parquet(events, binary_target(out)))
    if isinstance(out, (str, os.PathLike)):
        raise ExportError(f"{fmt} is written to a stream; open the file first", source=str(out))
    with text_stream(out) as stream:
        if fmt == "geojson":
            written, skipped = write_geojson(events, stream)
            return WriteResult(fmt, written, skipped)
        return WriteResult(fmt, _TEXT_WRITERS[fmt](events, stream))
