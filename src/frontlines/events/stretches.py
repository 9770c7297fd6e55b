"""Stretches of ground named by two places: "the area between A and B", "the A-B
highway". One location, coded at A (near it), as ACLED codes such areas."""

from __future__ import annotations

import dataclasses
import itertools
import re

from spacy.tokens import Doc

from frontlines.events.places import sentence_range
from frontlines.model import PlaceMention
from frontlines.nlp.lookups import doc_text

__all__ = ["join_between"]

# "(the area) between A and (near) B": one stretch of ground, located at A.
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
_BETWEEN_GAP = re.compile(
    r"^\s*(?:,\s*)?and\s+(?:(?:near|around|close to)\s+)?(?:the\s+)?(?:\w+\s+of\s+)?$", re.I
)


def join_between(doc: Doc, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "the area between A and B", "the A-B highway": a stretch of ground between two
    places is one location, not two; it is coded at A with geo_precision 2 (near A),
    as ACLED codes such areas, and B only bounds it."""
    text = doc_text(doc)
    ordered = sorted(mentions, key=lambda m: m.start)
    dropped: set[int] = set()
    for first, second in itertools.pairwise(ordered):
        if first.place is None or first.start in dropped:
            continue
        if not _bounds(text, first, second.start):
            continue
        dropped.add(second.start)
        if text[first.end : second.start] == "-" and _beside_route(doc, ordered, first, second):
            dropped.add(first.start)
    if not dropped:
        return ordered
    out = []
    for mention in ordered:
        if mention.start in dropped:
            continue
        place = mention.place
        bounded = any(mention.end <= d and _bounds(text, mention, d) for d in dropped)
        if place is not None and bounded and (place.geo_precision or 1) < 2:
            near = dataclasses.replace(place, geo_precision=2)
            mention = dataclasses.replace(mention, place=near)
        out.append(mention)
    return out


def _bounds(text: str, first: PlaceMention, second_start: int) -> bool:
    """Whether the place starting at ``second_start`` bounds the stretch from ``first``:
    "between A and B", or a route's two ends written "A-B" (geo's route names)."""
    gap = text[first.end : second_start]
    if gap == "-":
        return True
    before = text[max(0, first.start - 40) : first.start]
    return _BETWEEN_BEFORE.search(before) is not None and _BETWEEN_GAP.match(gap) is not None


def _beside_route(
    doc: Doc, mentions: list[PlaceMention], first: PlaceMention, second: PlaceMention
) -> bool:
    """Whether a route's sentence names another place: "on the A-B road near C" is at C."""
    start, end = sentence_range(doc, first.start)
    ends = {first.start, second.start}
    return any(start <= m.start < end and m.place and m.start not in ends for m in mentions)
