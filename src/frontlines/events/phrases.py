"""Find dictionary phrases in text with one Aho-Corasick pass.

Names are compared on a normalised form (case folded, apostrophes dropped, hyphens
and runs of spaces made one space), so "Hay'at Tahrir al-Sham" matches the alias
"Hayat Tahrir al Sham". Offsets always point into the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import compress
from typing import Generic, TypeVar

import ahocorasick

T = TypeVar("T")

_DROP = "'’‘`´"
_SPACE = "-‐‑–—_/"


# Runs of characters the normal form drops or turns into spaces. ``\s`` is
# ``str.isspace`` (both are Py_UNICODE_ISSPACE).
_SEPARATOR = re.compile(f"[{re.escape(_DROP + _SPACE)}\\s]+")
_SPACE_CHAR = re.compile(f"[{re.escape(_SPACE)}\\s]")

# ASCII text in one pass of C loops: each character's class, w(ord), d(ropped) or
# s(pace); the first space of a run after a word marked S; the w and S characters
# kept, S as a space.
_ASCII = [chr(c) for c in range(128)]
_CLASSES = str.maketrans(
    {c: "d" if c in _DROP else "s" if c in _SPACE or c.isspace() else "w" for c in _ASCII}
)
_SPACES = str.maketrans({c: " " for c in _ASCII if c in _DROP or c in _SPACE or c.isspace()})
_KEPT = bytes.maketrans(b"wSsd", b"\x01\x01\x00\x00")
_DROPS_THEN_SPACE = re.compile("wd+s")
_ASCII_MARKS = str.maketrans(
    {c: "'" for c in _DROP if not c.isascii()} | {c: "-" for c in _SPACE if not c.isascii()}
)


def normalise(text: str) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, the original offset."""
    if text.isascii():
        return _normalise_ascii(text)
    # Curly quotes and dashes are the usual non-ASCII: as ASCII marks of their kind
    # (one character for one), they normalise alike.
    plain = text.translate(_ASCII_MARKS)
    if plain.isascii():
        return _normalise_ascii(plain)
    chars: list[str] = []
    offsets: list[int] = []
    position = 0
    for separator in _SEPARATOR.finditer(text):
        start = separator.start()
        _fold(text, position, start, chars, offsets)
        position = separator.end()
        # Dropped characters alone join their neighbours ("Hay'at" -> "hayat"); a
        # run holding a space becomes one space at its first space, never leading.
        space = _SPACE_CHAR.search(text, start, position)
        if space is not None and offsets:
            chars.append(" ")
            offsets.append(space.start())
    _fold(text, position, len(text), chars, offsets)
    return "".join(chars), offsets


def _normalise_ascii(text: str) -> tuple[str, list[int]]:
    """``normalise`` of ASCII text, where casefold is lower, one character each."""
    classes = text.translate(_CLASSES)
    if "d" in classes:  # "rebels' positions": the space after dropped marks
        classes = _DROPS_THEN_SPACE.sub(lambda m: m.group()[:-1] + "S", classes)
    kept = classes.replace("ws", "wS").encode("ascii").translate(_KEPT)
    offsets = list(compress(range(len(text)), kept))
    return "".join(compress(text.lower().translate(_SPACES), kept)), offsets


def _fold(text: str, start: int, end: int, chars: list[str], offsets: list[int]) -> None:
    """Append ``text[start:end]`` (no separators) case folded, one entry per character."""
    word = text[start:end]
    if word.isascii():
        chars.append(word.lower())
        offsets.extend(range(start, end))
        return
    for index, char in enumerate(word, start):
        folded = char.casefold()
        chars.append(folded if len(folded) == 1 else char.lower())
        offsets.append(index)


# A possessive ("Hezbollah's fighters", "Hama's countryside"): its 's is no letter of
# the name, so the owner's name matches alone ("Hezbollah" had not matched at all)
# and never a name one s longer ("Hama's" is not "Hamas"). Blanked in place, so the
# offsets stay the text's.
_POSSESSIVE = re.compile(r"(?<=\w)['’]s(?!\w)")


def _unpossessive(text: str) -> str:
    if "'" not in text and "’" not in text:
        return text
    return _POSSESSIVE.sub("  ", text)


def normalise_key(phrase: str) -> str:
    return normalise(phrase)[0].strip()


@dataclass(frozen=True, slots=True)
class PhraseHit(Generic[T]):
    start: int
    end: int
    text: str
    value: T


class PhraseIndex(Generic[T]):
    """Longest-leftmost, whole-word matches of many phrases.

    Case-insensitive phrases go through :func:`normalise`; case-sensitive ones
    (acronyms such as "IS", which must not match the verb "is") are matched on the
    raw text.
    """

    def __init__(
        self,
        phrases: Iterable[tuple[str, T]],
        case_sensitive: Iterable[tuple[str, T]] = (),
    ) -> None:
        self._folded: ahocorasick.Automaton = ahocorasick.Automaton()
        self._exact: ahocorasick.Automaton = ahocorasick.Automaton()
        for phrase, value in phrases:
            # A name holding a possessive ("People's Protection Units") is matched
            # as written without its apostrophe ("Peoples ...") and as the text's
            # possessives are read ("People Protection Units").
            for key in {normalise_key(phrase), normalise_key(_unpossessive(phrase))}:
                if key:
                    self._folded.add_word(key, (len(key), value))
        for phrase, value in case_sensitive:
            if phrase:
                self._exact.add_word(phrase, (len(phrase), value))
        for automaton in (self._folded, self._exact):
            if len(automaton):
                automaton.make_automaton()

    def find(self, text: str) -> list[PhraseHit[T]]:
        hits = list(self._find_folded(text)) + list(self._find_exact(text))
        # Longest first, then leftmost; drop anything overlapping a kept hit.
        hits.sort(key=lambda h: (-(h.end - h.start), h.start))
        kept: list[PhraseHit[T]] = []
        taken: list[tuple[int, int]] = []
        for hit in hits:
            if any(hit.start < end and start < hit.end for start, end in taken):
                continue
            kept.append(hit)
            taken.append((hit.start, hit.end))
        return sorted(kept, key=lambda h: h.start)

    def _find_folded(self, text: str) -> Iterator[PhraseHit[T]]:
        if not len(self._folded):
            return
        folded, offsets = normalise(_unpossessive(text))
        for end_index, (length, value) in self._folded.iter(folded):
            start_index = end_index - length + 1
            if not _whole_word(folded, start_index, end_index + 1):
                continue
            start, end = offsets[start_index], offsets[end_index] + 1
            yield PhraseHit(start, end, text[start:end], value)

    def _find_exact(self, text: str) -> Iterator[PhraseHit[T]]:
        if not len(self._exact):
            return
        for end_index, (length, value) in self._exact.iter(text):
            start = end_index - length + 1
            if not _whole_word(text, start, end_index + 1):
                continue
            yield PhraseHit(start, end_index + 1, text[start : end_index + 1], value)


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())
