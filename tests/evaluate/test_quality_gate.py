"""The quality gate: scores on the development data must not break their pins in
quality/scores.toml. Each section runs where its data is present
($FRONTLINES_DEV_DATA, default ../shared/data next to the repository) and the
library APIs it measures exist; otherwise it is skipped with the reason.

All sections together take about two minutes (fixed subsets: 300 ACLED rows per file and
held-out rows after them (1,200 global, 600 Syria), the full LGL / GeoVirus / GeoWebNews
end to end and with gold spans, 2,000 ACLED rows for place resolution alone).
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from frontlines.evaluate.gate import check_gate, load_pins
from frontlines.evaluate.runners import default_data_dir, run_section

REPO = Path(__file__).resolve().parents[2]
DATA = default_data_dir(REPO)
PINS = load_pins(REPO / "quality" / "scores.toml")

# The library entry points each kind of section measures.
NEEDS = {
    "acled": ("frontlines", "extract"),
    "acled-geo": ("frontlines.geo", "load_geocoder"),
    "geoparsing": ("frontlines.geo", "load_geocoder"),
    "merge": ("frontlines.merge", "merge_events"),
}


def _missing_api(kind: str) -> str | None:
    module_name, attribute = NEEDS[kind]
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        return f"{module_name} cannot be imported yet: {exc}"
    if not hasattr(module, attribute):
        return f"{module_name}.{attribute} does not exist yet"
    return None


@pytest.mark.parametrize("section", sorted(PINS))
def test_scores_do_not_drop(section: str) -> None:
    spec = PINS[section]
    path = DATA / str(spec["file"])
    if not path.is_file():
        pytest.skip(f"development data not present: {path}")
    missing = _missing_api(str(spec.get("kind", "acled")))
    if missing:
        pytest.skip(missing)
    measured = {section: run_section(section, spec, DATA)}
    failures = check_gate(measured, PINS)
    assert not failures, "quality gate: " + "; ".join(failures)
