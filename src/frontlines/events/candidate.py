"""The working record of the events stage: one event being assembled from a report,
before it becomes an ``Event`` (``assemble.py``), and an actor mention resolved in
its sentence."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from frontlines.events.actors import Actor, ActorMention
from frontlines.events.claims import Claim
from frontlines.events.lexicon import TriggerClass
from frontlines.model import PlaceMention


@dataclass(slots=True)
class Candidate:
    sentence: int
    paragraph: int
    cls: TriggerClass
    claim: Claim
    mention: PlaceMention | None
    actor1: Actor | None
    actor2: Actor | None
    assoc1: list[Actor]
    assoc2: list[Actor]
    event_date: date | None
    precision: int
    evidence: list[Span]
    fatalities: int | None = None
    told: int | None = None  # the count its sentence told, before it was split over places
    losses: list[str] = field(default_factory=list)
    losses_hedged: bool = False
    loser: Actor | None = None
    partial: bool = False  # a capture of positions, not of a place
    paragraph_text: str = ""  # lowered paragraph text, for protest outcomes
    civilian_words: bool = False  # the sentence speaks of civilians
    # the sentence speaks of soldiers, fighters, police, or names an armed actor besides
    # the acting side
    combatant_words: bool = False
    raid_on_civilians: bool = False  # an assault whose only named victims are civilians
    communal: bool = False  # a feud between families: communal militias of the place


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    mention: ActorMention
    actor: Actor
    token: Token
    sentence: int
    paragraph: int
