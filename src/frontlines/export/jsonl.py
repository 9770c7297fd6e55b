"""JSON (one list) and JSON Lines (one event per line): ``Event.to_dict`` as is, so
evidence spans are kept and ``Event.from_dict`` reads either back."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from frontlines.model import Event


def write_jsonl(events: Iterable[Event], out: IO[str]) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_json(events: Iterable[Event], out: IO[str]) -> int:
    """A JSON list, written item by item so a large query is never held as one string."""
    count = 0
    out.write("[")
    for event in events:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(event.to_dict(), ensure_ascii=False, indent=2))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count
