"""Who acts and who is acted upon: roles of actor mentions around a trigger.

Roles come from the dependency parse: the subject of the trigger (or of the verb it
hangs from: "launched an attack", "advanced ..., capturing") acts; objects and
"against / on / from / with / targeting" phrases are acted upon; "between X and Y"
gives both. Conjoined actors share a role and become associated actors.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from frontlines.nlp.lookups import parse_of

AGENT_DEPS = frozenset({"nsubj", "csubj", "agent", "poss", "compound", "amod", "nmod"})
PATIENT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "pobj"})
PATIENT_PREPS = frozenset(
    {"against", "on", "from", "with", "targeting", "upon", "at", "toward", "towards", "into"}
)
AGENT_PREPS = frozenset({"by"})
# A name modifying the trigger noun acts ("IS attack", "regime's shelling").
MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
# Verbs whose conjoined subject names the two sides: "HTS and AAS clashed".
RECIPROCAL = frozenset({"clash", "fight", "battle", "skirmish", "exchange", "engage"})


@dataclass(frozen=True, slots=True)
class Roles:
    agents: tuple[int, ...]  # indexes into the mention list, first is the main one
    patients: tuple[int, ...]
    others: tuple[int, ...]


def _path_child(token: Token, ancestor: Token) -> Token | None:
    """The child of ``ancestor`` on the path down to ``token`` (None: not below it)."""
    index = _path_child_index(parse_of(token.doc).heads, token.i, ancestor.i)
    return None if index is None else token.doc[index]


def _path_child_index(heads: list[int], index: int, ancestor: int) -> int | None:
    """``_path_child`` on the Doc's head indexes: no Token for each step up."""
    current = index
    while heads[current] != current:
        if heads[current] == ancestor:
            return current
        current = heads[current]
    return None


def _role_below(child: Token, mention: Token) -> str | None:
    dep = child.dep_
    if dep in {"nsubj", "csubj", "agent"}:
        return "agent"
    if dep == "nsubjpass":
        return "patient"
    if dep == "prep":
        word = child.lower_
        if word in AGENT_PREPS:
            return "agent"
        if word in PATIENT_PREPS and not _dated(child):
            return "patient"
        if word == "between":
            return "between"
        return None
    if dep in {"dobj", "attr", "dative"}:
        return "patient"
    if dep in MODIFIER_DEPS and child == mention:
        return "agent"
    return None


_CALENDAR = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday", "night", "morning", "evening", "day"}
)  # fmt: skip


def _dated(prep: Token) -> bool:
    """ "On 29 October, QSD ...": a date phrase, which a bad parse may hang a name
    from; it gives no one a role."""
    if any(
        c.dep_ == "pobj" and (c.lower_ in _CALENDAR or c.ent_type_ in {"DATE", "TIME"})
        for c in prep.children
    ):
        return True
    # "On 17 August 2019, regime forces ...": parsed with the forces as the object of
    # "On" and the date hanging from them.
    following = prep.doc[prep.i + 1 : prep.i + 4]
    return prep.lower_ == "on" and any(t.lower_ in _CALENDAR for t in following)


# Prepositions that put the name they govern on the other side: "clashes by rebels
# against IS", "regime forces versus the SDF".
OPPOSING_PREPS = frozenset({"against", "versus", "vs", "vs."})


def _opposed(token: Token, ancestor: Token) -> bool:
    """The path up from ``token`` to ``ancestor`` passes an opposing preposition."""
    current = token.head
    while current != ancestor and current.head != current:
        if current.dep_ == "prep" and current.lower_ in OPPOSING_PREPS:
            return True
        current = current.head
    return False


def _between_pair(token: Token, ancestor: Token) -> bool:
    return (
        token.dep_ == "conj"
        and token.head == ancestor
        and ancestor.dep_ == "pobj"
        and ancestor.head.lower_ in {"between", "against"}
    )


def _conjunct(token: Token) -> bool:
    """Conjoined to its head: a "conj", or a modifier with its own "and" ("Rebels and
    regime forces", which the small model parses as if it were "rebel forces")."""
    if token.dep_ == "conj":
        return True
    return token.dep_ in {"nmod", "compound"} and any(c.dep_ == "cc" for c in token.children)


