"""Read ACLED exports (the user's own files) into typed rows.

Two column sets occur: the current one (``event_id_cnty``, dates like "02 June 2023",
"NA" for a missing value) and the older 2020 one (``data_id`` first, dates like
"9-May-20", empty cells for a missing value). Both read into the same ``AcledRow``.
Rows without notes are skipped: there is no text to code (the older sample ends in
a truncated row like that).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from frontlines.errors import InputError, InvalidDateError, MalformedInputError

__all__ = ["REQUIRED_COLUMNS", "AcledRow", "parse_acled_date", "read_acled"]

REQUIRED_COLUMNS = frozenset({"event_date", "event_type", "sub_event_type", "actor1", "notes"})

# How ACLED exports have written a missing value.
_MISSING = frozenset({"", "NA", "N/A", "NULL", "None"})

# Tried in order; day-first always (ACLED never writes month-first dates).
_DATE_FORMATS = (
    "%Y-%m-%d",  # 2017-05-15
    "%d %B %Y",  # 15 May 2017, 02 June 2023
    "%d %b %Y",  # 15 Jun 2017
    "%d-%B-%Y",  # 15-May-2017
    "%d-%b-%Y",  # 15-Jun-2017
    "%d-%b-%y",  # 9-May-20
    "%d-%B-%y",  # 9-June-20
    "%d/%m/%Y",  # 15/05/2017
)


@dataclass(frozen=True, slots=True)
class AcledRow:
    """The coded fields of one ACLED row that the scorers compare against."""

    event_id_cnty: str
    event_date: date
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: tuple[str, ...]
    actor2: str | None
    assoc_actor_2: tuple[str, ...]
    inter1: int | None
    inter2: int | None
    country: str | None
    admin1: str | None
    admin2: str | None
    admin3: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int
    notes: str
    source: str | None

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def parse_acled_date(value: str, *, where: str = "event_date") -> date:
    """A date in any of the styles ACLED exports use; InvalidDateError otherwise."""
    text = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise InvalidDateError(f"unreadable event_date {value!r}", source=where)


def _text(raw: dict[str, str | None], column: str) -> str | None:
    value = (raw.get(column) or "").strip()
    return None if value in _MISSING else value


def _list(raw: dict[str, str | None], column: str) -> tuple[str, ...]:
    value = _text(raw, column)
    return tuple(p.strip() for p in value.split(";") if p.strip()) if value else ()


def _number(raw: dict[str, str | None], column: str, where: str) -> float | None:
    value = _text(raw, column)
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        raise MalformedInputError(f"{column} is not a number: {value!r}", source=where) from None


def _integer(raw: dict[str, str | None], column: str, where: str) -> int | None:
    number = _number(raw, column, where)
    return None if number is None else int(number)


def read_acled(path: str | Path) -> Iterator[AcledRow]:
    """The rows (with notes) of an ACLED CSV export, in file order."""
    source = Path(path)
    if not source.is_file():
        raise InputError("no such file", source=str(path))
    with source.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = REQUIRED_COLUMNS - set(reader.fieldnames or ())
        if missing:
            raise MalformedInputError(
                f"not an ACLED export: missing columns {', '.join(sorted(missing))}",
                source=str(path),
            )
        for line, raw in enumerate(reader, start=2):
            notes = _text(raw, "notes")
            if not notes:
                continue
            where = f"{path}:{line}"
            yield AcledRow(
                event_id_cnty=_text(raw, "event_id_cnty") or f"line-{line}",
                event_date=parse_acled_date(raw.get("event_date") or "", where=where),
                event_type=_text(raw, "event_type") or "",
                sub_event_type=_text(raw, "sub_event_type") or "",
                actor1=_text(raw, "actor1") or "",
                assoc_actor_1=_list(raw, "assoc_actor_1"),
                actor2=_text(raw, "actor2"),
                assoc_actor_2=_list(raw, "assoc_actor_2"),
                inter1=_integer(raw, "inter1", where),
                inter2=_integer(raw, "inter2", where),
                country=_text(raw, "country"),
                admin1=_text(raw, "admin1"),
                admin2=_text(raw, "admin2"),
                admin3=_text(raw, "admin3"),
                location=_text(raw, "location"),
                latitude=_number(raw, "latitude", where),
                longitude=_number(raw, "longitude", where),
                geo_precision=_integer(raw, "geo_precision", where),
                fatalities=_integer(raw, "fatalities", where) or 0,
                notes=notes,
                source=_text(raw, "source"),
            )
