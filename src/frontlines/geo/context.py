"""What a report says about where it is: its countries, its named first-level
units, the unit a sentence names, and the town it centres on."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from frontlines.geo.areas import ascii_name
from frontlines.geo.find import GIVEN, Candidate
from frontlines.geo.gazetteer import Entry
from frontlines.geo.lexicon import DIRECTION_ADJECTIVE, area_after_name
from frontlines.geo.ranking import Ranker, spelling, whole
from frontlines.model import Place

__all__ = [
    "as_written", "comma_country", "comma_unit", "country_votes", "countryside", "focus",
    "host_unit", "in_unit", "named_units", "sentence_admin1", "unit_after", "written_in",
]  # fmt: skip

# Country votes of a town name: its most populous namesake's country.
TOP_TOWN_VOTE = 2
# The vote of a caller's guess (Geocoder.mentions' country_prior): more than a lone
# town's most populous namesake abroad, less than a province or two of the report's names.
PRIOR_VOTE = 3
# The vote of a first-level unit or curated place (and of a country named outright).
PROVINCE_VOTE = 4

_SENTENCE_END = re.compile(r"[.!?]\s")
_COMMA_GAP = re.compile(r",\s*")


def country_votes(
    candidates: list[Candidate],
    entries: dict[int, list[Entry]],
    hint: str | None,
    ranker: Ranker,
    located: dict[int, str] | None = None,
    prior: str | None = None,
) -> list[str]:
    """The report's countries, most voted first (a caller's hint before all).
    ``located``: the unit each name written inside one ("Canadian, Texas") lies in:
    such a name votes for its places there, not for the country it may spell.
    ``prior``: a country the caller guesses, which outvotes a lone town abroad, not a province."""
    votes: Counter[str] = Counter()
    # Countries a name written as an area ("X province", "X countryside") votes for
    # with a province spelled as written: only such a name outvotes the caller's
    # hint (a province abroad read from a loose key, a landmark named after one,
    # "Hail gas field", do not).
    spelled_units: set[str] = set()
    if prior:
        votes[prior] += PRIOR_VOTE
    located = located or {}
    for candidate in candidates:
        options = entries[candidate.start]
        unit = located.get(candidate.start)
        if unit is not None:
            options = [e for e in options if e.admin1 == unit and not whole(e)] or options
        if candidate.feature_hint:
            # "Sur sub-district" votes for the sub-district, not a town abroad.
            kind = candidate.feature_hint
            options = [e for e in options if e.feature_code.startswith(kind)] or options
        if not options:
            continue
        spelled = ranker.country_spelling(candidate.text) and unit is None
        named = [e for e in options if e.feature_code == "PCLI" and spelled]
        options = [e for e in options if not whole(e) or spelled]
        if not options:
            continue
        if named:
            # A country's name says who acts ("U.S. forces", "Turkey shelled") as
            # often as where: it weighs half a town, a quarter of a governorate. A
            # country named like a province elsewhere ("Georgia") splits its vote.
            units = [e for e in options if e.feature_code == "ADM1"]
            codes = sorted({e.country_code for e in [*named, *units] if e.country_code})
            for code in codes:
                votes[code] += 4 // len(codes)
            continue
        strong = [
            e for e in options if e.feature_code in {"PCLI", "ADM1"} or e.source != "geonames"
        ]
        # A province or a curated place votes like a country, unless a town abroad
        # of its name is bigger than it: "Portland" is a Jamaican parish of 80,000
        # and an American city of 600,000 (Ontario, the province, still outweighs
        # Ontario, California).
        towns = [e for e in options if e.feature_code.startswith("PPL")]
        largest = max((e.population for e in strong), default=0)
        abroad = [e for e in towns if e.population > largest
                  and e.country_code not in {s.country_code for s in strong}]  # fmt: skip
        if strong and not abroad:
            for code in sorted({e.country_code for e in strong if e.country_code}):
                votes[code] += PROVINCE_VOTE
            if candidate.feature_hint == "ADM1" or candidate.cue == "countryside":
                written = spelling(candidate.text)
                spelled_units.update(e.country_code for e in strong
                                     if e.country_code and spelling(e.name) == written)  # fmt: skip
            continue
        # The namesake spelled as written speaks for the name before the loose key's
        # other spellings ("Tafas" is Tafas in Syria, not Talas in Turkey), and a
        # county of that name counts with the towns ("Kent", "Hampshire").
        written = spelling(candidate.text)
        exact = [e for e in options if spelling(e.name) == written
                 and (e.feature_code.startswith("PPL") or e.feature_code == "ADM2")]  # fmt: skip
        top = max(exact or towns or options, key=lambda e: e.population)
        if top.country_code and top.population >= 1000:
            votes[top.country_code] += TOP_TOWN_VOTE
    ranked = [code for code, _ in votes.most_common()]
    # The caller's hint (the report's actors, its front) says where the report is
    # set when its names do not; a province of another country does, when none of
    # the names is the hint's ("an Iraqi militia's vehicle in Deir ez Zor
    # countryside" is in Syria).
    if hint and not (votes[hint] == 0 and ranked and ranked[0] in spelled_units):
        ranked = [hint] + [c for c in ranked if c != hint]
    return ranked


def as_written(candidate: Candidate, options: list[Entry], ranker: Ranker) -> list[Entry]:
    """A name's readings spelled as it is written, in its case too unless written in
    capitals ("Noma" is no "NoMa"), or called by one of their curated spellings (a
    country's "UK", a unit's "Calif."): the readings by which a name the caller did
    not mark as a place may speak for the report's country. A marked span keeps all."""
    if candidate.cue == GIVEN:
        return options
    written = spelling(candidate.text)
    cased = not candidate.text.isupper()
    return [
        e
        for e in options
        if (spelling(e.name) == written and (not cased or ascii_name(e.name) == candidate.text))
        or ranker.unit_spelling(candidate.text, e)
        or (whole(e) and ranker.country_spelling(candidate.text))
    ]


