"""The README is the user's first contact: its commands must exist and its fresh-machine
lines must be what CI runs. Read as text, so a renamed command or option breaks here."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from frontlines.cli.main import cli

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _table_commands() -> list[list[str]]:
    """The words of each `frontlines ...` command in the README's Commands table."""
    section = README.split("## Commands", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `frontlines ([^`]+)`", section, re.M)
    return [row.split() for row in rows]


def _resolve(words: list[str]) -> tuple[click.Command, list[str]]:
    """Walk the click groups along the command words; the command and its other words."""
    command: click.Command = cli
    rest = list(words)
    while rest and isinstance(command, click.Group) and rest[0] in command.commands:
        command = command.commands[rest.pop(0)]
    return command, rest


@pytest.mark.parametrize("words", _table_commands(), ids=lambda w: " ".join(w[:3]))
def test_each_documented_command_and_option_exists(words: list[str]) -> None:
    command, rest = _resolve(words)
    assert command is not cli and not isinstance(command, click.Group), words
    options = {name for param in command.params for name in getattr(param, "opts", [])}
    documented = {
        match.group(0).split("=")[0]
        for word in rest
        for match in [re.match(r"--[\w-]+", word)]
        if match
    }
    assert documented <= options, (words, documented - options)


def _leaves(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for name, command in group.commands.items():
        path = (*prefix, name)
        out += _leaves(command, path) if isinstance(command, click.Group) else [path]
    return out


def test_every_command_is_documented() -> None:
    documented = [tuple(words) for words in _table_commands()]
    for path in _leaves(cli):
        assert any(words[: len(path)] == path for words in documented), (
            f"`frontlines {' '.join(path)}` is not in the README's Commands table"
        )


def test_the_two_fresh_machine_commands_come_first_and_ci_runs_the_second() -> None:
    blocks = re.findall(r"```sh\n(.+?)\n```", README, re.S)
    install_and_run, run_tests = blocks[0], blocks[1]
    assert "pip install -e ." in install_and_run and "frontlines ingest" in install_and_run
    assert "sqlite:///" in install_and_run
    test_command = shlex.split(run_tests.split("&&")[-1])[-1].rsplit("/", 1)[-1]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(rf"^{test_command}$", ci, re.M), f"CI does not run `{test_command}`"
