"""Groups coded under the umbrella they fight in ("the 8th Brigade, operating under
the 5th Corps" is the 5th Corps), and umbrellas that name no one fighting now."""

from __future__ import annotations

import re

from frontlines.events.lexicon import names_operation
from frontlines.events.mention_spans import ActorMention, merge_pairs, spanning
from frontlines.taxonomy import ActorKind

# "8th Brigade, operating under the 5th Corps", "gunmen affiliated with State
# Security": ACLED codes the umbrella the group fights under.
_UNDER = re.compile(
    r"^(?:\s+\S+){0,3}?,?\s+(?:(?:which|who|that)\s+)?"
    r"(?:operating|operates?|working|works?|fighting|fights?|acting|acts?)"
    r"\s+(?:under|within|for|as part of)"
    r"(?:\s+the)?(?:\s+(?:umbrella|command|banner) of)?(?:\s+the)?(?:\s+\S+){0,2}?\s+$"
    r"|^(?:\s+\S+){0,3}?,?\s+(?:affiliated (?:with|to)|part of)(?:\s+the)?\s+$"
    # "opposition factions under Operation Peace Spring"
    r"|^\s+(?:\w+\s+)?under(?:\s+the)?(?:\s+(?:umbrella|command|banner) of)?(?:\s+the)?\s+$"
)
# The verb of a clause that two names share: plural, after a comma.
_SHARED_UMBRELLA = re.compile(
    r",\s+(?:which|who|that)\s+(?:operate|are operating|work|are working|fight|are fighting)"
    r"\s+(?:under|within|for|as part of)\b"
)
_PAIR_JOINER = re.compile(r"^\s+and\s+(?:the\s+)?$")
# "the 5th Corps-backed 8th Brigade": a unit backed by its own formation.
_BACKED = re.compile(r"^-?(?:backed|supported|led)\s+$")


def umbrellas(mentions: list[ActorMention], text: str) -> list[ActorMention]:
    def merge(mention: ActorMention, following: ActorMention) -> ActorMention | None:
        if _under(mention, following, text[mention.end : following.start]):
            return spanning(mention, following, text, following.entry, following.role)
        if _backed_unit(mention, following, text):
            return spanning(mention, following, text, mention.entry)
        return None

    def merge_shared(mention: ActorMention, following: ActorMention) -> ActorMention | None:
        # "rebel factions and JWS, which operate under OPS": a plural clause after a
        # pair qualifies both, so the first joins the second under the umbrella.
        if (
            following.entry is not None
            and _PAIR_JOINER.match(text[mention.end : following.start])
            and _SHARED_UMBRELLA.search(following.text)
            and _under(mention, following, " operating under ")
        ):
            return spanning(mention, following, text, following.entry, following.role)
        return None

    return merge_pairs(merge_pairs(mentions, merge), merge_shared)


# "operating as part of former Operation Olive Branch", "which had operated under":
# an umbrella the group has left is not the one ACLED codes it under.
_FORMER_UMBRELLA = re.compile(r"\b(?:former(?:ly)?|used to|had|previously|once)\b", re.I)


def _under(group: ActorMention, umbrella: ActorMention, between: str) -> bool:
    if umbrella.entry is None or not _UNDER.match(between) or _FORMER_UMBRELLA.search(between):
        return False
    if group.entry is None:
        return group.role in {"unidentified", "gang", "rebels", "anaphor", "local"}
    # A state unit "affiliated to" a militia is still coded as the state's unit.
    return not (group.entry.kind is ActorKind.STATE_FORCES and "affiliated" in between)


def _backed_unit(backer: ActorMention, unit: ActorMention, text: str) -> bool:
    if backer.entry is None or unit.entry is None or unit.entry.parent is None:
        return False
    same_forces = (backer.entry.parent or backer.entry.name) == unit.entry.parent
    return same_forces and bool(_BACKED.match(text[backer.end : unit.start]))


_FORMER_BEFORE = re.compile(
    r"(?:\bformer\s+['‘’\"]?|\b(?:used to|had|previously|formerly)\s+(?:\w+\s+){0,2}?"
    r"(?:under|part of|within)\s+(?:the\s+)?)$",
    re.I,
)


def former_operation(mention: ActorMention, text: str) -> bool:
    """ "Rebels of the former Operation Euphrates Shield": an operation that has ended
    names no side fighting now; ACLED codes the groups as what they are."""
    if mention.entry is None or not names_operation(mention.entry.name):
        return False
    return bool(_FORMER_BEFORE.search(text, max(0, mention.start - 40), mention.start))
