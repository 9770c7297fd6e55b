"""Words and runs of words: the raw material of place names in running text."""

from __future__ import annotations

import re
from typing import NamedTuple

from frontlines.geo.lexicon import GENERIC_HEADS, PARTICLES

__all__ = [
    "Word", "arabic_article", "generic_head", "is_capitalised", "particle", "runs", "words",
    "written_whole",
]  # fmt: skip

_WORD = re.compile(r"[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’\-]*[A-Za-zÀ-ɏ]|[A-Za-zÀ-ɏ]")


class Word(NamedTuple):  # a tuple: one is made for every word of every report
    start: int
    end: int
    text: str


def words(text: str) -> list[Word]:
    # tuple.__new__ straight: NamedTuple's own __new__ is a Python call per word; one
    # ``span`` call and a slice per match, not three method calls.
    new = tuple.__new__
    found = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        found.append(new(Word, (start, end, text[start:end])))
    return found


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def particle(word: str) -> bool:
    return word.casefold() in PARTICLES


# What may stand between two words of one name: nothing, a space, a tab or a hyphen.
_JOINS = frozenset({"", " ", "\t", "-"})
# Abbreviated heads written with a full stop ("St. Petersburg", "Ft. Lauderdale",
# "Mt. Vernon"): the stop does not end the name.
_DOTTED_HEADS = frozenset({"St", "Ste", "Sta", "Ft", "Mt", "Pt"})
_DOTTED_GAPS = frozenset({".", ". ", ".\t"})
_ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ez|es|ed|et|ul|adh)[-’'](?P<rest>.+)")
_ARTICLE_INITIALS = frozenset("aeu")  # the first letters of the articles above


def runs(text: str, words: list[Word]) -> list[list[Word]]:
    """Maximal runs of capitalised words joined by particles, within one clause."""
    runs: list[list[Word]] = []
    current: list[Word] = []
    for word in words:
        # Set tests, not patterns: this runs for every word of every report. A word
        # outside a run only opens one; the gap and particles matter inside one.
        starts_name = word.text[:1].isupper() or _starts_arabic_name(word.text)
        if not current:
            if starts_name:
                current = [word]
            continue
        if starts_name or particle(word.text):
            gap = text[current[-1].end : word.start]
            if gap in _JOINS or (gap in _DOTTED_GAPS and current[-1].text in _DOTTED_HEADS):
                current.append(word)
                continue
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
    if word[:1] not in _ARTICLE_INITIALS:
        return False  # most words: the pattern would fail on the first letter
    match = _ARABIC_ARTICLE.match(word)
    return bool(match and match.group("rest")[:1].isupper())


# The Arabic article written as a word of its own ("Suqour al Sham"); "as", "at" and
# "an" are English words as often, so only a glued form counts for them.
_SEPARATE_ARTICLES = frozenset({"al", "el"})


def arabic_article(word: str) -> bool:
    """ "al", "el", or a name glued to its article ("al-Sham", "as-Suwayda")."""
    if word.casefold() in _SEPARATE_ARTICLES:
        return True
    match = _ARABIC_ARTICLE.match(word[:1].lower() + word[1:])
    return bool(match and match.group("rest")[:1].isupper())


def written_whole(name: str, flags: int = 0) -> re.Pattern[str]:
    """``name`` where a text writes it as a whole: not as part of a longer word, nor
    of one joined by a hyphen or an apostrophe."""
    return re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", flags)


def generic_head(word: str) -> bool:
    return word.casefold().split("-")[0] in GENERIC_HEADS
