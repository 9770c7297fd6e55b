"""Smaller Syrian factions are coded under ACLED's own names for them, not as an
unidentified group, a generic rebel side or a better-known coalition."""

from __future__ import annotations

import pytest

SYRIA_STATE = "Military Forces of Syria (2000-)"
IS = "Islamic State (Syria)"


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("Fighters of the Hamza Brigade exchanged fire with regime forces near Tall Rifaat.",
         "Hamza Brigade"),
        ("Jaysh al-Sharqiya fighters fought regime troops near Mare' on Monday.",
         "Sharqiya Army"),
        ("Regime forces fought the Forces of Ahmad al-Abdu near Saraqib overnight.",
         "Ahmad al Abdo Forces"),
        ("Usud al-Sharqiya fighters clashed with regime forces near Saraqib.",
         "JOS: Lions of the East Army"),
        ("Regime soldiers clashed with the Afrin Liberation Army near Tall Rifaat.",
         "Liberation Army of Afrin"),
        ("Bunyan al-Marsus fighters battled regime troops near Saraqib.", "Banyan al Marsus"),
        ("Jaish al-Mujahideen fighters clashed with regime forces near Saraqib.",
         "Army of Mujahideen"),
        ("Regime troops clashed with Liwa al-Aqsa near Saraqib.", "Liwa al Aqsa"),
        ("The 1st Coastal Division clashed with regime forces near Saraqib.",
         "1st Coastal Division"),
        ("Sheikh al-Karama gunmen clashed with regime forces near Saraqib.", "Sheikh al-Karama"),
        ("Regime forces clashed with Islamist rebels near Saraqib.", "Islamist Rebels (Syria)"),
    ],
)  # fmt: skip
def test_a_named_faction_fighting_the_state_is_coded_by_name(
    code, sentence: str, group: str
) -> None:
    events = code(sentence)
    assert any({e.actor1, e.actor2} == {SYRIA_STATE, group} for e in events), [
        (e.actor1, e.actor2) for e in events
    ]


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("IS cells opened fire on an HXP checkpoint near Hajin, wounding two members.",
         "HXP: Self-Defence Forces"),
        ("Maghawir al-Thawra fighters clashed with IS near Hajin.",
         "JMT: Army of the Commandos of the Revolution"),
        ("Jaysh al-Thuwar fighters fought IS near Hajin on Sunday.",
         "JaT: Army of Revolutionaries"),
    ],
)  # fmt: skip
def test_a_named_faction_fighting_is_is_coded_by_name(code, sentence: str, group: str) -> None:
    events = code(sentence)
    assert any({e.actor1, e.actor2} == {IS, group} for e in events), [
        (e.actor1, e.actor2) for e in events
    ]


def test_the_idlib_army_is_spelt_as_acled_spells_it(code) -> None:
    events = code("The Free Idleb Army clashed with regime forces near Saraqib.")
    assert any({e.actor1, e.actor2} == {SYRIA_STATE, "Free Idlib Army"} for e in events)


def test_the_later_lions_of_the_east_militia_stands_with_the_state(code) -> None:
    # The pro-government militia of the name, not the desert rebels of 2017.
    events = code("IS militants attacked Lions of the East fighters near Hajin, killing one.")
    assert any({e.actor1, e.actor2} == {IS, "Lions of the East"} for e in events)
