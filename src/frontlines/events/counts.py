"""Counts a sentence reports: fatalities (ACLED's conventions, ``numbers.py``) and
equipment lost, put on the sentence's events or on the events it adds detail to."""

from __future__ import annotations

import re

from spacy.tokens import Span

from frontlines.events.allocation import Allocation, allocation, shares
from frontlines.events.candidate import Candidate, ResolvedMention
from frontlines.events.claims import assess
from frontlines.events.context import recent_events
from frontlines.events.losses import losses
from frontlines.events.numbers import coded_fatalities, fatalities
from frontlines.events.sides import subject_actor
from frontlines.model import PlaceMention
from frontlines.nlp.lookups import doc_text, span_text

__all__ = ["attach_counts"]

LATER_DEATH = re.compile(
    r"\b(?:later|subsequently|afterwards|the (?:next|following) day|hours later|days later)\b"
    r"[^.;]*\b(?:died|succumbed|passed away)\b"
    r"|\b(?:died|succumbed|passed away)\b[^.;]*\b(?:later|subsequently|afterwards"
    r"|the (?:next|following) day|of (?:his|her|their) (?:wounds|injuries))\b",
    re.I,
)


def attach_counts(
    sentence: Span,
    paragraph: int,
    new: list[Candidate],
    earlier: list[Candidate],
    mentions: list[ResolvedMention],
    failure_words: frozenset[str],
) -> None:
    """Fatalities and equipment losses of a sentence, on its events or, when it codes
    none, on the events of the sentence before it."""
    targets, later = new, not new
    if later:
        # A sentence that only adds figures about the fighting just described
        # ("... lost a tank in these clashes") belongs to those events.
        same = recent_events(earlier, paragraph)
        last = max((c.sentence for c in same), default=None)
        targets = [c for c in same if c.sentence == last]
        if not targets:
            # No event to put a count on: the sentence's counts are not read (most
            # sentences of a report; reading them would change nothing).
            return
    text = span_text(sentence)
    killed = fatalities(text, sentence)
    plan = allocation(text)
    lost = losses(sentence)
    if killed is None and not lost and plan is None:
        return
    more = False
    if later:
        for candidate in targets:
            candidate.evidence.append(sentence)
        # "One of the wounded later died in hospital": a further death, added to the
        # count already told.
        more = bool(LATER_DEATH.search(text))
    if killed is None and plan is not None:
        # "Fatalities distributed over three locations: ...": the count told before,
        # now shared as the report says
        killed = next((c.told for c in targets if c.told is not None), None)
        more = False
    if killed is not None:
        for candidate, count in zip(targets, _split(killed, sentence, plan, targets), strict=True):
            candidate.fatalities = (candidate.fatalities or 0) + count if more else count
            if not more:
                candidate.told = killed
    if lost:
        hedged = assess(sentence.root, sentence, failure_words).hedged
        loser = subject_actor(sentence, mentions)
        for candidate in targets:
            candidate.losses.extend(x for x in lost if x not in candidate.losses)
            candidate.losses_hedged = candidate.losses_hedged or hedged
            candidate.loser = candidate.loser or loser


def _split(
    killed: int, sentence: Span, plan: Allocation | None, targets: list[Candidate]
) -> list[int]:
    """Each event's part of a sentence's count."""
    text = span_text(sentence)
    if plan is not None:
        return shares(killed, plan, [_place_names(c) for c in targets])
    # ACLED splits a count over the locations it covers; the first gets the rest.
    # A figure stated as coded is the event's own, not split.
    if coded_fatalities(text) is not None:
        return [killed] * len(targets)
    inside = _contained(targets, doc_text(sentence.doc))
    own = [i for i in range(len(targets)) if i not in inside] or list(range(len(targets)))
    share, rest = divmod(killed, len(own))
    counts = {index: share + (rest if n == 0 else 0) for n, index in enumerate(own)}
    # a place that only locates another takes that place's count
    return [counts.get(i, counts.get(inside.get(i, -1), share)) for i in range(len(targets))]


# "Azaz city in Aleppo", "the Mansheyyi neighbourhood of Daraa city", "Hamran town near
# Jarablus": the second place locates the first, it is no second location of the count.
_LOCATES = re.compile(
    r"\s*(?:[\w'-]+\s+){0,3}?(?:in|of|near|outside)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?"
    r"|\s*(?:(?:village|town|city|district|county|province|governorate|state|region|area)\s*)?,\s*",
    re.I,
)
# "in A, B and C": a list of places, each a location of its own
_LISTED = re.compile(r"\s*,?\s*(?:and|or|as well as)?\s*", re.I)


def _contained(targets: list[Candidate], text: str) -> dict[int, int]:
    """The events whose place only locates another event's (its index), or is a
    country or a governorate besides a closer place (the first event's)."""
    found: dict[int, int] = {}
    for i, candidate in enumerate(targets):
        mention = candidate.mention
        if mention is None:
            continue
        code = (mention.place.feature_code or "") if mention.place is not None else ""
        if code.startswith("PCL") or code == "ADM1":
            found[i] = -1
            continue
        for j, other in enumerate(targets):
            before = other.mention
            if (
                j != i
                and before is not None
                and before.end <= mention.start
                and _LOCATES.fullmatch(text, before.end, mention.start)
                and mention.start - before.end < 60
                and not _in_list(mention, targets, text)
            ):
                found[i] = j
                break
    return found


def _place_names(candidate: Candidate) -> list[str]:
    """The names an event's place goes by: the report's words, the gazetteer's."""
    mention = candidate.mention
    if mention is None:
        return []
    return [mention.text] + ([mention.place.name] if mention.place is not None else [])


def _in_list(mention: PlaceMention, targets: list[Candidate], text: str) -> bool:
    """The place is an item of a list of events' places ("A, B and C"): the places
    after it follow each other with commas up to an "and" ("A, B, C" alone is a place
    in its district in its province)."""
    mentions = sorted((c.mention for c in targets if c.mention is not None), key=lambda m: m.start)
    current = mention
    for following in mentions:
        if following.start <= current.end:
            continue
        gap = _LISTED.fullmatch(text, current.end, following.start)
        if gap is None:
            return False
        if gap.group(0).strip(" ,"):
            return True  # the list's "and"
        current = following
    return False
