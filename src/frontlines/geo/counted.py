"""Bytes read of an import's input (or a download), for a progress bar.

An import reads a dump line by line through a text wrapper; ``CountingReader`` sits
under that wrapper and tells ``ByteProgress`` how many bytes it has handed on, so a
caller can draw a bar with a rate and a time left for a file of known size (a zip
member's uncompressed size, a download's Content-Length). Reports come every
``REPORT_BYTES`` or so, always growing, and a last one at the end of the input.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import IO

__all__ = ["REPORT_BYTES", "ByteProgress", "CountingReader", "counted_text"]

# (what is being done, bytes done, bytes in all or None when unknown)
ByteProgress = Callable[[str, int, int | None], None]
# How often a report comes: often enough for a bar to move, rarely enough to cost
# nothing next to the reading.
REPORT_BYTES = 1 << 18


class CountingReader(io.RawIOBase):
    """A binary stream that reports how many bytes have been read from ``inner``."""

    def __init__(
        self,
        inner: IO[bytes],
        progress: ByteProgress,
        label: str,
        total: int | None,
        done: int = 0,
    ) -> None:
        super().__init__()
        self._inner = inner
        self._progress = progress
        self._label = label
        self._total = total
        self.done = done  # bytes before this stream (a first file of several)
        self._reported = done

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        if not self.closed:
            self._inner.close()  # as a text wrapper closes the file it reads
        super().close()

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._inner.read(len(buffer))
        size = len(data)
        buffer[:size] = data
        self.done += size
        unreported = self.done - self._reported
        if unreported >= REPORT_BYTES or (size == 0 and unreported):
            self._reported = self.done
            self._progress(self._label, self.done, self._total)
        return size


def counted_text(
    raw: IO[bytes],
    progress: ByteProgress | None,
    label: str,
    total: int | None,
    *,
    encoding: str = "utf-8",
    newline: str | None = None,
    done: int = 0,
) -> IO[str]:
    """``raw`` as text (as ``open`` would decode it), counting bytes when asked to."""
    if progress is None:
        return io.TextIOWrapper(raw, encoding=encoding, newline=newline)
    counted = io.BufferedReader(CountingReader(raw, progress, label, total, done))
    return io.TextIOWrapper(counted, encoding=encoding, newline=newline)
