"""``frontlines spark-ingest`` without PySpark or Java: one line, exit 1, no traceback.
(No Spark is started here, so these run everywhere.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli.main import cli
from frontlines.spark import session


def _run(tmp_path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["spark-ingest", str(tmp_path / "in.jsonl"), "out"])
    return result.exit_code, result.output


def test_missing_pyspark_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session.importlib.util, "find_spec", lambda name: None)
    code, output = _run(tmp_path)
    assert code == 1
    assert output.strip().splitlines() == [
        "error: PySpark is not installed: pip install 'frontlines[spark]' (it also needs Java 17+)"
    ]


def test_missing_java_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session.importlib.util, "find_spec", lambda name: object())
    monkeypatch.setattr(session.shutil, "which", lambda name: None)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    code, output = _run(tmp_path)
    assert code == 1
    assert len(output.strip().splitlines()) == 1
    assert "no Java runtime found" in output


def test_the_command_is_listed() -> None:
    assert "spark-ingest" in CliRunner().invoke(cli, ["--help"]).output
