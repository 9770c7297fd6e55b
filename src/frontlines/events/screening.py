"""Which triggers of a sentence stand for something that happened.

A trigger word is not yet an event: "battle tank" names a thing, "killed two suicide
bombers" names people, "supported by coalition warplanes" is support, "will storm
the town" has not happened and "the village, controlled by QSD" is a state of
things. The screen drops those and keeps each remaining trigger with its claim
(happened, failed, hedged), so the assembler only places and codes happenings.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from frontlines.events.captured import captures_something_else, describes_control, takes_ground
from frontlines.events.claims import Claim, Status, assess
from frontlines.events.context import (
    in_relative_clause,
    in_support_phrase,
    names_people,
    stated_as_reason,
)
from frontlines.events.grievances import background_riot
from frontlines.events.lexicon import Lexicon
from frontlines.events.places import holds_place
from frontlines.events.territory import (
    aimed_at,
    outcome_of_advance,
    partial_capture,
    people_taken,
)
from frontlines.events.triggers import Trigger
from frontlines.model import PlaceMention
from frontlines.nlp.lookups import span_text
from frontlines.taxonomy import SubEventType

DISRUPTED = SubEventType.DISRUPTED_WEAPONS_USE

# A one-word trigger in these relations only describes a noun.
MODIFIER_DEPS = frozenset({"compound", "amod"})

# Territory verbs that, with a thing as their object, take property.
PROPERTY_SEIZURE = frozenset({"seize", "confiscate", "commandeer"})


class TriggerScreen:
    """Keeps the triggers that describe a happening, each with its claim."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.failure_words = frozenset(lexicon.modifiers.get("failure", ()))
        temporary = lexicon.modifiers.get("temporary", ())
        self.temporary = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in temporary) + r")\b" if temporary else r"(?!)",
            re.I,
        )

    def happenings(
        self, doc: Doc, sentence: Span, triggers: list[Trigger], places: list[PlaceMention]
    ) -> list[tuple[Trigger, Claim]]:
        live: list[tuple[Trigger, Claim]] = []
        for trigger in triggers:
            # The trigger's head, built once (a replaced trigger keeps its span).
            root = trigger.root(doc)
            if (
                root.dep_ in MODIFIER_DEPS
                and trigger.end - trigger.start == 1
                and not (holds_place(root.head, places) and not holds_place(root, places))
                and not any(c.dep_ == "nsubj" for c in root.children)
            ):
                # "battle tank", "rocket launcher", "captured soldiers": a modifier,
                # not a happening ("captured Ajil" misparsed so is one, and so is a
                # verb with its own subject: "forces controlled two villages").
                continue
            if trigger.needs_place_object and not takes_ground(doc, trigger, places):
                continue
            if trigger.cls.state is not None and (
                people_taken(doc, trigger)
                or captures_something_else(
                    doc, trigger, places, frozenset(trigger.cls.partial_objects)
                )
            ):
                # "seized three boats": not a change of who holds a place, but
                # property taken by force (ACLED's looting/property destruction);
                # "captured an IS emir": a man taken prisoner.
                if people_taken(doc, trigger):
                    trigger = replace(trigger, cls=self.lexicon.classes["arrest"])
                elif root.lemma_.lower() in PROPERTY_SEIZURE:
                    trigger = replace(trigger, cls=self.lexicon.classes["looting"])
                else:
                    continue
            if trigger.cls.sub_event is SubEventType.AGREEMENT and in_relative_clause(root):
                continue  # "a man who had signed a reconciliation agreement"
            if trigger.cls.name == "riot" and background_riot(
                root, any(t.cls.intervention is not None for t in triggers)
            ):
                continue
            if names_people(doc, trigger):
                continue  # "killed two suicide bombers": the bombers, not a bombing
            if in_support_phrase(root):
                continue  # "supported by coalition warplanes": support, not a strike
            if stated_as_reason(doc, trigger):
                continue  # "arrested for taking part in protests": the arrest happened
            if trigger.cls.state is not None and aimed_at(root):
                continue  # "advances towards controlling the dam": not yet taken
            claim = assess(root, sentence, self.failure_words)
            if claim.status is Status.NEGATED and trigger.cls.sub_event is DISRUPTED:
                claim = replace(claim, status=Status.HAPPENED)  # "the grenade did not explode"
            if claim.status in {Status.CONDITIONAL, Status.FUTURE, Status.NEGATED}:
                continue
            if trigger.cls.state is not None:
                if self.temporary.search(span_text(sentence)) or partial_capture(doc, trigger):
                    # "briefly captured the town", "took partial control of it": fighting
                    # over it, not a change of hands.
                    claim = replace(claim, status=Status.FAILED)
                elif describes_control(root):
                    continue  # "the village, which is controlled by QSD": a state of things
            if (
                claim.status is Status.PURPOSE
                and trigger.cls.state is not None
                and outcome_of_advance(root)
            ):
                claim = replace(claim, status=Status.HAPPENED)  # "advanced to control X"
            if claim.status is Status.PURPOSE:
                if trigger.cls.intervention is None:
                    continue
                # "gathered to protest": a protest is the gathering's purpose and
                # the gathering itself.
                claim = replace(claim, status=Status.HAPPENED)
            live.append((trigger, claim))
        if any(not t.weak for t, _ in live):
            live = [(t, c) for t, c in live if not t.weak]
        return live
