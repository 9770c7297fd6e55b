"""A span that may name a place, and what the words right around it say: the kind
of place they ask for ("X airbase", "the village of X") and whether the place is
only a reference point ("north of X")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.lexicon import FEATURE_WORDS
from frontlines.geo.names import name_key

__all__ = ["GIVEN", "Candidate", "make_candidate", "span_candidate"]

_RELATIVE = re.compile(
    r"(?:\b\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles)\s+)?\b(?:north|south|east|west"
    r"|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)"
    r"(?:ern)?\s+(?:of|countryside of|outskirts of)\s+$"
    r"|\b(?:outskirts|vicinity|surroundings|countryside|edge|entrance|outside|near|nearby"
    r"|around|close to|between)\s+(?:of\s+)?(?:the\s+)?$",
    re.I,
)
# The words every match of ``_RELATIVE`` ends with before its trailing spaces: a text
# that ends otherwise cannot match, and most text before a name does ("in X").
_RELATIVE_LAST_WORDS = (
    "of", "the", "outskirts", "vicinity", "surroundings", "countryside", "edge", "entrance",
    "outside", "near", "nearby", "around", "to", "between",
)  # fmt: skip


def is_relative(before: str) -> bool:
    """``_RELATIVE.search(before) is not None``, without the search where it cannot
    match: every match ends in spaces after one of ``_RELATIVE_LAST_WORDS`` (in some
    case). Text with other than ASCII goes to the pattern, whose case folding
    reaches letters that ``lower`` does not show (the Kelvin sign for "k")."""
    if before.isascii():
        kept = before.rstrip()
        if len(kept) == len(before) or not kept.lower().endswith(_RELATIVE_LAST_WORDS):
            return False
    return _RELATIVE.search(before) is not None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span that may name a place, and what the words around it say."""

    start: int
    end: int
    text: str
    key: str
    known: bool  # the gazetteer has this key
    feature_hint: str | None = None  # "AIRB" for "X airbase", "PPL" for "village of X"
    relative: bool = False  # "north of X", "the outskirts of X": precision 2
    cue: str | None = None  # the cue phrase that produced an unknown span
    # A given span the gazetteer lacks, read as the place it names inside ("Manila
    # Cathedral" -> Manila): it is resolved with the report's context but gives none.
    inner: bool = False


_WORD_AFTER = re.compile(r"\s+(?:military\s+)?([A-Za-z]+(?:-[A-Za-z]+)?)")
_KIND_OF_BEFORE = re.compile(r"\b(?:the\s+)?([A-Za-z]+)\s+of\s+$")


def _hint_after(text: str, end: int) -> str | None:
    # ``endpos`` ends the string there for the pattern, as a slice of 30 would.
    after = _WORD_AFTER.match(text, end, end + 30)
    if after:
        # "Sur sub-district" is a subdistrict; "village-based" still a village.
        word = after.group(1).casefold()
        return FEATURE_WORDS.get(word.replace("-", ""), FEATURE_WORDS.get(word.split("-")[0]))
    return None


def _hint_before(text: str, start: int) -> str | None:
    window = text[max(0, start - 40) : start]
    # Every match ends in "of" and spaces: the search is skipped for other text.
    kept = window.rstrip()
    if len(kept) == len(window) or not kept.endswith("of"):
        return None
    before = _KIND_OF_BEFORE.search(window)
    if before:
        return FEATURE_WORDS.get(before.group(1).casefold())
    return None


# "the English city of Salisbury", "the Syrian town of Kobani": a name between "the"
# and a town's kind with "of" is an adjective, the kind the next name's ("Manbij city
# of Aleppo", an address, keeps its kind).
_ADJECTIVE_BEFORE_KIND = re.compile(r"(?i:the)\s+$")
_KIND_OF_NEXT = re.compile(r"\s+(?:city|town|village|port|capital)\s+of\b", re.I)


def _adjective_of_next(text: str, start: int, end: int) -> bool:
    return bool(
        _KIND_OF_NEXT.match(text, end)
        and _ADJECTIVE_BEFORE_KIND.search(text, max(0, start - 5), start)
    )


GIVEN = "given"  # the cue of a span the caller marked as a place


def span_candidate(text: str, start: int, end: int, gazetteer: Gazetteer) -> Candidate:
    """A span the caller knows names a place (a gold annotation, a form field)."""
    key = name_key(text[start:end])
    return make_candidate(text, start, end, key, known=gazetteer.has_key(key), cue=GIVEN)


def make_candidate(
    text: str, start: int, end: int, key: str, *, known: bool, cue: str | None = None
) -> Candidate:
    before = text[max(0, start - 60) : start]
    return Candidate(
        start=start,
        end=end,
        text=text[start:end],
        key=key,
        known=known,
        feature_hint=(None if _adjective_of_next(text, start, end) else _hint_after(text, end))
        or _hint_before(text, start),
        relative=is_relative(before),
        cue=cue,
    )
