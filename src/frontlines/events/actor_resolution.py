"""From actor mentions to ACLED actors: the event's country, the date, and the
resolution of generic phrases ("government troops", "the militants") to the actor
they stand for in the report."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from frontlines.events.actors import NON_STATE_ARMED, Actor, ActorMention
from frontlines.events.lexicon import GENERIC_ROLE_KINDS, ActorEntry, Lexicon
from frontlines.taxonomy import ActorKind

_OPPOSITION_WORDS = re.compile(r"\b(?:opposition|rebels?)\b", re.I)
# "Islamic State (Iraq)": an actor name that carries its country.
_COUNTRY_SUFFIX = re.compile(r"^(?P<base>.*) \((?P<country>[^()]+)\)$")


def named_actor(entry: ActorEntry, country: str | None, lexicon: Lexicon) -> Actor:
    """The actor for a named mention, in the event's country ("Islamic State (Iraq)")."""
    if entry.home_only and country and entry.country and entry.country != country:
        # "the 17th Division" in a report set elsewhere is that country's unit.
        role = "state" if entry.kind is ActorKind.STATE_FORCES else "unidentified"
        return generic_actor(role, country, lexicon)
    name = entry.name
    match = _COUNTRY_SUFFIX.match(name)
    if match and country and match.group("country") != country:
        local = lexicon.actor(f"{match.group('base')} ({country})")
        if local is not None:
            entry = local
            name = local.name
        elif entry.collective:
            # A catch-all exists in every country: "Islamist Militia (Mozambique)".
            name = f"{match.group('base')} ({country})"
            return Actor(name, entry.kind, country, None, False, entry.allied_with_state)
    return Actor(name, entry.kind, entry.country, entry.parent, False, entry.allied_with_state)


def generic_actor(role: str, country: str | None, lexicon: Lexicon) -> Actor:
    name = lexicon.generic_name(role, country)
    kind = GENERIC_ROLE_KINDS[role]
    known = lexicon.actor(name)
    if known is not None:
        return Actor(
            known.name, known.kind, known.country, known.parent, False, known.allied_with_state,
            role=role,
        )  # fmt: skip
    if name.startswith("Unidentified Armed Group"):
        kind = ActorKind.POLITICAL_MILITIA
    return Actor(name, kind, country, generic=True, role=role, crowd=role == "crowd")


def rehome(actor: Actor | None, event_country: str | None, lexicon: Lexicon) -> Actor | None:
    """An actor named only by a generic phrase ("police", "protesters"), resolved in
    the report's country, belongs to the country the event happened in."""
    if actor is None or actor.role is None or not event_country:
        return actor
    if actor.country in {None, event_country}:
        return actor
    return generic_actor(actor.role, event_country, lexicon)


def dated(actor: Actor | None, day: date | None, lexicon: Lexicon) -> Actor | None:
    """The actor under the ACLED name of the event's period ("Military Forces of
    Israel (2021-2022)" for an event in 2022)."""
    entry = lexicon.actor(actor.name) if actor is not None else None
    if actor is None or entry is None or not entry.periods:
        return actor
    name = entry.name_on(day)
    return actor if name == actor.name else replace(actor, name=name)


def tribal_actor(tribe: str, country: str | None, lexicon: Lexicon) -> Actor:
    name = f"{tribe} Tribal Militia ({country or 'International'})"
    known = lexicon.actor(name)
    if known is not None:
        return Actor(known.name, known.kind, known.country, known.parent)
    return Actor(name, ActorKind.IDENTITY_MILITIA, country)


@dataclass(frozen=True, slots=True)
class Antecedent:
    actor: Actor
    sentence: int
    paragraph: int
    offset: int


def resolve(
    mention: ActorMention,
    *,
    sentence: int,
    paragraph: int,
    country: str | None,
    antecedents: list[Antecedent],
    lexicon: Lexicon,
) -> Actor:
    """The actor a mention stands for; generic phrases look back for a named group."""
    if mention.entry is not None:
        return named_actor(mention.entry, country, lexicon)
    if mention.tribe is not None:
        return tribal_actor(mention.tribe, country, lexicon)
    role = mention.role or "unidentified"
    # "Opposition rebels", "opposition factions", "rebel and Islamist factions": ACLED's
    # opposition rebels, not whichever group was named just before (often the side
    # they fight).
    opposition = bool(_OPPOSITION_WORDS.search(mention.text))
    if role in {"rebels", "anaphor"} and not opposition:
        scopes = ["sentence", "paragraph"] + (["article"] if role == "anaphor" else [])
        for scope in scopes:
            found = _antecedents(mention, scope, sentence, paragraph, antecedents)
            # "rebel groups" where several groups are named could be any of them.
            if role == "rebels" and len({a.name for a in found}) > 1:
                break
            if found:
                return found[0]
    return generic_actor(role, country, lexicon)


def _antecedents(
    mention: ActorMention, scope: str, sentence: int, paragraph: int, antecedents: list[Antecedent]
) -> list[Actor]:
    """Non-state armed actors named before a mention within a scope, nearest first."""
    found: list[Actor] = []
    for previous in reversed(antecedents):
        actor = previous.actor
        if previous.offset >= mention.start or actor.kind not in NON_STATE_ARMED:
            continue
        if actor.allied_with_state:
            continue
        # An unnamed group stands in for a later "the militants" only nearby.
        if actor.generic and scope == "article":
            continue
        if scope == "sentence" and previous.sentence != sentence:
            continue
        if scope == "paragraph" and previous.paragraph != paragraph:
            continue
        found.append(actor)
    return found
