"""Place mentions as the events stage uses them: per sentence, with definite
descriptions ("the airbase") linked back to the place they refer to, and enclosing
areas dropped when a more precise place is named beside them."""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from frontlines.geo.lexicon import DIRECTION_ADJECTIVE, area_after_name
from frontlines.geo.resolve import haversine_km
from frontlines.model import Place, PlaceMention
from frontlines.nlp.lookups import WordIds, doc_text, expand_span, lemma_lower_ids

# Head nouns of definite descriptions and the feature codes they can refer back to.
FEATURE_NOUNS: dict[str, tuple[str, ...]] = {
    "airbase": ("AIRB", "AIRF", "AIRP"),
    "airport": ("AIRB", "AIRF", "AIRP"),
    "base": ("AIRB", "AIRF", "MILB", "INSM"),
    "town": ("PPL",),
    "city": ("PPL",),
    "village": ("PPL",),
    "dam": ("DAM",),
    "neighbourhood": ("PPLX", "PPL"),
    "neighborhood": ("PPLX", "PPL"),
}
_FEATURE_IDS = WordIds(FEATURE_NOUNS)
CONTAINER_RADIUS_KM = 25.0
# A place named inside an area ("Qatma in Aleppo countryside") replaces the area only
# when resolved within a governorate's reach of it; farther, the place was likely
# resolved to a namesake and the area is the better location. 100 km: the reach of a
# large Syrian governorate from its capital.
AREA_RADIUS_KM = 100.0

# "A and B north of Raqqa": the text between a place and a relative anchor that
# locates it, and the separators of a list of places.
_LOCATOR_GAP = re.compile(
    r"^\s*,?\s*(?:(?:some |about |around )?\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:to the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+(?:of\s+)?"
    r"(?:the\s+(?:city|town|village|provincial capital)\s+of\s+)?$",
    re.I,
)
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*and|,?\s*as well as|,?\s*or)\s*$", re.I)


def distance_km(a: Place, b: Place) -> float:
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return math.inf
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def is_area(place: Place) -> bool:
    code = place.feature_code or ""
    return code.startswith(("ADM", "PCL", "RGN", "AREA"))


def _compatible(place: Place, codes: tuple[str, ...]) -> bool:
    code = place.feature_code or ""
    return any(code.startswith(c) for c in codes)


