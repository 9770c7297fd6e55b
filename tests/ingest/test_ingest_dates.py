"""Publication dates: the forms we read, and the ones we refuse with a clear message."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.errors import InvalidDateError
from frontlines.ingest import clean_report, parse_date


@pytest.mark.parametrize(
    "value",
    [
        "2017-05-15",
        "2017-05-15T08:30:00+00:00",
        "May 15, 2017",
        "May 15 2017",
        "15 May 2017",
        "15 May, 2017",
        "Monday, 15th of May 2017",
        "Mon. May 15th, 2017",
        "15/05/2017",
        "05/15/2017",
        "15.05.2017",
        "2017/05/15",
    ],
)
def test_dates_we_read(value: str) -> None:
    assert parse_date(value, source="t") == date(2017, 5, 15)


def test_abbreviated_months() -> None:
    assert parse_date("Sept. 3, 2019", source="t") == date(2019, 9, 3)
    assert parse_date("3 Jan 2020", source="t") == date(2020, 1, 3)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("sometime in June", "cannot read 'sometime in June' as a date"),
        ("yesterday", "cannot read 'yesterday' as a date"),
        ("03/04/2017", "ambiguous date '03/04/2017'"),
        ("2017-02-30", "cannot read '2017-02-30' as a date"),
        ("0001-01-01", "outside 1900-2100"),
        ("", "cannot read '' as a date"),
    ],
)
def test_dates_we_refuse_name_the_input(value: str, message: str) -> None:
    with pytest.raises(InvalidDateError, match=r"^batch\.jsonl:3: ") as caught:
        parse_date(value, source="batch.jsonl:3")
    assert message in str(caught.value)
    assert caught.value.code == "E106"


@pytest.mark.parametrize("value", ["15 May 2017 10:32 GMT", "May 15, 2017 at 10:32 am"])
def test_dates_with_times_go_through_dateparser(value: str) -> None:
    assert parse_date(value, source="t") == date(2017, 5, 15)


@pytest.mark.parametrize(
    ("first_paragraph", "published", "publisher"),
    [
        ("ODESA, Ukraine, 4 April 2023 - Drones struck the port.", date(2023, 4, 4), None),
        (
            "ALEPPO, Jan. 9, 2019 (Levant Wire) - Shells fell on the old city.",
            date(2019, 1, 9),
            "Levant Wire",
        ),
        # No year: the report's date is not guessed.
        ("GAO, June 12 (Sahel Desk) - Gunmen attacked a market.", None, "Sahel Desk"),
        # Not a dateline: an ordinary sentence that starts with a capitalised place.
        ("Aleppo saw heavy fighting on 9 January 2019.", None, None),
    ],
)
def test_a_wire_dateline_dates_the_report(
    first_paragraph: str, published: date | None, publisher: str | None
) -> None:
    cleaned = clean_report(f"Port hit by drones\n\n{first_paragraph}\n\nMore text follows here.")
    assert cleaned.published == published
    assert cleaned.publisher == publisher
    assert first_paragraph in cleaned.text


def test_a_date_in_the_header_wins_over_the_wire_dateline() -> None:
    cleaned = clean_report(
        "Port hit by drones\n\nPublished: 5 April 2023\n\n"
        "ODESA, Ukraine, 4 April 2023 - Drones struck the port overnight."
    )
    assert cleaned.published == date(2023, 4, 5)
