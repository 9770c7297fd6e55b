"""Where a text names places: candidate spans, before any resolution.

Two sources, never spaCy's NER labels (the small model calls Syrian villages PERSON):

- name sequences: runs of capitalised words, with the lowercase particles Arabic
  names carry ("Abu Khabret al-Rachid", "Deir ez-Zor"), looked up in the gazetteer
  by key, longest first;
- cue phrases that announce a place even when the gazetteer does not know it: "the
  villages of A, B and C", "the town of X", "X village", "in the province of X",
  "north of X", "the outskirts of X" (cues.py).

The word lists live in lexicon.py, words and their runs in words.py, the candidate
span and the hints of the words around it in candidate.py.
"""

from __future__ import annotations

import re
from dataclasses import replace

from frontlines.geo.candidate import GIVEN, Candidate, make_candidate, span_candidate
from frontlines.geo.cues import LOCATIVE, cue_candidates
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.lexicon import (
    ABBREVIATION_KEYS,
    ABBREVIATION_PATTERN,
    ACRONYM_MAX_LETTERS,
    ACRONYM_PATTERN,
    ACRONYM_PLACES,
    FEATURE_WORDS,
    NOT_PLACES,
    ORG_HEADS,
    ORG_TAILS,
    PARTICLES,
    TITLE_BEFORE,
    TITLES,
    area_after_name,
)
from frontlines.geo.names import name_key
from frontlines.geo.words import (
    Word,
    arabic_article,
    generic_head,
    particle,
    runs,
    words,
    written_whole,
)

__all__ = ["GIVEN", "Candidate", "find_candidates", "span_candidate"]

_FEATURE_TAIL = re.compile(r"\s+(?:military\s+)?(?:air\s?base|airport|airfield|dam)\b", re.I)


