"""Fire answered with fire: ACLED codes two sides shelling each other ("regime forces
shelled the town; rebels responded by shelling regime positions") as an armed clash
between them, not as two one-sided shelling attacks."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span

from frontlines.events.actors import Actor
from frontlines.events.candidate import Candidate
from frontlines.events.context import recent_events
from frontlines.events.lexicon import TriggerClass
from frontlines.events.subevents import ARMED_KINDS
from frontlines.events.triggers import Trigger
from frontlines.nlp.lookups import span_text

# Classes of fire from a distance that one side can answer in kind.
REMOTE_FIRE = frozenset({"shelling"})
# "in response", "responded by shelling", "retaliated", "shelled back".
RESPONSE = re.compile(r"\b(?:respon\w*|retaliat\w*|in return|back|returned fire)\b", re.I)

Roles = Callable[[Trigger], tuple[list[Actor], list[Actor]]]


def answered_fire(
    sentence: Span,
    paragraph: int,
    triggers: list[Trigger],
    roles: Roles,
    candidates: list[Candidate],
    clash: TriggerClass,
) -> None:
    """Shelling events of the paragraph answered by another side's fire in this
    sentence become armed clashes between the two sides."""
    fire = [t for t in triggers if t.cls.name in REMOTE_FIRE]
    if not fire:
        return
    shelling = [c for c in recent_events(candidates, paragraph) if c.cls.name in REMOTE_FIRE]
    if not shelling:
        return
    response = bool(RESPONSE.search(span_text(sentence)))
    for trigger in fire:
        agents, patients = roles(trigger)
        shooter = agents[0] if agents else None
        if shooter is None or shooter.kind not in ARMED_KINDS:
            continue
        targets = {p.root for p in patients}
        for candidate in shelling:
            first = candidate.actor1
            if first is None or first.root == shooter.root:
                continue
            aimed = candidate.actor2 is not None and candidate.actor2.root == shooter.root
            if not (aimed or first.root in targets or response):
                continue
            candidate.cls = clash
            if candidate.actor2 is None or candidate.actor2.kind not in ARMED_KINDS:
                candidate.actor2 = shooter
            if sentence not in candidate.evidence:
                candidate.evidence.append(sentence)
