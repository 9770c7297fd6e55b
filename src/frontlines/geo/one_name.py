"""One name resolved with whatever context its caller has: a location column read
with its row's notes ("evaluate acled-geo", imports), a dateline, a form's field.

Where the context writes the name, the name is read there, with the report's own
words around it; else it is ranked among its namesakes with the context's places as
votes, and an unknown name falls back to the context's area.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from frontlines.geo.find import Candidate
from frontlines.geo.names import name_key
from frontlines.geo.words import written_whole
from frontlines.model import Place

if TYPE_CHECKING:
    from frontlines.geo.resolve import Geocoder

__all__ = ["FEATURE_SUFFIXES", "resolve_name"]

# Landmarks are named with their kind ("Tabqa Airbase", "Tishreen Dam").
FEATURE_SUFFIXES: dict[str, tuple[str, ...]] = {"AIRB": ("airbase", "airport"), "DAM": ("dam",)}


def resolve_name(
    geocoder: Geocoder,
    name: str,
    *,
    context_text: str = "",
    country_hint: str | None = None,
    feature_hint: str | None = None,
    near: tuple[float, float] | None = None,
    admin1_hint: str | None = None,
) -> Place | None:
    """One name, ranked with whatever context the caller has (``Geocoder.resolve``)."""
    key = name_key(name)
    hint_code = geocoder.country_code(country_hint)
    written = _written_at(name, context_text)
    if written is not None and not (feature_hint or near or admin1_hint):
        # The context writes the name: read there, it has the report's own words
        # around it ("X in Idleb", "X, Markaz Manbij", "X in Hama countryside"),
        # which say more than the names the report lists elsewhere.
        found = geocoder.resolve_spans(context_text, [written], country_hint=country_hint)[0]
        if _read_in_context(found, hint_code):
            return found
    if written is None and " - " in name and not (feature_hint or near or admin1_hint):
        text = f"{name}. {context_text}"
        found = geocoder.resolve_spans(text, [(0, len(name))], country_hint=country_hint)[0]
        if _read_in_context(found, hint_code):
            return found
    options = geocoder.gazetteer.lookup_key(key)
    # "Tabqa" asked for as an airbase is the entry named "Tabqa Airbase".
    for suffix in FEATURE_SUFFIXES.get(feature_hint or "", ()):
        options += geocoder.gazetteer.lookup(f"{name} {suffix}")
    context = geocoder.mentions(context_text, country_hint=country_hint) if context_text else []
    countries = [hint_code] if hint_code else []
    votes = Counter(m.place.country_code for m in context if m.place and m.place.country_code)
    countries += [c for c, _ in votes.most_common() if c and c not in countries]
    admin1s = [admin1_hint] if admin1_hint else []
    admin1s += [m.place.admin1 for m in context if m.place and m.place.admin1]
    anchors = [near] if near else []
    if not options and countries and admin1s:
        # A near spelling only counts inside the governorate the context names:
        # elsewhere it is as likely another village ("Jasmi" is not Jasim).
        options = [e for e in geocoder.gazetteer.lookup_fuzzy(key, countries[0])
                   if e.admin1 == admin1s[0]]  # fmt: skip
    # The caller says this is a place: unknown, it still falls back to its area.
    candidate = Candidate(0, len(name), name, key, bool(options), feature_hint, cue="name")
    best = geocoder.ranker.best(candidate, options, countries, admin1s, admin1_hint, anchors)
    if best is not None:
        return geocoder.areas.place(candidate, best)
    return geocoder.areas.fallback(candidate, admin1s[0] if admin1s else None, countries)


def _read_in_context(found: Place | None, country_code: str | None) -> bool:
    """Whether the place a name's span in its context resolved to answers for the
    name: one with its admin areas, in the caller's country ("Saida" in a
    Syrian report is a village of Syria before the Lebanese city)."""
    if found is None or not found.admin1:
        return False
    return not country_code or found.country_code == country_code


def _written_at(name: str, text: str) -> tuple[int, int] | None:
    """Where ``text`` first writes ``name`` as a whole (any case), if it does."""
    if not name.strip() or not text:
        return None
    match = written_whole(name.strip(), re.I).search(text)
    return match.span() if match else None
