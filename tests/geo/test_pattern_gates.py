"""Place finding's cheap first tests and rewritten patterns answer as the plain
patterns do: the lookaheads on first letters, the tests of how the text before a
name ends, ``endpos`` for a slice, and the comma test before the pairs' loop."""

from __future__ import annotations

import random
import re

from frontlines.geo import candidate as cand
from frontlines.geo import context as report
from frontlines.geo.cues import _KIND_AFTER, _LIST_CUE
from frontlines.geo.find import find_candidates
from frontlines.geo.lexicon import _LONGEST_FIRST, ABBREVIATION_PATTERN, ACRONYM_PATTERN

# Pieces of text around place names, our own words, with the patterns' words in
# several cases, odd spaces and two letters that fold to ASCII under re.I.
_PIECES = [
    "north of", "South of", "northern countryside of", "outskirts of the", "near", "Nearby",
    "close to", "between", "edge of", "entrance", "around the", "vicinity of", "in", "at",
    "the village of", "Town of", "kind of", "10 km west of", "3.5 miles east of", "of",
    "the", "to", "outſide", "\u212aM north of", "surroundings", "areas of", "cities of",
    "farms of", "N.Y.", "D.C.", "U.S.", "UK", "Ky.", "Calif.", "W. Va.", "US-led", "SDF",
    "Aleppo", "Hama", "al-Bab", "town", "village", "camp", "checkpoint", "military",
    "airbase", "Ala.", "NSW", "x", "9", ",", ".", "-",
]  # fmt: skip
_GAPS = [" ", "  ", "\t", "\n", "", ", ", ". ", "\u00a0"]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(p + rng.choice(_GAPS) for p in rng.choices(_PIECES, k=rng.randint(1, 10)))
        for _ in range(count)
    ]


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple]]:  # type: ignore[type-arg]
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_first_letter_lookaheads_change_no_match() -> None:
    alternatives = "|".join(re.escape(a).replace(r"\ ", r"\s?") for a in _LONGEST_FIRST)
    plain = {
        ABBREVIATION_PATTERN: re.compile(r"(?<![\w.])(?:" + alternatives + r")(?!\w)"),
        ACRONYM_PATTERN: re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3}|\b[A-Z]{2,3}\b"),
        _LIST_CUE: re.compile(
            r"\b(?:the\s+)?(?P<kind>villages?|towns?|hamlets?|areas?|neighbou?rhoods?|cities"
            r"|city|farms?)\s+of\s+",
            re.I,
        ),
    }
    for text in _texts(11, 3000):
        for fast, slow in plain.items():
            assert _found(fast, text) == _found(slow, text), (fast.pattern[:30], text)


def test_the_tests_of_the_text_before_a_name_are_the_searches() -> None:
    for text in _texts(12, 1500):
        for end in range(len(text) + 1):
            before = text[max(0, end - 60) : end]
            assert cand.is_relative(before) == (cand._RELATIVE.search(before) is not None)
            kind = re.search(r"\b(?:the\s+)?([A-Za-z]+)\s+of\s+$", text[max(0, end - 40) : end])
            expected = cand.FEATURE_WORDS.get(kind.group(1).casefold()) if kind else None
            assert cand._hint_before(text, end) == expected, (text, end)


def test_an_end_position_reads_as_the_slice_did() -> None:
    for text in _texts(13, 1500):
        for start in range(len(text) + 1):
            after = re.match(r"\s+(?:military\s+)?([A-Za-z]+)", text[start : start + 30])
            expected = cand.FEATURE_WORDS.get(after.group(1).casefold()) if after else None
            assert cand._hint_after(text, start) == expected
            kind = _KIND_AFTER.pattern
            sliced = re.match(kind, text[start : start + 20], re.I)
            ended = _KIND_AFTER.match(text, start, start + 20)
            assert (sliced and sliced.group(1)) == (ended and ended.group(1)), (text, start)


def test_a_name_with_no_comma_after_it_has_no_unit_behind_one(geocoder) -> None:  # type: ignore[no-untyped-def]
    gazetteer = geocoder.gazetteer
    texts = [
        "Shelling hit Aleppo, Syria and Hama, then Homs.",
        "Guards in Austin, Texas, and Dallas Texas held two men.",
        "Floods reached Nelson, BC , and Paris, Texas;Tyler, Texas.",
    ]
    for text in texts:
        found = find_candidates(text, gazetteer)
        entries = {c.start: gazetteer.lookup_key(c.key) if c.known else [] for c in found}
        for candidate in found:
            expected = None
            for other in found:
                gap = text[candidate.end : other.start]
                if other.start > candidate.end and re.fullmatch(r",\s*", gap):
                    expected = report.comma_unit(text, candidate, [other], entries)
                    break
            assert report.comma_unit(text, candidate, found, entries) == expected
