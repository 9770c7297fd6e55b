"""Progress on a terminal, silence in pipes and CI.

A bar (rich) with count, rate and time left is drawn only when stderr is a
terminal and ``CI`` is unset, so logs and pipes get just the final summary line.
Each helper degrades to nothing when rich is missing. ``byte_progress`` counts
bytes (imports, downloads) for the library's ``ByteProgress`` callbacks.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from frontlines.ingest import FORMATS

if TYPE_CHECKING:  # the geo package is heavy to import; every command imports this
    from frontlines.geo.counted import ByteProgress

T = TypeVar("T")


def interactive() -> bool:
    """Whether to draw progress: a terminal on stderr, and not CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")


class Update(Protocol):
    """Moves a bar to ``done``; a new ``label`` starts it afresh (rate and time left
    too), a new ``total`` resizes it."""

    def __call__(self, done: int, total: int | None = None, label: str | None = None) -> None: ...


@contextmanager
def progress(
    label: str, total: int | None = None, *, in_bytes: bool = False
) -> Iterator[Update | None]:
    """A callback taking the number done so far, drawing a bar; None when silent.
    ``in_bytes``: the count is bytes, shown as sizes and a transfer speed."""
    if not interactive():
        yield None
        return
    try:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )
    except ImportError:  # rich is optional: no bar without it
        yield None
        return
    counted = (
        (DownloadColumn(), TransferSpeedColumn())
        if in_bytes
        else (MofNCompleteColumn(), TextColumn("{task.fields[rate]}"))
    )
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        *counted,
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
    )
    # On stderr: stdout may be the data (``frontlines extract ... > events.jsonl``).
    with Progress(*columns, transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task(label, total=total, rate="")

        def update(done: int, total: int | None = None, label: str | None = None) -> None:
            if label is not None and label != bar.tasks[task].description:
                bar.reset(task, total=total, description=label)
            elif total is not None:
                bar.update(task, total=total)
            speed = bar.tasks[task].speed
            bar.update(task, completed=done, rate=f"{speed:.1f}/s" if speed else "")

        yield update


@contextmanager
def byte_progress(label: str) -> Iterator[ByteProgress | None]:
    """A bar for an import or a download, as the ``progress`` callback the library's
    importers take; None when silent (the library then counts nothing)."""
    with progress(label, in_bytes=True) as update:
        if update is None:
            yield None
            return

        def on_bytes(what: str, done: int, total: int | None) -> None:
            update(done, total=total, label=what)

        yield on_bytes


def track(items: Iterable[T], label: str, total: int | None = None) -> Iterator[T]:
    """``items``, advancing a bar as they are consumed (see ``progress``)."""
    with progress(label, total) as update:
        if update is None:
            yield from items
            return
        for done, item in enumerate(items, start=1):
            yield item
            update(done)


def count_reports(paths: Iterable[str | Path]) -> int:
    """About how many reports ``ingest.read_inputs`` will yield (for the bar's total):
    one per file, one per non-blank line of a JSONL file."""
    total = 0
    for given in paths:
        path = Path(given)
        files = (
            [p for p in sorted(path.rglob("*")) if p.is_file() and _readable(p, path)]
            if path.is_dir()
            else [path]
        )
        for file in files:
            if FORMATS.get(file.suffix.lower()) == "jsonl":
                try:
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def _readable(file: Path, root: Path) -> bool:
    parts = file.relative_to(root).parts
    known = file.suffix.lower() in FORMATS or not file.suffix
    return known and not any(part.startswith(".") for part in parts)
