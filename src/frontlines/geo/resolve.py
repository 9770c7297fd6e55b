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
from dataclasses import dataclass

from frontlines.geo.find import Candidate, find_candidates
from frontlines.geo.gazetteer import Entry, Gazetteer
from frontlines.model import Place, PlaceMention

COUNTRY_MATCH = 3.0
ADMIN1_SAME_SENTENCE = 2.5
ADMIN1_IN_ARTICLE = 1.0
FEATURE_MATCH = 2.5
CURATED_SOURCE = 0.75
ADMIN_WITHOUT_CUE = -1.0  # "Aleppo" alone is the city, not the governorate
POPULATION_SCALE = 3.0  # log10(population) / scale
DISTANCE_SCALE_KM = 150.0
MAX_DISTANCE_PENALTY = 2.5
# Outside the report's country only places this big (or capitals, countries) are taken.
FOREIGN_MIN_POPULATION = 100_000

_SENTENCE_END = re.compile(r"[.!?]\s")


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
    admin_level = entry.feature_code in {"ADM1", "ADM2", "ADM3", "PCLI", "RGN"}
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

    # -- public API ---------------------------------------------------------------

    def mentions(
        self, text: str, *, article_id: str = "", country_hint: str | None = None
    ) -> list[PlaceMention]:
        candidates = find_candidates(text, self.gazetteer)
        entries = {c.start: self.gazetteer.lookup_key(c.key) if c.known else [] for c in candidates}
        countries = self._countries(candidates, entries, self._country_code(country_hint))
        admin1s = self._admin1s(candidates, entries, countries)
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
        for candidate in candidates:
            if candidate.start in resolved:
                continue
            # The same name twice in one report is the same place.
            same = by_key.get((candidate.key, candidate.feature_hint))
            if same is not None:
                resolved[candidate.start] = self._place(candidate, same)
                continue
            sentence_admin1 = self._sentence_admin1(text, candidate, candidates, entries)
            best = self._best(candidate, entries[candidate.start], countries, admin1s,
                              sentence_admin1, anchors)  # fmt: skip
            if best is not None:
                resolved[candidate.start] = self._place(candidate, best)
                by_key[(candidate.key, candidate.feature_hint)] = best
            else:
                resolved[candidate.start] = self._fallback(
                    candidate, sentence_admin1 or (admin1s[0] if admin1s else None), countries
                )
        return [
            PlaceMention(article_id, c.start, c.end, c.text, resolved.get(c.start))
            for c in candidates
            if resolved.get(c.start) is not None
        ]

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
        context = self.mentions(context_text, country_hint=country_hint) if context_text else []
        hint_code = self._country_code(country_hint)
        countries = [hint_code] if hint_code else []
        votes = Counter(m.place.country_code for m in context if m.place and m.place.country_code)
        countries += [c for c, _ in votes.most_common() if c and c not in countries]
        admin1s = [admin1_hint] if admin1_hint else []
        admin1s += [m.place.admin1 for m in context if m.place and m.place.admin1]
        anchors = [near] if near else []
        candidate = Candidate(0, len(name), name, key, bool(options), feature_hint)
        best = self._best(candidate, options, countries, admin1s, admin1_hint, anchors)
        if best is not None:
            return self._place(candidate, best)
        return self._fallback(candidate, admin1s[0] if admin1s else None, countries)

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
            strong = [
                e for e in options if e.feature_code in {"PCLI", "ADM1"} or e.source != "geonames"
            ]
            if strong:
                for code in {e.country_code for e in strong if e.country_code}:
                    votes[code] += 2
                continue
            top = max(options, key=lambda e: e.population)
            if top.country_code and top.population >= 1000:
                votes[top.country_code] += 1
        ranked = [code for code, _ in votes.most_common()]
        if hint:
            ranked = [hint] + [c for c in ranked if c != hint]
        return ranked

    def _admin1s(
        self, candidates: list[Candidate], entries: dict[int, list[Entry]], countries: list[str]
    ) -> list[str]:
        counts: Counter[str] = Counter()
        for candidate in candidates:
            for entry in entries[candidate.start]:
                if (
                    entry.country_code in countries[:1]
                    and entry.admin1
                    and (entry.feature_code == "ADM1" or len(entries[candidate.start]) == 1)
                ):
                    counts[entry.admin1] += 1
        return [name for name, _ in counts.most_common()]

    def _sentence_admin1(
        self,
        text: str,
        candidate: Candidate,
        candidates: list[Candidate],
        entries: dict[int, list[Entry]],
    ) -> str | None:
        start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, candidate.start)), default=0)
        end_match = _SENTENCE_END.search(text, candidate.end)
        end = end_match.start() if end_match else len(text)
        for other in candidates:
            if other is candidate or not (start <= other.start < end):
                continue
            for entry in entries[other.start]:
                if entry.feature_code == "ADM1" and other.feature_hint == "ADM1":
                    return entry.admin1
        return None

    # -- ranking ------------------------------------------------------------------

    def _best(
        self,
        candidate: Candidate,
        options: list[Entry],
        countries: list[str],
        admin1s: list[str],
        sentence_admin1: str | None,
        anchors: list[tuple[float, float]],
    ) -> Entry | None:
        if not options:
            return None
        scored = [self._score(candidate, e, countries, admin1s, sentence_admin1, anchors)
                  for e in options]  # fmt: skip
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
            if candidate.cue or not major:
                return None
        return best.entry

    def _score(
        self,
        candidate: Candidate,
        entry: Entry,
        countries: list[str],
        admin1s: list[str],
        sentence_admin1: str | None,
        anchors: list[tuple[float, float]],
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
        elif entry.feature_code.startswith("ADM") and hint not in {"ADM1", "ADM2", "ADM3"}:
            score += ADMIN_WITHOUT_CUE
        if entry.source != "geonames":
            score += CURATED_SOURCE
        score += math.log10(entry.population + 1) / POPULATION_SCALE
        if anchors:
            nearest = min(haversine_km(entry.latitude, entry.longitude, a, b) for a, b in anchors)
            score -= min(nearest / DISTANCE_SCALE_KM, MAX_DISTANCE_PENALTY)
        return _Scored(entry, score)

    def _place(self, candidate: Candidate, entry: Entry) -> Place:
        return to_place(entry, 2 if candidate.relative else 1)

    def _fallback(
        self, candidate: Candidate, admin1: str | None, countries: list[str]
    ) -> Place | None:
        """An unknown or doubtful name placed in its area, keeping its own name."""
        if not candidate.cue:
            return None
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
        return Place(
            name=candidate.text,
            latitude=round(area.latitude, 5),
            longitude=round(area.longitude, 5),
            geo_precision=3,
            country=area.country,
            country_code=area.country_code,
            admin1=area.admin1,
        )


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
