"""Click options shared by commands, so the same flag means the same thing everywhere
(as sqlite-utils does). Each is a factory returning a decorator:

    @click.command()
    @db_option()
    @format_option(default="jsonl")
    def command(db_url: str | None, fmt: str) -> None: ...

Settings are resolved when the command runs (``load_settings(db=db_url)``), never
at import, so ``--help`` reads no config file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from frontlines.export import FORMATS

F = TypeVar("F", bound=Callable[..., Any])


def db_option() -> Callable[[F], F]:
    """``--db URL`` into ``db_url`` (None: the ``db`` setting)."""
    return click.option(
        "--db",
        "db_url",
        metavar="URL",
        default=None,
        help="store URL, sqlite:///PATH or postgresql://... (default: setting 'db', "
        "sqlite:///frontlines.db)",
    )


def format_option(default: str = "table", formats: Sequence[str] = FORMATS) -> Callable[[F], F]:
    """``--format`` into ``fmt``, one of ``formats``."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(formats)),
        default=default,
        show_default=True,
        help="output format",
    )


def output_option() -> Callable[[F], F]:
    """``--output FILE`` into ``output`` (None: standard output)."""
    return click.option(
        "--output",
        "-o",
        "output",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="write to FILE instead of standard output",
    )


def parse_date_option(
    _ctx: click.Context, param: click.Parameter, value: str | None
) -> date | None:
    """Click callback: YYYY-MM-DD to a date; anything else is a usage error (exit 2)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param=param) from None


def date_option(*names: str, help: str) -> Callable[[F], F]:
    """A ``YYYY-MM-DD`` option given to the command as a ``date``."""
    return click.option(*names, metavar="YYYY-MM-DD", callback=parse_date_option, help=help)
