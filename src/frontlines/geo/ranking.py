"""Ranking one name's readings: which gazetteer entry a mention most likely means.

Scores (named constants below, set by hand on our own test reports and checked
against the geoparsing corpora and ACLED rows by ``frontlines evaluate``):

- the article's country (context.py) and a caller's hint;
- a first-level unit named in the same sentence, then anywhere in the report;
- the feature type the words ask for ("X airbase", "the village of X", "province of X");
- population (log scale), the exact spelling (outside transliterated countries),
  curated sources (OpenSyria, landmarks) over bulk ones, capitals;
- distance to the report's unambiguous places, and support from its other names'
  readings (coherence.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache

from frontlines.geo.areas import ascii_name
from frontlines.geo.find import GIVEN, Candidate
from frontlines.geo.gazetteer import WORLD_KINDS, Entry, Gazetteer
from frontlines.geo.lexicon import ABBREVIATIONS, transliterated

__all__ = [
    "Ranker", "capital_before_near_spellings", "contradicts", "haversine_km", "prominent_first",
    "spelling", "transliterated", "whole",
]  # fmt: skip

COUNTRY_MATCH = 3.0
# A country or continent called by its own name is that, not a town the loose key
# also reaches ("Syria" / Seeley, "China", Texas) nor a province named after it.
COUNTRY_NAMED = 2.0
WHOLE_COUNTRIES = frozenset({"PCLI", "CONT"})
# A world feature ("Atlantic", "Middle East") is reached only by its own curated names:
# it outranks the small towns named after it (Atlantic, Iowa; Pacific, Missouri).
WORLD_FEATURE = 6.0
# A capital is what news means by its name ("Washington" the city, not the state).
CAPITAL_NAMED = 1.0
ADMIN1_SAME_SENTENCE = 2.5
ADMIN1_IN_ARTICLE = 1.0
FEATURE_MATCH = 4.0  # a kind the words ask for outweighs a size difference of 10^6
CURATED_SOURCE = 0.75
ADMIN_WITHOUT_CUE = -1.0  # "Aleppo" alone is the city, not the governorate
POPULATION_SCALE = 1.5  # log10(population) / scale: size is the strongest prior
UNIT_POPULATION_SCALE = 3.0
DISTANCE_SCALE_KM = 150.0
MAX_DISTANCE_PENALTY = 2.5
# A name written exactly as the entry's own (not a folded key's namesake).
SAME_SPELLING = 1.0
# Per other name of the report with a reading near this one (coherence.py), up to
# MAX_SUPPORT names.
SUPPORT_WEIGHT = 1.0
MAX_SUPPORT = 3.0
# Outside the report's country only places this big (or capitals, countries) are taken.
FOREIGN_MIN_POPULATION = 100_000


@dataclass(frozen=True, slots=True)
class _Scored:
    entry: Entry
    score: float


def whole(entry: Entry) -> bool:
    """A country, continent or world feature: where a report is set, not a point of it."""
    return entry.feature_code in WHOLE_COUNTRIES or entry.is_world


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


class Ranker:
    """Scores readings against a report's context (caches the country spellings)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._spellings: frozenset[str] | None = None
        self._acronyms: frozenset[str] = frozenset()
        self._unit_spellings: frozenset[str] | None = None

    def country_spelling(self, text: str) -> bool:
        """Whether a text is one of the spellings of a country or continent. A code
        ("SUR", "USA") is one only written in capitals: "Sur" is a Syrian
        sub-district and an Omani town, not Suriname."""
        if self._spellings is None:
            names = self.gazetteer.names_of_kind(tuple(WHOLE_COUNTRIES | WORLD_KINDS))
            self._acronyms = frozenset(n for n in names if _acronym(n))
            self._spellings = frozenset(spelling(n) for n in names if not _acronym(n))
        return spelling(text) in self._spellings or text in self._acronyms

    def unit_spelling(self, text: str, entry: Entry) -> bool:
        """Whether a text is one of the curated names of a first-level unit ("BC",
        "Calif.", "English"), which are exact however far from its own name."""
        if entry.feature_code != "ADM1":
            return text in ABBREVIATIONS
        if self._unit_spellings is None:
            self._unit_spellings = frozenset(
                spelling(n) for n in self.gazetteer.names_of_kind(("ADM1",))
            )
        return spelling(text) in self._unit_spellings

    def best(
        self,
        candidate: Candidate,
        options: list[Entry],
        countries: list[str],
        admin1s: list[str],
        sentence_admin1: str | None,
        anchors: list[tuple[float, float]],
        coherence: dict[int, float] | None = None,
        *,
        located: str | None = None,
        named: frozenset[str] = frozenset(),
    ) -> Entry | None:
        """The likeliest reading (None: none fits). ``located``: the unit the name is
        written inside ("Canadian, Texas", "Nelson, BC"): only its places are read.
        ``named``: the countries the report names by name."""
        # A country is reached only by one of its own spellings, not by a loose key
        # ("Indiana" is not India through "Indian", nor "Albany" Albania).
        options = [e for e in options if not whole(e)
                   or self.country_spelling(candidate.text)]  # fmt: skip
        options = prominent_first(options, located, coherence or {}, countries[:1])
        options = own_names_first(options, countries[:1])
        options = capital_before_near_spellings(candidate.text, options, coherence or {})
        if not options:
            return None
        # An admin unit named like a town inside it ("Aleppo", "New York") is the town
        # unless a cue asks for the unit; one without such a town is the unit itself.
        seats = {(e.country_code, e.admin1) for e in options if e.feature_code.startswith("PPL")}
        # A town of unknown size that shares its name with the unit around it is that
        # unit's seat ("Ma'arrat an Nu'man", population 0 in GeoNames): it ranks with
        # the unit's population, so the district does not win on size alone.
        unit_size = _seat_sizes(options)
        options = [
            replace(e, population=unit_size.get((e.country_code, e.admin1), 0))
            if e.feature_code.startswith("PPL") and e.population == 0
            else e
            for e in options
        ]
        scored = [self.score(candidate, e, countries, admin1s, sentence_admin1, anchors, seats,
                              coherence) for e in options]  # fmt: skip
        ranked = sorted(scored, key=lambda s: (s.score, s.entry.population), reverse=True)
        if self._admissible(candidate, ranked[0].entry, countries, located, unit_size, named):
            return ranked[0].entry
        # A small foreign namesake refused ("Palmyra", Pennsylvania, in a report set in
        # Syria; "Sirta", an Italian hamlet, for Sirte) must not hide the reading it
        # outscored: the local place, or a major town abroad spelled as written. Not a
        # unit abroad: its curated names ("Western", "Eastern") are words, not names.
        for second in ranked[1:]:
            town = second.entry.feature_code.startswith("PPL")
            if (town or second.entry.country_code in countries[:1]) and self._admissible(
                candidate, second.entry, countries, located, unit_size, named
            ):
                return second.entry
        return _namesake_as_written(candidate, ranked)

    def _admissible(
        self,
        candidate: Candidate,
        entry: Entry,
        countries: list[str],
        located: str | None,
        seat_sizes: dict[tuple[str | None, str | None], int] | None = None,
        named: frozenset[str] = frozenset(),
    ) -> bool:
        """Whether a reading may stand in a report set in ``countries[0]``.
        ``seat_sizes``: the population of the units named like the candidate, by
        country and first-level unit (a town that names its district is its seat)."""
        # A name written inside a unit ("Nelson, BC") is the place there.
        in_country = not countries or entry.country_code in countries[:1]
        if in_country or (located is not None and entry.admin1 == located):
            return True
        # A report set in one country names foreign places only when they are
        # major ones (capitals, big cities, countries): a village announced as a
        # village is local, and a small foreign namesake is a guess.
        # A town is as major as the district it is the seat of: GeoNames often counts
        # only the town's core ("Manbij", 99,000, seat of a district of 400,000).
        seat_size = (seat_sizes or {}).get((entry.country_code, entry.admin1), 0)
        size = max(entry.population, seat_size if entry.feature_code.startswith("PPL") else 0)
        major = size >= FOREIGN_MIN_POPULATION or entry.feature_code in {"PCLI", "ADM1", "PPLC"}
        if whole(entry):
            return True  # countries' and world features' names are curated
        announced = candidate.cue is not None and candidate.cue != GIVEN
        if announced or not major or entry.alternate:
            return False
        # "Theme" is not Tema: keys are loose, foreign names exact. Where names are
        # transliterated the key's variants are the name's own spellings ("Misrata",
        # "Misratah"), in a country the report names: elsewhere a local village the
        # gazetteer lacks would pass for the foreign town ("Balqah" for Balqa).
        exact = spelling(candidate.text) == spelling(entry.name)
        variant = entry.country_code in named and entry.country_code in transliterated()
        return exact or variant or self.unit_spelling(candidate.text, entry)

    def score(
        self,
        candidate: Candidate,
        entry: Entry,
        countries: list[str],
        admin1s: list[str],
        sentence_admin1: str | None,
        anchors: list[tuple[float, float]],
        seats: set[tuple[str | None, str | None]],
        coherence: dict[int, float] | None = None,
    ) -> _Scored:
        score = 0.0
        if countries and entry.country_code == countries[0]:
            score += COUNTRY_MATCH
        elif entry.country_code in countries:
            score += COUNTRY_MATCH / 3
        if sentence_admin1 and entry.admin1 == sentence_admin1:
            score += ADMIN1_SAME_SENTENCE
        elif entry.admin1 in admin1s:
            score += ADMIN1_IN_ARTICLE
        hint = candidate.feature_hint
        if hint and entry.feature_code.startswith(hint):
            score += FEATURE_MATCH
        elif (
            entry.feature_code.startswith("ADM")
            and hint not in {"ADM1", "ADM2", "ADM3"}
            and (entry.country_code, entry.admin1) in seats
        ):
            score += ADMIN_WITHOUT_CUE
        if entry.source != "geonames":
            score += CURATED_SOURCE
        if entry.feature_code in WHOLE_COUNTRIES and (
            entry.alternate or spelling(candidate.text) == spelling(entry.name)
        ):
            # Countries' other names are curated ("US", "Russian"): reached through
            # one, the country outranks the town a loose key also reaches ("Ous").
            score += COUNTRY_NAMED
        elif entry.feature_code == "PPLC" and not entry.alternate:
            score += CAPITAL_NAMED
        elif entry.is_world:
            score += WORLD_FEATURE
        sparse = entry.country_code in transliterated()
        if not sparse and spelling(candidate.text) == spelling(entry.name):
            # Keys fold spellings together ("Parrish" and "Paris"); the name written
            # as the place writes it is likelier that place. Not where names reach
            # English transliterated from Arabic script: there spelling is noise.
            score += SAME_SPELLING
        # A unit's population is its people's sum, not its seat's size: it counts at
        # the weaker scale, so a district does not outrank its own town on size. So do
        # places where names are transliterated: GeoNames knows few of their sizes
        # (most Syrian villages have none), so size says less there (measured on the
        # ACLED Syria rows: the strong scale cost 4 points of admin1 accuracy).
        unit = entry.feature_code in {"ADM2", "ADM3"}
        scale = UNIT_POPULATION_SCALE if unit or sparse else POPULATION_SCALE
        score += math.log10(entry.population + 1) / scale
        if anchors:
            nearest = min(haversine_km(entry.latitude, entry.longitude, a, b) for a, b in anchors)
            score -= min(nearest / DISTANCE_SCALE_KM, MAX_DISTANCE_PENALTY)
        if coherence:
            score += min(coherence.get(entry.id, 0.0), MAX_SUPPORT) * SUPPORT_WEIGHT
        return _Scored(entry, score)


