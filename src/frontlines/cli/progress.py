"""Progress on a terminal, silence in pipes and CI.

A bar (rich) with count, rate and time left is drawn only when stderr is a
terminal and ``CI`` is unset, so logs and pipes get just the final summary line.
Each helper degrades to nothing when rich is missing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from frontlines.ingest import FORMATS

T = TypeVar("T")


def interactive() -> bool:
    """Whether to draw progress: a terminal on stderr, and not CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def progress(label: str, total: int | None = None) -> Iterator[Callable[[int], None] | None]:
    """A callback taking the number done so far, drawing a bar; None when silent."""
    if not interactive():
        yield None
        return
    try:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
    except ImportError:  # rich is optional: no bar without it
        yield None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
    )
    # On stderr: stdout may be the data (``frontlines extract ... > events.jsonl``).
    with Progress(*columns, transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task(label, total=total, rate="")

        def update(done: int) -> None:
            speed = bar.tasks[task].speed
            bar.update(task, completed=done, rate=f"{speed:.1f}/s" if speed else "")

        yield update


def track(items: Iterable[T], label: str, total: int | None = None) -> Iterator[T]:
    """``items``, advancing a bar as they are consumed (see ``progress``)."""
    with progress(label, total) as update:
        if update is None:
            yield from items
            return
        for done, item in enumerate(items, start=1):
            yield item
            update(done)


@contextmanager
def status(message: str) -> Iterator[None]:
    """A spinner with ``message`` for a step without a count (silent when not a TTY)."""
    if not interactive():
        yield
        return
    try:
        from rich.console import Console
    except ImportError:
        yield
        return
    with Console(stderr=True).status(message):
        yield


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
