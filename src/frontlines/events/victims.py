"""Who an attack fell on: the words of a sentence that describe its victims, and
raids on settlements with no armed side in them (violence against civilians)."""

from __future__ import annotations

from bisect import bisect_left
from itertools import compress

from spacy.tokens import Span, Token

from frontlines.events.actors import Actor
from frontlines.events.candidate import ResolvedMention
from frontlines.model import PlaceMention
from frontlines.nlp.lookups import lemma_lower_ids, token_offsets

# Verbs of one side falling on another (not of two sides fighting).
ONE_SIDED_ASSAULTS = frozenset({"attack", "raid", "assault", "storm"})


def victim_words(sentence: Span, mentions: list[ResolvedMention], agents: list[Actor]) -> set[str]:
    """The sentence's words outside the mentions of the acting side ("gunmen" in
    "unidentified gunmen shot a reporter" says who shot, not who was shot)."""
    acting = [m.mention for m in mentions if m.actor in agents]
    # On the Doc's arrays (``t.lower_`` and ``t.idx`` of each token): no Token object
    # per word of the sentence for every event.
    doc = sentence.doc
    lowers = [lower for _, lower in lemma_lower_ids(doc)[sentence.start : sentence.end]]
    if acting:
        # The tokens starting inside a mention are a range of the sentence's (their
        # offsets ascend): found by bisection, not by testing each token.
        offsets = token_offsets(doc)[sentence.start : sentence.end]
        kept = [True] * len(lowers)
        for m in acting:
            first, last = bisect_left(offsets, m.start), bisect_left(offsets, m.end)
            kept[first:last] = [False] * max(0, last - first)
        lowers = list(compress(lowers, kept))
    strings = doc.vocab.strings
    return {strings[lower] for lower in set(lowers)}  # each distinct word's string once


# What a raid on a settlement names as its object.
SETTLEMENT_NOUNS = frozenset(
    {"village", "villages", "town", "hamlet", "settlement", "community", "house", "houses",
     "home", "homes", "compound", "locality", "neighbourhood", "neighborhood"}
)  # fmt: skip


def settlement_object(root: Token, mention: PlaceMention | None) -> bool:
    """The assault's object is a settlement: a village noun, or a populated place the
    event is at ("attacked Nangade", "the village was raided")."""
    for child in root.children:
        if child.dep_ not in {"dobj", "nsubjpass"}:
            continue
        if child.lemma_.lower() in SETTLEMENT_NOUNS or child.lower_ in SETTLEMENT_NOUNS:
            return True
        place = mention.place if mention else None
        if (
            mention is not None
            and place is not None
            and (place.feature_code or "").startswith("PPL")
            and child.idx <= mention.start < child.idx + len(child.text) + 60
            and mention.start < max(t.idx + len(t.text) for t in child.subtree)
        ):
            return True
    return False
