"""What a territory trigger takes: a settlement, an area or a position changes who
holds it; a haul of goods, people or "the initiative" does not. Also the wording that
only says who holds a place ("controlled by QSD") rather than that it changed hands."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from frontlines.events.context import in_relative_clause
from frontlines.events.triggers import Trigger
from frontlines.model import PlaceMention

# What a capture can be of: settlements, areas and positions. A territory verb whose
# object is anything else ("seized three boats", "captured the initiative") does not
# change who holds a place.
TERRITORY_NOUNS = frozenset(
    {"village", "town", "city", "area", "base", "airbase", "airport", "airfield", "district",
     "region", "province", "governorate", "territory", "control", "neighbourhood",
     "neighborhood", "quarter", "suburb", "road", "highway", "crossing", "dam", "bridge",
     "mountain", "hill", "hilltop", "countryside", "outskirts", "camp", "field", "oilfield",
     "front", "frontline", "line", "axis", "border", "headquarters", "island", "locality",
     "settlement", "hamlet", "municipality", "capital", "stronghold", "bastion", "valley",
     "plain", "desert", "badia", "pocket", "enclave", "port", "station", "factory", "plant",
     "facility", "complex", "compound", "barracks", "garrison", "farmland", "land", "lands",
     "strip", "zone", "sector", "height", "heights", "ridge", "junction", "roundabout",
     "market", "school", "hospital", "prison", "academy", "college", "university", "stadium",
     "mosque", "church", "street", "streets", "square", "castle", "citadel", "fort", "fortress",
     "shrine", "palace", "resort", "quarry", "silo", "well", "crossroads", "intersection",
     "it", "them", "all"}
)  # fmt: skip


# Goods a force seizes: a haul, not a place, whatever place the phrase also names.
SEIZED_GOODS = frozenset(
    {"marijuana", "cannabis", "cocaine", "heroin", "drugs", "narcotics", "methamphetamine",
     "hashish", "captagon", "pills", "contraband", "cigarettes", "fuel", "livestock", "cattle",
     "cows", "goats", "sheep", "cash", "money"}
)  # fmt: skip


def captures_something_else(
    doc: Doc, trigger: Trigger, places: list[PlaceMention], partial_objects: frozenset[str]
) -> bool:
    """A territory trigger whose object is neither a place nor a position."""
    root = trigger.root(doc)
    sentence_end = doc[trigger.start].sent.end
    if any(t.lower_ in SEIZED_GOODS for t in doc[trigger.end : min(trigger.end + 8, sentence_end)]):
        return True  # "seized about a ton of marijuana"
    # "militants were killed, injured or captured": a conjunct shares its head's object.
    children = list(root.children)
    head = root
    while head.dep_ in {"conj", "advcl"} and head.head != head:
        head = head.head
        children.extend(head.children)
    for child in children:
        if child.dep_ not in {"dobj", "nsubjpass"} or child.pos_ != "NOUN":
            continue
        if any(t.lower_ in SEIZED_GOODS for t in child.subtree):
            return True  # "seized a ton of marijuana hidden in a truck"
        if any(p.start <= child.idx < p.end for p in places):
            return False
        lemma = child.lemma_.lower()
        if lemma in _COMPASS and _names_ground(child, places):
            return False  # "captured Andalus village east of Raqqa", parsed as "east"
        return lemma not in TERRITORY_NOUNS and child.lower_ not in partial_objects
    return False


# "captured A village east of B": the small model makes the direction the object.
_COMPASS = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west"
    " south-east south-west".split()
)


def _names_ground(direction: Token, places: list[PlaceMention]) -> bool:
    """Whether the words before an object parsed as a direction name ground: a place,
    a proper name or a territory noun ("Andalus village", "Tall Hamad")."""
    before = [t for t in direction.subtree if t.i < direction.i]
    return any(
        t.pos_ == "PROPN"
        or t.lemma_.lower() in TERRITORY_NOUNS
        or any(p.start <= t.idx < p.end for p in places)
        for t in before
    )


# Words between a capture phrase and the noun it took ("took control over a regime
# intelligence center", "the capture of 11 Hezbollah fighters").
_OBJECT_LEAD = frozenset({"DET", "NUM", "ADJ", "PROPN", "ADP", "PUNCT"})


def taken_object(doc: Doc, trigger: Trigger) -> str:
    """The first common noun or pronoun after a trigger phrase, within its sentence
    (lower case; "" when a place name or a verb comes first)."""
    sentence_end = doc[trigger.start].sent.end
    for token in doc[trigger.end : min(trigger.end + 8, sentence_end)]:
        if token.pos_ == "PRON":
            return token.lower_  # "seized it": the report names no new place
        if token.pos_ == "ADP" and token.lower_ not in {"of", "over", "on"}:
            return ""  # "took control of the village from IS fighters": from whom
        if token.text.isupper() and len(token.text) > 1:
            continue  # "captured 3 IS members": an acronym names whose members
        if token.pos_ == "NOUN" and token.dep_ != "compound":
            return token.lower_
        if token.pos_ not in _OBJECT_LEAD and token.pos_ != "NOUN":
            return ""
    return ""


# "conflicting reports of who controlled the town": a question asked, not a capture.
_QUESTION_SUBJECTS = frozenset({"who", "which", "what", "whoever"})


def describes_control(root: Token) -> bool:
    """ "controlled by QSD", "which QSD controls", "reports of who controlled the
    town": who holds a place (or the question of it), not a capture."""
    if root.lemma_.lower() != "control":
        return False
    passive = any(c.dep_ == "auxpass" for c in root.children) or root.dep_ == "acl"
    asked = any(c.dep_ == "nsubj" and c.lower_ in _QUESTION_SUBJECTS for c in root.children)
    return passive or asked or in_relative_clause(root)


