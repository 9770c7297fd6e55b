"""An exact, cheap first test before the events stage's word patterns.

Most sentences match none of the patterns searched on them (casualty cues, hedges,
relative dates), and Python's regex engine learns that by trying the pattern at every
character, which made these searches a fifth of the events stage. In ASCII text, a
match of a pattern whose every match spells one of a few ASCII words spells that
word in some case; so a sentence whose lowercase holds none of the words cannot
match, and substring tests say so in a fraction of the time. Text with other
characters goes straight to the pattern: there Unicode case folding (the Kelvin sign
for "k", the long s) could match letters its lowercase does not show.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["WordGate", "may_hold"]


# The last text lowered: a sentence goes through a dozen gates in a row.
_last: tuple[str, str] = ("", "")


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False only when ``text`` is ASCII and its lowercase holds none of ``words``
    (lowercase ASCII)."""
    global _last
    if not text.isascii():
        return True
    seen, lowered = _last
    if seen != text:
        lowered = text.lower()
        _last = (text, lowered)
    return any(map(lowered.__contains__, words))  # no Python frame per word


class WordGate:
    """A pattern, and words one of which every match spells (in some case)."""

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: re.Pattern[str], words: Iterable[str]) -> None:
        self.pattern = pattern
        self.words = tuple(words)
        if not self.words or any(not w.isascii() or w != w.lower() for w in self.words):
            raise ValueError(f"gate words must be lowercase ASCII: {self.words!r}")

    def search(self, text: str) -> re.Match[str] | None:
        """``pattern.search(text)``, skipped when the text cannot match."""
        return self.pattern.search(text) if may_hold(text, self.words) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, empty when the text cannot match."""
        return self.pattern.finditer(text) if may_hold(text, self.words) else iter(())
