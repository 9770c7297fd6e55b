"""People named by the armed group they belong to, or once belonged to, coded as
ACLED codes them: "a man belonging to QSD's intelligence" is QSD, not a civilian;
"a former commander of Liwa al Karama" left his group and, like other former
fighters, is an unidentified armed group of the country."""

from __future__ import annotations

import re

from frontlines.events.lexicon import names_operation
from frontlines.events.mention_spans import ActorMention, merge_pairs, spanning

# "former Mutaaz Billah commander", "a former commander of Liwa al Karama", "two former
# Islamist faction leaders"; not "a former regime soldier" (the state's man).
# The lookahead on the first letters (implied by the pattern) spares the engine the
# alternatives at every other position of the report.
_FORMER_FIGHTER = re.compile(
    r"(?=[atfe\d])\b(?:(?:an?|the|two|three|\d+)\s+)?(?:former\s+|ex-\s*)"
    r"(?!(?:regime|army|government|police|soldiers?|officers?|officials?)\b)"
    r"(?:[\w'’-]+\s+){0,4}?(?:commanders?|fighters?|members?|leaders?|militants?|rebels?)\b"
    # the group's name after "of" (capitalised words and Arabic articles)
    r"(?:\s+of\s+(?:the\s+)?(?-i:(?:[A-Z][\w'’-]*|al|el|ad|as|ash|ibn|bin)\b\s*){1,5})?",
    re.I,
)
# Words between a person and the group named as theirs ("a man, who was a member of",
# "people suspected to belong to", "a man reportedly belonging to").
_MEMBER_OF = re.compile(
    r"^,?\s+(?:(?:who|that)\s+(?:was|were|is|are)\s+)?(?:(?:reportedly|allegedly|suspected"
    r"|believed|said)\s+(?:to\s+)?)?(?:belong(?:ing|ed|s)?\s+to|(?:an?\s+)?members?\s+of"
    r"|affiliated\s+(?:with|to))(?:\s+the)?\s+$",
    re.I,
)
_PERSON_ROLES = frozenset({"civilians", "crowd"})
# "<group>-affiliated <group>": the second belongs to the first.
_AFFILIATED = re.compile(r"^-(?:affiliated|aligned|linked)\s+(?:the\s+|al\s+)?$", re.I)
# "a former rebel who joined the 5th Corps" is the force he joined (actors.py).
_JOINED_AFTER = re.compile(r"^\s*,?\s*(?:who|that)\s+(?:had\s+|has\s+|have\s+|later\s+)*join", re.I)


def former_fighters(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """Former fighters named with their group or rank become one unidentified mention,
    replacing the hits inside it ("Islamist faction", "a man")."""
    found = [
        ActorMention(m.start(), m.end(), m.group(0).rstrip(), role="unidentified")
        for m in _FORMER_FIGHTER.finditer(text)
        if not _JOINED_AFTER.match(text, m.end())
    ]
    # Not part of a longer mention ("a former rebel who joined the 5th Corps").
    found = [
        f for f in found
        if not any(m.start < f.end and f.start < m.end and (m.start < f.start or m.end > f.end)
                   for m in mentions)
    ]  # fmt: skip
    if not found:
        return mentions
    kept = [m for m in mentions if not any(f.start <= m.start < f.end for f in found)]
    return sorted([*kept, *found], key=lambda m: m.start)


def members_of_groups(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """A person named as a member of a group ("a man, who was a member of IS") is
    that group, a group named as affiliated with another ("JTW-affiliated Al Sham
    Corps") is itself, and one named before an operation ("JSH Olive Branch forces")
    is the operation: one mention of it."""

    def merge(mention: ActorMention, following: ActorMention) -> ActorMention | None:
        between = text[mention.end : following.start]
        person = mention.role in _PERSON_ROLES and _MEMBER_OF.match(between)
        affiliate = mention.entry is not None and _AFFILIATED.match(between)
        # "JSH Olive Branch forces": a group named as part of a joint operation fights
        # as the operation (ACLED codes the operation).
        operation = (
            mention.entry is not None
            and following.entry is not None
            and names_operation(following.entry.name)
            and not between.strip()
        )
        if following.entry is not None and (person or affiliate or operation):
            return spanning(mention, following, text, following.entry)
        return None

    return merge_pairs(mentions, merge)
