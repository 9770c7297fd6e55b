"""End-to-end: reports in, events out, through every stage.

Golden files hold the full JSONL output for reports we wrote; they change only
deliberately: run ``FRONTLINES_UPDATE_GOLDEN=1 pytest tests/golden`` and review the
diff. The shared sample report (not ours, so not copied into the repository) is
checked against the foundation issue's expectations when it is present.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from frontlines.ingest import read_inputs
from frontlines.model import Article, Event
from frontlines.pipeline import default_pipeline

HERE = Path(__file__).parent
REPO = HERE.parent.parent
EXAMPLE = REPO / "src" / "frontlines" / "data" / "examples" / "frontline_report.md"
SAMPLE = REPO.parent / "shared" / "samples" / "000_04f32ae65defd69f.txt"
UPDATE = os.environ.get("FRONTLINES_UPDATE_GOLDEN") == "1"


def _events(path: Path, published: date | None = None) -> list[Event]:
    (article,) = list(read_inputs([path], published=published))
    assert isinstance(article, Article), article
    return default_pipeline().process(article)


def _stable(event: Event) -> dict[str, object]:
    data = event.to_dict()
    data["latitude"] = round(data["latitude"], 3) if data["latitude"] is not None else None
    data["longitude"] = round(data["longitude"], 3) if data["longitude"] is not None else None
    return data


@pytest.mark.parametrize("report", [EXAMPLE], ids=["frontline_report"])
def test_golden_output(report: Path) -> None:
    golden = HERE / f"{report.stem}.jsonl"
    produced = [_stable(e) for e in _events(report)]
    if UPDATE or not golden.exists():
        golden.write_text("".join(json.dumps(e, sort_keys=True) + "\n" for e in produced))
        if not UPDATE:
            pytest.fail(f"wrote missing golden file {golden.name}; review and commit it")
    expected = [json.loads(line) for line in golden.read_text().splitlines()]
    assert produced == expected


def _find(events: list[Event], sub_event: str, location_part: str) -> Event:
    for event in events:
        if (
            event.sub_event_type == sub_event
            and location_part.lower() in (event.location or "").lower()
        ):
            return event
    found = [(e.sub_event_type, e.location) for e in events]
    raise AssertionError(f"no {sub_event} at {location_part}: {found}")


@pytest.mark.skipif(not SAMPLE.exists(), reason="shared sample report not present")
def test_foundation_sample_expectations() -> None:
    events = _events(SAMPLE, date(2017, 5, 15))
    state = "Military Forces of Syria (2000-)"
    islamic_state = "Islamic State (Syria)"

    jirah = _find(events, "Government regains territory", "Jirah")
    assert (jirah.actor1, jirah.actor2, jirah.admin1) == (state, islamic_state, "Aleppo")
    assert any("Tiger" in a for a in jirah.assoc_actor_1)
    assert jirah.latitude is not None and abs(jirah.latitude - 36.1) < 0.3
    assert jirah.longitude is not None and abs(jirah.longitude - 37.95) < 0.3

    clashes = [e for e in events if e.sub_event_type == "Armed clash" and e.actor1 == islamic_state
               and e.admin1 == "Aleppo"]  # fmt: skip
    assert clashes, "the failed IS counter-attack is an armed clash"
    assert any("Saghir" in (e.location or "") for e in clashes)
    for clash in clashes:
        assert clash.hedged and clash.actor2 == state
        assert {"T-55", "BMP-1", "technical"} <= {w for loss in clash.losses for w in loss.split()}

    qaboun = _find(events, "Government regains territory", "Qab")
    assert qaboun.admin1 == "Damascus" and "QDW: National Defence Forces" in qaboun.assoc_actor_1
    tishreen = _find(events, "Agreement", "Tishr")
    assert tishreen.admin1 == "Damascus"

    misraba = _find(events, "Armed clash", "Misraba")
    assert misraba.admin1 == "Rural Damascus"
    assert misraba.actor1 == "FaR: Al Rahman Corps"
    assert misraba.assoc_actor_1 == ("HTS: Hayat Tahrir al Sham",)
    assert misraba.actor2 == "Jaysh al Islam"

    villages = ["Atshana", "Malali", "Khabret", "Ansar", "Khirbat al-Khan"]
    for village in villages:
        event = _find(events, "Non-state actor overtakes territory", village)
        assert (event.actor1, event.actor2) == ("QSD: Syrian Democratic Forces", islamic_state)
        assert event.admin1 == "Ar Raqqa"

    assert not [e for e in events if "Maskan" in (e.location or "")]
    text = " ".join(e.notes for e in events).lower()
    assert "liberat" not in text and "terrorist" not in text
    boilerplate = ("paypal", "copyright", "disclaimer", "global research articles")
    for event in events:
        for span in event.evidence:
            assert not any(word in span.text.lower() for word in boilerplate)
