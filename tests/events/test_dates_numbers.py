"""Dates and counts on phrases written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.events.dates import find_date
from frontlines.events.numbers import fatalities
from frontlines.events.phrases import PhraseIndex
from frontlines.taxonomy import TimePrecision

MONDAY = date(2024, 3, 4)


@pytest.mark.parametrize(
    ("sentence", "expected", "precision"),
    [
        ("On 2 February 2024, rebels shelled the town.", date(2024, 2, 2), TimePrecision.DAY),
        ("On February 2, fighting resumed.", date(2024, 2, 2), TimePrecision.DAY),
        ("Yesterday a drone struck a car.", date(2024, 3, 3), TimePrecision.DAY),
        ("On Thursday the army advanced.", date(2024, 2, 29), TimePrecision.DAY),
        ("Over the weekend the town changed hands.", date(2024, 3, 2), TimePrecision.WEEK),
        ("After several days of fighting the hill fell.", date(2024, 2, 26), TimePrecision.WEEK),
        ("Earlier this month gunmen raided the market.", date(2024, 3, 1), TimePrecision.MONTH),
        ("Last month gunmen raided the market.", date(2024, 2, 1), TimePrecision.MONTH),
        ("Three days ago a mine exploded.", date(2024, 3, 1), TimePrecision.DAY),
    ],
)
def test_dates_against_publication(sentence, expected, precision):
    cue = find_date(sentence, MONDAY)
    assert cue is not None
    assert (cue.value, cue.precision) == (expected, precision)
    assert cue.text in sentence


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Five soldiers were killed and three were wounded.", 5),
        ("The shelling killed 2 civilians and injured 7 others.", 2),
        ("Between 12 and 15 fighters died in the assault.", 12),
        ("Dozens of fighters were killed on both sides.", 12),
        ("On 14 June 2023, gunmen killed 3 shepherds.", 3),
        ("Seven people were wounded in the blast.", None),
        ("No fatalities were reported.", 0),
        ("Unknown fatalities coded as 10.", 10),
        ("1 fatality.", 1),
        ("A shepherd was killed by a landmine.", 1),
        ("The convoy of 40 trucks crossed the border.", None),
    ],
)
def test_fatality_counts(sentence, count):
    assert fatalities(sentence) == count


def test_phrase_index_ignores_case_hyphens_and_apostrophes_but_not_acronym_case():
    index = PhraseIndex([("Hayat Tahrir al Sham", "hts")], [("IS", "is")])
    text = "Fighters of Hay'at Tahrir al-Sham said it is calm; IS denied it."
    hits = index.find(text)
    assert [(h.text, h.value) for h in hits] == [
        ("Hay'at Tahrir al-Sham", "hts"),
        ("IS", "is"),
    ]


def test_one_person_killed_without_a_number_is_one_fatality() -> None:
    from frontlines.events.numbers import fatalities

    assert fatalities("Gunmen assassinated a council member near the market.") == 1
    assert fatalities("A shepherd was beaten to death by unknown men.") == 1
    assert fatalities("A man from the village died after three days in detention.") == 1
    assert fatalities("Gunmen shot and injured a council member.") is None
    assert fatalities("The raid killed a number of fighters.") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A count in one clause is not the death told in the next.
        ("Troops captured two hills near the dam, while IS killed three soldiers.", 3),
        ("Two fighters, while retreating, were killed.", 2),
        # A killing told with the effort it took; a threat is none.
        ("The rebels were able to kill 2 regime fighters with sniper fire.", 2),
        ("The militants vowed to kill 5 hostages.", None),
    ],
)
def test_counts_belong_to_their_own_clause(sentence: str, expected: int | None) -> None:
    assert fatalities(sentence) == expected
