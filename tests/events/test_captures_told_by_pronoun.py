"""A capture told by a participle and a pronoun ("..., taking it over") takes the
place the clause before it named; a pronoun alone after a capture verb ("seized
it") is no place taken."""

from __future__ import annotations

from datetime import date

import pytest

import frontlines


def _sub_events(text: str) -> list[str]:
    return [e.sub_event_type for e in frontlines.extract(text, published=date(2021, 6, 2))]


@pytest.mark.parametrize(
    "text",
    [
        "On 1 June 2021, Syrian government forces fought IS near Tadmur, taking it over.",
        "On 1 June 2021, Syrian government forces fought IS in Tadmur, taking control of it.",
    ],
)
def test_a_participle_s_pronoun_is_the_place_named_before(text: str) -> None:
    assert _sub_events(text) == ["Government regains territory"]


def test_a_lone_pronoun_after_a_capture_verb_is_not_a_place() -> None:
    text = "On 1 June 2021, Syrian rebels raided an IS depot in Tadmur and seized it."
    assert "Non-state actor overtakes territory" not in _sub_events(text)


@pytest.mark.parametrize(
    "text",
    [
        "On 1 June 2021, Syrian government forces overtook Tadmur from IS.",
        "On 1 June 2021, Syrian government forces captured a resort south of Tadmur from IS.",
        "On 1 June 2021, Syrian government forces seized the citadel of Tadmur from IS.",
    ],
)
def test_overtaking_and_landmarks_taken_are_captures(text: str) -> None:
    assert _sub_events(text) == ["Government regains territory"]


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        ("On 1 June 2021, Syrian government forces achieved full control of Tadmur.",
         "Government regains territory"),
        ("On 1 June 2021, Syrian government forces achieved partial control of Tadmur.",
         "Armed clash"),
        ("On 1 June 2021, Syrian government forces took the town of 'Zellin' in Homs from IS.",
         "Government regains territory"),
    ],
)  # fmt: skip
def test_control_achieved_and_quoted_names(text: str, sub_event: str) -> None:
    assert _sub_events(text) == [sub_event]
