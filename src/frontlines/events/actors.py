"""Actor mentions: named actors from actors.toml and generic phrases from generic.toml,
joined where the text makes one actor of two hits ("ISIS terrorists", "the 8th Brigade,
which operates under the 5th Corps"). ``actor_resolution`` turns them into actors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from frontlines.events.lexicon import ActorEntry, Lexicon
from frontlines.events.mention_spans import ActorMention, merge_pairs, spanning
from frontlines.events.phrases import PhraseIndex
from frontlines.events.umbrellas import former_operation, umbrellas
from frontlines.taxonomy import ActorKind

NON_STATE_ARMED = frozenset(
    {ActorKind.REBEL_GROUP, ActorKind.POLITICAL_MILITIA, ActorKind.IDENTITY_MILITIA}
)
# A named tribe or clan ("Shaitat tribal militiamen", "the Al-Bakeer tribe"): ACLED
# codes it "<Name> Tribal Militia (<country>)". The name is one or two capitalised
# words, optionally after an "Al" article.
# (Lookaheads on a pattern's first letters here are implied by the pattern: they let
# the engine leave every other position of the report at once.)
_TRIBE = re.compile(
    r"\b(?=[A-Z])(?P<name>(?:Al[- ])?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) "
    r"(?i:tribe|tribes|tribal militia|tribal militias|tribal militiamen|tribal fighters"
    r"|tribal gunmen|tribesmen|clan|clansmen)\b"
)
# The first of two tribes sharing one noun: "<Name> and " right before the second.
_TRIBE_PAIR = re.compile(
    r"\b(?:between|among)\s+(?P<name>(?:Al[- ])?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) and $"
)
# The guess may follow a comma ("an unidentified group, believed to be IS cells"), drop
# its "be" ("gunmen believed to IS members") and name a member or a cell of the group
# ("believed to be an IS member", "members of an IS cell").
_SUSPECTED = re.compile(
    r"^,?(?:\s+\S+){0,4}?,?\s+(?:(?:believed|suspected|thought|said|likely)\s+to(?:\s+be)?"
    r"|suspected of being|(?:most\s+)?likely|presumably|probably|affiliated (?:with|to)"
    r"|linked to|belonging to|believed to belong to|loyal to)"
    r"(?:\s+(?:the|an?|members? of|fighters? of|(?:sleeper\s+)?cells? of))*\s+$"
)
_TRIBE_MEMBERS = re.compile(
    r"(?:(?:two|rival|armed|some) )?(?:families|family members|members|cousins|relatives|sons"
    r"|gunmen|militiamen|fighters)\s+(?:from|of)\s+(?:the\s+)?$"
)
# Capitalised words that describe a tribe rather than name it.
_NOT_TRIBE_NAMES = frozenset(
    {"Arab", "Arabs", "Kurdish", "Bedouin", "Bedouins", "Local", "The", "A", "Two", "Rival",
     "Armed", "Unknown", "Unidentified", "Sunni", "Shia", "Shiite", "Druze", "Alawite", "Other",
     "Several", "Some", "Both", "Another", "Three", "Many", "In", "On", "Of"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as coded on an event."""

    name: str
    kind: ActorKind
    country: str | None = None
    parent: str | None = None
    generic: bool = False  # a generic phrase with no named antecedent
    allied_with_state: bool = False
    # The generic role it was named from ("police", "civilians"), so the event's own
    # country can re-home it: unnamed police at a protest in Moscow are Russia's.
    role: str | None = None
    # Civilians named as a collective ("locals", "a group of residents"): when they
    # beat or kill someone, a mob. Not part of the actor's identity.
    crowd: bool = field(default=False, compare=False)

    def inter(self, event_country: str | None) -> int:
        """ACLED inter code: state forces abroad are external forces (8)."""
        if (
            self.kind is ActorKind.STATE_FORCES
            and self.country
            and event_country
            and self.country != event_country
        ):
            return int(ActorKind.EXTERNAL_FORCES)
        return int(self.kind)

    @property
    def root(self) -> str:
        """The actor a unit belongs to (itself for a top-level actor)."""
        return self.parent or self.name


