"""Possessives: a named group owns its 's, a role word's 's names someone else, a
place's 's names the area of what follows, and a compass word may come before an
area's noun. Sentences are ours."""

from __future__ import annotations

from datetime import date

import frontlines
from frontlines.pipeline import default_pipeline

DAY = date(2022, 5, 16)


def _actors(text: str) -> list[tuple[str, str | None]]:
    found = default_pipeline().assembler.actors.find(text)
    return [(m.text, m.entry.name if m.entry else m.role) for m in found]


def _events(text: str) -> list[tuple[str | None, str | None, str | None, int | None]]:
    events = frontlines.extract(text, published=DAY)
    return [(e.actor1, e.location, e.admin1, e.geo_precision) for e in events]


def test_a_named_group_owns_its_possessive() -> None:
    assert _actors("Hezbollah's fighters clashed with HTS.")[0] == ("Hezbollah", "Hezbollah")
    assert ("Jaysh al-Islam", "Jaysh al Islam") in _actors("Jaysh al-Islam's commander was shot.")
    # Hama's countryside is not Hamas, one s longer.
    assert [name for _, name in _actors("Shells fell on Hama's countryside.")] == []


def test_a_role_words_possessive_is_someone_else() -> None:
    assert _actors("The body of a man's brother was found.") == []
    assert _actors("Clashes with the Luhansk People's Militia went on.") == []


def test_a_places_possessive_names_the_area_of_what_follows() -> None:
    events = _events("IS gunmen killed a guard at southern Ar-Raqqa's Qirbat checkpoint.")
    assert [(loc, admin1) for _, loc, admin1, _ in events] == [("Qirbat", "Ar Raqqa")]
    (event,) = _events("IS gunmen killed a soldier on a road in Dara's countryside.")
    assert event[2:] == ("Dara", 3)


def test_a_compass_word_before_the_countryside_keeps_it_an_area() -> None:
    for text in ("Regime forces shelled Hama's southern countryside.",
                 "Regime forces shelled Hama north-western countryside."):  # fmt: skip
        (event,) = _events(text)
        assert event[2:] == ("Hama", 3), text
