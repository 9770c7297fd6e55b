"""Where a report is set, told before its places are resolved: the front line it
speaks of. Monitors' reports from a front name a village and nothing else ("14
explosions near Bohdanivka"); the village's name recurs across the country, and the
front says which one is meant, as it does to a reader who knows the war.

A front is set by its own words alone ("OSCE SMM", the Donbas republics' forces), or
by words any war uses ("the contact line") once the report is known to be set in
that front's country, and only on the days the front existed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from frontlines.events.actors import ActorMention
from frontlines.events.lexicon import Front
from frontlines.events.scan import may_hold
from frontlines.taxonomy import ActorKind


@dataclass(frozen=True, slots=True)
class Setting:
    """The country a report is set in (None: unknown) and the regions it is about."""

    country: str | None
    regions: tuple[str, ...] = ()


@lru_cache(maxsize=64)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """Whole-word matching; acronyms ("SMM") match in capitals only."""
    if not phrases:
        return None
    parts = [
        re.escape(p) if p.isupper() else f"(?i:{re.escape(p)})"
        for p in sorted(phrases, key=len, reverse=True)
    ]
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)")


@lru_cache(maxsize=64)
def _gate(phrases: tuple[str, ...]) -> tuple[str, ...] | None:
    """What a text holds, lowercased, when the pattern matches it: one phrase in
    lowercase (scan.py; None when a phrase is not ASCII)."""
    lowered = tuple(p.lower() for p in phrases)
    return lowered if all(p.isascii() for p in lowered) else None


def _says(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether the text names one of the phrases; a substring test first, as most
    reports name none and the pattern is tried at every character of the report."""
    pattern = _pattern(phrases)
    if pattern is None:
        return False
    gate = _gate(phrases)
    if gate is not None and not may_hold(text, gate):
        return False
    return pattern.search(text) is not None


def front_of(
    fronts: Sequence[Front], text: str, day: date | None, country: str | None
) -> Front | None:
    """The front the report is set on, if its words say so on that day."""
    for front in fronts:
        if not front.active(day):
            continue
        if _says(text, front.cues):
            return front
        if country == front.country and _says(text, front.words):
            return front
    return None


def actors_home(
    mentions: Sequence[ActorMention],
    country_words: Sequence[tuple[str, tuple[str, ...]]],
    text: str,
    *,
    states_alone: bool = False,
) -> str | None:
    """Where a report with no known place is set: the home country most of its
    named actors share, non-state groups counting most (``states_alone``: or the
    one state whose forces alone are named, a weaker clue the pipeline gives the
    geocoder as a prior)."""
    votes: Counter[str] = Counter()
    non_state = False
    for m in mentions:
        if m.entry is None or not m.entry.country:
            continue
        # State forces and the militias allied to a state often fight abroad
        # (Hezbollah in Syria): they say less about where a report is set; so does a
        # catch-all ("Islamist militants"), which every country has.
        if m.entry.kind is ActorKind.STATE_FORCES or m.entry.collective:
            votes[m.entry.country] += 1
        elif m.entry.allied_with_state:
            votes[m.entry.country] += 1
            non_state = True
        else:
            votes[m.entry.country] += 4
            non_state = True
    # Those alone only break ties: troops abroad name no setting; the wording of one
    # war's reports may ("regime forces"), and breaks a tie too.
    worded = worded_country(country_words, text)
    if not non_state:
        alone = next(iter(votes)) if states_alone and len(votes) == 1 else None
        return worded or alone
    best = max(votes.values())
    tied = [country for country, count in votes.items() if count == best]
    return worded if worded in tied else tied[0]


@dataclass(frozen=True, slots=True)
class RegionPrior:
    """The regions a report's groups fight in, and the one most of it is in."""

    regions: tuple[str, ...] = ()
    main: str | None = None


def actors_regions(mentions: Sequence[ActorMention], day: date | None) -> RegionPrior:
    """The regions the report's groups fight in (``ActorEntry.regions``); none when
    two groups' main regions differ (the report is about more than one of them), and
    no main one when a group has none or two groups name different ones."""
    regions: list[str] = []
    mains: set[str | None] = set()
    for mention in mentions:
        entry = mention.entry
        found = entry.regions_on(day) if entry is not None else ()
        if entry is not None and found:
            regions.extend(found)
            mains.add(entry.main_region_on(day))
    if not regions:
        return RegionPrior()
    main = next(iter(mains)) if len(mains) == 1 else None
    if len(mains - {None}) > 1:
        return RegionPrior()  # two groups, each in its own place: no prior
    return RegionPrior(tuple(dict.fromkeys(regions)), main)


def worded_country(country_words: Sequence[tuple[str, tuple[str, ...]]], text: str) -> str | None:
    """The country whose war the report's wording belongs to ("regime forces"), if any."""
    for country, words in country_words:
        if _says(text, words):
            return country
    return None


def report_setting(
    fronts: Sequence[Front],
    text: str,
    day: date | None,
    country: str | None,
    regions: tuple[str, ...] = (),
) -> Setting:
    """``country`` and ``regions`` (from the report's actors or dateline), made
    precise by the front the report names."""
    front = front_of(fronts, text, day, country)
    if front is None:
        return Setting(country, regions)
    return Setting(front.country, front.regions)
