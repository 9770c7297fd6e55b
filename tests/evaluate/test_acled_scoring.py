"""ACLED scoring arithmetic on invented rows (never ACLED's), checked by hand."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from frontlines.errors import InputError, InvalidDateError, MalformedInputError
from frontlines.evaluate.acled import (
    AcledRow,
    best_match,
    normalise_actor,
    normalise_admin,
    parse_acled_date,
    read_acled,
    score_acled,
    write_report,
)
from frontlines.model import Event

CLASH = "Armed clash"
REGAINS = "Government regains territory"

# Two invented rows in the current column set ("NA" for missing, long dates) ...
NEW_CSV = """\
event_id_cnty,event_date,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,\
assoc_actor_2,inter2,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,\
source,notes,fatalities
ZZZ1,02 June 2023,Battles,Armed clash,Blue Guard,NA,1,Red Band,NA,2,Freeland,North Vale,\
Upper,Lowtown,Millbrook,10.0,20.0,1,Gazette,"Blue Guard and Red Band fought near Millbrook.",2
ZZZ2,15 May 2017,Battles,Government regains territory,Blue Guard,Hill Militia; Scouts,1,NA,NA,,\
Freeland,North Vale,Upper,NA,Stonebridge,10.5,20.5,2,Gazette,"Blue Guard retook Stonebridge.",0
ZZZ3,16 May 2017,Battles,Armed clash,Blue Guard,NA,1,NA,NA,,Freeland,North Vale,,,,,,,,NA,0
"""
# ... and in the older one (empty cells, short dates, extra leading columns).
OLD_CSV = """\
data_id,iso,event_id_cnty,event_date,event_type,sub_event_type,actor1,assoc_actor_1,inter1,\
actor2,assoc_actor_2,inter2,country,admin1,admin2,admin3,location,latitude,longitude,\
geo_precision,source,notes,fatalities
1,999,OLD1,9-May-20,Protests,Peaceful protest,Protesters (Freeland),,6,,,0,Freeland,\
South Vale,Lower,,Port Ash,11.0,21.0,1,Herald,"Dock workers marched in Port Ash.",0
2,999,OLD2,27-Apr-20,Protests,Peaceful protest,Protesters (
"""


def _row(**changes: object) -> AcledRow:
    base = AcledRow(
        event_id_cnty="R1",
        event_date=date(2024, 1, 2),
        event_type="Battles",
        sub_event_type=CLASH,
        actor1="Blue Guard",
        assoc_actor_1=(),
        actor2="Red Band",
        assoc_actor_2=(),
        inter1=1,
        inter2=2,
        country="Freeland",
        admin1="North Vale",
        admin2="Upper",
        admin3="Lowtown",
        location="Millbrook",
        latitude=10.0,
        longitude=20.0,
        geo_precision=1,
        fatalities=2,
        notes="An invented note about a clash.",
        source="Gazette",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def _event(**changes: object) -> Event:
    base = Event(
        event_id="e1",
        article_id="a1",
        event_date=date(2024, 1, 2),
        time_precision=1,
        event_type="Battles",
        sub_event_type=CLASH,
        actor1="Blue Guard",
        actor2="Red Band",
        admin1="North Vale",
        admin2="Upper",
        admin3="Lowtown",
        location="Millbrook",
        latitude=10.0,
        longitude=20.0,
        fatalities=2,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def _score(pairs: list[tuple[AcledRow, list[Event]]]) -> dict[str, float]:
    outputs = {row.event_id_cnty: events for row, events in pairs}
    rows = [row for row, _ in pairs]
    by_notes = {row.notes: row.event_id_cnty for row in rows}
    return score_acled(rows, lambda text, _d: outputs[by_notes[text]]).summary()


def test_reads_both_column_sets(tmp_path: Path) -> None:
    new, old = tmp_path / "new.csv", tmp_path / "old.csv"
    new.write_text(NEW_CSV, encoding="utf-8")
    old.write_text(OLD_CSV, encoding="utf-8")
    rows = list(read_acled(new))
    assert [r.event_id_cnty for r in rows] == ["ZZZ1", "ZZZ2"]  # ZZZ3 has no notes
    first, second = rows
    assert first.event_date == date(2023, 6, 2)
    assert first.assoc_actor_1 == ()
    assert (first.latitude, first.longitude, first.geo_precision) == (10.0, 20.0, 1)
    assert second.event_date == date(2017, 5, 15)
    assert second.actor2 is None and second.admin3 is None
    assert second.assoc_actor_1 == ("Hill Militia", "Scouts")
    [only] = list(read_acled(old))  # the truncated second row has no notes
    assert only.event_date == date(2020, 5, 9)
    assert only.actor2 is None and only.inter2 == 0 and only.admin3 is None
    assert only.country == "Freeland" and only.source == "Herald"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017-05-15", date(2017, 5, 15)),
        ("15 May 2017", date(2017, 5, 15)),
        ("02 June 2023", date(2023, 6, 2)),
        ("15-May-2017", date(2017, 5, 15)),
        ("9-May-20", date(2020, 5, 9)),
    ],
)
def test_date_styles(text: str, expected: date) -> None:
    assert parse_acled_date(text) == expected


def test_bad_inputs_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_acled(tmp_path / "missing.csv"))
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(MalformedInputError, match="missing columns") as caught:
        list(read_acled(wrong))
    assert str(wrong) in str(caught.value)
    bad_date = tmp_path / "date.csv"
    bad_date.write_text(NEW_CSV.replace("02 June 2023", "June the second"), encoding="utf-8")
    with pytest.raises(InvalidDateError, match=r"date\.csv:2"):
        list(read_acled(bad_date))


def test_normalisers() -> None:
    assert (
        normalise_actor("  Military Forces of  Syria (2000-) ")
        == "military forces of syria (2000-)"
    )
    assert normalise_actor("Forces (2000-) 5th Corps") != normalise_actor("Forces (2000-)")
    assert normalise_actor(None) is None and normalise_actor("  ") is None
    assert normalise_admin("Deir-ez-Zor") == normalise_admin("Deir ez zor")
    assert normalise_admin("Dar'a") == normalise_admin("Dara") == normalise_admin("Darʼa")
    assert normalise_admin("Ḥamāh") == normalise_admin("Hamah")
    assert normalise_admin("Idlib") != normalise_admin("Hama")
    # The gazetteer's key folds one transliteration's variants, not other names.
    assert normalise_admin("Sabhah") == normalise_admin("Sabha")
    assert normalise_admin("Al-Kufrah") == normalise_admin("Kufra")
    assert normalise_admin("Damascus") != normalise_admin("Rural Damascus")


def test_best_match_prefers_type_then_actors_then_distance() -> None:
    row = _row()
    wrong_type = _event(event_id="t", sub_event_type=REGAINS)
    far = _event(event_id="f", latitude=12.0, location="Elsewhere")
    near_other_actors = _event(event_id="n", actor1="Green Men", actor2=None, latitude=10.1)
    assert best_match(row, [wrong_type, far]).event_id == "f"  # type: ignore[union-attr]
    # the row's actor pair outweighs the place
    assert best_match(row, [near_other_actors, far]).event_id == "f"  # type: ignore[union-attr]
    # between events with other actors, the one within 50 km
    far_other_actors = replace(far, event_id="g", actor1="Green Men", actor2=None)
    assert best_match(row, [far_other_actors, near_other_actors]).event_id == "n"  # type: ignore[union-attr]
    # a matching location name does not make a far event "at the place"
    same_name_far = _event(event_id="s", latitude=14.0)
    near = _event(event_id="b", latitude=10.2, location="Other name")
    assert best_match(row, [same_name_far, near]).event_id == "b"  # type: ignore[union-attr]
    assert best_match(row, []) is None


def test_perfect_and_missing_rows() -> None:
    hit = _row(event_id_cnty="A", notes="first")
    missed = _row(event_id_cnty="B", notes="second", fatalities=0)
    summary = _score([(hit, [_event()]), (missed, [])])
    assert summary["rows"] == 2
    assert summary["event_recall"] == 0.5
    assert summary["event_type_accuracy"] == 0.5
    assert summary["sub_event_accuracy"] == 0.5
    for name in ("actor1", "actor2", "actor_pair", "admin1", "admin2", "admin3", "location"):
        assert summary[f"{name}_accuracy"] == 0.5, name
    assert summary["within_10km"] == 0.5 and summary["within_50km"] == 0.5
    # no event predicts 0 fatalities: right for the second row (gold 0)
    assert summary["fatalities_exact"] == 1.0
    assert summary["fatalities_mae"] == 0.0
    assert summary["events_per_row"] == 0.5
    # Macro-F1 over gold {Armed clash}: precision 1/1, recall 1/2 -> F1 2/3.
    assert summary["sub_event_macro_f1"] == pytest.approx(0.6667)


def test_field_arithmetic() -> None:
    rows = [
        # actor order swapped, case differs: actor1/actor2 wrong, pair right; 5.5 km off
        (_row(event_id_cnty="A", notes="a"),
         [_event(actor1="red band", actor2="BLUE  GUARD", latitude=10.05)]),
        # no actor2 on either side agrees; 40 km off; fatalities 3 vs 2
        (_row(event_id_cnty="B", notes="b", actor2=None),
         [_event(actor2=None, latitude=10.36, fatalities=3)]),
        # prediction without coordinates: a distance miss; admin spelling variants agree
        (_row(event_id_cnty="C", notes="c", admin1="Deir-ez-Zor", fatalities=10),
         [_event(latitude=None, longitude=None, admin1="Deir ez Zor", fatalities=4)]),
        # three events predicted; the matching one is scored
        (_row(event_id_cnty="D", notes="d", sub_event_type=REGAINS),
         [_event(), _event(sub_event_type=REGAINS), _event(actor1="x")]),
    ]  # fmt: skip
    summary = _score(rows)
    assert summary["actor1_accuracy"] == 0.75
    assert summary["actor2_accuracy"] == 0.75
    assert summary["actor_pair_accuracy"] == 1.0
    assert summary["admin1_accuracy"] == 1.0
    assert summary["within_10km"] == 0.5  # A (5.6 km) and D (0 km)
    assert summary["within_50km"] == 0.75  # and B (40 km)
    assert summary["fatalities_exact"] == 0.5
    assert summary["fatalities_mae"] == pytest.approx((0 + 1 + 6 + 0) / 4)
    assert summary["events_per_row"] == 1.5
    assert summary["sub_event_accuracy"] == 1.0 and summary["sub_event_macro_f1"] == 1.0


def test_confusion_error_classes_and_macro_f1() -> None:
    rows = [
        (_row(event_id_cnty="A", notes="a"), [_event()]),
        (_row(event_id_cnty="B", notes="b"), [_event(sub_event_type=REGAINS)]),
        (_row(event_id_cnty="C", notes="c"), [_event(sub_event_type=REGAINS)]),
        (_row(event_id_cnty="D", notes="d", sub_event_type=REGAINS), []),
    ]
    outputs = {row.notes: events for row, events in rows}
    report = score_acled([r for r, _ in rows], lambda text, _d: outputs[text])
    assert report.sub_event_confusion() == {
        CLASH: {CLASH: 1, REGAINS: 2},
        REGAINS: {"NONE": 1},
    }
    # clash: P 1/1 R 1/3 -> F1 0.5; regains: P 0/2 R 0 -> 0; macro 0.25
    assert report.summary()["sub_event_macro_f1"] == 0.25
    [top, *_] = report.error_classes(5)
    assert (top.field, top.gold, top.predicted, top.count) == ("sub_event_type", CLASH, REGAINS, 2)
    assert top.example_row == "B"
    table = report.format_table()
    assert "sub_event_macro_f1" in table and "largest error classes" in table


def test_limit_and_progress() -> None:
    rows = [_row(event_id_cnty=str(i), notes=str(i)) for i in range(5)]
    seen: list[int] = []
    calls: list[str] = []

    def extract(text: str, _d: date) -> list[Event]:
        calls.append(text)
        return []

    report = score_acled(rows, extract, limit=3, progress=seen.append)
    assert report.rows == 3 and calls == ["0", "1", "2"] and seen == [1, 2, 3]


def test_start_skips_rows_before_the_limit() -> None:
    rows = [_row(event_id_cnty=str(i), notes=str(i)) for i in range(5)]
    calls: list[str] = []

    def extract(text: str, _d: date) -> list[Event]:
        calls.append(text)
        return []

    report = score_acled(rows, extract, start=2, limit=2)
    assert report.rows == 2 and calls == ["2", "3"]


def test_start_past_every_row_raises() -> None:
    rows = [_row(event_id_cnty=str(i), notes=str(i)) for i in range(3)]
    with pytest.raises(InputError, match="the file has 3 rows"):
        score_acled(rows, lambda _t, _d: [], start=3)


def test_extractor_gets_notes_and_date() -> None:
    got: list[tuple[str, date]] = []

    def extract(text: str, when: date) -> list[Event]:
        got.append((text, when))
        return []

    score_acled([_row(notes="the text", event_date=date(2019, 3, 4))], extract)
    assert got == [("the text", date(2019, 3, 4))]


def test_write_report_jsonl_and_csv(tmp_path: Path) -> None:
    report = score_acled([_row(event_id_cnty="Q", notes="n" * 500)], lambda _t, _d: [])
    jsonl = tmp_path / "errors.jsonl"
    count = write_report(report, jsonl)
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert count == len(records) > 0
    first = records[0]
    assert set(first) == {"row_id", "field", "gold", "predicted", "notes"}
    assert first["row_id"] == "Q" and len(first["notes"]) == 240
    fields = {r["field"] for r in records}
    assert {"sub_event_type", "actor1", "location", "fatalities"} <= fields
    as_csv = tmp_path / "errors.csv"
    assert write_report(report, as_csv) == count
    assert as_csv.read_text(encoding="utf-8").startswith("row_id,field,gold,predicted,notes")


def test_a_district_matches_under_any_of_its_packaged_names() -> None:
    # OpenSyria lists "Jebel Saman" (OCHA's spelling) as an alias of "Mount Simeon".
    row = _row(admin2="Jebel Saman", admin3="Jebel Saman")
    same = _score([(row, [_event(admin2="Mount Simeon", admin3="Mount Simeon")])])
    assert same["admin2_accuracy"] == 1.0 and same["admin3_accuracy"] == 1.0
    other = _score([(row, [_event(admin2="Afrin", admin3="Afrin")])])
    assert other["admin2_accuracy"] == 0.0 and other["admin3_accuracy"] == 0.0
    # A name of no packaged unit is compared as written.
    assert _score([(_row(), [_event()])])["admin2_accuracy"] == 1.0