def named_units(
    candidates: list[Candidate], entries: dict[int, list[Entry]], countries: list[str]
) -> list[tuple[str, frozenset[str]]]:
    """The report's first-level units, most named first, each with the keys of
    the names that name it (so no name counts as its own context)."""
    counts: Counter[str] = Counter()
    keys: dict[str, set[str]] = {}
    for candidate in candidates:
        for entry in entries[candidate.start]:
            if (
                entry.country_code in countries[:1]
                and entry.admin1
                and (entry.feature_code == "ADM1" or len(entries[candidate.start]) == 1)
            ):
                counts[entry.admin1] += 1
                keys.setdefault(entry.admin1, set()).add(candidate.key)
    return [(name, frozenset(keys[name])) for name, _ in counts.most_common()]


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``: from the end of the last sentence end
    before it to the mark of the first one after it (else the text's ends)."""
    ends = _sentence_ends(text)
    before = bisect.bisect_right(ends, start)
    after = bisect.bisect_left(ends, end + 2)  # an end lies two past its mark
    return (ends[before - 1] if before else 0), (
        ends[after] - 2 if after < len(ends) else len(text)
    )


@lru_cache(maxsize=1)  # one report's names ask in turn
def _sentence_ends(text: str) -> list[int]:
    """Where each sentence end of the text (a full stop, question or exclamation
    mark, then a space) ends. Two ends cannot overlap, so these are the ends any
    search for one finds."""
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def sentence_admin1(
    text: str,
    candidate: Candidate,
    candidates: list[Candidate],
    entries: dict[int, list[Entry]],
    home: str | None = None,
) -> tuple[str | None, bool]:
    """The governorate the sentence names, and whether a cue made it explicit.
    ``home``: the report's country, whose units always count."""
    unit = unit_after(text, candidate, candidates, entries)
    if unit is not None:
        return unit, True
    start, end = sentence_bounds(text, candidate.start, candidate.end)
    named: list[str] = []
    # A unit merely named nearby, abroad and in a country where the name has no
    # reading, says nothing of it ("Car" reaches Kara, a region of Togo, beside
    # "Hampshire"); the report's own country's does ("X in Idleb": not X in Turkey).
    codes = {e.country_code for e in entries[candidate.start]} | {home}
    for other in candidates:
        if other is candidate or not (start <= other.start < end):
            continue
        for entry in entries[other.start]:
            if entry.feature_code in {"ADM2", "ADM3"} and other.feature_hint == entry.feature_code:
                if entry.admin1:
                    named.append(entry.admin1)  # "in Sur sub-district": its governorate
                continue
            if entry.feature_code != "ADM1":
                continue
            if (other.feature_hint == "ADM1" or countryside(text, other)) and entry.admin1:
                return entry.admin1, True  # "in the province of X", "X countryside"
            if entry.admin1 and (not entries[candidate.start] or entry.country_code in codes):
                named.append(entry.admin1)  # "in Idleb", "in Aleppo"
    return (named[0], False) if named else (None, False)


def unit_after(
    text: str,
    candidate: Candidate,
    candidates: list[Candidate],
    entries: dict[int, list[Entry]],
) -> str | None:
    """The first-level unit written right after a name as where it lies ("Orikhove,
    Luhansk", "Sabkha in Deir-ez-Zor"), unless the name is an item of a list."""
    unit = written_in(text, candidate, candidates, entries) or in_unit(
        text, candidate, candidates, entries
    )
    if unit is None or _listed_unit(entries[candidate.start], unit):
        return None
    return unit


def written_in(
    text: str,
    candidate: Candidate,
    candidates: list[Candidate],
    entries: dict[int, list[Entry]],
) -> str | None:
    """ "Albany, Georgia", "Henry County, Ind.", "London, Ontario": the unit written
    right after a name, behind a comma, is the one it lies in."""
    found = comma_unit(text, candidate, candidates, entries)
    return found[0] if found else None


# "X in Idleb", "X in the northern Hama", "X in southeast Deir-ez-Zor", "X town, Dara",
# "X front in Raqqa", "X (Deir ez Zor)": the gap between a place, with the kind of
# place it is, and the first-level unit written as where it lies. Not a neighbourhood
# or a city "in" a unit: it is written in its city, whose name the unit shares.
_IN_GAP = re.compile(
    r"(?:\s+(?:villages?|towns?|area|camp|farms?|hills?|front(?:line)?|axis|road|desert)"
    r"(?=[\s,]))?"
    r"(?:\s+in\s+|\s*,\s*|\s+\()"
    rf"(?:the\s+)?(?:(?:far\s+)?(?:{DIRECTION_ADJECTIVE}|central|middle)\s+)?",
    re.I,
)


def in_unit(
    text: str,
    candidate: Candidate,
    candidates: list[Candidate],
    entries: dict[int, list[Entry]],
) -> str | None:
    """ "Sabkha in Deir-ez-Zor", "Maliha town, Dar'a": the first-level unit a name is
    written in, right after it and the kind of place it is. A name of a unit's own
    city counts as the unit (a village "in Deir-ez-Zor" lies in the governorate)."""
    gap = _IN_GAP.match(text, candidate.end)
    if gap is None:
        return None
    for other in candidates:
        if other.start == gap.end():
            units = [e for e in entries[other.start] if e.feature_code == "ADM1" and e.admin1]
            if units and not any(e.feature_code == "PCLI" for e in entries[other.start]):
                return max(units, key=lambda e: e.population).admin1
            return None
    return None


def _listed_unit(options: list[Entry], unit: str) -> bool:
    """ "Ohio, Oregon, South Carolina": a name that is itself a country or a
    first-level unit, with no place of its name inside the unit after its comma, is
    an item of a list, not an address."""
    if not any(whole(e) or e.feature_code == "ADM1" for e in options):
        return False
    return not any(e.admin1 == unit and not whole(e) for e in options)


def comma_unit(
    text: str,
    candidate: Candidate,
    candidates: list[Candidate],
    entries: dict[int, list[Entry]],
) -> tuple[str, int] | None:
    """The first-level unit written right after a name behind a comma, and where
    that unit's name starts. Not a country's name that some province also bears:
    "Mali, Guinea and Senegal" is a list."""
    if text[candidate.end : candidate.end + 1] != ",":
        return None  # no gap after the name can then be a comma's (this runs per pair)
    for other in candidates:
        if other.start > candidate.end and _COMMA_GAP.fullmatch(text, candidate.end, other.start):
            units = [e for e in entries[other.start] if e.feature_code == "ADM1" and e.admin1]
            named = spelling(other.text)
            if any(e.feature_code == "PCLI" and spelling(e.name) == named
                   for e in entries[other.start]):  # fmt: skip
                return None
            if units:
                admin1 = max(units, key=lambda e: e.population).admin1
                return (admin1, other.start) if admin1 else None
    return None


def comma_country(
    text: str,
    candidate: Candidate,
    candidates: list[Candidate],
    entries: dict[int, list[Entry]],
    ranker: Ranker,
) -> str | None:
    """ "Visbek, Germany", "Delft, the Netherlands": the country written right after a
    town's name behind a comma is the one it lies in, when the town has a place
    there. Not an item of a list of countries or units ("Mali, Guinea and Senegal",
    "Ohio, Oregon")."""
    if text[candidate.end : candidate.end + 1] != ",":
        return None
    options = entries[candidate.start]
    if any(whole(e) or e.feature_code == "ADM1" for e in options):
        return None
    following = next((c for c in candidates if c.start > candidate.end), None)
    if following is None or not _COUNTRY_GAP.fullmatch(text, candidate.end, following.start):
        return None
    if not ranker.country_spelling(following.text):
        return None
    codes = {e.country_code for e in entries[following.start] if e.feature_code == "PCLI"}
    towns = (e for e in options if e.feature_code.startswith("PPL") and e.country_code in codes)
    return next((e.country_code for e in towns), None)


_COUNTRY_GAP = re.compile(r",\s*(?:the\s+)?", re.I)


# -- ranking ------------------------------------------------------------------


# The kinds of place a report's focus can be: towns and their neighbourhoods, and
# counties (a local report's "county" is its beat), never a state or a country.
_FOCUS_KINDS = ("PPL", "ADM2", "ADM3")


def focus(
    candidates: list[Candidate], resolved: dict[int, Place | None], countries: list[str]
) -> Place | None:
    """The town a report is about: the local place in its country named most often
    (ties: the first named), if named at least twice or the only one."""
    counts: Counter[tuple[float | None, float | None]] = Counter()
    first: dict[tuple[float | None, float | None], Place] = {}
    for candidate in candidates:
        place = resolved.get(candidate.start)
        if place is None or place.geo_precision == 3 or place.country_code not in countries[:1]:
            continue
        if not (place.feature_code or "").startswith(_FOCUS_KINDS):
            continue
        point = (place.latitude, place.longitude)
        counts[point] += 1
        first.setdefault(point, place)
    if not counts:
        return None
    (point, count), *rest = counts.most_common()
    if count < 2 and rest:
        return None
    return first[point]


# "Hama countryside", "Hama's southern countryside", "Idleb northern province".
_COUNTRYSIDE_AFTER = area_after_name("countryside|province|governorate")
_COUNTRYSIDE_BEFORE = re.compile(r"\b(?:countryside|province|governorate) of\s+$", re.I)


def countryside(text: str, candidate: Candidate) -> bool:
    """ "Idleb countryside", "the countryside of Hama": a governorate named explicitly."""
    return bool(
        _COUNTRYSIDE_AFTER.match(text, candidate.end)
        or _COUNTRYSIDE_BEFORE.search(text[max(0, candidate.start - 30) : candidate.start])
    )


# "Al-Izba village in Sur sub-district", "X, Markaz Manbij": the gap between an
# unknown place and the unit it lies in.
_HOST_GAP = re.compile(
    r"\s*(?:,|(?:(?:villages?|towns?|hamlets?|farms?|camps?|areas?|neighbou?rhoods?)\s+)?"
    r"(?:in|of))\s+(?:the\s+)?(?:rural\s+)?$",
    re.I,
)
# "A, B and C in X sub-district": the names of a list share the unit after its last.
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)$", re.I)


def host_unit(
    text: str, candidate: Candidate, candidates: list[Candidate], resolved: dict[int, Place | None]
) -> Place | None:
    """The district or sub-district written right after an unknown name as the unit
    it lies in: the name stands there (precision 2), with the unit's admin areas."""
    last = candidate
    for following in (c for c in candidates if c.start >= candidate.end):
        host = resolved.get(following.start)
        if host is not None and host.feature_code in {"ADM2", "ADM3"}:
            if not _HOST_GAP.fullmatch(text, last.end, following.start):
                return None
            return replace(host, name=candidate.text, geo_precision=2, geonameid=None,
                           feature_code=None)  # fmt: skip
        if not _LIST_GAP.fullmatch(text, last.end, following.start):
            return None
        last = following
    return None
