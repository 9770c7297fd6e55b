"""Words and runs of words: the raw material of place names in running text."""

from __future__ import annotations

import re
from typing import NamedTuple

from frontlines.geo.lexicon import GENERIC_HEADS, PARTICLES

__all__ = ["Word", "generic_head", "is_capitalised", "particle", "runs", "words"]

_WORD = re.compile(r"[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’\-]*[A-Za-zÀ-ɏ]|[A-Za-zÀ-ɏ]")


class Word(NamedTuple):  # a tuple: one is made for every word of every report
    start: int
    end: int
    text: str


def words(text: str) -> list[Word]:
    return [Word(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def particle(word: str) -> bool:
    return word.casefold() in PARTICLES


# What may stand between two words of one name; compiled once, as the article
# pattern below: these run for every word of every report.
_JOIN = re.compile(r"[ \t]?|-")
# Abbreviated heads written with a full stop ("St. Petersburg", "Ft. Lauderdale",
# "Mt. Vernon"): the stop does not end the name.
_DOTTED_HEADS = frozenset({"St", "Ste", "Sta", "Ft", "Mt", "Pt"})
_DOTTED_GAP = re.compile(r"\.[ \t]?")
_ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ez|es|ed|et|ul|adh)[-’'](?P<rest>.+)")


def runs(text: str, words: list[Word]) -> list[list[Word]]:
    """Maximal runs of capitalised words joined by particles, within one clause."""
    runs: list[list[Word]] = []
    current: list[Word] = []
    for word in words:
        gap = text[current[-1].end : word.start] if current else ""
        joined = (
            not current
            or _JOIN.fullmatch(gap) is not None
            or (current[-1].text in _DOTTED_HEADS and _DOTTED_GAP.fullmatch(gap) is not None)
        )
        starts_name = is_capitalised(word.text) or _starts_arabic_name(word.text)
        name_part = starts_name or (particle(word.text) and bool(current))
        if name_part and joined:
            current.append(word)
            continue
        if current:
            runs.append(current)
        current = [word] if starts_name else []
    if current:
        runs.append(current)
    # A run cannot end with a particle ("Raqqa and" never; "Tall al" neither).
    cleaned = []
    for run in runs:
        while run and particle(run[-1].text) and not is_capitalised(run[-1].text):
            run = run[:-1]
        if run:
            cleaned.append(run)
    return cleaned


def _starts_arabic_name(word: str) -> bool:
    """ "al-Malali": a lowercase article glued to a capitalised name."""
    match = _ARABIC_ARTICLE.match(word)
    return bool(match and match.group("rest")[:1].isupper())


def generic_head(word: str) -> bool:
    return word.casefold().split("-")[0] in GENERIC_HEADS
