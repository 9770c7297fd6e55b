"""Verbs that capture only when they take ground (take, control, secure), and the
wording around "control": the object may be a settlement or area named by its noun
or a name the gazetteer lacks, one word may stand inside a "gain control" phrase,
and the small model's reading of "forces controlled X village" as an adjective on
"village" is still a capture. A question of who holds a place, or "took place",
takes nothing. What troops "were sent to" do is a purpose; what a group "claimed to
have" done is a claimed deed."""

from __future__ import annotations

from datetime import date

import pytest

import frontlines


def _sub_events(text: str) -> list[str]:
    return [e.sub_event_type for e in frontlines.extract(text, published=date(2019, 5, 4))]


@pytest.mark.parametrize(
    "text",
    [
        # The parse hangs "controlled" under "village" as an adjective.
        "On 3 May 2019, regime forces controlled Kafr Nabudah village in Hama countryside "
        "after clashes with rebel factions.",
        "On 3 May 2019, after clashes with rebel factions in Hama countryside, regime forces "
        "managed to control two villages.",
        "On 3 May 2019, regime forces gained full control of Kafr Nabudah after clashes with "
        "rebel factions.",
        "On 3 May 2019, regime forces declared total control over Kafr Nabudah in Hama "
        "countryside after clashes with rebel factions.",
    ],
)
def test_control_of_ground_is_a_capture(text: str) -> None:
    assert "Government regains territory" in _sub_events(text)


def test_a_name_the_gazetteer_lacks_is_ground_taken() -> None:
    text = (
        "On 3 May 2019, HTS fighters managed to control Zzqwirat after clashes with the "
        "National Liberation Front in Idleb countryside."
    )
    assert "Non-state actor overtakes territory" in _sub_events(text)


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2019, rebel factions clashed with HTS in the town of Kafr Nabudah, with "
        "conflicting reports of who controlled the town.",
        "On 3 May 2019, heavy clashes took place areas on the edge of Kafr Nabudah between "
        "regime forces and rebel factions.",
    ],
)
def test_no_ground_taken(text: str) -> None:
    assert _sub_events(text) == ["Armed clash"]


def test_troops_sent_to_secure_an_area_take_nothing() -> None:
    text = (
        "On 3 May 2019, a unit of the National Guard was moved to secure the area around "
        "Higuerote after gunmen tried to land on the coast."
    )
    assert not any("territory" in sub_event for sub_event in _sub_events(text))


@pytest.mark.parametrize(
    "text",
    [
        # The small model reads the upper-case "IS" as the passive "is claimed".
        "On 3 May 2019, ISWAP/IS claimed to have attacked an army base in Goniri with "
        "mortar shells.",
        "On 3 May 2019, the base in Goniri was reported to have been shelled by ISWAP.",
    ],
)
def test_a_claimed_deed_is_not_a_purpose(text: str) -> None:
    assert _sub_events(text), text
