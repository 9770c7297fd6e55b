"""Ingest's feedback: a summary line and a rejects file; a bar only on a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli import progress
from frontlines.cli.main import cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def test_rejects_file_lists_each_rejected_line_with_its_reason(tmp_path: Path) -> None:
    rejects = tmp_path / "rejects.jsonl"
    db = f"sqlite:///{tmp_path / 'store.db'}"
    result = CliRunner().invoke(
        cli, ["ingest", str(FIXTURES / "batch.jsonl"), "--db", db, "--rejects", str(rejects)]
    )
    assert result.exit_code == 1  # some lines are bad
    records = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert len(records) == 4
    assert all(r["input"].startswith(str(FIXTURES / "batch.jsonl") + ":") for r in records)
    assert any("not valid JSON" in r["reason"] for r in records)
    summary = result.output.strip().splitlines()[-1]
    assert summary.startswith("7 report(s) read: 3 report(s) coded")
    assert f"4 rejected (reasons in {rejects})" in summary


def test_an_unwritable_rejects_file_stops_before_anything_is_stored(tmp_path: Path) -> None:
    store = tmp_path / "store.db"
    rejects = tmp_path / "missing" / "rejects.jsonl"
    result = CliRunner().invoke(
        cli, ["ingest", str(FIXTURES / "batch.jsonl"), "--db", f"sqlite:///{store}",
              "--rejects", str(rejects)],
    )  # fmt: skip
    assert result.exit_code == 1
    assert f"{rejects}: cannot write the rejects file" in result.output
    assert "Traceback" not in result.output
    assert not store.exists()


def test_no_bar_in_ci_or_pipes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress.sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("CI", "true")
    assert not progress.interactive()
    monkeypatch.delenv("CI")
    assert progress.interactive()
    with progress.progress("x", 3) as update:
        assert update is not None
        update(1)
    assert list(progress.track([1, 2], "y", 2)) == [1, 2]


def test_count_reports_counts_jsonl_lines_and_files(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\ntext")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n')
    (tmp_path / ".hidden.md").write_text("no")
    assert progress.count_reports([tmp_path]) == 3
