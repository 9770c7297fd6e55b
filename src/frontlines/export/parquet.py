"""pandas DataFrames and Parquet files of events, in ACLED's column order.

pandas and pyarrow are imported when used, so the CLI starts without them. The
Parquet schema is written out rather than inferred: a batch where every admin3 is
missing, or no event has evidence, still gives the same column types.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

from frontlines.model import ACLED_COLUMNS, EXTRA_COLUMNS, Event

if TYPE_CHECKING:
    import pandas
    import pyarrow

COLUMNS: tuple[str, ...] = ACLED_COLUMNS + EXTRA_COLUMNS

# Integer columns that may be missing use pandas' nullable Int64 so they stay integers.
_NULLABLE_INT = ("inter1", "inter2", "geo_precision")
_INT = ("time_precision", "fatalities")
_FLOAT = ("latitude", "longitude", "confidence")
_LISTS = ("losses", "evidence")


def events_to_dataframe(events: Iterable[Event]) -> pandas.DataFrame:
    """One row per event: ACLED's columns, then ours; ``event_date`` as datetime64,
    ``losses`` and ``evidence`` as list columns (evidence items are dicts). Text
    columns keep pandas' own string inference."""
    import pandas as pd

    records = [event.to_dict() for event in events]
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    # Nanoseconds whatever pandas would infer (pandas 3 picks the unit from the data),
    # so frames from different batches concatenate without casting.
    dates = pd.to_datetime(frame["event_date"], format="%Y-%m-%d")
    frame["event_date"] = dates.astype("datetime64[ns]")
    for column in _NULLABLE_INT:
        frame[column] = frame[column].astype("Int64")
    for column in _INT:
        frame[column] = frame[column].astype("int64")
    for column in _FLOAT:
        frame[column] = frame[column].astype("float64")
    frame["hedged"] = frame["hedged"].astype("bool")
    return frame


def arrow_schema() -> pyarrow.Schema:
    import pyarrow as pa

    types: dict[str, Any] = dict.fromkeys(COLUMNS, pa.string())
    types.update(
        event_date=pa.date32(),
        time_precision=pa.int64(),
        inter1=pa.int64(),
        inter2=pa.int64(),
        latitude=pa.float64(),
        longitude=pa.float64(),
        geo_precision=pa.int64(),
        fatalities=pa.int64(),
        hedged=pa.bool_(),
        confidence=pa.float64(),
        losses=pa.list_(pa.string()),
        evidence=pa.list_(
            pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
        ),
    )
    return pa.schema([(name, types[name]) for name in COLUMNS])


def write_parquet(events: Iterable[Event], out: IO[bytes] | str | os.PathLike[str]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    frame = events_to_dataframe(events)
    table = pa.Table.from_pandas(frame, schema=arrow_schema(), preserve_index=False)
    pq.write_table(table, out)
    return len(frame)
