"""Place names that are not where an event happened: a foreign capital standing for
its government ("no comment from Moscow"), a country named as a backer
("Turkey-backed rebels"), a person's home town ("a soldier from Hama was killed near
Saraqib")."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from frontlines.events.places import sentence_range
from frontlines.model import PlaceMention
from frontlines.nlp.lookups import expand_span

# "in Moscow", "on the streets of Paris": a foreign capital named as where something
# happened, not as the government it stands for ("no comment from Moscow").
_LOCATIVE_BEFORE = re.compile(
    r"\b(?i:in|at|near|outside|inside|across|around|(?:streets|centre|center|outskirts) of)"
    # "in the Lebanese capital Beirut": an adjective may stand before "capital".
    r"\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:capital,?\s+|city of\s+)?$"
)


def foreign_capital(mention: PlaceMention, country: str | None, text: str) -> bool:
    place = mention.place
    if place is None or country is None or place.country in {None, country}:
        return False
    if not (place.feature_code or "").startswith(("PPLC", "PCL")):
        return False
    return not (
        (place.feature_code or "").startswith("PPLC")
        and _LOCATIVE_BEFORE.search(text[max(0, mention.start - 40) : mention.start])
    )


# "Turkey-backed", "US-led", "Iran sponsored": a place name modifying an actor.
_BACKER_AFTER = re.compile(r"(?P<gap>-|\s)(?:backed|led|supported|sponsored|funded)\b(?!\s+to\b)")


def names_a_backer(mention: PlaceMention, text: str) -> bool:
    """A place hyphened to "backed" ("Turkey-backed"), or a country before it with a
    space ("Turkey backed rebels"; "clashes in Saraqib supported by jets" keep it)."""
    found = _BACKER_AFTER.match(text, mention.end)
    if found is None:
        return False
    country = mention.place is not None and (mention.place.feature_code or "").startswith("PCL")
    return found.group("gap") == "-" or country


# People and units a place can be the home of ("a soldier from Hama", "fighters
# from Douma"): the place says where they come from, not where the event was.
PERSON_NOUNS = frozenset(
    {"fighter", "member", "militant", "militiaman", "soldier", "gunman", "commander",
     "officer", "man", "woman", "men", "women", "boy", "girl", "child", "children", "youth",
     "civilian", "resident", "native", "family", "journalist", "doctor", "teenager",
     "worker", "student", "person", "people", "recruit", "defector", "elder", "activist"}
)  # fmt: skip


def drop_origins(doc: Doc, places: list[PlaceMention]) -> list[PlaceMention]:
    """ "a young soldier from Hama was killed near Saraqib": Hama is his home, not
    where he was killed. A home is kept when its sentence names no other place: then
    it is the best the report says of where ("a fighter from Tafas was killed")."""
    origins = {id(p) for p in places if origin_of_person(doc, p)}
    if not origins:
        return places
    sentence_of = {id(p): sentence_range(doc, p.start) for p in places}
    return [
        p for p in places
        if id(p) not in origins
        or not any(id(o) not in origins and sentence_of[id(o)] == sentence_of[id(p)]
                   for o in places)
    ]  # fmt: skip


def origin_of_person(doc: Doc, mention: PlaceMention) -> bool:
    """A place after "from" that hangs from a person or unit noun."""
    span = expand_span(doc, mention.start, mention.end)
    if span is None:
        return False
    prep = span.root.head
    if prep.lower_ != "from" or span.root.dep_ != "pobj":
        return False
    return prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in PERSON_NOUNS