# Readings that a name means before any small town of its spelling: countries,
# continents and world features (by their curated names) and famous buildings.
PROMINENT_KINDS = frozenset({"BLDG"})
# Support (coherence.py: about how many of the report's other names lie near it) that
# makes a small town the report's own.
LOCAL_SUPPORT = 0.5


def prominent_first(
    options: list[Entry],
    located: str | None,
    coherence: dict[int, float],
    countries: list[str] | None = None,
) -> list[Entry]:
    """Without the small towns named like a country, a world feature or a famous
    building the same key reaches: "Canadian pension obligations" is Canada's, not
    Canadian, Texas's; "the tropical Atlantic" no town's; "the White House" not
    White House, Tennessee. A name written inside a unit ("Canadian, Texas"), or a
    town the report's other names lie around (Palestine, Texas, in a report of
    Anderson County), is the town, unless the name is only one of its other names
    (East Rockaway, New York, once called Atlantic)."""
    if located is not None:
        inside = [e for e in options if e.admin1 == located and not whole(e)]
        return inside or [e for e in options if not whole(e)] or options
    # A first-level unit of the report's country called by its own name likewise
    # outranks the small towns named after it elsewhere ("Florida", Florida, New
    # York), not its own seat, whatever the report's other names: a list of states
    # ("Ohio, Oregon, Utah") supports every town inside them.
    units = {(e.country_code, e.admin1) for e in options if e.feature_code == "ADM1"
             and not e.alternate and e.country_code in (countries or [])}  # fmt: skip
    famous = any(whole(e) or e.feature_code in PROMINENT_KINDS for e in options)
    if not famous and not units:
        return options
    # A country called by one of its spellings is no town that bears the spelling only
    # as another name ("USA" is not Usak, which GeoNames also calls "Usa").
    country = any(whole(e) for e in options)
    return [
        e
        for e in options
        if not e.feature_code.startswith("PPL")
        or e.feature_code == "PPLC"
        or (e.population >= FOREIGN_MIN_POPULATION and not (country and e.alternate))
        or (famous and coherence.get(e.id, 0.0) >= LOCAL_SUPPORT and not e.alternate)
        or (not famous and (e.country_code, e.admin1) in units)
    ]


