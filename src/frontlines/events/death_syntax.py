"""The people a sentence's parse says were killed: the subject of "were killed",
"died" or "succumbed", the object of "killed", each conjunct of it counted.

The word rules of ``numbers.py`` read a count with the casualty word a few words from
it; a long subject puts the verb out of their reach ("7 members of the local forces
and their allies were killed") and a list of single people has no count at all ("a
fighter and a civilian were killed"). The parse ties each count to its verb however
far apart they stand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Span, Token

from frontlines.nlp.lookups import WordIds, lemma_lower_ids

# Verbs whose passive subject or object dies.
_KILL = frozenset(
    {"kill", "execute", "assassinate", "murder", "slay", "behead", "massacre", "snipe",
     "liquidate", "eliminate"}
)  # fmt: skip
# Verbs whose subject dies.
_DIE = frozenset({"die", "perish", "succumb"})
# "lost 2 fighters": a side losing people is a side whose people were killed; losing
# a tank or a village is not.
_LOSE = frozenset({"lose"})
PEOPLE = frozenset(
    {"fighter", "member", "soldier", "man", "men", "troop", "militant", "rebel", "officer",
     "commander", "militiaman", "militiamen", "element", "personnel", "conscript",
     "recruit", "guard", "policeman", "jihadist"}
)  # fmt: skip
# "tried to kill", "vowed to kill": an aim, no death.
_AIM = frozenset(
    {"try", "attempt", "vow", "threaten", "plan", "intend", "aim", "want", "seek", "plot"}
)
_BEFORE = frozenset({"after", "since", "following", "before"})
_ONE = frozenset({"a", "an", "another", "one", "single"})
# "a family of three", "a number of fighters": one word for many people.
_GROUPS = frozenset(
    {"family", "group", "number", "couple", "unit", "convoy", "patrol", "gathering", "crowd",
     "squad", "cell", "team", "dozen", "total", "few", "lot", "handful", "score", "batch"}
)  # fmt: skip
# "shot by a sniper": the sniper's shot is coded as a killing.
_SNIPER = frozenset({"sniper", "snipers"})

# Every lemma ``_victims`` reads a death from, as string ids.
_DEATH_VERBS = WordIds(_KILL | _DIE | _LOSE | {"shoot"})

Value = Callable[[str], int | None]


def parsed_victims(sentence: Span, value: Value) -> Iterator[tuple[Token | None, int, bool]]:
    """Each victim phrase's count with the token that states it (None for a single
    person named without a number: "a fighter"), and whether the phrase holds a
    number: plural nouns with no count give nothing."""
    doc = sentence.doc
    ids = lemma_lower_ids(doc)[sentence.start : sentence.end]
    # No other verb has victims: no Token built for most words.
    for i in _DEATH_VERBS.lemma_positions(ids, doc, sentence.start):
        for head in _victims(doc[i]):
            counts = [c for c in map(lambda n: _count(n, value), _conjuncts(head)) if c]
            numbered = any(token is not None for token, _ in counts)
            for token, number in counts:
                yield token, number, numbered


def _victims(verb: Token) -> list[Token]:
    lemma = verb.lemma_.lower()
    if verb.pos_ not in {"VERB", "AUX"} or any(c.dep_ == "neg" for c in verb.children):
        return []
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _AIM:
        return []
    if any(c.dep_ == "mark" and c.lower_ in _BEFORE for c in verb.children):
        return []  # "after a man died ...": a death told as what led to the event
    kills = lemma in _KILL or (lemma == "shoot" and _by_sniper(verb))
    if kills:
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not passive and verb.dep_ in {"xcomp", "oprd"}:
            # "were reported killed": the subject stands on "reported"
            passive = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        return passive + objects
    if lemma in _DIE:
        return [c for c in verb.children if c.dep_ == "nsubj"]
    if lemma in _LOSE:
        return [
            c for c in verb.children
            if c.dep_ == "dobj" and c.lemma_.lower() in PEOPLE
        ]  # fmt: skip
    return []


def _by_sniper(verb: Token) -> bool:
    return any(
        child.dep_ == "agent" and any(t.lower_ in _SNIPER for t in child.subtree)
        for child in verb.children
    )


def _conjuncts(head: Token) -> Iterator[Token]:
    yield head
    for child in head.children:
        if child.dep_ == "conj":
            yield from _conjuncts(child)


def _count(noun: Token, value: Value) -> tuple[Token | None, int] | None:
    own = value(noun.text)
    if own is not None and noun.lower_ not in _ONE:
        return (noun, own)  # "killing 5", "tens of members were killed"
    for child in noun.children:
        if child.dep_ == "nummod":
            number = value(child.text)
            if number is not None:
                return (child, number)
    if (
        noun.tag_ in {"NN", "NNP"}
        and noun.lower_ not in _GROUPS
        and any(c.dep_ == "det" and c.lower_ in _ONE for c in noun.children)
    ):
        return (None, 1)
    return None
