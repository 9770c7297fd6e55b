"""Counts a sentence reports: fatalities (ACLED's conventions, ``numbers.py``) and
equipment lost, put on the sentence's events or on the events it adds detail to."""

from __future__ import annotations

import re

from spacy.tokens import Span

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
    killed = fatalities(span_text(sentence))
    lost = losses(sentence)
    if killed is None and not lost:
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
    if killed is not None:
        # ACLED splits a count over the locations it covers; the first gets the rest.
        # A figure stated as coded is the event's own, not split.
        parts = 1 if coded_fatalities(span_text(sentence)) is not None else len(targets)
        share, rest = divmod(killed, parts)
        for position, candidate in enumerate(targets):
            count = share + (rest if position == 0 else 0)
            candidate.fatalities = (candidate.fatalities or 0) + count if more else count
    if lost:
        hedged = assess(sentence.root, sentence, failure_words).hedged
        loser = subject_actor(sentence, mentions)
        for candidate in targets:
            candidate.losses.extend(x for x in lost if x not in candidate.losses)
            candidate.losses_hedged = candidate.losses_hedged or hedged
            candidate.loser = candidate.loser or loser
