"""Unknown names a cue announces as places: "the villages of A, B and C", "X village"."""

from __future__ import annotations

import re
from dataclasses import replace

from frontlines.geo.candidate import Candidate, make_candidate
from frontlines.geo.gazetteer import Entry, Gazetteer
from frontlines.geo.lexicon import DIRECTION_ADJECTIVE, NOT_PLACES, ORG_HEADS, transliterated
from frontlines.geo.names import name_key
from frontlines.geo.words import Word, particle

__all__ = ["LOCATIVE", "cue_candidates", "near_spellings"]

# The rapidfuzz ratio an unknown announced name needs to a key of the report's
# country: stricter than a name asked for inside a known governorate (gazetteer's
# FUZZY_MIN_SCORE), since here the whole country's names compete.
ANNOUNCED_FUZZY_SCORE = 88.0

# "fighting in Darat Ezza": a capitalised name after a preposition of place. Alone it
# is too weak to announce a place ("in Ramadan", "in Jaysh al-Islam's ranks"): the
# geocoder keeps it only when it is a near spelling of a place of the report's
# country (resolve.py), never as an unknown name of its area.
LOCATIVE = "locative"
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|around|outside|into|towards?)\s+$", re.I)

# The lookahead holds the first letters of "the" and the kinds (in any case, as the
# rest): implied by the pattern, it spares the engine the alternatives at every
# other position (same matches, half the time).
_LIST_CUE = re.compile(
    r"\b(?=[tvhancf])(?:the\s+)?(?P<kind>villages?|towns?|hamlets?|areas?|neighbou?rhoods?|cities|city"
    r"|farms?)\s+of\s+",
    re.I,
)

_NO_QUOTES = str.maketrans("", "", "'\"‘’“”")

_KIND_AFTER = re.compile(
    # "Hama southern countryside": a compass word may come before the countryside.
    rf"\s+(?:{DIRECTION_ADJECTIVE}\s+(?=countryside))?"
    r"(village|town|hamlet|area|neighbou?rhood|camp|farms?|district"
    r"|sub-?district|countryside|axis|front|frontline|valley|plain|desert"
    r"|mountains?|hills?|junction|roundabout|checkpoint)\b",
    re.I,
)


def cue_candidates(
    text: str, name_runs: list[list[Word]], known: list[Candidate]
) -> list[Candidate]:
    """Unknown names announced by a cue: "the villages of A, B and C", "X village".
    ``name_runs`` are the text's ``words.runs`` (found once, for find.py too)."""
    taken = [(c.start, c.end) for c in known]
    extra: list[Candidate] = []

    def add(start: int, end: int, cue: str) -> None:
        # A cue names the whole run: "Abu Khabret al-Rachid" is one village even if
        # "Abu" alone is a place somewhere.
        inside = [
            c
            for c in known
            if start <= c.start and c.end <= end and (c.start, c.end) != (start, end)
        ]
        for candidate in inside:
            known.remove(candidate)
            taken.remove((candidate.start, candidate.end))
        for index, candidate in enumerate(known):
            if (candidate.start, candidate.end) == (start, end) and candidate.cue is None:
                known[index] = replace(candidate, cue=cue)  # announced: may fall back
        if any(s < end and start < e for s, e in taken):
            return
        span = text[start:end]
        if span.isupper() and len(span) <= 5:
            return  # "IDP camp", "SDF area": acronyms
        if any(w.casefold().split("-")[0] in ORG_HEADS for w in span.split()):
            return
        if re.search(r"-(?:held|controlled|backed|led|affiliated|linked|allied)$", span, re.I):
            return
        if all(w.casefold() in NOT_PLACES or particle(w) for w in re.findall(r"[\w'’-]+", span)):
            return
        taken.append((start, end))
        extra.append(make_candidate(text, start, end, name_key(span), known=False, cue=cue))

    for match in _LIST_CUE.finditer(text):
        # The list continues while names are separated by commas or "and".
        position = match.end()
        for run in name_runs:
            if run[0].start < position:
                continue
            # A name may be quoted ("the town of 'Zellin'"): quotes are no gap.
            gap = text[position : run[0].start].translate(_NO_QUOTES)
            if position != match.end() and not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", gap):
                break
            if position == match.end() and gap.strip():
                break
            add(run[0].start, run[-1].end, match.group("kind").casefold())
            position = run[-1].end
    for run in name_runs:
        # ``endpos`` ends the string there for the pattern, as the slice of 20 did.
        after = _KIND_AFTER.match(text, run[-1].end, run[-1].end + 20)
        if after:
            add(*_owned(run), after.group(1).casefold())
    for run in name_runs:
        start, end = run[0].start, run[-1].end
        # Only where no other name or cue stands: a locative neither announces a
        # known name nor swallows the names inside its run.
        if any(s < end and start < e for s, e in taken):
            continue
        if _LOCATIVE_BEFORE.search(text, max(0, start - 12), start):
            add(start, end, LOCATIVE)
    return extra


def _owned(run: list[Word]) -> tuple[int, int]:
    """The span a kind word after a run names. A possessive in the run is its owner
    ("Ar-Raqqa's Maqas checkpoint": Maqas, in Ar-Raqqa, which stays a name of its
    own); a possessive last ("Dara's countryside") names the owner without its 's."""
    for index in range(len(run) - 1, -1, -1):
        word = run[index].text
        if len(word) > 3 and word.endswith(("'s", "’s")):
            if index == len(run) - 1:
                return run[0].start, run[-1].end - 2
            return run[index + 1].start, run[-1].end
    return run[0].start, run[-1].end


def near_spellings(
    gazetteer: Gazetteer,
    candidates: list[Candidate],
    entries: dict[int, list[Entry]],
    countries: list[str],
    admin1s: list[str],
) -> None:
    """Readings of unknown names announced as places ("the village of Darat Ezza",
    "fighting in Darat Ezza") among the near spellings of the report's country
    (``entries`` filled in place), where names are transliterated from Arabic script
    and have no one spelling ("Darat Izzah"). Elsewhere a near spelling is another
    name. When the report names governorates (``admin1s``), only theirs count: a near
    spelling elsewhere is as likely another village the gazetteer lacks."""
    if not countries or countries[0] not in transliterated():
        return
    for candidate in candidates:
        if candidate.known or entries[candidate.start]:
            continue
        near = gazetteer.lookup_fuzzy(candidate.key, countries[0], min_score=ANNOUNCED_FUZZY_SCORE)
        entries[candidate.start] = [e for e in near if not admin1s or e.admin1 in admin1s]