def _fights_someone(verb: Token, mentioned: set[int]) -> bool:
    """The verb, or its object ("exchanged barrages with X"), has a "with / against"
    phrase naming an actor: the side fought."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(
        c.dep_ == "prep" and c.lower_ in {"with", "against"}
        and any(t.i in mentioned for t in c.subtree)
        for head in heads for c in head.children
    )  # fmt: skip


_RELATIVES = frozenset({"which", "who", "that", "whom", "including"})


def _second_side(named: list[Token]) -> int:
    """Where the second side of "between" starts among the names it lists: after the
    first, unless a comma-closed qualifier ends a longer first side ("between A and
    B, which operate under X, and C": A and B fought C). A plain list ("between A, B,
    and C") keeps the first name alone."""
    for position in range(len(named) - 1, 1, -1):
        start = named[position].left_edge.i
        doc = named[position].doc
        if start < 2 or [t.lower_ for t in doc[start - 2 : start]] != [",", "and"]:
            continue
        qualifier = doc[named[position - 1].i + 1 : start - 2]
        # A clause or participle ("which operate under", "supported by"), not one more
        # name of the list that no entry knows (", Turkistani Party, and").
        clause = any(t.pos_ in {"VERB", "AUX"} or t.lower_ in _RELATIVES for t in qualifier)
        if len(qualifier) > 1 and qualifier[0].text == "," and clause:
            return position
    return 1


def assign_roles(anchors: list[Token], mentions: list[Token]) -> Roles:
    """Roles of mention head tokens relative to a trigger.

    ``anchors`` is the trigger's head followed by its heads up to the clause head;
    the closest anchor that dominates a mention decides its role.
    """
    roles: dict[int, str] = {}
    # A mention nested under another one ("regime forces, backed by loyal gunmen",
    # "QSD's military council") is on that mention's side.
    governor: dict[int, int] = {}
    positions = {t.i: i for i, t in enumerate(mentions)}
    doc = anchors[0].doc
    heads = parse_of(doc).heads
    for index, token in enumerate(mentions):
        up = token.i
        while heads[up] != up:  # token.ancestors, on the head indexes
            up = heads[up]
            if up in positions and positions[up] != index:
                ancestor = doc[up]
                # "between X and Y": the conjunct is the other side, not X's ally.
                opposed = _opposed(token, ancestor)
                if not _conjunct(token) and not _between_pair(token, ancestor) and not opposed:
                    governor[index] = positions[ancestor.i]
                break
    for index, token in enumerate(mentions):
        if index in governor:
            continue
        if _conjunct(token) and token.head.i in positions:
            continue  # a conjoined actor takes its role from its conjunct, below
        for position, anchor in enumerate(anchors):
            if token.i == anchor.i:
                break
            below = _path_child_index(heads, token.i, anchor.i)
            if below is None:
                continue
            child = doc[below]
            if position > 0 and child == token and child.dep_ in MODIFIER_DEPS:
                # "targeted a regime checkpoint with a shell": the anchor is a noun on
                # the way up from the trigger; its modifier shares the noun's role.
                continue
            role = _role_below(child, token)
            if role == "agent" and child != token and _opposed(token, child):
                role = "patient"  # "fighting by rebels against IS": IS is fought
            if role is None and child.dep_ == "conj" and child.pos_ == "VERB":
                # "shot and killed a man": conjoined verbs share their object.
                inner = _path_child(token, child)
                if inner is not None and inner.dep_ in {"dobj", "dative"}:
                    role = "patient"
            if role is not None:
                roles[index] = role
                break
            if child.dep_ not in {"conj", "cc", "appos"}:
                # Below this anchor but in an unrelated phrase ("after ... with X"):
                # higher anchors cannot give it a role either.
                break
    # Conjuncts share the role of what they are conjoined to, except the conjoined
    # subject of a reciprocal verb, which is the other side.
    mentioned = {t.i for t in mentions}
    for index, token in enumerate(mentions):
        if index in roles or not _conjunct(token):
            continue
        for other, other_token in enumerate(mentions):
            if other_token == token.head and other in roles:
                verb = other_token.head
                reciprocal = (
                    roles[other] == "agent"
                    and other_token.dep_ == "nsubj"
                    and verb.lemma_.lower() in RECIPROCAL
                    # "X and Y clashed with Z": the other side is Z, X and Y are one;
                    # not so "clashed with one another", "exchanged fire with rockets".
                    and not _fights_someone(verb, mentioned)
                )
                roles[index] = "patient" if reciprocal else roles[other]
    between = sorted(i for i, r in roles.items() if r == "between")
    split = _second_side([mentions[i] for i in between])
    for position, index in enumerate(between):
        roles[index] = "agent" if position < split else "patient"
    for index in sorted(governor):
        main = governor[index]
        while main in governor:
            main = governor[main]
        if main in roles:
            roles[index] = roles[main]
    agents = tuple(i for i in range(len(mentions)) if roles.get(i) == "agent")
    patients = tuple(i for i in range(len(mentions)) if roles.get(i) == "patient")
    others = tuple(i for i in range(len(mentions)) if i not in roles)
    return Roles(agents, patients, others)
