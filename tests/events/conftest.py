"""Code events from text with a hand-made gazetteer, so event tests do not depend on
the geo stage: every place the text names is given here."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest

from frontlines.events.assemble import EventAssembler
from frontlines.events.lexicon import load_lexicon
from frontlines.model import Article, Event, Place, PlaceMention
from frontlines.nlp import load_nlp


def village(name: str, admin1: str, lat: float, lon: float, precision: int = 1) -> Place:
    return Place(name, lat, lon, precision, "Syria", "SY", admin1, feature_code="PPL")


def governorate(name: str, lat: float, lon: float) -> Place:
    return Place(name, lat, lon, 3, "Syria", "SY", name, geonameid=1, feature_code="ADM1")


GAZETTEER: dict[str, Place] = {
    "Tall Rifaat": village("Tall Rifaat", "Aleppo", 36.47, 37.10),
    "Kafr Naya": village("Kafr Naya", "Aleppo", 36.41, 37.02),
    "Mare'": village("Mare'", "Aleppo", 36.49, 37.19),
    # A spelling of the same town that the gazetteer does not use as its name.
    "Marea": village("Mare'", "Aleppo", 36.49, 37.19),
    "Saraqib": village("Saraqib", "Idleb", 35.86, 36.80),
    # A village named like a weapon.
    "Sarin": village("Sarin", "Aleppo", 36.50, 38.30),
    "Hajin": village("Hajin", "Deir ez Zor", 34.69, 40.83),
    "Al-Susah": village("Al-Susah", "Deir ez Zor", 34.56, 40.96),
    "Kuweires airbase": Place(
        "Kuweires Airbase", 36.19, 37.58, 1, "Syria", "SY", "Aleppo", feature_code="AIRB"
    ),
    "Idlib province": governorate("Idleb", 35.8, 36.6),
    # As the geo stage resolves "north of Deir ez-Zor": near the city (precision 2).
    "Deir ez-Zor": Place(
        "Deir ez-Zor", 35.34, 40.14, 2, "Syria", "SY", "Deir ez Zor", feature_code="PPLA"
    ),
    "province of Deir ez-Zor": governorate("Deir ez Zor", 35.0, 40.0),
    # Places outside Syria, for conventions of other wars.
    "Avdiivka": Place("Avdiivka", 48.14, 37.74, 1, "Ukraine", "UA", "Donetsk", feature_code="PPL"),
    "Lviv": Place("Lviv", 49.84, 24.03, 1, "Ukraine", "UA", "Lviv", feature_code="PPLA"),
    "Celaya": Place("Celaya", 20.52, -100.81, 1, "Mexico", "MX", "Guanajuato", feature_code="PPL"),
    "Turkey": Place("Turkey", 39.0, 35.0, 3, "Turkey", "TR", None, feature_code="PCLI"),
    # A foreign capital, for reports set in Syria.
    "Beirut": Place("Beirut", 33.89, 35.50, 1, "Lebanon", "LB", "Beyrouth", feature_code="PPLC"),
}
# Unknown hamlets, placed in their governorate (precision 3), as the geo stage does.
for hamlet in ("Umm Tinah", "Jubb Safa", "Tall Zahr"):
    GAZETTEER[hamlet] = Place(hamlet, 35.0, 40.0, 3, "Syria", "SY", "Deir ez Zor")


def find_places(text: str, article_id: str) -> list[PlaceMention]:
    found: list[PlaceMention] = []
    for name in sorted(GAZETTEER, key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            if any(m.start < match.end() and match.start() < m.end for m in found):
                continue
            found.append(
                PlaceMention(article_id, match.start(), match.end(), name, GAZETTEER[name])
            )
    return sorted(found, key=lambda m: m.start)


@pytest.fixture(scope="session")
def code() -> Callable[..., list[Event]]:
    nlp = load_nlp()
    assembler = EventAssembler(nlp, load_lexicon())

    def run(text: str, published: date | None = date(2024, 3, 4)) -> list[Event]:
        article = Article("test", text, published=published, publisher="Test Wire")
        return assembler.code(article, nlp(text), find_places(text, "test"))

    return run


@pytest.fixture(scope="session")
def sub_events(code: Callable[..., list[Event]]) -> Callable[[str], list[str]]:
    """The sub-event types coded from a text, in order."""
    return lambda text: [e.sub_event_type for e in code(text)]


@pytest.fixture(scope="session")
def pairs(code: Callable[..., list[Event]]) -> Callable[[str], list[set[str | None]]]:
    """The unordered actor pairs of the events coded from a text, in order."""
    return lambda text: [{e.actor1, e.actor2} for e in code(text)]