def capital_before_near_spellings(
    written: str, options: list[Entry], coherence: dict[int, float]
) -> list[Entry]:
    """Without the small towns a loose key reaches from a capital's name spelled as
    the capital writes it: "Baghdad" is Iraq's capital, not Bagdad, Arizona, however
    many "U.S." officials the report quotes. A town the report's other names lie
    around stays, and so does one spelled as written (Athens, Ohio)."""
    name = spelling(written)
    if not any(e.feature_code == "PPLC" and spelling(e.name) == name for e in options):
        return options
    return [
        e for e in options
        if not e.feature_code.startswith("PPL") or spelling(e.name) == name
        or e.population >= FOREIGN_MIN_POPULATION or coherence.get(e.id, 0.0) >= LOCAL_SUPPORT
    ]  # fmt: skip


def own_names_first(options: list[Entry], countries: list[str] | None = None) -> list[Entry]:
    """Without the small towns a name reaches only as one of their other names (an
    old or local name: Swainsboro, Georgia, once "Paris") when places bear it as
    their own. Not where names are transliterated (the towns' or the report's
    country): there another spelling is as much the place's name as its own."""
    sparse = transliterated()
    if not any(not e.alternate for e in options) or set(countries or []) & sparse:
        return options
    return [e for e in options if not e.alternate or e.population >= FOREIGN_MIN_POPULATION
            or not e.feature_code.startswith("PPL") or e.country_code in sparse]  # fmt: skip


