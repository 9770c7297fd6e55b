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

from spacy.tokens import Token

from frontlines.events.actors import Actor
from frontlines.events.between_lists import listed_opponent
from frontlines.events.candidate import ResolvedMention
from frontlines.events.context import in_support_phrase
from frontlines.events.lexicon import Lexicon, TriggerClass, names_operation
from frontlines.events.sides import allied, repelled
from frontlines.events.subevents import ARMED_KINDS
from frontlines.taxonomy import ActorKind, SubEventType


def fights(cls: TriggerClass) -> bool:
    """The trigger codes a battle: an armed clash, or territory taken by force."""
    return cls.sub_event is SubEventType.ARMED_CLASH or cls.state is not None


def battle_sides(
    root: Token,
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
        found = listed_opponent(actor1, root, paragraph) or opponent(
            actor1, side, sentence, paragraph
        )
        # "X repelled Y's attack": the attacker, found only now, is actor 1 (as
        # clash_sides codes it when the parse gives both sides).
        if found is not None and cls.sub_event is SubEventType.ARMED_CLASH and repelled(root):
            return found, actor1
        return actor1, found
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


# The kinds of group that lead a side over a catch-all: not a state's forces or a
# coalition of states' (they back the rebels, ACLED codes them as associated), nor a
# state's militia.
_LEADERS = frozenset(
    {ActorKind.REBEL_GROUP, ActorKind.POLITICAL_MILITIA, ActorKind.IDENTITY_MILITIA}
)


def named_first(side: list[Actor], other: list[Actor], lexicon: Lexicon) -> list[Actor]:
    """ "Rebel and Islamist factions and HTS", "rebel forces backed by JFS": ACLED
    codes the named group as the side's actor, the generic rebels or militias it
    fights beside as associated. A joint operation ("the rebels of Operation X") is
    the frame they fight in, not the group that leads them; a group the parse also
    put on the ``other`` side ("between rebels and the SDF") is no ally."""
    if not side or not _collective(side[0], lexicon) or side[0].kind not in _LEADERS:
        return side
    opposed = {a.root for a in other}
    named = next(
        (
            a for a in side[1:]
            if a.kind in _LEADERS and not a.allied_with_state and not _collective(a, lexicon)
            and a.root not in opposed and not names_operation(a.name)
        ),
        None,
    )  # fmt: skip
    if named is None:
        return side
    return [named, *(a for a in side if a != named)]


def _collective(actor: Actor, lexicon: Lexicon) -> bool:
    """ACLED's generic rebels or a catch-all; not an unidentified group ("gunmen"),
    which may be anyone and leads its own side."""
    entry = lexicon.actor(actor.name)
    return actor.role == "rebels" or (entry is not None and entry.collective)
