"""Whether a word of a protest's outcome ("burned", "looted", "killed") tells what
happened at the protest or what the crowd protested about, read on the parse.

"Protesters demanded the return of looted funds", "farmers protested after hail
destroyed their crops", "relatives of a man who was shot dead held a vigil": the
violence is the grievance, and the protest stays peaceful. The regular expressions
of ``subevents.py`` catch a grievance named just before the word ("against the
killing of"); these rules catch the ones only the sentence's structure shows.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from frontlines.nlp.lookups import expand_span

__all__ = ["background_riot", "describes_grievance", "token_at"]

# Verbs, prepositions and nouns whose object is what a crowd wants or objects to:
# whatever lies inside that object is the grievance ("demanding the arrest of the men
# who burned"). The nouns count only as nouns: police who "arrested protesters who
# burned tires" did not protest the burning.
GRIEVANCE_HEADS = frozenset(
    {"demand", "condemn", "denounce", "decry", "commemorate", "mourn", "against", "over",
     "complain", "criticize", "criticise", "accuse", "blame"}
)  # fmt: skip
GRIEVANCE_NOUNS = frozenset(
    {"recovery", "return", "release", "arrest", "punishment", "investigation", "justice",
     "compensation", "replacement", "accountability"}
)  # fmt: skip

# The words of a protest; a clause of cause attached to one is its grievance.
PROTEST_HEADS = frozenset(
    {"protest", "demonstrate", "demonstration", "rally", "march", "gather", "demand",
     "strike", "vigil", "picket", "block", "chant"}
)  # fmt: skip

# Conjunctions that give a cause, not a sequel ("protested after the storm
# destroyed"), when their clause hangs on the protest word.
CAUSAL_MARKS = frozenset({"after", "because", "since", "as"})

# Nouns for the crowd itself: "protesters who burned tires" did burn them.
CROWD_NOUNS = frozenset(
    {"protester", "protestor", "demonstrator", "rioter", "crowd", "mob", "youth",
     "marcher", "participant", "they", "who"}
)  # fmt: skip

# A word of damage that modifies a noun ("looted funds", "a burnt transformer")
# names a state of a thing, not an act at the protest; the police's cues are noun
# phrases of their own ("tear gas", "live fire").
MODIFIER_DEPS = frozenset({"amod", "compound"})


def token_at(doc: Doc, offset: int) -> Token | None:
    """The token that starts at or covers the character ``offset``."""
    span = expand_span(doc, offset, offset + 1)
    return span[0] if span is not None and len(span) else None


# Possessives that make a thing the crowd's own: "their crops were destroyed".
OWN = frozenset({"their", "our", "his", "her"})


def _passive_by_others(verb: Token) -> bool:
    """ "crops were damaged by rain", "their houses were damaged": a passive whose doer
    is named and is not the crowd, or whose sufferer is the crowd's own property; and
    "their crop, damaged in the storm": a bare participle telling a state."""
    bare = not any(c.dep_ in {"auxpass", "aux", "nsubj", "nsubjpass"} for c in verb.children)
    if verb.tag_ == "VBN" and verb.dep_ in {"acl", "advcl"} and bare:
        return True
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    for sufferer in (c for c in verb.children if c.dep_ == "nsubjpass"):
        if any(p.dep_ == "poss" and p.lower_ in OWN for p in sufferer.children):
            return True
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        doers = [c for c in agent.children if c.dep_ == "pobj"]
        if doers and all(d.lemma_.lower() not in CROWD_NOUNS for d in doers):
            return True
    return False


def describes_grievance(token: Token, damage: bool = True) -> bool:
    """``token`` (the first word of an outcome cue) describes the cause of the
    protest, not a happening at it. ``damage``: the cue tells of harm done by the
    crowd, so a passive with another doer ("destroyed by hail") is no act of
    theirs; a cue of what the police did ("dispersed by police") is not read so."""
    if damage and token.dep_ in MODIFIER_DEPS and token.pos_ in {"VERB", "ADJ"}:
        return True
    node = token
    while True:
        if damage and node.pos_ in {"VERB", "AUX"} and _passive_by_others(node):
            return True
        head = node.head
        if head.i == node.i:
            return False
        if (
            node.dep_ == "advcl"
            and head.lemma_.lower() in PROTEST_HEADS
            and any(c.dep_ == "mark" and c.lower_ in CAUSAL_MARKS for c in node.children)
        ):
            return True  # "protested after the hail destroyed their crops"
        lemma = head.lemma_.lower()
        if node.dep_ in {"dobj", "pobj", "prep", "acl", "ccomp"} and (
            lemma in GRIEVANCE_HEADS or (lemma in GRIEVANCE_NOUNS and head.pos_ == "NOUN")
        ):
            return True  # "demanding the return of the looted funds"
        node = head


def background_riot(root: Token, protest_in_sentence: bool) -> bool:
    """ "gathered against the detention of activists during recent riots", "after a
    riot at the prison last month": a riot named as a noun inside a sentence about a
    protest is its background, not what the protesters did."""
    if not protest_in_sentence or root.pos_ not in {"NOUN", "PROPN"}:
        return False
    return root.dep_ == "pobj" or describes_grievance(root)
