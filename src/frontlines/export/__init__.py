"""export stage: events as JSON, JSON Lines, ACLED-ordered CSV, GeoJSON, Parquet, a
terminal table, or a pandas DataFrame.

>>> write_events(events, "csv", sys.stdout)
>>> frame = events_to_dataframe(events)

Each format is a small module with a ``write_*`` function over a stream; ``write.py``
dispatches on the format name. pandas and pyarrow load only for Parquet/DataFrames.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from frontlines.export.acled_csv import CSV_COLUMNS
from frontlines.export.streams import ExportError, WriteResult
from frontlines.export.write import BINARY_FORMATS, FORMATS, write_events

if TYPE_CHECKING:
    from collections.abc import Iterable

    import pandas

    from frontlines.model import Event

__all__ = [
    "BINARY_FORMATS",
    "CSV_COLUMNS",
    "FORMATS",
    "ExportError",
    "WriteResult",
    "events_to_dataframe",
    "write_events",
]


def events_to_dataframe(events: Iterable[Event]) -> pandas.DataFrame:
    """Events as a DataFrame in ACLED's column order, then ours (see ``parquet.py``)."""
    from frontlines.export.parquet import events_to_dataframe as to_frame

    return to_frame(events)
