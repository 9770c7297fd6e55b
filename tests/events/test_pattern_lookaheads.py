"""Lookaheads put before patterns that run over whole reports change no match: each
one's letters are the first letters every match of the rest starts with."""

from __future__ import annotations

import random
import re

import pytest

from frontlines.events.actors import _FORCES_OF, _FORMER_LATTER, _TRIBE
from frontlines.events.members import _FORMER_FIGHTER

# Our own words and pieces of the patterns' phrases, in several cases.
_WORDS = [
    "the", "The", "THE", "former", "Former", "latter", "ex-", "ex", "a", "an", "two", "three",
    "12", "fighters", "commander", "members", "rebels", "of", "Al-Nour", "Al", "Nour",
    "tribe", "Tribe", "tribal", "militia", "clan", "clansmen", "Military", "military",
    "armed", "ARMED", "forces", "Forces", "Ruritania", "Upper", "Vale", "regime", "army",
    "government", "Bakri", "said", "x", "armed forces of", "Military forces of the",
    "military Forces of", "the former", "the Latter", "tribal militia", "Al-Bakri tribe",
    "\u212a", "ſ", "-", ",", ".",
]  # fmt: skip


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(w + rng.choice("     ,.-\n") for w in rng.choices(_WORDS, k=rng.randint(1, 14)))
        for _ in range(count)
    ]


@pytest.mark.parametrize(
    ("fast", "lookahead"),
    [
        (_TRIBE, "(?=[A-Z])"),
        (_FORCES_OF, "(?=(?i:[ma]))"),
        (_FORMER_LATTER, "(?=t)"),
        (_FORMER_FIGHTER, r"(?=[atfe\d])"),
    ],
)
def test_a_first_letter_lookahead_changes_no_match(fast: re.Pattern[str], lookahead: str) -> None:
    assert lookahead in fast.pattern
    plain = re.compile(fast.pattern.replace(lookahead, "", 1), fast.flags)
    texts = [
        *_texts(21, 4000),
        "Armed forces of Upper Vale met two former fighters of the Bakri tribe; the latter left.",
    ]
    matched = 0
    for text in texts:
        found = [(m.span(), m.groups()) for m in fast.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in plain.finditer(text)], text
        matched += bool(found)
    assert matched > 1  # the texts do reach the pattern
