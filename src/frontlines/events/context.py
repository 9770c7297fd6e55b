"""How a sentence relates to the report around it: which places a trigger governs,
whether it only refers back to an event already described ("in these clashes"), which
events a sentence of detail or doubt belongs to, and triggers that only say how an
actor was supported."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from frontlines.events.candidate import Candidate, ResolvedMention
from frontlines.events.claims import UNVERIFIED, Claim
from frontlines.events.subevents import ARMED_KINDS
from frontlines.events.triggers import Trigger
from frontlines.model import PlaceMention
from frontlines.nlp.lookups import Parse, doc_text, expand_span, parse_of, span_text

# Nominal triggers take their actors from the verb they are the object of.
LIGHT_VERBS = frozenset(
    {"launch", "carry", "conduct", "stage", "mount", "wage", "lead", "begin", "start", "renew",
     "continue", "reach", "sign", "conclude", "announce", "hold", "make", "break", "erupt",
     "intensify", "resume", "target", "repel", "thwart", "foil"}
)  # fmt: skip


SUPPORT_WORDS = frozenset(
    {"support", "supported", "back", "backed", "cover", "coverage", "accompany", "escort", "assist"}
)
# Fighting verbs with no passive: never a participle describing the supporters.
_INTRANSITIVE = frozenset({"clash", "skirmish"})


def in_support_phrase(token: Token) -> bool:
    """A trigger inside "supported by ...", "backed by ...", "with air cover of ...":
    it says how an actor was helped, not what happened. A verb in the past tense,
    or a fighting verb that takes no object ("QSD supported by coalition jets clashed
    with IS", parsed as if the jets clashed), is the main verb the small model hung
    under the phrase. Remembered on the Doc by token index: every trigger of a
    sentence asks it of every actor mention."""
    remembered = token.doc.user_data.setdefault(_SUPPORT, {})
    known = remembered.get(token.i)
    if known is None:
        known = remembered[token.i] = _in_support_phrase(token)
    return bool(known)


_SUPPORT = "frontlines.in_support_phrase"


def _in_support_phrase(token: Token) -> bool:
    # Walked on the Doc's ``Parse``: indexes, not Tokens, at each step up.
    parse = parse_of(token.doc)
    heads, rel, pos, lemmas = parse.heads, parse.deps, parse.pos, parse.lemmas

    def main_verb(i: int) -> bool:
        return pos[i] == "VERB" and (parse.tags[i] == "VBD" or lemmas[i].lower() in _INTRANSITIVE)

    if main_verb(token.i):
        return False
    current = token.i
    for _ in range(4):
        if heads[current] == current:
            return False
        below, current = current, heads[current]
        support = lemmas[current].lower() in SUPPORT_WORDS
        if main_verb(current) and not support:
            return False  # "... clashed with IS": IS is fought, not a supporter
        if support and current != token.i:
            # "between Turkey backed rebels and YPG": with no supporter named as its
            # subject, the object of the verb is an actor of its own, not a supporter
            # ("gunmen supported one of the groups" keeps the group aside).
            subject = parse.has_child(current, _SUBJECTS)
            if rel[below] == "nsubj" and parse.has_child(current, _AGENT):
                return False  # "the army supported by the NDF": the army is supported
            if rel[below] == "nsubjpass":
                return False  # "the clashes were accompanied by shelling": they happened
            return rel[below] != "dobj" or subject
        if pos[current] in _PREDICATES and parse.has_child(current, _SUBJECTS):
            return False
    return False


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_AGENT = frozenset({"agent"})
_PREDICATES = frozenset({"VERB", "AUX"})


# "arrested for taking part in the protests", "detained for their role in the attack":
# the happening is the arrest; the protest or attack is the reason given for it.
_REASON = re.compile(
    r"\bfor\s+(?:(?:\w+ing|their|his|her|alleged|allegedly)\s+)+(?:(?:role|involvement|part)\s+)?"
    r"(?:in\s+)?(?:the\s+|a\s+|an\s+|recent\s+|last\s+\w+'s\s+)*$",
    re.I,
)


def in_relative_clause(token: Token) -> bool:
    """A trigger inside a relative clause ("a former rebel who signed a reconciliation
    agreement"): it describes someone's past, not what happened."""
    current = token
    for _ in range(4):
        if current.dep_ == "relcl":
            return True
        if current.head == current:
            return False
        current = current.head
    return False


# "clashed over the takeover of several houses", "a dispute about the control of":
# a happening named as what a quarrel was about.
_DISPUTED = re.compile(r"\b(?:over|about|regarding)\s+(?:the\s+|a\s+)?$", re.I)


def stated_as_reason(doc: Doc, trigger: Trigger) -> bool:
    """A trigger inside "for participating in ...", or a noun after "over the"
    ("clashed over the takeover of houses"): the cause of another event."""
    start = doc[trigger.start].idx
    sentence_start = doc[trigger.start].sent.start_char
    before = doc_text(doc)[max(sentence_start, start - 60) : start]
    nominal = trigger.root(doc).pos_ in {"NOUN", "PROPN"} or (
        trigger.end < len(doc) and doc[trigger.end].lower_ == "of"  # "the take over of"
    )
    if nominal and _DISPUTED.search(before):
        return True
    return bool(_REASON.search(before))


def recent_events(earlier: list[Candidate], paragraph: int) -> list[Candidate]:
    """The events a sentence can add detail to: those of its paragraph, or of the
    paragraph just before when its own has none yet (wire copy gives every sentence
    a paragraph of its own)."""
    same = [c for c in earlier if c.paragraph == paragraph]
    return same or [c for c in earlier if c.paragraph == paragraph - 1]


def hedge_previous(sentence: Span, paragraph: int, earlier: list[Candidate]) -> None:
    """ "The figure could not be independently verified": a sentence that casts doubt
    on what was just reported hedges the events of the sentence before it."""
    cue = UNVERIFIED.search(span_text(sentence))
    if cue is None:
        return
    same = recent_events(earlier, paragraph)
    last = max((c.sentence for c in same), default=None)
    for candidate in same:
        if candidate.sentence == last and not candidate.claim.hedged:
            candidate.claim = replace(candidate.claim, hedged=True, hedge_cue=cue.group(0).lower())
            candidate.evidence.append(sentence)


def refers_back(doc: Doc, trigger: Trigger, places: list[PlaceMention]) -> bool:
    """ "In these clashes", "during the fighting": a trigger that points back to a
    happening already described, in a sentence naming no new place."""
    if places:
        return False
    root = trigger.root(doc)
    if root.pos_ not in {"NOUN", "PROPN"}:
        return False
    return any(
        c.dep_ == "det" and c.lower_ in {"these", "those", "this", "the", "such"}
        for c in root.children
    )


def is_definite_description(mention: PlaceMention) -> bool:
    return mention.text.lower().startswith(("the ", "this ", "that "))


def has_place_object(doc: Doc, trigger: Trigger, places: list[PlaceMention]) -> bool:
    root = trigger.root(doc)
    for child in root.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            start = min(t.idx for t in child.subtree)
            end = max(t.idx + len(t.text) for t in child.subtree)
            if any(start <= p.start and p.end <= end for p in places):
                return True
    return False


# Verbs done to people: a trigger noun as their object names people, not a happening
# ("killed two suicide bombers", "arrested the snipers").
# Read on the text, not the parse: the small model often misreads "IS" as a verb.
_DONE_TO_PEOPLE = re.compile(
    r"\b(?:kill(?:ed|ing)?|arrest(?:ed|ing)?|detain(?:ed|ing)?|captur(?:ed|ing)|"
    r"neutrali[sz](?:ed|ing)|eliminat(?:ed|ing)|apprehend(?:ed|ing)?)\s+"
    r"(?:(?!(?:in|by|with|during|after|when|as|at|on|from|and|while)\b)[\w'-]+\s+){0,3}$",
    re.I,
)


def names_people(doc: Doc, trigger: Trigger) -> bool:
    """A trigger noun right after a verb done to people ("killed two suicide
    bombers", "arrested the snipers"): people, not a happening."""
    root = trigger.root(doc)
    if root.pos_ not in {"NOUN", "PROPN"}:
        return False
    start = doc[trigger.start].idx
    sentence_start = doc[trigger.start].sent.start_char
    return bool(_DONE_TO_PEOPLE.search(doc_text(doc)[max(sentence_start, start - 50) : start]))


def trigger_anchor(doc: Doc, trigger: Trigger) -> Token:
    root = trigger.root(doc)
    if root.pos_ in {"NOUN", "PROPN"} and root.head.lemma_ in LIGHT_VERBS and root.dep_ == "dobj":
        return root.head
    return root


def assign_places(
    doc: Doc, live: list[tuple[Trigger, Claim]], places: list[PlaceMention]
) -> dict[int, list[PlaceMention]]:
    """Each place goes to the trigger whose phrase contains it most tightly; places
    outside every trigger phrase go to the sentence's strongest trigger."""
    anchors = [(t, trigger_anchor(doc, t)) for t, _ in live]
    assigned: dict[int, list[PlaceMention]] = {}
    loose: list[PlaceMention] = []
    strongest = max(live, key=lambda item: rank_trigger(item[0], item[1]))[0]
    # Each anchor's phrase (first, last token, size), read once from the Doc's
    # ``Parse``: every place is asked for every anchor's.
    parse = parse_of(doc)
    extents: dict[int, tuple[int, int, int]] = {}
    for mention in places:
        span = expand_span(doc, mention.start, mention.end)
        if span is None:
            continue
        token = span.root.i
        best: tuple[int, Trigger] | None = None
        for index, (trigger, anchor) in enumerate(anchors):
            if index not in extents:
                extents[index] = parse.extent(anchor.i)
            first, last, size = extents[index]
            inside = first <= token <= last and dominates(parse, anchor.i, token)
            if inside and (best is None or size < best[0]):
                best = (size, trigger)
        if best is not None:
            assigned.setdefault(id(best[1]), []).append(mention)
        else:
            loose.append(mention)
    # A place outside every trigger's phrase ("pulled back towards X") is the event's
    # place only when the sentence's main trigger has no place of its own.
    if loose and not assigned.get(id(strongest)):
        assigned[id(strongest)] = loose
    return assigned


def dominates(parse: Parse, anchor: int, token: int) -> bool:
    """The anchor governs the token, and no clause with its own subject stands
    between them ("captured X as rebels pulled back towards Y": Y is not captured).
    On the Doc's ``Parse``, by token index."""
    if anchor == token:
        return True
    heads, pos = parse.heads, parse.pos
    current = token
    while heads[current] != current:
        current = heads[current]
        if current == anchor:
            return True
        if pos[current] in _PREDICATES and parse.has_child(current, _SUBJECTS):
            return False
    return False


def context_place(
    sentence: Span, paragraph: int, earlier: list[Candidate], places: list[PlaceMention]
) -> PlaceMention | None:
    """Where a sentence without a place happened: the paragraph's last event place,
    else the last place named in the paragraph before it."""
    for candidate in reversed(earlier):
        if candidate.paragraph == paragraph and candidate.mention is not None:
            return candidate.mention
    before = [p for p in places if p.end <= sentence.start_char]
    return before[-1] if before else None


def rank_trigger(trigger: Trigger, claim: Claim) -> tuple[int, int]:
    return (trigger.cls.priority, -trigger.start)


# "Activists blamed Russian jets for the raid", "officials accused the militia of the
# attack", "held IS responsible for the bombing": who the report's sources say did it.
_BLAME = re.compile(
    r"\b(?:blamed|blames|accused|accuses|held)\b(?P<who>.+?)\b(?:responsible\s+)?(?:for|of)\b",
    re.I,
)
_ATTRIBUTOR_MAX_WORDS = 6


def blame_previous(
    sentence: Span, paragraph: int, earlier: list[Candidate], mentions: list[ResolvedMention]
) -> None:
    """A sentence that only names who its sources blame gives the events just told
    whose perpetrator is unknown that actor as actor1, hedged and attributed to the
    blamers ("activists blamed Russian jets for the raid")."""
    cue = _BLAME.search(span_text(sentence))
    if cue is None:
        return
    start, end = sentence.start_char + cue.start("who"), sentence.start_char + cue.end("who")
    blamed = [
        m for m in mentions
        if start <= m.mention.start < end and m.actor.kind in ARMED_KINDS and not m.actor.generic
    ]  # fmt: skip
    if not blamed:
        return
    clause = re.split(r"[;,]", span_text(sentence)[: cue.start()])[-1].strip()
    blamers = clause if 0 < len(clause.split()) <= _ATTRIBUTOR_MAX_WORDS else None
    if blamers and span_text(sentence).startswith(blamers) and sentence[0].pos_ != "PROPN":
        blamers = blamers[0].lower() + blamers[1:]  # "Opposition activists" opened the sentence
    same = recent_events(earlier, paragraph)
    last = max((c.sentence for c in same), default=None)
    for candidate in same:
        unknown = candidate.actor1 is None or candidate.actor1.name.startswith("Unidentified")
        if candidate.sentence != last or not unknown:
            continue
        candidate.actor1 = blamed[0].actor
        candidate.claim = replace(
            candidate.claim,
            hedged=True,
            attributed_to=candidate.claim.attributed_to or blamers,
            hedge_cue=candidate.claim.hedge_cue or cue.group(0).split()[0].lower(),
        )
        candidate.evidence.append(sentence)