def _acronym(name: str) -> bool:
    """A code of capitals, dotted or not ("USA", "U.K.", "DRC")."""
    letters = name.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 4


@lru_cache(maxsize=65_536)
def spelling(name: str) -> str:
    # Cached: ranking compares the same few names against every reading, and the
    # Unicode decomposition is most of a score's cost.
    return " ".join(ascii_name(name).casefold().replace("-", " ").split())


def contradicts(best: Entry, admin1: str | None, explicit: bool) -> bool:
    """Whether the sentence's governorate rules out a small place in another one.

    "X in the countryside of Hama" cannot be a village of the same name in Tartous:
    an explicit governorate vetoes any place below a city's size elsewhere; a
    governorate merely named vetoes only admin-unit centroids and places of unknown
    size (the weakest readings), so "Saraqib and Aleppo" keeps Saraqib in Idleb.
    """
    if admin1 is None or best.admin1 is None or best.admin1 == admin1:
        return False
    if best.feature_code in {"ADM1", "PCLI"}:
        return False
    if explicit:
        return best.population < FOREIGN_MIN_POPULATION
    return best.feature_code in {"ADM2", "ADM3"} or best.population == 0


def outside_regions(best: Entry, regions: tuple[str, ...]) -> bool:
    """Whether the regions a report is set in (a front) rule out a small place in
    another region: as an explicit governorate does, they veto any place below a
    city's size elsewhere, so an unknown village of the front falls back to its area
    rather than to a namesake across the country."""
    if not regions or best.admin1 is None or best.admin1 in regions:
        return False
    if best.feature_code in {"ADM1", "PCLI"}:
        return False
    return best.population < FOREIGN_MIN_POPULATION


def _namesake_as_written(candidate: Candidate, ranked: list[_Scored]) -> Entry | None:
    """For a span the caller marked as a place, the best reading spelled as written
    (by its own name), though small and abroad: "Visbek" in a report on Turkey is
    the German town, not a place unknown to the gazetteer at Turkey's middle, where
    a refused name falls back. Not a place named inside a building's name ("Rogers
    Centre" is not Rogers, Arkansas), nor a name reached only as another's alternate."""
    if candidate.cue != GIVEN or candidate.inner:
        return None
    written = spelling(candidate.text)
    for scored in ranked:
        if not scored.entry.alternate and spelling(scored.entry.name) == written:
            return scored.entry
    return None


def _seat_sizes(options: list[Entry]) -> dict[tuple[str | None, str | None], int]:
    """The largest district or sub-district among a name's readings, by country and
    first-level unit: a town of that name there is its seat."""
    sizes: dict[tuple[str | None, str | None], int] = {}
    for e in options:
        if e.feature_code in {"ADM2", "ADM3"}:
            key = (e.country_code, e.admin1)
            sizes[key] = max(sizes.get(key, 0), e.population)
    return sizes