def find_candidates(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Every span of ``text`` that may name a place, longest known names first."""
    name_runs = runs(text, words(text))
    found: list[Candidate] = []
    surnames: set[str] = set()
    for run in name_runs:
        if any(w.text.casefold().split("-")[0] in ORG_HEADS for w in run):
            continue  # "Ahrar al-Sham", "Liwa al-Quds": a group's name, not its place
        if _person(text, run, gazetteer):
            surnames.add(run[-1].text)
            continue
        if len(run) == 1 and run[0].text in surnames:
            continue  # "Tom Jones ... Jones said": the person again
        # "Kuweires airbase", "Tishreen dam": the lowercase feature word is part of
        # the landmark's name.
        feature = _FEATURE_TAIL.match(text, run[-1].end)
        if feature:
            span_text = text[run[0].start : feature.end()]
            key = name_key(span_text)
            if gazetteer.has_key(key):
                found.append(make_candidate(text, run[0].start, feature.end(), key, known=True))
                continue
        # Words no name is made of alone ("The", "al"), read once per run: the spans
        # below test them for each start and length.
        filler = [w.text.casefold() in NOT_PLACES or particle(w.text) for w in run]
        index = 0
        while index < len(run):
            match = None
            for size in range(min(6, len(run) - index), 0, -1):
                part = run[index : index + size]
                end = part[-1].end
                if part[-1].text.endswith(("'s", "’s")) and len(part[-1].text) > 3:
                    end -= 2  # "Canada's budget", "Orange County’s residents"
                span_text = text[part[0].start : end]
                if size == 1 and span_text.isupper() and len(span_text) <= ACRONYM_MAX_LETTERS:
                    continue  # "SDF", "IS": acronyms, not airport codes
                if all(filler[index : index + size]):
                    continue
                key = name_key(span_text)
                if key in ABBREVIATION_KEYS and text[part[-1].end : part[-1].end + 1] == ".":
                    break  # "Ky.", "Miss.": the abbreviation pass below decides
                if key and gazetteer.has_key(key) and key not in ABBREVIATION_KEYS:
                    match = (part, span_text, key)
                    break
            if match is None:
                index += 1
                continue
            part, span_text, key = match
            if _construct_tail(run, index, part):
                index += len(part)
                continue  # "Suqour al-Sham", "Rijal al-Karama"
            if _org_tail(text, run, index + len(part)):
                # Before the generic head: "Deir ez-Zor Military Council" is a unit,
                # not an unknown place named from "Deir".
                index += len(part)
                continue  # "Hamza Brigade", "Manbij Military Council"
            # "Qabr al Sheikh Hassan": a head and its article are still only the head.
            head_only = all(w.text.casefold() in PARTICLES for w in part[1:])
            if head_only and index + len(part) < len(run) and generic_head(part[0].text):
                # "Tall al-Jayir", "Ain Dara": a generic head word starts a longer
                # name the gazetteer lacks; never the head ("Tall") or tail ("Dara")
                # alone. The whole run stands as an unknown, announced name.
                whole = (run[index].start, run[-1].end)
                found.append(make_candidate(text, *whole, name_key(text[slice(*whole)]),
                                        known=False, cue="name"))  # fmt: skip
                break
            if _numbered_label(text, run, index, part, key, gazetteer):
                index += len(part)
                continue  # "Pack 122", "Section 2AA", "Block 4": a numbered unit
            if _state_school(text, end, key, gazetteer):
                index += len(part)
                continue  # "Ohio State"
            start = part[0].start
            found.append(make_candidate(text, start, start + len(span_text), key, known=True))
            index += len(part)
    found = [_rural_area(text, c, gazetteer) for c in found]
    found.extend(_acronyms(text, gazetteer))
    found.extend(_abbreviated_units(text, gazetteer, found))
    found.extend(_route_ends(text, name_runs, found, gazetteer))
    found.extend(cue_candidates(text, name_runs, found))
    found.extend(_announced_again(text, found))
    return sorted(found, key=lambda c: c.start)


def _construct_tail(run: list[Word], index: int, part: list[Word]) -> bool:
    """ "Suqour al-Sham", "Rijal al-Karama", "Barr al Sham": a place's name behind the
    Arabic article, right after a plain capitalised word, is the second noun of a
    construct ("the hawks of the Levant", "the men of dignity"). The whole names a
    group, a person or a place the gazetteer lacks, never the place inside it (the
    head word, which some loose spelling may also reach, is read on its own). A
    known compound ("Ras al-Ain") was matched whole before, and a generic head
    ("Tall al-Sham") makes the whole an unknown name. Not after an acronym, a
    possessive or an English word ("HTS al-Bab", "QSD's al-Bab", "Eastern al-Ghouta")."""
    if index == 0 or not (arabic_article(part[0].text) or _after_article(run, index)):
        return False
    head = run[index - 1 - _after_article(run, index)].text
    if head.casefold() in NOT_PLACES or head.casefold() in FEATURE_WORDS or particle(head):
        return False
    return head[:1].isupper() and head[1:].islower() and not head.endswith(("'s", "’s"))


def _after_article(run: list[Word], index: int) -> bool:
    """Whether the word before ``index`` is a separate article ("Barr al | Sham")."""
    return index >= 2 and arabic_article(run[index - 1].text)


def _announced_again(text: str, found: list[Candidate]) -> list[Candidate]:
    """A name the gazetteer lacks that a cue announced ("the village of Qurqur") is
    a place wherever the report writes it again, cue or not ("... shelled Qurqur
    again"): without the cue the second mention was no candidate at all."""
    announced = {c.text: c for c in found if not c.known and c.cue not in (None, LOCATIVE)}
    if not announced:
        return []
    taken = [(c.start, c.end) for c in found]
    again: list[Candidate] = []
    for name, first in announced.items():
        for match in written_whole(name).finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            again.append(make_candidate(text, match.start(), match.end(), first.key, known=False))
            taken.append((match.start(), match.end()))
    return again


def _person(text: str, run: list[Word], gazetteer: Gazetteer) -> bool:
    """Whether a run names a person: a title before it ("Sen. Clark", "Mayor Jack
    Bell"), or a known place name only as its last word after unknown capitalised
    words ("Tom Jones", "Robert Moore"): a given name and a surname that a town
    also bears. Places written after a qualifier ("Eastern Ghouta", "Tall Rifaat")
    are left alone: the qualifier is a place word or part of a known name. (Given
    names are towns somewhere too, "Tom", "Robert": a given name's own entry is no
    evidence of a place.)"""
    if any(particle(w.text) or "-" in w.text for w in run):
        return False  # "Minister of Defence of Azerbaijan", "Abu Kamal": not a person
    last = run[-1]
    if last.text.casefold() in FEATURE_WORDS:
        return False  # "Oaxaca State", "Lagos State": a unit named with its kind
    readings = gazetteer.lookup_key(name_key(last.text))
    if not readings:
        return _named_person(text, run, gazetteer)
    if any(e.feature_code.startswith(("PCL", "ADM1", "CONT", "RGN")) for e in readings):
        # Surnames are towns' and counties' names ("Baker", "Taylor"), not countries'
        # or states' ("Air France").
        return False
    title = TITLE_BEFORE.search(text, max(0, run[0].start - 20), run[0].start)
    if title and title.group(1).casefold() in TITLES:
        return True
    if len(run) > 1 and run[0].text.casefold() in TITLES:
        return True  # "Mayor Lincoln", "Coach Jack Bell": the title leads the run
    if len(run) < 2:
        return False
    head = run[:-1]
    if gazetteer.has_key(name_key(text[run[0].start : last.end])):
        return False  # "Fort Worth", "Santa Clara": the whole run is a place
    for word in head:
        folded = word.text.casefold()
        if folded in NOT_PLACES or generic_head(word.text) or not word.text[1:].isalpha():
            return False  # "Trump's Washington", "McAllen": not a given name
        if not word.text[1:].islower():
            return False
    return True


_NUMBER_AFTER = re.compile(r"[ \t]+\d")
# Places at least this big are named before numbers too ("Dallas 24, Houston 17").
LABEL_MAX_POPULATION = 50_000


def _numbered_label(
    text: str, run: list[Word], index: int, part: list[Word], key: str, gazetteer: Gazetteer
) -> bool:
    """A lone word before a number names a numbered unit, not the small town that
    shares its spelling ("Pack 122", "Troop 9", "Section 2AA")."""
    if len(run) != 1 or len(part) != 1 or not _NUMBER_AFTER.match(text, part[0].end):
        return False
    from frontlines.geo.ranking import spelling  # ranking imports this module

    readings = gazetteer.lookup_key(key)
    # The readings spelled as written: a loose key also reaches "Pakistan" from "Pack".
    written = [e for e in readings if spelling(e.name) == spelling(part[0].text)] or readings
    return all(e.population < LABEL_MAX_POPULATION for e in written)


# Last words that make a run a building's, a work's or a feature's name ("Homs
# Refinery", "Damascus University"), whose first word is the place it lies in.
_PLACE_TAILS = frozenset(
    """university refinery hospital citadel station school college stadium market mosque
    church cathedral prison square street road avenue bridge camp council museum park
    port plant field fields hotel mall center centre library academy court city valley
    mountain mountains lake river bay island islands beach gate hills heights plain
    desert crossing highway junction township borough parish district municipality
    village""".split()
)
# Words right before a run that say it is where something is ("in Tal Hawash"), or
# that a thing's name follows ("the Texas Forest Service", "his Canadian Lottery").
_LOCATIVE_BEFORE = re.compile(
    r"\b(?i:in|at|near|from|to|of|outside|into|towards?|across|around|between|via|through"
    r"|and|or|the|a|an|his|her|its|their|our|this|that)\s+$"
)


def _named_person(text: str, run: list[Word], gazetteer: Gazetteer) -> bool:
    """ "incumbents Scott Newsham", "Scott Varner, a spokesman": two or three plain
    capitalised words ending in one no entry bears, the whole no place, and not put
    where something is ("in Tal Hawash") are a given name and a surname. A town may
    bear the given name ("Scott"); it is no evidence of a place."""
    if not 2 <= len(run) <= 3 or run[-1].text.casefold() in _PLACE_TAILS:
        return False
    for word in run:
        plain = word.text
        if not (plain[:1].isupper() and plain[1:].isalpha() and plain[1:].islower()):
            return False  # "McAllen", "O'Brien": not the plain words this rule knows
        if plain.casefold() in NOT_PLACES or generic_head(plain):
            return False  # "North Raqqa", "Tall Hawash": place words
    if _LOCATIVE_BEFORE.search(text, max(0, run[0].start - 12), run[0].start):
        return False
    if any(
        not e.feature_code.startswith("PPL") for e in gazetteer.lookup_key(name_key(run[0].text))
    ):
        return False  # "Ohio Turnpike", "Sochi Development": a state or unit leads it
    return not gazetteer.has_key(name_key(text[run[0].start : run[-1].end]))


# "the Homs-Damascus highway", "the Aleppo-Raqqa road": a route named by the places it
# joins, which stand as one hyphenated word the gazetteer does not know as a whole.
_ROUTE_AFTER = re.compile(
    r"\s+(?:international\s+)?(?:highway|road|motorway|route|railway|corridor|axis|front)\b", re.I
)


def _route_ends(
    text: str, name_runs: list[list[Word]], found: list[Candidate], gazetteer: Gazetteer
) -> list[Candidate]:
    """The places a hyphenated route name joins, each its own candidate."""
    taken = {c.start for c in found}
    out: list[Candidate] = []
    for word in (w for run in name_runs for w in run):
        if "-" not in word.text or word.start in taken or not _ROUTE_AFTER.match(text, word.end):
            continue
        parts, offset = [], word.start
        for part in word.text.split("-"):
            parts.append((offset, part))
            offset += len(part) + 1
        if len(parts) < 2 or any(not p[:1].isupper() or particle(p) for _, p in parts):
            continue  # "Deir-ez-Zor", "Al-Bab": one name with its particles
        keys = [name_key(p) for _, p in parts]
        if all(k and gazetteer.has_key(k) for k in keys):
            # A route joins towns, not the units named after them ("Hama-Aleppo").
            out.extend(
                replace(make_candidate(text, start, start + len(part), key, known=True),
                        feature_hint="PPL")
                for (start, part), key in zip(parts, keys, strict=True)
            )  # fmt: skip
    return out


def _acronyms(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """ "the U.S.", "UK forces": country acronyms, which the word runs skip."""
    found = []
    for match in ACRONYM_PATTERN.finditer(text):
        if text[match.end() : match.end() + 1] == "-":
            continue  # "US-led", "UK-based": who acts, not where
        if match.group(0) in ACRONYM_PLACES:
            key = name_key(match.group(0))
            if gazetteer.has_key(key):
                found.append(make_candidate(text, match.start(), match.end(), key, known=True))
    return found


def _abbreviated_units(text: str, gazetteer: Gazetteer, found: list[Candidate]) -> list[Candidate]:
    """ "Paris, Tex.", "Washington, D.C.": a unit's abbreviation behind a comma (or,
    dotted initials, anywhere)."""
    taken = [(c.start, c.end) for c in found]
    out = []
    for match in ABBREVIATION_PATTERN.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        initials = match.group(0).count(".") > 1
        if not initials and not re.search(r",\s*$", text[max(0, start - 3) : start]):
            continue
        key = name_key(match.group(0))
        if gazetteer.has_key(key):
            out.append(make_candidate(text, start, end, key, known=True))
    return out


_RURAL_BEFORE = re.compile(r"\b(?:rural|reef|rif)\s+$", re.I)
_RURAL_AFTER = area_after_name("countryside|suburbs|province|governorate")
# "the western countryside of Damascus"
_COUNTRYSIDE_OF = re.compile(r"\b(?:countryside|suburbs) of\s+(?:the\s+)?$", re.I)


def _rural_area(text: str, candidate: Candidate, gazetteer: Gazetteer) -> Candidate:
    """ "rural Damascus", "Damascus countryside", "the countryside of Damascus": the
    unit named "Rural X" when the gazetteer has one (Rif Dimashq surrounds the city
    of Damascus), else the name."""
    rural_key = name_key(f"rural {candidate.text}")
    if not candidate.known or not gazetteer.has_key(rural_key):
        return candidate
    before = _RURAL_BEFORE.search(text, max(0, candidate.start - 10), candidate.start)
    if before is not None:
        return make_candidate(text, before.start(), candidate.end, rural_key, known=True)
    if _RURAL_AFTER.match(text, candidate.end) or _COUNTRYSIDE_OF.search(
        text, max(0, candidate.start - 30), candidate.start
    ):
        return replace(candidate, key=rural_key, feature_hint="ADM1")
    return candidate


# "Mississippi State beat ...": not followed by "of" or by a name word ("Kentucky
# State Police", "Texas State University": the state's own institutions, in it).
_STATE_AFTER = re.compile(r"\s+State\b(?!\s+(?:of\b|[A-Z]))")
# The two states written "X State" to tell them from their city.
_STATES_NAMED_STATE = frozenset(name_key(n) for n in ("New York", "Washington"))


def _state_school(text: str, end: int, key: str, gazetteer: Gazetteer) -> bool:
    """ "Mississippi State", "Colorado State": a US state's name before "State" is
    its university or the university's team, not the state (Mexico's and Nigeria's
    states are written so: "Oaxaca State", "Lagos State"; so are "New York State"
    and "Washington State")."""
    if not _STATE_AFTER.match(text, end) or key in _STATES_NAMED_STATE:
        return False
    return any(e.feature_code == "ADM1" and e.country_code == "US"
               for e in gazetteer.lookup_key(key))  # fmt: skip


def _org_tail(text: str, run: list[Word], after: int) -> bool:
    """Whether the words after a name (in its run, else the next word) make it a unit."""
    rest = [w.text.casefold() for w in run[after:]]
    if any(w in ORG_TAILS for w in rest):
        return True  # "Turkistan Islamic Party", "Sultan Murad Brigade"
    following = rest[:1]
    if not following:
        nxt = re.match(r"\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?", text[run[-1].end : run[-1].end + 40])
        following = [g.casefold() for g in nxt.groups() if g] if nxt else []
    if following[:1] == ["military"]:
        following = following[1:]
    return bool(following) and following[0] in ORG_TAILS
