"""How a report says its count is shared between places, in the coder's own words.

ACLED's notes keep the bookkeeping of a count that covers several locations: a total
"split between 2 places", "distributed over three locations: A, B and C", figures
after names ("A (3)"), "A and B each allocated 3". The count is divided into that
many parts, not into the number of places the report's events happen to stand at; a
place given its own figure gets it. An even split gives the remainder one by one to
the places listed first (10 over 4 places: 3, 3, 2, 2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from frontlines.events.numbers import load_quantities
from frontlines.geo.names import name_key

# How alike (rapidfuzz ratio, 0-100) a place's name and a listed one must be to be
# the same place, when neither holds the other.
MATCH_MIN_RATIO = 80.0

_SHARE_VERB = re.compile(
    r"\b(?:split|divided|distributed|spread|shared|allocated|dispersed)\s+"
    r"(?:evenly\s+|equally\s+)?(?:between|over|across|on|among|amongst|onto|to)\s+"
    r"(?P<rest>[^.;]*)",
    re.I,
)
# "the 2 locations", "three events", "both locations", followed perhaps by their list
_PARTS_TAIL = (
    r"\s+(?:[a-z]+\s+)?"
    r"(?:locations|events|places|areas|villages|towns|fronts|sites|points|neighbou?rhoods)\b"
    r"\s*[:,]?\s*(?P<list>.*)$"
)


@lru_cache(maxsize=1)
def _part_numbers() -> tuple[dict[str, int], re.Pattern[str]]:
    """The counts of parts written in words (quantities.toml's, "both") and the
    pattern of a number of parts, built on first use."""
    words = {w: n for w, n in load_quantities().numbers.items() if n >= 2} | {"both": 2}
    number = "|".join([r"\d+", *sorted(words, key=len, reverse=True)])
    return words, re.compile(rf"^(?:the\s+)?(?P<n>{number}){_PARTS_TAIL}", re.I)


# "spread over events", "split between the locations": as many parts as places coded
_ALL_EVENTS = re.compile(r"^(?:the\s+|all\s+)?(?:events|locations|places)\b", re.I)
# "Batish (3)"
_NAMED_FIGURE = re.compile(r"(?P<name>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}?)\s*\((?P<k>\d+)\)")
# "38 in Al Mashlab", "20 allocated to events at Ar-Raqqa", "5 fatalities in Hasakah"
_FIGURE_AT = re.compile(
    r"(?<!\bas )(?<!\bat )(?<!\bto )\b(?P<k>\d+)\s+(?:fatalities\s+|allocated\s+|killed\s+)?"
    r"(?:in|at|to)\s+(?:events?\s+(?:at|in)\s+)?"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
)
# "A and B each allocated 3", "each allocated 2", "10 for each", "2 each"
_EACH = re.compile(
    r"(?:(?P<names>[A-Z][\w'’-]*(?:\s+(?:and\s+)?(?:[A-Z]|al-|el-)[\w'’-]*)*)\s+)?each\s+(?:allocated|given|coded(?:\s+as)?|with)\s+"
    r"(?P<k>\d+)|\b(?P<k2>\d+)\s+(?:for\s+)?each\b"
)
# "divided 19/18 on A and B", "split 4, 3, 3 between A, B and C"
_SEQUENCE = re.compile(
    r"\b(?:split|divided|distributed|allocated)\s+(?:as\s+)?"
    r"(?P<seq>\d+(?:\s*(?:,|/|and)\s*\d+)+)\s+(?:on|between|over|among|to|across)\s+"
    r"(?P<list>[^.;]*)",
    re.I,
)
_AS_FOLLOWS = re.compile(r"^(?:as follows|like this)\s*:?\s*", re.I)
_TRAILING_FIGURE = re.compile(r"^\s*([A-Z][^,]*?)\s+(\d+)\s*$")
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_LIST_END = re.compile(
    r"\s+(?:with|in|at|of|each|locations?|events?|neighbou?rhoods?|areas?|\d).*$", re.I
)


@dataclass(slots=True)
class Allocation:
    """A count's split as the report states it."""

    parts: int | None = None  # how many places share the count (None: as many as coded)
    names: list[str] = field(default_factory=list)  # the places listed, in order
    figures: dict[str, int] = field(default_factory=dict)  # figures given for named places
    each: int | None = None  # one figure for every place


# The words of the coder's bookkeeping: no split is read from a sentence that speaks
# of no deaths ("clashes spread to three villages"), unless it opens with the split
# itself ("Divided on A and B.", after the sentence with the count).
_BOOKKEEPING = re.compile(
    r"\b(?:fatalit(?:y|ies)|deaths|casualties|toll|coded)\b"
    r"|^\s*(?:split|divided|distributed|spread|shared|allocated)\b",
    re.I,
)


def allocation(sentence: str) -> Allocation | None:
    """The split a sentence states, None when it states none."""
    if not _BOOKKEEPING.search(sentence):
        return None
    found = Allocation()
    for match in _NAMED_FIGURE.finditer(sentence):
        found.figures[match.group("name")] = int(match.group("k"))
    for match in _EACH.finditer(sentence):
        k = int(match.group("k") or match.group("k2"))
        if match.group("names"):
            for name in _names(match.group("names")):
                found.figures[name] = k
        else:
            found.each = k
    sequence = _SEQUENCE.search(sentence)
    if sequence is not None:
        figures = [int(n) for n in re.findall(r"\d+", sequence.group("seq"))]
        names = _names(sequence.group("list"))
        if len(names) == len(figures):
            found.figures.update(zip(names, figures, strict=True))
    verb = _SHARE_VERB.search(sentence)
    if verb is not None:
        rest = verb.group("rest").strip()
        words, pattern = _part_numbers()
        parts = pattern.match(rest)
        if parts is not None:
            n = parts.group("n").lower()
            found.parts = int(n) if n.isdigit() else words[n]
            found.names = _names(parts.group("list"), found.figures)
        elif not _ALL_EVENTS.match(rest):
            found.names = _names(rest)
    if verb is not None or re.search(r"\bcoded\b", sentence, re.I):
        for match in _FIGURE_AT.finditer(sentence):
            found.figures.setdefault(match.group("name"), int(match.group("k")))
    if verb is None and not found.figures and found.each is None:
        return None
    return found


def _names(text: str, figures: dict[str, int] | None = None) -> list[str]:
    """The place names of a list ("A, B and C in the west" -> A, B, C); a name with a
    figure after it ("as follows: A 2, B 1") puts the figure in ``figures``."""
    names = []
    text = _AS_FOLLOWS.sub("", text.strip())
    for item in _LIST_SEPARATOR.split(text):
        figure = _TRAILING_FIGURE.match(item)
        if figure is not None and figures is not None:
            figures[figure.group(1)] = int(figure.group(2))
        item = _LIST_END.sub("", item).strip(" :,()")
        if item and item[0].isupper():
            names.append(item)
    return names


def shares(total: int, plan: Allocation, places: list[list[str]]) -> list[int]:
    """Each event's part of ``total``; ``places`` gives, per event, the names its
    place goes by (the report's words, the gazetteer's name)."""
    listed = len(plan.names) if plan.names else None
    parts = plan.parts or listed or len(places)
    base, rest = divmod(total, max(parts, 1))
    out = []
    for position, names in enumerate(places):
        figure = _match(names, list(plan.figures))
        if figure is not None:
            out.append(plan.figures[figure])
            continue
        if plan.each is not None:
            out.append(plan.each)
            continue
        listed_at = _match(names, plan.names)
        if listed_at is not None:
            index = plan.names.index(listed_at)
        elif len(places) == parts:
            index = position
        else:
            # an event not told apart from the places listed: the part most places get
            index = 0 if 2 * rest >= parts else parts
        out.append(base + (1 if index < rest else 0))
    return out


def _match(names: list[str], listed: list[str]) -> str | None:
    best, score = None, MATCH_MIN_RATIO
    for candidate in listed:
        key = _key(candidate)
        for name in names:
            other = _key(name)
            if not key or not other:
                continue
            inside = min(len(key), len(other)) >= 4 and (key in other or other in key)
            ratio = 100.0 if inside else fuzz.ratio(key, other)
            if ratio >= score:
                best, score = candidate, ratio
    return best


def _key(name: str) -> str:
    """The gazetteer's lookup key without spaces: one transliteration's spellings
    ("Al-Mashlab", "Mashlab") fold together."""
    return name_key(name).replace(" ", "")
