"""Where an export goes: a text stream, a binary stream or a file path.

Writers take what the caller has (``sys.stdout``, an open file, ``io.BytesIO``) and
adapt it here, so each writer deals with one kind of stream only.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

from frontlines.errors import ExportError


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What ``write_events`` wrote: ``skipped`` counts events the format cannot hold
    (GeoJSON: events without coordinates)."""

    format: str
    written: int
    skipped: int = 0


def _is_binary(out: IO[Any]) -> bool:
    if isinstance(out, io.TextIOBase):
        return False
    if isinstance(out, (io.RawIOBase, io.BufferedIOBase)):
        return True
    return "b" in str(getattr(out, "mode", ""))


@contextmanager
def text_stream(out: IO[Any]) -> Iterator[IO[str]]:
    """``out`` as a UTF-8 text stream (wrapping a binary one without closing it)."""
    if not _is_binary(out):
        yield out
        return
    wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        yield wrapper
        wrapper.flush()
    finally:
        # Hand the binary stream back to its owner open.
        wrapper.detach()


def binary_target(out: IO[Any] | str | os.PathLike[str]) -> IO[bytes] | str:
    """A path or binary stream for a binary format; a text stream's buffer if it has one."""
    if isinstance(out, (str, os.PathLike)):
        return os.fspath(out)
    if _is_binary(out):
        return out
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        return buffer
    raise ExportError("this format is binary: give a file path or a binary stream")