class ActorFinder:
    """Finds actor mentions; build once per lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        folded: list[tuple[str, ActorEntry | str]] = []
        exact: list[tuple[str, ActorEntry | str]] = []
        for entry in lexicon.actors:
            folded.extend((alias, entry) for alias in entry.aliases)
            exact.extend((acronym, entry) for acronym in entry.acronyms)
        folded.extend((phrase, role) for phrase, role in lexicon.generic_phrases.items())
        self._index: PhraseIndex[ActorEntry | str] = PhraseIndex(folded, exact)
        # The pipeline asks for one report's actors twice (country hint for geo, then
        # coding): keep the last answer rather than scan the text again.
        self._last: tuple[str, list[ActorMention]] | None = None

    def find(self, text: str) -> list[ActorMention]:
        if self._last is not None and self._last[0] == text:
            return list(self._last[1])
        mentions = self._find(text)
        self._last = (text, mentions)
        return list(mentions)

    def _find(self, text: str) -> list[ActorMention]:
        mentions: list[ActorMention] = []
        for hit in self._index.find(text):
            if isinstance(hit.value, str) and _inside_arabic_name(text, hit.start, hit.text):
                continue
            # A named group owns its possessive ("Hezbollah's fighters"); a role word
            # does not ("a man's body", "the people's committees", "Luhansk People's
            # Militia": someone else is meant).
            if isinstance(hit.value, str) and text.startswith(("'s", "’s"), hit.end):
                continue
            if isinstance(hit.value, str):
                mention = ActorMention(hit.start, hit.end, hit.text, role=hit.value)
            else:
                mention = ActorMention(hit.start, hit.end, hit.text, entry=hit.value)
            previous = mentions[-1] if mentions else None
            # "ISIS terrorists", "SDF fighters": a generic word right after a name is
            # part of the named mention, not a second actor.
            if previous is not None and text[previous.end : mention.start].strip() in _JOINERS:
                joined = _join(previous, mention, text)
                if joined is not None:
                    mentions[-1] = joined
                    continue
            mentions.append(mention)
        mentions = [m for m in mentions if not former_operation(m, text)]
        mentions = _joined(_criminals(_attribute_suspects(mentions, text), text), text)
        mentions = umbrellas(mentions, text)
        mentions = _national_militaries(mentions, text, self.lexicon)
        tribes = _tribes(text)
        if tribes:
            # A named tribe replaces the generic hits inside it ("tribal militia").
            mentions = [
                m for m in mentions
                if not any(t.start <= m.start < t.end for t in tribes)
            ]  # fmt: skip
            mentions = sorted([*mentions, *tribes], key=lambda m: m.start)
        return mentions


# "Abu Bakr as-Siddiq Army", "Omar Ibn Al-Khattab Army": a capitalised generic word
# ending a transliterated Arabic name is part of that name, not "the army".
_ARABIC_NAME_BEFORE = re.compile(
    r"(?:\b(?:[Aa][ls]|[Ee]l|[Aa]d|[Aa]r|[Aa]sh|[Aa]t)[- ][A-Z][\w'’]*"
    r"|\b(?:Ibn|Bin|Abu|Abi) [A-Z][\w'’-]*)\s+$"
)


def _inside_arabic_name(text: str, start: int, hit: str) -> bool:
    return hit[:1].isupper() and bool(_ARABIC_NAME_BEFORE.search(text, max(0, start - 40), start))


# "the Myanmar military", "the Malian military": a country's forces. Not "a Syrian
# military source", "the Jirah military airbase", where "military" describes a thing.
_NATIONAL_MILITARY = re.compile(
    r"\b[A-Z][a-z]+(?:['’]s)? military\b"
    r"(?!\s+(?:base|bases|airbase|airport|source|sources|official|officials"
    r"|spokesman|spokesperson|point|points|position|positions|post|posts|council|court|police"
    r"|intelligence|hospital|academy|college|vehicle|vehicles|equipment|site|sites|facility"
    r"|facilities|camp|checkpoint|operation|operations|convoy|installation|installations"
    r"|zone|area|target|targets|aircraft|plane|helicopter|drone)\b)"
)


# "the military forces of Artsakh", "armed forces of Azerbaijan": ACLED's own way of
# naming a state's forces.
_FORCES_OF = re.compile(
    r"(?=(?i:[ma]))\b(?i:military|armed) forces of "
    r"(?:the )?(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
)


def _national_militaries(
    mentions: list[ActorMention], text: str, lexicon: Lexicon
) -> list[ActorMention]:
    extra = [
        ActorMention(m.start(), m.end(), m.group(0), role="state")
        for m in _NATIONAL_MILITARY.finditer(text)
        if not any(x.start < m.end() and m.start() < x.end for x in mentions)
    ]
    for m in _FORCES_OF.finditer(text):
        entry = _state_named(m.group("name"), lexicon)
        if entry is None:
            continue
        # The forces' phrase replaces the generic "military forces" inside it.
        mentions = [x for x in mentions if not (m.start() <= x.start < m.end())]
        extra.append(ActorMention(m.start(), m.end(), m.group(0), entry=entry))
    return sorted([*mentions, *extra], key=lambda m: m.start) if extra else mentions


def _state_named(name: str, lexicon: Lexicon) -> ActorEntry | None:
    """The top-level state forces "Military Forces of <name> (...)"."""
    prefix = f"Military Forces of {name} ("
    return next((a for a in lexicon.actors if a.parent is None and a.name.startswith(prefix)), None)


# "armed men linked to drug trafficking", "gunmen belonging to a criminal group":
# unnamed men said to be criminals are a gang.
_CRIMINAL_LINK = re.compile(
    r"^(?:\s+\S+){0,3}?\s+(?:linked to|belonging to|affiliated with|tied to|connected to"
    r"|involved in|suspected of|dedicated to)\s+(?:the\s+|a\s+)?(?:drug[- ]trafficking"
    r"|drug dealing|organi[sz]ed crime|criminal|a gang|gangs?\b|cartels?\b|extortion)",
    re.I,
)


def _criminals(mentions: list[ActorMention], text: str) -> list[ActorMention]:
    return [
        replace(m, role="gang")
        if m.role == "unidentified" and _CRIMINAL_LINK.match(text[m.end : m.end + 80])
        else m
        for m in mentions
    ]


# "a former rebel who joined the ranks of the military intelligence": a fighter who
# changed sides is coded as the side he joined.
_JOINED = re.compile(
    r"^\s*,?\s*(?:who|that|and)\s+(?:had\s+|has\s+|have\s+|later\s+|then\s+)*"
    r"(?:joined|join|joins|enlisted in)\s+(?:the\s+)?(?:ranks\s+of\s+(?:the\s+)?)?"
    r"(?:\S+\s+){0,2}?$",
    re.I,
)


def _joined(mentions: list[ActorMention], text: str) -> list[ActorMention]:
    def merge(mention: ActorMention, following: ActorMention) -> ActorMention | None:
        former = re.match(r"(?:an?\s+|the\s+)?(?:former|ex-)", mention.text, re.I) is not None
        if (
            former
            and mention.role == "unidentified"
            and (following.entry is not None or following.role == "state")
            and _JOINED.match(text[mention.end : following.start])
        ):
            return spanning(mention, following, text, following.entry, following.role)
        return None

    return merge_pairs(mentions, merge)


def _attribute_suspects(mentions: list[ActorMention], text: str) -> list[ActorMention]:
    """ "unknown gunmen believed to be IS members": ACLED codes the suspected group, so
    an unidentified mention followed by such a phrase and a named actor becomes one
    mention of that actor."""

    def merge(mention: ActorMention, following: ActorMention) -> ActorMention | None:
        # The guess may be a generic side ("gunmen suspected to be opposition rebels").
        named = following.entry is not None or following.role == "rebels"
        if (
            mention.role == "unidentified"
            and named
            and _SUSPECTED.match(text[mention.end : following.start])
        ):
            return spanning(mention, following, text, following.entry, following.role)
        return None

    return merge_pairs(mentions, merge)


def _tribes(text: str) -> list[ActorMention]:
    found = []
    for match in _TRIBE.finditer(text):
        name = match.group("name").replace("-", " ").replace("’", "'")
        first = name.split()[0]
        if first in _NOT_TRIBE_NAMES or name.split()[-1] in _NOT_TRIBE_NAMES:
            continue
        start = match.start()
        # "two families from the Ekeidat tribe": the families are the tribe's members.
        members = _TRIBE_MEMBERS.search(text, 0, start)
        if members is not None:
            start = members.start()
        pair = _TRIBE_PAIR.search(text, max(0, start - 60), start)
        if pair is not None and pair.group("name").split()[0] not in _NOT_TRIBE_NAMES:
            # "between the Al Nuwaisir and Al Sabkha tribesmen": two tribes sharing one noun.
            first = pair.group("name").replace("-", " ").replace("’", "'")
            found.append(
                ActorMention(pair.start(), pair.end("name"), pair.group("name"), tribe=first)
            )
        found.append(ActorMention(start, match.end(), text[start : match.end()], tribe=name))
    return found


_JOINERS = frozenset({"", "'s", "’s"})


def _join(first: ActorMention, second: ActorMention, text: str) -> ActorMention | None:
    """Two adjacent mentions that name one actor: "ISIS terrorists" (name + generic),
    "regime Air Force Intelligence" (generic + named unit), "Syrian regime 4th
    Division" (force + its unit), "rebel groups" twice."""
    span = text[first.start : second.end]
    if first.entry is not None and second.role is not None:
        return ActorMention(first.start, second.end, span, first.entry)
    if first.role is not None and second.entry is not None:
        return ActorMention(first.start, second.end, span, second.entry)
    # "Syrian regime Military Intelligence": a force, then one of its units.
    if first.entry and second.entry and second.entry.parent and _owns(first.entry, second.entry):
        return ActorMention(first.start, second.end, span, second.entry)
    if first.role is not None and first.role == second.role:
        return ActorMention(first.start, second.end, span, role=first.role)
    return None


def _owns(force: ActorEntry, unit: ActorEntry) -> bool:
    """A unit of this force, or a state branch of the same state ("Syrian regime
    Political Intelligence": the security services answer to the same state)."""
    if unit.parent == force.name:
        return True
    return (
        force.parent is None
        and force.kind is ActorKind.STATE_FORCES
        and unit.kind is ActorKind.STATE_FORCES
        and force.country == unit.country
    )


# Not "the former rebels" (a generic phrase, found first) nor "the former regime".
_FORMER_LATTER = re.compile(
    r"(?=t)\bthe (?P<which>former|latter)\b(?!\s+(?:regime|government)\b)", re.I
)


def former_latter(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "After the latter attacked a checkpoint": mentions whose actor is the first
    ("the former") or last ("the latter") side named before them in the sentence,
    resolved in order with the others (role "former" or "latter")."""
    return [
        ActorMention(m.start(), m.end(), m.group(0), role=m.group("which").lower())
        for m in _FORMER_LATTER.finditer(text)
        if not any(x.start < m.end() and m.start() < x.end for x in mentions)
    ]
