"""The project ships no text of ACLED's notes (their terms forbid redistribution).

Test sentences and comments are written in our own words. ACLED's notes are
formulaic, so short runs of words ("clashes took place between") are shared by any
report in that register; a run of ten words in a row is not, and this test fails on
any such run between a tracked file and the development files (when present:
$FRONTLINES_DEV_DATA, default ../shared/data).
"""

from __future__ import annotations

import csv
import re
import subprocess
from pathlib import Path

import pytest

from frontlines.evaluate.runners import default_data_dir

ROOT = Path(__file__).resolve().parents[2]
ACLED_FILES = ("acled/syria_battles_dev.csv", "acled/global_sample_2020.csv")
RUN = 10
_WORD = re.compile(r"\w+")


def _runs(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _tracked_text_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    suffixes = {".py", ".toml", ".tsv", ".txt", ".md", ".json", ".html", ".jsonl"}
    return [ROOT / p for p in listed.stdout.splitlines() if Path(p).suffix in suffixes]


def test_no_ten_word_run_of_an_acled_note_in_the_project() -> None:
    data = default_data_dir(ROOT)
    paths = [data / name for name in ACLED_FILES if (data / name).exists()]
    if not paths:
        pytest.skip(f"ACLED development files not present under {data}")
    acled: set[tuple[str, ...]] = set()
    for path in paths:
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            for row in csv.DictReader(handle):
                acled |= _runs(row.get("notes") or "")
    found = {}
    for path in _tracked_text_files():
        if not path.is_file() or path.stat().st_size > 5_000_000:
            continue
        shared = _runs(path.read_text(encoding="utf-8", errors="replace")) & acled
        if shared:
            found[str(path.relative_to(ROOT))] = " ".join(sorted(shared)[0])
    assert not found, f"text shared with ACLED notes (reword it): {found}"
