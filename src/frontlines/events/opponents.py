"""The other side of a battle the parse left one-sided.

A battle has two armed sides by definition: ACLED never codes one without an actor 2.
When the parse of the trigger's clause finds only the side that acted ("regime forces
captured the village after clashes with IS" with "IS" hung under another clause), the
other side is the armed group the sentence, else the paragraph, names that is not the
acting side, one of its units or allies, or a helper of theirs. With no such group the
side is unknown: an unidentified armed group of the event's country (set once the
country is known, ``records.py``).
"""

from __future__ import annotations

from frontlines.events.actors import Actor
from frontlines.events.candidate import ResolvedMention
from frontlines.events.context import in_support_phrase
from frontlines.events.lexicon import TriggerClass
from frontlines.events.sides import allied
from frontlines.events.subevents import ARMED_KINDS
from frontlines.taxonomy import SubEventType


def fights(cls: TriggerClass) -> bool:
    """The trigger codes a battle: an armed clash, or territory taken by force."""
    return cls.sub_event is SubEventType.ARMED_CLASH or cls.state is not None


def battle_sides(
    cls: TriggerClass,
    actor1: Actor | None,
    actor2: Actor | None,
    side: list[Actor],
    sentence: list[ResolvedMention],
    paragraph: list[ResolvedMention],
) -> tuple[Actor | None, Actor | None]:
    """The two sides of a battle with the missing one filled in when the report names
    it; ``side`` holds the acting side's other actors (its supporters and units). A
    battle known only by who suffered it ("QSD fighters were killed in clashes with
    IS") gets the one they fought as actor 1."""
    if (actor1 is None) == (actor2 is None) or not fights(cls):
        return actor1, actor2
    if actor1 is not None:
        return actor1, opponent(actor1, side, sentence, paragraph)
    assert actor2 is not None
    if actor2.kind not in ARMED_KINDS:
        return actor1, actor2  # civilians caught in fighting fought no one
    return opponent(actor2, [], sentence, paragraph), actor2


def opponent(
    known: Actor, side: list[Actor], sentence: list[ResolvedMention],
    paragraph: list[ResolvedMention],
) -> Actor | None:  # fmt: skip
    """The first armed group the sentence, else the paragraph, names that is not on
    ``known``'s side (``side``, its units, its allies) nor helping someone."""
    friends = {a.root for a in side} | {known.root}
    for mentions in (sentence, paragraph):
        for m in mentions:
            actor = m.actor
            if (
                actor.kind in ARMED_KINDS
                and actor.root not in friends
                and not allied(known, actor)
                and not in_support_phrase(m.token)
            ):
                return actor
    return None
