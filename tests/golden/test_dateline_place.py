"""A first line "Place, date" is a dateline: the place sets the report, it is no outlet."""

from __future__ import annotations

from datetime import date

from frontlines.ingest import article_from_text
from frontlines.pipeline import default_pipeline

BODY = "Shelling hit the town of Tafas overnight, killing two civilians, according to activists."


def _coded(first_line: str):  # type: ignore[no-untyped-def]
    article = article_from_text(f"{first_line}\n\n{BODY}")
    (result,) = list(default_pipeline().run([article]))
    return article, result.article, list(result.events)


def test_a_place_before_the_date_is_a_dateline_not_the_publisher() -> None:
    article, coded, events = _coded("Daraa, 3 March 2024")
    assert article.publisher == "Daraa" and article.published == date(2024, 3, 3)
    assert coded.publisher is None
    (event,) = events
    assert event.source != "Daraa"
    assert (event.location, event.admin1) == ("Tafas", "Dara")
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_an_outlet_before_the_date_stays_the_publisher() -> None:
    _, coded, events = _coded("Levant Wire, 3 March 2024")
    assert coded.publisher == "Levant Wire"
    assert [e.source for e in events] == ["Levant Wire"]


def test_an_agency_acronym_is_not_read_as_a_place() -> None:
    _, coded, _ = _coded("SANA, 3 March 2024")
    assert coded.publisher == "SANA"
