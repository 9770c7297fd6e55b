"""Dates carried along one story: a sentence with no date of its own that continues
the story of an earlier, dated sentence takes that sentence's date.

Web and wire copy give most sentences a paragraph of their own, so a lead's "on
Wednesday" does not reach the paragraphs that tell the rest of the same happening.
Two signs that a sentence continues the story, both read from the sentence itself:

* a phrase that points back to a day ("later that day", "the next day", "hours
  later"): the date of the latest dated sentence before it, moved by the phrase;
* its event is set at the place of an event of the paragraph just before ("gunmen
  attacked a checkpoint near the town"): the date of that event. A new place, or a
  paragraph further away, starts a new story and keeps the publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span

from frontlines.events.candidate import Candidate
from frontlines.events.places import place_key
from frontlines.taxonomy import TimePrecision

# Phrases that point back to the day of the sentence before, and the days they add.
_BACK_TO_DAY: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\b(?:later|earlier) (?:that|the same|in the) (?:day|morning|afternoon"
                r"|evening|night)\b|\bthe same day\b|\bhours (?:later|earlier)\b"
                r"|\bthat (?:same )?(?:day|morning|afternoon|evening|night)\b", re.I), 0),
    (re.compile(r"\b(?:the (?:next|following) (?:day|morning)|a day later)\b", re.I), 1),
    (re.compile(r"\b(?:the (?:day|night) before|a day earlier|the previous day)\b", re.I), -1),
)  # fmt: skip

Dated = tuple[date, int, Span]


def day_pointed_back(sentence: str, last: Dated | None) -> Dated | None:
    """ "later that day": the day of ``last`` (the latest dated sentence), moved by the
    phrase; None when the sentence has no such phrase or nothing was dated before."""
    if last is None or last[1] != TimePrecision.DAY:
        return None
    for pattern, days in _BACK_TO_DAY:
        if pattern.search(sentence):
            return (last[0] + timedelta(days=days), int(TimePrecision.DAY), last[2])
    return None


def same_story_date(candidate: Candidate, earlier: list[Candidate]) -> Dated | None:
    """The date of a dated event of the paragraph just before at the same place."""
    if candidate.mention is None or candidate.mention.place is None:
        return None
    key = place_key(candidate.mention.place)
    for other in reversed(earlier):
        if other.paragraph != candidate.paragraph - 1 or other.event_date is None:
            continue
        if other.precision != TimePrecision.DAY or not other.evidence:
            continue
        place = other.mention.place if other.mention is not None else None
        if place is not None and place_key(place) == key:
            return (other.event_date, other.precision, other.evidence[0])
    return None