_PLACE_PRONOUNS = frozenset({"it", "them"})


def takes_part(doc: Doc, trigger: Trigger, mention: PlaceMention | None) -> bool:
    """A capture of part of its place only ("seized parts of the town", "took several
    positions"): its object, or the first noun after it, is one of the trigger class's
    partial objects. "battled IS in Um Tall, taking it over": a participle's pronoun
    is the place the clause before it named, taken whole; alone ("seized it") it may
    be weapons or men."""
    root = trigger.root(doc)
    sentence = root.sent
    place_pronoun = (
        _PLACE_PRONOUNS
        if root.tag_ == "VBG"
        and mention is not None
        and sentence.start_char <= mention.start < doc[trigger.start].idx
        else frozenset()
    )
    partial_objects = trigger.cls.partial_objects - place_pronoun
    return (
        any(c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in partial_objects for c in root.children)
        or taken_object(doc, trigger) in partial_objects
    )


# Pronouns stand in TERRITORY_NOUNS for what a capture may take; as the object of a
# verb that captures only ground ("took them"), they do not say it is ground.
_PRONOUN_OBJECTS = frozenset({"it", "them", "all"})
# A route or a line is secured (made safe) or held, not ground that changes hands:
# "forces secured the road after clashes" is fighting.
_ROUTE_NOUNS = frozenset({"road", "highway", "route", "line", "front", "frontline", "axis"})


def takes_ground(doc: Doc, trigger: Trigger, places: list[PlaceMention]) -> bool:
    """Whether a verb that is a capture only when it takes ground (take, control,
    secure: "took the village", not "clashes took place") has ground as its object: a
    place found in the report, a settlement or area by its noun ("controlled two
    villages", "managed to control the area"), or a proper name the gazetteer may
    lack ("controlled Kharab Suluq"). The small model often hangs a past-tense verb
    with its own subject as an adjective on the noun after it ("regime forces
    controlled Hatamiyeh village", "village" the root): that noun is the object."""
    root = trigger.root(doc)
    objects = [list(c.subtree) for c in root.children if c.dep_ in {"dobj", "nsubjpass"}]
    if root.dep_ == "amod" and any(c.dep_ == "nsubj" for c in root.children):
        own = {t.i for t in root.subtree}
        objects.append([t for t in root.head.subtree if t.i not in own])
    for words in objects:
        if any(t.lower_ == "place" for t in words):
            return False  # "clashes took place areas at the outskirts": the idiom
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        if any(start <= p.start and p.end <= end for p in places):
            return True
        if any(
            (t.pos_ == "NOUN" and t.lemma_.lower() in TERRITORY_NOUNS) or t.pos_ == "PROPN"
            for t in words
            if t.lower_ not in _PRONOUN_OBJECTS and t.lemma_.lower() not in _ROUTE_NOUNS
        ):
            return True
    return False
