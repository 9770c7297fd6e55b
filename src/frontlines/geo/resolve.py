"""Resolution of a report's places: candidates -> context -> ranking -> Place.

``Geocoder`` ties the stage together: find.py proposes spans, context.py reads the
report's countries and units, coherence.py and ranking.py choose each name's
reading, areas.py turns it into a Place (or the area a doubtful name falls back to).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from frontlines.geo import context as report
from frontlines.geo.areas import Areas, ascii_name, to_place
from frontlines.geo.coherence import support
from frontlines.geo.cues import LOCATIVE, near_spellings
from frontlines.geo.find import GIVEN, Candidate, find_candidates, span_candidate
from frontlines.geo.gazetteer import Entry, Gazetteer
from frontlines.geo.lexicon import ACRONYM_MAX_LETTERS, FEATURE_WORDS, NOT_PLACES
from frontlines.geo.one_name import resolve_name
from frontlines.geo.ranking import (
    Ranker,
    contradicts,
    haversine_km,
    outside_regions,
    whole,
)
from frontlines.ingest.metadata import WIRE_DATELINE
from frontlines.model import Place, PlaceMention

if TYPE_CHECKING:
    from frontlines.geo.reverse import ReverseIndex

__all__ = ["Geocoder", "ascii_name", "haversine_km", "to_place"]

# Words that name a kind of place, not one ("Village", "Valley"): never the place a
# longer name stands at.
_GENERIC = frozenset(FEATURE_WORDS) | NOT_PLACES


class Geocoder:
    """Finds and resolves the places of a text against a gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.ranker = Ranker(gazetteer)
        self.areas = Areas(gazetteer)
        self._reverse: ReverseIndex | None = None

    # -- public API ---------------------------------------------------------------

    def mentions(
        self,
        text: str,
        *,
        article_id: str = "",
        country_hint: str | None = None,
        region_hint: Sequence[str] = (),
        country_prior: str | None = None,
        region_prior: Sequence[str] = (),
        prior_area: str | None = None,
    ) -> list[PlaceMention]:
        """Every place the text names. ``country_hint`` and ``region_hint`` (first-level
        units) say where the report is set when its own names do not (its actors, the
        front it speaks of): they rank namesakes as if the report had named them.
        ``country_prior`` is a weaker clue: it votes like a name of that country, so
        the report's own names outvote it. ``region_prior`` (the units its groups
        fight in) ranks namesakes like ``region_hint`` without ruling out places
        elsewhere; ``prior_area`` (the one most of their fighting is in) is the area
        of a name the gazetteer lacks when the report names no other."""
        with self.gazetteer.steady():
            candidates = find_candidates(text, self.gazetteer)
            resolved = self._resolve_all(
                text, candidates, country_hint, tuple(region_hint), country_prior,
                tuple(region_prior), prior_area,
            )  # fmt: skip
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
        with self.gazetteer.steady():
            given = {s: self._given(text, s, e) for s, e in spans}
            found = [c for c in find_candidates(text, self.gazetteer)
                     if not any(s < c.end and c.start < e for s, e in spans)]  # fmt: skip
            candidates = sorted([*given.values(), *found], key=lambda c: c.start)
            resolved = self._resolve_all(text, candidates, country_hint)
        return [resolved.get(s) for s, _ in spans]

    def _given(self, text: str, start: int, end: int) -> Candidate:
        """A span known to name a place. One the gazetteer lacks as a whole ("Manila
        Cathedral", "University of California", "Old Town Manassas") stands at the
        longest place it names inside (the first of equals): a building, street or
        institution named after a place lies in or near it far more often than at
        the country's middle, where an unknown name falls back."""
        candidate = span_candidate(text, start, end, self.gazetteer)
        if candidate.known:
            return candidate
        # Not a word of the name's kind ("Wing", "Federal"); an acronym is no word ("US").
        inside = [
            c
            for c in find_candidates(text[start:end], self.gazetteer)
            if c.known and (c.text.isupper() or c.text.casefold() not in _GENERIC)
        ]
        if not inside:
            return candidate
        # "Aleppo - Sheikh Maqsoud", "Kharkiv - Saltivka": a name written "town - part"
        # names a part of the town before the dash (which the gazetteer seldom knows).
        dash = text.find(" - ", start, end)
        first = [c for c in inside if dash < 0 or start + c.end <= dash]
        name = max(first or inside, key=lambda c: (len(c.text), -c.start))
        return replace(candidate, text=name.text, key=name.key, known=True, inner=True,
                       feature_hint=candidate.feature_hint or name.feature_hint)  # fmt: skip

    def _resolve_all(
        self,
        text: str,
        candidates: list[Candidate],
        country_hint: str | None,
        region_hint: tuple[str, ...] = (),
        country_prior: str | None = None,
        region_prior: tuple[str, ...] = (),
        prior_area: str | None = None,
    ) -> dict[int, Place | None]:
        """Each candidate's place (None: not taken for one), keyed by its start."""
        entries = {c.start: self.gazetteer.lookup_key(c.key) if c.known else [] for c in candidates}
        # What the report says about where it is comes from its own place names, not
        # from the names inside a building's or a street's (``_given``).
        context = [c for c in candidates if not c.inner]
        # "Canadian, Texas": names written inside a unit are towns, not countries.
        located, unit_names = self._located(text, candidates, context, entries)
        # Spans the caller marked as places (resolve_spans) are places; the names found
        # around them are guesses, often people ("Noma said") whose loose keys reach
        # towns anywhere ("Deck", Dhaka): those vote only by readings spelled as written.
        marked = [c for c in context if c.cue == GIVEN]
        voting = (
            {c.start: report.as_written(c, entries[c.start], self.ranker) for c in context}
            if marked
            else entries
        )
        countries = report.country_votes(
            context, voting, self.country_code(country_hint), self.ranker, located,
            prior=self.country_code(country_prior),
        )  # fmt: skip
        named_units = report.named_units(context, entries, countries)
        admin1s = [name for name, _ in named_units]
        near_spellings(self.gazetteer, candidates, entries, countries, admin1s)

        def others(candidate: Candidate) -> list[str]:
            """The units named by the report's other names than this one."""
            named = [name for name, keys in named_units if keys - {candidate.key}]
            hinted = [*region_hint, *region_prior]
            return named + [name for name in dict.fromkeys(hinted) if name not in named]

        coherence = self._coherence(context, entries, countries, others)
        named = frozenset(
            e.country_code
            for c in context
            if self.ranker.country_spelling(c.text)
            for e in entries[c.start]
            if e.feature_code == "PCLI" and e.country_code
        )
        resolved: dict[int, Place | None] = {}
        # Two passes: names with one clear reading first, so the rest can be ranked by
        # distance to them.
        anchors: list[tuple[float, float]] = []
        for candidate in context:
            options = entries[candidate.start]
            if len(options) == 1 and options[0].country_code in countries[:1]:
                # Unless it is written in another unit ("Ajami in Dar'a" is not the
                # Ajami of Aleppo; "Orikhove, Luhansk" not the one in Crimea): then it
                # is ranked, and falls back, below. Only the unit written right after
                # it: one named elsewhere in the sentence may be another place's.
                unit = report.unit_after(text, candidate, context, entries)
                if contradicts(options[0], unit, explicit=True):
                    continue
                resolved[candidate.start] = self.areas.place(candidate, options[0])
                anchors.append((options[0].latitude, options[0].longitude))
        by_key: dict[tuple[str, str | None], Entry] = {}
        unresolved: list[tuple[Candidate, str | None]] = []
        chosen: dict[int, Entry] = {}
        written_in_country: set[int] = set()
        for candidate in candidates:
            if candidate.start in resolved:
                continue
            # The same name twice in one report is the same place.
            same = by_key.get((candidate.key, candidate.feature_hint)) or by_key.get(
                (candidate.key, None)
            )
            if same is not None:
                resolved[candidate.start] = self.areas.place(candidate, same)
                continue
            options = entries[candidate.start]
            lies_in = report.comma_country(text, candidate, candidates, entries, self.ranker)
            if lies_in is not None:
                # "Visbek, Germany": the town there, wherever the report is set.
                options = [e for e in options if e.country_code == lies_in and not whole(e)]
                written_in_country.add(candidate.start)
            if candidate.start in unit_names:
                # "Tacoma, Washington": the name after a town's comma is its unit.
                unit = unit_names[candidate.start]
                options = [e for e in options
                           if e.feature_code == "ADM1" and e.admin1 == unit] or options  # fmt: skip
            sentence_admin1, explicit = report.sentence_admin1(
                text, candidate, context, entries, countries[0] if countries else None
            )
            # Only an explicit governorate ("X countryside") weighs in ranking; one
            # merely named nearby is used for the fallback area alone.
            # "the English city of Salisbury": the adjective says whose town it is.
            country = self._adjective_country(text, candidate)
            best = self.ranker.best(
                candidate,
                options,
                [country, *countries] if country else countries,
                others(candidate),
                sentence_admin1 if explicit else None,
                anchors,
                coherence,
                located=located.get(candidate.start),
                named=named,
            )
            contradicted = (
                best is not None
                and (
                    contradicts(best, sentence_admin1, explicit)
                    # The front's regions are in the report's country: a place abroad
                    # is ranked as any foreign place is.
                    or (
                        not explicit
                        and best.country_code in countries[:1]
                        and outside_regions(best, region_hint)
                    )
                )
            )
            if best is not None and not contradicted:
                resolved[candidate.start] = self.areas.place(candidate, best)
                chosen[candidate.start] = best
                by_key[(candidate.key, candidate.feature_hint)] = best
                by_key.setdefault((candidate.key, None), best)
            else:
                unresolved.append((candidate, sentence_admin1))
        # Unknown names last: they fall back to the area, at the report's focus in it.
        # A wire dateline names where the reporter files from, not what the report is about.
        # The town the report centres on is one of the places the caller marked, if they
        # centre on one; else one of the names found.
        focal = [c for c in context if not _in_dateline(text, c)]
        focus = report.focus([c for c in focal if c.cue == GIVEN], resolved, countries)
        focus = focus or report.focus(focal, resolved, countries)
        if focus is not None:
            for candidate in candidates:
                entry = chosen.get(candidate.start)
                if (
                    entry is not None
                    and candidate.start not in written_in_country
                    and _stray(entry, focus, coherence)
                ):
                    resolved[candidate.start] = self.areas.at_focus(candidate, focus)
        # Announced names first: a name the report once calls a village is that
        # village where it recurs without the cue ("the village of Z ... Z again").
        fallen: dict[str, Place] = {}
        for candidate, sentence_admin1 in sorted(unresolved, key=lambda u: u[0].cue is None):
            earlier = fallen.get(candidate.key)
            if earlier is not None:
                resolved[candidate.start] = replace(earlier, name=candidate.text)
                continue
            if candidate.cue == LOCATIVE:
                continue  # a name after "in" is no place unless the gazetteer has it
            # The sentence's own area wins; the article's most named one yields to its
            # focus town, which says more precisely where the report is; with neither,
            # the main region of the groups it names (a dateline's region is where
            # the reporter files from, see ``focus``: no such area).
            admin1 = sentence_admin1 or (None if focus else admin1s[0] if admin1s else prior_area)
            # An announced name in a district written after it stands in the district.
            host = candidate.cue and report.host_unit(text, candidate, candidates, resolved)
            place = host or self.areas.fallback(candidate, admin1, countries, focus)
            resolved[candidate.start] = place
            if place is not None and candidate.cue is not None:
                fallen[candidate.key] = place
        return resolved

    def _adjective_country(self, text: str, candidate: Candidate) -> str | None:
        """The country of "the Turkish town of Kilis", "the English city of Salisbury":
        a country's or nation's adjective right before the kind of place."""
        match = _ADJECTIVE_KIND.search(text, max(0, candidate.start - 40), candidate.start)
        if match is None:
            return None
        for entry in self.gazetteer.lookup(match.group(1)):
            named = entry.feature_code == "PCLI" and self.ranker.country_spelling(match.group(1))
            if named or self.ranker.unit_spelling(match.group(1), entry):
                return entry.country_code
        return None

    @staticmethod
    def _located(
        text: str,
        candidates: list[Candidate],
        context: list[Candidate],
        entries: dict[int, list[Entry]],
    ) -> tuple[dict[int, str], dict[int, str]]:
        """Names written inside a unit that has a place of theirs ("Canadian, Texas",
        "Tacoma, Washington"; not the list "Hawaii and Guam, Louisiana"), by start,
        with that unit; and the units' own names, by start."""
        located: dict[int, str] = {}
        unit_names: dict[int, str] = {}
        for candidate in candidates:
            found = report.comma_unit(text, candidate, context, entries)
            if found is None:
                continue
            unit, unit_start = found
            if any(e.admin1 == unit and not whole(e) for e in entries[candidate.start]):
                located[candidate.start] = unit
                unit_names[unit_start] = unit
        return located, unit_names

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
        # Each name's units, listed once: every reading of the name is scored with them.
        units = [admin1s(first) for first in firsts]

        def score(index: int, entry: Entry) -> float:
            first = firsts[index]
            return self.ranker.score(first, entry, countries, units[index], None, [], set()).score

        return support([entries[c.start] for c in firsts], score)

    # One name with its caller's context (one_name.py).
    resolve = resolve_name

    def whole_place(self, name: str) -> Place | None:
        """The place ``name`` names as a whole ("Daraa"), or None: it is something else
        ("Global Research"), names a place only in part ("Aleppo Media Centre"), or is
        an acronym ("SANA", an agency, not Sanaa)."""
        plain = name.strip()
        if not plain or (plain.isupper() and len(plain) <= ACRONYM_MAX_LETTERS):
            return None
        found = self.mentions(plain)
        if len(found) == 1 and (found[0].start, found[0].end) == (0, len(plain)):
            return found[0].place
        return None

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

    def country_code(self, country: str | None) -> str | None:
        """An ISO code from a code or a country name ("Syria" -> "SY")."""
        if not country or (len(country) == 2 and country.isupper()):
            return country
        for entry in self.gazetteer.lookup(country):
            if entry.feature_code == "PCLI":
                return entry.country_code
        return None


_ADJECTIVE_KIND = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:city|town|village|port|capital|province|state|region|county"
    r"|island)\s+(?:of\s+)?$"
)
# A small town far from the town a report centres on, that no other name of the report
# supports, is a namesake picked for want of the real place (a hamlet cities500 lacks):
# the report's focus is the better guess.
STRAY_KM = 300.0
STRAY_MAX_POPULATION = 20_000


def _in_dateline(text: str, candidate: Candidate) -> bool:
    """ "BAMAKO, June 12 (Wire) - ...": the place of a wire dateline."""
    line_start = text.rfind("\n", 0, candidate.start) + 1
    match = WIRE_DATELINE.match(text[line_start : line_start + 160])
    return match is not None and candidate.end - line_start <= match.end()


def _stray(entry: Entry, focus: Place, coherence: dict[int, float]) -> bool:
    if entry.feature_code != "PPL" or entry.population >= STRAY_MAX_POPULATION:
        return False
    if coherence.get(entry.id, 0.0) > 0.0 or focus.latitude is None or focus.longitude is None:
        return False
    return haversine_km(entry.latitude, entry.longitude, focus.latitude, focus.longitude) > STRAY_KM
