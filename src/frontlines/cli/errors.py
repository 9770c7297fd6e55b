"""How the CLI reports failure: one line per problem, ``input: reason``, on stderr,
and a non-zero exit code. A traceback is always a bug."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import click

from frontlines.errors import FrontlinesError
from frontlines.model import Rejected

P = ParamSpec("P")
R = TypeVar("R")

EXIT_FAILED_INPUTS = 1


def report_rejected(rejected: Rejected) -> None:
    click.echo(f"error: {rejected}", err=True)


def handle_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn a FrontlinesError raised by a command into one line and exit code 1."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except FrontlinesError as exc:
            click.echo(f"error: {exc}", err=True)
            raise SystemExit(EXIT_FAILED_INPUTS) from None
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            raise SystemExit(130) from None

    return wrapper
