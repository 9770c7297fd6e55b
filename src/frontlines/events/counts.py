"""Counts a sentence reports: fatalities (ACLED's conventions, ``numbers.py``) and
equipment lost, put on the sentence's events or on the events it adds detail to."""

from __future__ import annotations

import re

from spacy.tokens import Span

from frontlines.events.allocation import Allocation, allocation, shares
from frontlines.events.candidate import Candidate, ResolvedMention
from frontlines.events.claims import assess
from frontlines.events.context import recent_events
from frontlines.events.numbers import coded_fatalities, fatalities, losses
from frontlines.events.sides import subject_actor
from frontlines.nlp.lookups import span_text

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
    text = span_text(sentence)
    killed = fatalities(text, sentence)
    plan = allocation(text)
    lost = losses(sentence)
    if killed is None and not lost and plan is None:
        return
    targets = new
    more = False
    if not targets:
        # A sentence that only adds figures about the fighting just described
        # ("... lost a tank in these clashes") belongs to those events.
        same = recent_events(earlier, paragraph)
        last = max((c.sentence for c in same), default=None)
        targets = [c for c in same if c.sentence == last]
        for candidate in targets:
            candidate.evidence.append(sentence)
        # "One of the wounded later died in hospital": a further death, added to the
        # count already told.
        more = bool(LATER_DEATH.search(span_text(sentence)))
    if not targets:
        return
    if killed is None and plan is not None:
        # "Fatalities distributed over three locations: ...": the count told before,
        # now shared as the report says
        killed = next((c.told for c in targets if c.told is not None), None)
        more = False
    if killed is not None:
        for candidate, count in zip(targets, _split(killed, text, plan, targets), strict=True):
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


def _split(killed: int, text: str, plan: Allocation | None, targets: list[Candidate]) -> list[int]:
    """Each event's part of a sentence's count."""
    if plan is not None:
        return shares(killed, plan, [_place_names(c) for c in targets])
    # ACLED splits a count over the locations it covers; the first gets the rest.
    # A figure stated as coded is the event's own, not split.
    parts = 1 if coded_fatalities(text) is not None else len(targets)
    share, rest = divmod(killed, parts)
    return [share + (rest if position == 0 else 0) for position in range(len(targets))]


def _place_names(candidate: Candidate) -> list[str]:
    """The names an event's place goes by: the report's words, the gazetteer's."""
    mention = candidate.mention
    if mention is None:
        return []
    return [mention.text] + ([mention.place.name] if mention.place is not None else [])
