"""The two sides of an event: who counts as acting and acted upon once roles are
known, and the ACLED conventions for sides that reports leave implicit (fighting
within one group, feuding families, failed attacks, units and their parents)."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Span, Token

from frontlines.events.actors import Actor
from frontlines.events.candidate import Candidate, ResolvedMention
from frontlines.events.lexicon import Lexicon, names_operation
from frontlines.events.subevents import ARMED_KINDS
from frontlines.model import PlaceMention
from frontlines.nlp.lookups import span_text
from frontlines.taxonomy import ActorKind

FEUD = re.compile(
    r"\b(?:families|clans|cousins|relatives|family members|locals|residents|villagers)\b", re.I
)
# Words for fighting between two sides, as opposed to one side attacking another.
MUTUAL_FIGHTING = frozenset(
    {"clash", "fight", "fighting", "battle", "skirmish", "infighting", "firefight", "shootout",
     "confrontation", "exchange", "hostility"}
)  # fmt: skip
INTRA_GROUP = re.compile(
    r"\b(?:among|amongst|infighting|in-fighting|internal (?:clashes|fighting|dispute)"
    r"|(?:between )?(?:two|rival) (?:families|clans|branches|groups|factions|members)"
    r"|between (?:members|cousins|relatives|family members)|among themselves"
    # "clashes took place between family members of the Shaitat tribe", one side named
    r"|family members of)\b",
    re.I,
)


# "between <one group>" up to where the phrase ends (a place, a reason, a clause).
BETWEEN = re.compile(
    r"\b(?:between|among|amongst)\s+(?P<side>.+?)"
    r"(?=\s+(?:in|on|at|near|over|for|during|after|while|which|who|whom|because|due|amid"
    r"|resulting|killing|injuring|wounding|leaving)\b|[.;:]|$)"
)
EACH_OTHER = re.compile(r"\b(?:each others?|one another|themselves)\b", re.I)


def one_side_between(sentence: str) -> bool:
    """Fighting "between two families", "among unknown gunmen", "with each other":
    one group named, so it is on both sides (the other side never gets a mention)."""
    if EACH_OTHER.search(sentence):
        return True
    match = BETWEEN.search(sentence)
    if match is None:
        return False
    side = match.group("side")
    if re.search(r"\band\b|&|\bwith\b", side) or side.startswith("the two sides"):
        return False
    # "between X, which operates under Y, and Z": the second side after a clause.
    return not re.search(r",\s+and\b", sentence[match.end() :])


# Nouns that a name modifies without changing who is meant: "IS fighters",
# "opposition rebel fighters", "QDW members".
GROUP_NOUNS = frozenset(
    {"fighter", "force", "member", "militant", "militia", "militiaman", "troop", "soldier",
     "unit", "cell", "element", "faction", "group", "gunman", "personnel", "commander",
     "rank", "brigade", "battalion", "division", "man", "officer", "loyalist", "supporter"}
)  # fmt: skip


def group_head(token: Token) -> Token:
    # A word with its own "and" is coordinated, not a modifier, whatever the parse:
    # in "Rebels and regime forces clashed" the small model hangs "Rebels" under
    # "forces" as if it were "rebel forces", which made the two sides one.
    while (
        token.dep_ in {"compound", "amod", "nmod"}
        and token.head != token
        and token.head.lemma_.lower() in GROUP_NOUNS
        and not any(child.dep_ == "cc" for child in token.children)
    ):
        token = token.head
    return token


def article_country(places: list[PlaceMention], actors_home: str | None) -> str | None:
    """The country most places are in; on a tie, the home of the named actors."""
    counts = Counter(m.place.country for m in places if m.place and m.place.country)
    if not counts:
        return actors_home
    best = max(counts.values())
    tied = [name for name, count in counts.items() if count == best]
    if len(tied) > 1:
        # A province or country named outright ("in Homs province") is firmer
        # evidence than a village name that also exists elsewhere.
        areas = Counter(
            m.place.country for m in places
            if m.place and m.place.country in tied
            and (m.place.feature_code or "").startswith(("ADM", "PCL"))
        )  # fmt: skip
        if len(areas) == 1:
            return next(iter(areas))
    return actors_home if actors_home in tied else tied[0]


def paragraph_units(mentions: list[ResolvedMention], agents: list[Actor]) -> list[Actor]:
    """Named units of the acting side elsewhere in the paragraph ("led by the Tiger
    Forces") are associated with the event."""
    if not agents:
        return []
    root = agents[0].root
    return [m.actor for m in mentions if m.actor.parent == root and m.actor not in agents]


def counterpart(
    actor1: Actor | None, actor2: Actor | None, paragraph: int, earlier: list[Candidate]
) -> tuple[Actor | None, Actor | None]:
    """Fill a missing side from the latest earlier event of the same paragraph that
    involved the other side ("ISIS attempted to counter-attack" -> against whom the
    previous event set it)."""
    if actor1 is not None and actor2 is not None:
        return actor1, actor2
    for candidate in reversed(earlier):
        if candidate.paragraph != paragraph:
            continue
        sides = [candidate.actor1, candidate.actor2]
        known = actor1 or actor2
        if known is None:
            return candidate.actor1, candidate.actor2
        names = [s.root if s else None for s in sides]
        if known.root in names:
            other = sides[1 - names.index(known.root)]
            if other is not None and other.root != known.root:
                return (known, other) if actor1 else (other, known)
    return actor1, actor2


def unique(actors: list[Actor], main: Actor | None) -> list[Actor]:
    seen = {main.name} if main else set()
    out = []
    for actor in actors:
        if actor.name not in seen:
            seen.add(actor.name)
            out.append(actor)
    return out


def communal_militia(mention: PlaceMention | None, country: str | None) -> Actor | None:
    """ACLED's communal militia: armed residents named after their settlement, as the
    report spells it ("Talbiseh", not the gazetteer's "Tallbisah")."""
    place = mention.place if mention else None
    if mention is None or place is None or not country:
        return None
    if place.geo_precision == 3 and (place.feature_code or "").startswith(("ADM", "PCL")):
        return None  # a region, not a settlement whose residents took up arms
    written = " ".join(mention.text.split())
    name = written if written[:1].isupper() and not written.startswith("The ") else place.name
    return Actor(f"{name} Communal Militia ({country})", ActorKind.IDENTITY_MILITIA, country)


def unidentified(lexicon: Lexicon, country: str | None) -> Actor:
    return Actor(
        lexicon.generic_name("unidentified", country),
        ActorKind.POLITICAL_MILITIA,
        country,
        generic=True,
    )


def subject_actor(sentence: Span, mentions: list[ResolvedMention]) -> Actor | None:
    for m in mentions:
        if m.token.dep_ == "nsubj":
            return m.actor
    return mentions[0].actor if mentions else None


# Verbs whose subject fought off the attempt named in their object: ACLED codes the
# failed attacker as actor 1 ("JWS repelled a YPG infiltration attempt").
REPEL_VERBS = frozenset({"repel", "repulse", "thwart"})


def clash_sides(
    root: Token, actor1: Actor | None, actor2: Actor | None, others: list[Actor]
) -> tuple[bool, Actor | None, Actor | None]:
    """The sides of an armed clash: (communal, actor1, actor2). ``others`` are the
    further actors found on the acting side."""
    sentence_text = span_text(root.sent)
    unarmed = [a for a in (actor1, actor2) if a is None or a.kind is ActorKind.CIVILIANS]
    if len(unarmed) == 2 and FEUD.search(sentence_text):
        # "clashes between two families": ACLED names the armed families by their
        # place, a communal militia (set once the place is known).
        return True, None, None
    mutual = root.lemma_.lower() in MUTUAL_FIGHTING
    if mutual and any(a is not None and a.kind in ARMED_KINDS for a in (actor1, actor2)):
        # Civilians hurt in a clash between others ("clashes ..., injuring a woman")
        # are its victims, not a side of it.
        actor1, actor2 = (
            None if a is not None and a.kind is ActorKind.CIVILIANS else a for a in (actor1, actor2)
        )
    if actor1 is not None and actor2 is None and mutual and BETWEEN.search(sentence_text):
        # "between X, which operates under Y, and Z": a parse that left Z on X's side.
        actor2 = next((a for a in reversed(others) if a.root != actor1.root), None)
    if (
        actor1 is not None
        and actor2 is None
        and mutual
        and (INTRA_GROUP.search(sentence_text) or one_side_between(sentence_text))
    ):
        # "clashes among QDW members", "between two families of the X tribe": fighting
        # inside one group has that group on both sides.
        actor2 = actor1
    if actor1 is not None and actor2 is not None and repelled(root):
        actor1, actor2 = actor2, actor1
    return False, actor1, actor2


def repelled(root: Token) -> bool:
    """The trigger is, or hangs from, a "repelled" whose subject is the defender and
    whose object holds the attempt ("repelled a YPG infiltration attempt")."""
    token: Token | None = root
    for _ in range(3):
        if token is None:
            return False
        if token.lemma_.lower() in REPEL_VERBS and token.pos_ == "VERB":
            subject = any(c.dep_ == "nsubj" for c in token.children)
            attempt = any(c.dep_ == "dobj" for c in token.children)
            return subject and attempt
        token = token.head if token.head != token else None
    return False


def localise(
    actor: Actor | None, mention: PlaceMention | None, country: str | None, lexicon: Lexicon
) -> Actor | None:
    """ "Local gunmen" are the communal militia of the settlement the event is in."""
    if actor is None or actor.name != lexicon.generic_name("local", country):
        return actor
    return communal_militia(mention, country) or actor


def operation_first(agents: list[Actor], lexicon: Lexicon) -> list[Actor]:
    """ "Turkish forces supported by rebels operating under OPS": ACLED codes a joint
    military operation ("Operation Peace Spring") as the actor, with the state forces
    that lead it as associated. An operation ACLED codes the other way round
    (``state_led``: "Operation Olive Branch") leaves the side as named: the state's
    forces lead when named first, the operation when they only back it."""
    if not agents or agents[0].kind is not ActorKind.STATE_FORCES:
        return agents
    operation = next((a for a in agents[1:] if names_operation(a.name)), None)
    if operation is None:
        return agents
    entry = lexicon.actor(operation.name)
    if entry is not None and entry.state_led:
        return agents
    return [operation, *(a for a in agents if a != operation)]


def allied(a: Actor, b: Actor) -> bool:
    """A state's forces and a militia fighting for that state: one side."""
    state, other = (a, b) if a.kind is ActorKind.STATE_FORCES else (b, a)
    return (
        state.kind is ActorKind.STATE_FORCES
        and other.allied_with_state
        and other.country == state.country
    )


def allies_together(
    agents: list[Actor], patients: list[Actor], mentions: list[ResolvedMention]
) -> tuple[list[Actor], list[Actor]]:
    """ "Regime and pro-regime militia forces clashed with IS": a pro-government
    militia named beside the state's forces is on their side (ACLED codes it as the
    state's associated actor), never the side they fight. The state leads; the side
    acted upon is the next actor named in the sentence who is not their ally; with
    none, the two fought each other."""
    if agents and patients and allied(agents[0], patients[0]):
        side = [*agents, patients[0]]
        rest = [p for p in patients[1:] if not allied(agents[0], p)] or [
            m.actor for m in mentions
            if m.actor.kind in ARMED_KINDS and m.actor not in side
            and not any(allied(a, m.actor) or a.root == m.actor.root for a in side)
        ][:1]  # fmt: skip
        if rest:
            # With no one else to fight, they fought each other ("regime forces
            # clashed with pro-regime militias over the harvest").
            agents, patients = side, rest
    if agents and agents[0].allied_with_state:
        state = next((a for a in agents[1:] if allied(agents[0], a)), None)
        if state is not None and not (patients and patients[0].root == state.root):
            agents = [state, *(a for a in agents if a != state)]
    return agents, patients
