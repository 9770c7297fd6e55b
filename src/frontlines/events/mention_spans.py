"""Actor mentions as spans of a report's text, and the merging of two neighbouring
mentions into one (shared by the actor finder and the rules that refine its hits)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from frontlines.events.lexicon import ActorEntry


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span of text naming an actor (``entry``) or a generic role ("government troops")."""

    start: int
    end: int
    text: str
    entry: ActorEntry | None = None
    role: str | None = None
    tribe: str | None = None  # "Shaitat tribal militiamen" -> "Shaitat"


def spanning(
    first: ActorMention,
    second: ActorMention,
    text: str,
    entry: ActorEntry | None,
    role: str | None = None,
) -> ActorMention:
    """One mention from the start of ``first`` to the end of ``second``."""
    return ActorMention(first.start, second.end, text[first.start : second.end], entry, role)


def merge_pairs(
    mentions: list[ActorMention],
    merge: Callable[[ActorMention, ActorMention], ActorMention | None],
) -> list[ActorMention]:
    """Each mention and the one after it become ``merge``'s mention when it gives one."""
    merged: list[ActorMention] = []
    skip = False
    for index, mention in enumerate(mentions):
        if skip:
            skip = False
            continue
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        joined = merge(mention, following) if following is not None else None
        if joined is not None:
            merged.append(joined)
            skip = True
            continue
        merged.append(mention)
    return merged
