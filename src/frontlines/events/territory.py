"""How a report words a change of control, read the way ACLED codes it: the outcome
of an advance ("advanced to control the village") is a capture; an aim ("advances
towards controlling the dam") is not yet one; part of a place taken ("took partial
control", "nearly captured") is fighting over it; people captured are taken
prisoner, not territory."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from frontlines.events.triggers import Trigger

ADVANCE_VERBS = frozenset({"advance", "push", "progress", "move"})
AIM_WORDS = frozenset({"towards", "toward"})
# Words on or right before the trigger that make a capture partial or incomplete.
PARTIAL_MODIFIERS = frozenset({"partial", "partially", "nearly", "almost"})
# People taken in the fighting, often named as a title the parse reads as a name
# ("captured an IS Emir").
PEOPLE_TAKEN = frozenset(
    {"emir", "emirs", "commander", "commanders", "leader", "leaders", "officer", "officers",
     "soldier", "soldiers", "militant", "militants"}
)  # fmt: skip


def outcome_of_advance(root: Token) -> bool:
    """ "Regime forces advanced to control the town": in ACLED's wording the advance
    reached what the infinitive names; the capture happened. Troops moved by someone
    else ("officers were moved to secure the area") were sent there: a purpose."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children):
        return False
    head = root.head
    if any(c.dep_ == "auxpass" for c in head.children):
        return False
    return root.dep_ in {"advcl", "xcomp"} and head.lemma_.lower() in ADVANCE_VERBS


def aimed_at(root: Token) -> bool:
    """ "Made advances towards controlling the dam": a capture still aimed at."""
    return root.dep_ == "pcomp" and root.head.lower_ in AIM_WORDS


def partial_capture(doc: Doc, trigger: Trigger) -> bool:
    """A capture of part of a place, or one left short ("took partial control",
    "nearly captured"); "captured most of the town" is a partial object (triggers.toml)."""
    root = trigger.root(doc)
    words = {t.lower_ for t in trigger.span(doc)}
    words |= {c.lower_ for c in root.children if c.dep_ in {"advmod", "amod"}}
    if trigger.start > 0:
        words.add(doc[trigger.start - 1].lower_)
    return bool(words & PARTIAL_MODIFIERS)


def people_taken(doc: Doc, trigger: Trigger) -> bool:
    """ "Captured an IS emir": people seized, coded like an arrest (by a non-state
    group, of armed men: an armed clash)."""
    root = trigger.root(doc)
    return any(c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in PEOPLE_TAKEN for c in root.children)