def link_definite_descriptions(doc: Doc, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Add mentions for "the (military) airbase", "the village" that refer back to a
    place named earlier in the same article with a matching feature type."""
    added: list[PlaceMention] = []
    taken = [(m.start, m.end) for m in mentions]
    text = doc_text(doc)
    # Only tokens spelled as a feature noun, found on string ids (no Token per word).
    nouns = [i for i, (_, lower) in enumerate(lemma_lower_ids(doc)) if _FEATURE_IDS.lower(lower)]
    for token in (doc[i] for i in nouns):
        codes = FEATURE_NOUNS.get(token.lower_)
        if not codes or token.pos_ != "NOUN":
            continue
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            continue  # "the town of Ariha" names its place
        start = min(t.idx for t in token.subtree if t.i <= token.i)
        end = token.idx + len(token.text)
        if any(s < end and start < e for s, e in taken):
            continue
        antecedent = None
        for mention in mentions:
            if mention.end <= start and mention.place and _compatible(mention.place, codes):
                antecedent = mention
        if antecedent is None or antecedent.place is None:
            continue
        added.append(
            PlaceMention(antecedent.article_id, start, end, text[start:end], antecedent.place)
        )
    return sorted([*mentions, *added], key=lambda m: m.start)


def apply_locators(doc: Doc, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "the villages of A and B north of Raqqa", "in the countryside north of Raqqa,
    ... seized A and B": Raqqa locates A and B, it is not a place of its own.

    A relative anchor (geo_precision 2) is dropped when it directly follows a place
    or a list of places, or when its sentence names places the gazetteer could only
    put in some admin area; those places are put near the anchor instead (precision
    2, the anchor's admin1), which is what the report says about them.
    """
    text = doc_text(doc)
    ordered = sorted(mentions, key=lambda m: m.start)
    dropped: set[int] = set()
    moved: dict[int, PlaceMention] = {}
    for index, anchor in enumerate(ordered):
        if anchor.place is None or anchor.place.geo_precision != 2:
            continue
        members: list[PlaceMention] = []
        if index and _LOCATOR_GAP.match(text[ordered[index - 1].end : anchor.start]):
            members.append(ordered[index - 1])
            for earlier in reversed(ordered[: index - 1]):
                if not _LIST_GAP.match(text[earlier.end : members[-1].start]):
                    break
                members.append(earlier)
        sentence = sentence_range(doc, anchor.start)
        members += [
            m for m in ordered
            if m not in members and _unknown_place(m) and sentence[0] <= m.start < sentence[1]
        ]  # fmt: skip
        if not members:
            continue
        dropped.add(anchor.start)
        for member in members:
            place = member.place
            if place is None or not _unknown_place(member):
                continue  # a known place keeps its own coordinates
            near = dataclasses.replace(
                anchor.place,
                name=place.name,
                geo_precision=2,
                geonameid=None,
                feature_code=None,
                admin2=None,
                admin3=None,
            )
            moved[member.start] = dataclasses.replace(member, place=near)
    return [moved.get(m.start, m) for m in ordered if m.start not in dropped]


def _unknown_place(mention: PlaceMention) -> bool:
    """A name the gazetteer does not know, placed only in its admin area."""
    place = mention.place
    return place is not None and place.geo_precision == 3 and place.feature_code is None


def sentence_range(doc: Doc, offset: int) -> tuple[int, int]:
    span = expand_span(doc, offset, offset + 1)
    if span is None:
        return (offset, offset)
    sentence = span.sent
    return (sentence.start_char, sentence.end_char)


# "Aleppo countryside", "rural Hama", "Idlib province": the name stands for the
# area around a city, whatever feature the gazetteer resolved it to.
_AREA_AFTER = area_after_name("countryside|province|governorate|region")
# "Ar-Raqqa's Maqas checkpoint", "Aleppo's Sheikh Maqsoud": the owner of a place
# named after it is the area that place lies in.
_OWNER_OF_NAME = re.compile(rf"^['’]s\s+(?:{DIRECTION_ADJECTIVE}\s+)?[A-Z]")
_AREA_BEFORE = re.compile(
    r"\b(?:rural|(?:the\s+)?(?:countryside|province|governorate)\s+of)\s+(?:the\s+)?$", re.I
)


# "Avdiivka, Donetsk", "Hays (Al Hudaydah)": a place followed by its region.
# "Khattab village in Hama", "Jobar neighbourhood of Damascus": the place's area named
# after it, with the word linking them.
_QUALIFIER_GAP = re.compile(
    r"^['\"’”]?\s*(?:[,(]|(?:(?:village|town|city|area|neighbou?rhood|(?:sub-?)?district)\s+)?"
    r"(?:in|of)\s)\s*$",
    re.I,
)


def named_as_area(mention: PlaceMention, text: str, places: Sequence[PlaceMention] = ()) -> bool:
    """The report names the place as an area ("in Aleppo countryside"), or as the
    region qualifying the place just before it ("near Avdiivka, Donetsk", "Khattab
    village in Hama": Hama is the governorate Khattab lies in, not the city)."""
    if not text:
        return False
    if _worded_as_area(mention, text):
        return True
    # Only a place named precisely is qualified: after "the countryside of A in B"
    # both are areas, and the narrower, A, is the place.
    return any(
        other.end <= mention.start
        and _QUALIFIER_GAP.match(text[other.end : mention.start])
        and other.place is not None
        and _names_unit_of(mention, other.place)
        and not _worded_as_area(other, text)
        for other in places
    )


def _names_unit_of(mention: PlaceMention, place: Place) -> bool:
    """Whether the mention names the first- or second-level unit the place lies in."""
    names = {_fold(mention.text), _fold(mention.place.name if mention.place else "")} - {"-"}
    return bool(names & {_fold(place.admin1), _fold(place.admin2)})


def _worded_as_area(mention: PlaceMention, text: str) -> bool:
    after = text[mention.end : mention.end + 40]  # room for "'s north-western countryside"
    before = text[max(0, mention.start - 30) : mention.start]
    return bool(
        _AREA_AFTER.match(after) or _OWNER_OF_NAME.match(after) or _AREA_BEFORE.search(before)
    )


def _fold(name: str | None) -> str:
    """A name without case, accents, spaces or apostrophes ("Ma'rib" = "Marib")."""
    plain = unicodedata.normalize("NFKD", (name or "").casefold())
    return "".join(c for c in plain if c.isalnum()) or "-"


def drop_containers(places: list[PlaceMention], text: str = "") -> list[PlaceMention]:
    """Keep the precise places: an admin area, region or city that merely contains
    another place of the same event is context, not a second location. ``text`` (the
    Doc's) shows places named as areas ("in Deir ez-Zor countryside")."""
    resolved = [m for m in places if m.place is not None]
    areas = {id(m) for m in resolved if named_as_area(m, text, resolved)}
    kept = []
    for mention in places:
        place = mention.place
        if place is None:
            continue
        area = id(mention) in areas
        contained = [
            other.place
            for other in resolved
            if other is not mention
            and other.place is not None
            and other.place.name != place.name
            and (
                _inside(other.place, place)
                or (
                    area
                    and bool(place.admin1)
                    and other.place.admin1 == place.admin1
                    # a point, or a district or sub-district ("Raju sub-district, in
                    # Aleppo countryside"), not a wider region
                    and (not is_area(other.place) or _area_rank(other.place) > _REGION_RANK)
                    and distance_km(other.place, place) <= AREA_RADIUS_KM
                    # Of two areas ("rural Al Bab in the Aleppo countryside") the
                    # wider is the one named like the other's governorate: each
                    # lies within the other's radius, and both were dropped.
                    and (id(other) not in areas or _names_unit_of(mention, other.place))
                )
            )
        ]
        if contained:
            continue
        kept.append(mention)
    # The same place named twice in one sentence is one location.
    unique: dict[str, PlaceMention] = {}
    for mention in kept:
        assert mention.place is not None
        unique.setdefault(place_key(mention.place), _as_area(mention, text))
    return list(unique.values())


def _as_area(mention: PlaceMention, text: str) -> PlaceMention:
    """A town standing for the area the report names around it is not the exact
    place: "in the Aleppo countryside" is only the governorate (ACLED codes it at the
    governorate's seat, geo_precision 3), "in Al Bab countryside" near the town (2)."""
    place = mention.place
    if place is None or is_area(place) or place.geo_precision >= 3 or not text:
        return mention
    if not _worded_as_area(mention, text):
        return mention
    names = {_fold(mention.text), _fold(place.name)}
    precision = 3 if _fold(place.admin1) in names else 2
    if precision <= place.geo_precision:
        return mention
    return dataclasses.replace(mention, place=dataclasses.replace(place, geo_precision=precision))


# How large an area is, largest first: a place is inside an area only when it is a
# smaller unit. Without this an ADM3 and its governorate ("Sokhnah in Homs", the
# sub-district named after its town) each contained the other, and both were dropped.
_AREA_RANKS = (("PCL", 0), ("ADM1", 2), ("RGN", 3), ("AREA", 3), ("ADM2", 4), ("ADM3", 5))
_POINT_RANK = 9
_REGION_RANK = 3


def _area_rank(place: Place) -> int:
    code = place.feature_code or ""
    for prefix, rank in _AREA_RANKS:
        if code.startswith(prefix):
            if prefix in {"RGN", "AREA"} and not place.admin1:
                return 1  # a region across a country or beyond ("the Middle East")
            return rank
    return 6 if code.startswith("ADM") else _POINT_RANK


def _inside(inner: Place, outer: Place) -> bool:
    if is_area(outer):
        if _area_rank(inner) <= _area_rank(outer):
            return False
        if outer.admin1:
            return inner.admin1 == outer.admin1 and _same_units(inner, outer)
        return inner.country == outer.country
    if (outer.feature_code or "").startswith(("PPLC", "PPLA")):
        return distance_km(inner, outer) <= CONTAINER_RADIUS_KM
    return False


def _same_units(inner: Place, outer: Place) -> bool:
    """A district or sub-district holds only places of its own units, where both are
    known: "Raju sub-district, in Aleppo countryside" does not hold Aleppo city (its
    governorate's seat, in another district), which had taken the event from it."""
    rank = _area_rank(outer)
    levels = (("admin2", 4), ("admin3", 5))
    for field, level in levels:
        mine, theirs = getattr(inner, field), getattr(outer, field)
        if rank >= level and mine and theirs and mine != theirs:
            return False
    return True


def place_key(place: Place) -> str:
    return f"{place.name.casefold()}|{place.admin1 or ''}|{place.country or ''}"


def holds_place(token: Token, places: list[PlaceMention]) -> bool:
    """The noun phrase of ``token`` holds a place ("Hatamiyeh village")."""
    words = list(token.subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return any(start <= p.start and p.end <= end for p in places)
