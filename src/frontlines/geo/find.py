"""Where a text names places: candidate spans, before any resolution.

Two sources, never spaCy's NER labels (the small model calls Syrian villages PERSON):

- name sequences: runs of capitalised words, with the lowercase particles Arabic
  names carry ("Abu Khabret al-Rachid", "Deir ez-Zor"), looked up in the gazetteer
  by key, longest first;
- cue phrases that announce a place even when the gazetteer does not know it: "the
  villages of A, B and C", "the town of X", "X village", "in the province of X",
  "north of X", "the outskirts of X".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.names import name_key

PARTICLES = frozenset(
    {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ez", "es", "ed", "bin", "ibn",
     "bani", "de", "del", "la", "le", "du", "of", "um", "umm"}
)  # fmt: skip


def _word_lists() -> dict[str, frozenset[str]]:
    """Sections of ``data/geo/non_places.txt`` (analyst-editable word lists)."""
    from importlib import resources

    text = resources.files("frontlines.data").joinpath("geo", "non_places.txt").read_text("utf-8")
    sections: dict[str, set[str]] = {}
    current = sections.setdefault("", set())
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip().casefold()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif line:
            current.add(line)
    return {name: frozenset(words) for name, words in sections.items()}


def _acronym_places() -> frozenset[str]:
    """The all-caps and dotted country names of ``data/geo/country_aliases.tsv``
    ("US", "U.K.", "UAE"): the only acronyms taken for places."""
    from importlib import resources

    text = resources.files("frontlines.data").joinpath("geo", "country_aliases.tsv")
    names = (line.split("\t")[1] for line in text.read_text("utf-8").splitlines()
             if line.strip() and not line.startswith("#"))  # fmt: skip
    return frozenset(n for n in names if n.replace(".", "").isupper())


def _abbreviations() -> frozenset[str]:
    """ "Ky.", "Calif.", "D.C." (``data/geo/admin1_abbreviations.tsv``)."""
    from importlib import resources

    text = resources.files("frontlines.data").joinpath("geo", "admin1_abbreviations.tsv")
    return frozenset(line.split("\t")[0] for line in text.read_text("utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))  # fmt: skip


ACRONYM_PLACES = _acronym_places()
ABBREVIATIONS = _abbreviations()
# Their keys without the dot ("Miss", "Mass", "Pa") are words or names: such a word is
# taken for the unit only as the abbreviation itself, below.
ABBREVIATION_KEYS = frozenset(name_key(a) for a in ABBREVIATIONS)
# One-word abbreviations are taken only behind a comma ("Louisville, Ky."), where news
# writes them; dotted initials ("N.Y.", "D.C.") anywhere.
_LONGEST_FIRST = sorted(ABBREVIATIONS, key=len, reverse=True)
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(re.escape(a).replace(r"\ ", r"\s?") for a in _LONGEST_FIRST)
    + r")(?!\w)"
)
_ACRONYM = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3}|\b[A-Z]{2,3}\b")

_LISTS = _word_lists()
ORG_HEADS = _LISTS.get("org_heads", frozenset())
ORG_TAILS = _LISTS.get("org_tails", frozenset())
GENERIC_HEADS = _LISTS.get("generic_heads", frozenset())
# Capitalised words that start sentences or name organisations far more often than
# places; a span made only of these is never a place by itself.
NOT_PLACES = (
    frozenset(
        """army forces force state islamic democratic national liberation front corps brigade
    division council party movement government regime coalition police security operation
    shield spring branch union republic news agency media ministry president minister
    military militia militias rebels opposition group groups syrian turkish russian iranian
    kurdish arab american israeli iraqi free people peoples unit units tiger tigers
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december video photo report reports
    according sources source meanwhile thus however also reportedly later earlier last
    first second third north south east west northern southern eastern western central
    upper lower new old great grand saint st mount lake river""".split()
    )
    | _LISTS.get("stop_words", frozenset())
    | _LISTS.get("generic_words", frozenset())
    | _LISTS.get("titles", frozenset())
)
TITLES = _LISTS.get("titles", frozenset())
_TITLE_BEFORE = re.compile(r"\b([A-Za-z]+)\.?\s+$")

FEATURE_WORDS: dict[str, str] = {
    "village": "PPL", "villages": "PPL", "town": "PPL", "towns": "PPL", "city": "PPL",
    "hamlet": "PPL", "farm": "PPL", "farms": "PPL", "neighbourhood": "PPLX",
    "neighborhood": "PPLX", "district": "ADM2", "subdistrict": "ADM3", "area": "",
    "province": "ADM1", "governorate": "ADM1", "region": "ADM1", "oblast": "ADM1",
    "state": "ADM1", "county": "ADM2", "airbase": "AIRB",
    "airport": "AIRB", "dam": "DAM", "camp": "PPL", "hill": "", "mount": "",
}  # fmt: skip


_WORD = re.compile(r"[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’\-]*[A-Za-zÀ-ɏ]|[A-Za-zÀ-ɏ]")
_LIST_CUE = re.compile(
    r"\b(?:the\s+)?(?P<kind>villages?|towns?|hamlets?|areas?|neighbou?rhoods?|cities|city"
    r"|farms?)\s+of\s+",
    re.I,
)
_RELATIVE = re.compile(
    r"(?:\b\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles)\s+)?\b(?:north|south|east|west"
    r"|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)"
    r"(?:ern)?\s+(?:of|countryside of|outskirts of)\s+$"
    r"|\b(?:outskirts|vicinity|surroundings|countryside|edge|entrance|outside|near|nearby"
    r"|around|close to|between)\s+(?:of\s+)?(?:the\s+)?$",
    re.I,
)


_FEATURE_TAIL = re.compile(r"\s+(?:military\s+)?(?:air\s?base|airport|airfield|dam)\b", re.I)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span that may name a place, and what the words around it say."""

    start: int
    end: int
    text: str
    key: str
    known: bool  # the gazetteer has this key
    feature_hint: str | None = None  # "AIRB" for "X airbase", "PPL" for "village of X"
    relative: bool = False  # "north of X", "the outskirts of X": precision 2
    cue: str | None = None  # the cue phrase that produced an unknown span


class _Word(NamedTuple):  # a tuple: one is made for every word of every report
    start: int
    end: int
    text: str


def _words(text: str) -> list[_Word]:
    return [_Word(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _particle(word: str) -> bool:
    return word.casefold() in PARTICLES


# What may stand between two words of one name; compiled once, as the patterns below:
# these run for every word of every report.
_JOIN = re.compile(r"[ \t]?|-")
_ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ez|es|ed|et|ul|adh)[-’'](?P<rest>.+)")


def _runs(text: str, words: list[_Word]) -> list[list[_Word]]:
    """Maximal runs of capitalised words joined by particles, within one clause."""
    runs: list[list[_Word]] = []
    current: list[_Word] = []
    for word in words:
        gap = text[current[-1].end : word.start] if current else ""
        joined = not current or _JOIN.fullmatch(gap) is not None
        starts_name = _is_capitalised(word.text) or _starts_arabic_name(word.text)
        name_part = starts_name or (_particle(word.text) and bool(current))
        if name_part and joined:
            current.append(word)
            continue
        if current:
            runs.append(current)
        current = [word] if starts_name else []
    if current:
        runs.append(current)
    # A run cannot end with a particle ("Raqqa and" never; "Tall al" neither).
    cleaned = []
    for run in runs:
        while run and _particle(run[-1].text) and not _is_capitalised(run[-1].text):
            run = run[:-1]
        if run:
            cleaned.append(run)
    return cleaned


def _starts_arabic_name(word: str) -> bool:
    """ "al-Malali": a lowercase article glued to a capitalised name."""
    match = _ARABIC_ARTICLE.match(word)
    return bool(match and match.group("rest")[:1].isupper())


def _hint_after(text: str, end: int) -> str | None:
    after = re.match(r"\s+(?:military\s+)?([A-Za-z]+)", text[end : end + 30])
    if after:
        return FEATURE_WORDS.get(after.group(1).casefold())
    return None


def _hint_before(text: str, start: int) -> str | None:
    before = re.search(r"\b(?:the\s+)?([A-Za-z]+)\s+of\s+$", text[max(0, start - 40) : start])
    if before:
        return FEATURE_WORDS.get(before.group(1).casefold())
    return None


def find_candidates(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Every span of ``text`` that may name a place, longest known names first."""
    words = _words(text)
    runs = _runs(text, words)
    found: list[Candidate] = []
    surnames: set[str] = set()
    for run in runs:
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
                found.append(_candidate(text, run[0].start, feature.end(), key, known=True))
                continue
        index = 0
        while index < len(run):
            match = None
            for size in range(min(6, len(run) - index), 0, -1):
                part = run[index : index + size]
                end = part[-1].end
                if part[-1].text.endswith(("'s", "’s")) and len(part[-1].text) > 3:
                    end -= 2  # "Canada's budget", "Orange County’s residents"
                span_text = text[part[0].start : end]
                if size == 1 and span_text.isupper() and len(span_text) <= 5:
                    continue  # "SDF", "IS": acronyms, not airport codes
                if all(w.text.casefold() in NOT_PLACES or _particle(w.text) for w in part):
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
            if len(part) == 1 and index + 1 < len(run) and _generic_head(part[0].text):
                # "Tall al-Jayir", "Ain Dara": a generic head word starts a longer
                # name the gazetteer lacks; never the head ("Tall") or tail ("Dara")
                # alone. The whole run stands as an unknown, announced name.
                whole = (run[index].start, run[-1].end)
                found.append(_candidate(text, *whole, name_key(text[slice(*whole)]),
                                        known=False, cue="name"))  # fmt: skip
                break
            if _org_tail(text, run, index + len(part)):
                index += len(part)
                continue  # "Hamza Brigade", "Manbij Military Council"
            start = part[0].start
            found.append(_candidate(text, start, start + len(span_text), key, known=True))
            index += len(part)
    found = [_rural_area(text, c, gazetteer) for c in found]
    found.extend(_acronyms(text, gazetteer))
    found.extend(_abbreviated_units(text, gazetteer, found))
    found.extend(_cue_candidates(text, runs, found))
    return sorted(found, key=lambda c: c.start)


def _person(text: str, run: list[_Word], gazetteer: Gazetteer) -> bool:
    """Whether a run names a person: a title before it ("Sen. Clark", "Mayor Jack
    Bell"), or a known place name only as its last word after unknown capitalised
    words ("Tom Jones", "Robert Moore"): a given name and a surname that a town
    also bears. Places written after a qualifier ("Eastern Ghouta", "Tall Rifaat")
    are left alone: the qualifier is a place word or part of a known name. (Given
    names are towns somewhere too, "Tom", "Robert": a given name's own entry is no
    evidence of a place.)"""
    if any(_particle(w.text) or "-" in w.text for w in run):
        return False  # "Minister of Defence of Azerbaijan", "Abu Kamal": not a person
    last = run[-1]
    readings = gazetteer.lookup_key(name_key(last.text))
    if not readings or any(not e.feature_code.startswith("PPL") for e in readings):
        return False  # surnames are towns' names, not countries' or states' ("Air France")
    title = _TITLE_BEFORE.search(text, max(0, run[0].start - 20), run[0].start)
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
        if folded in NOT_PLACES or _generic_head(word.text) or not word.text[1:].isalpha():
            return False  # "Trump's Washington", "McAllen": not a given name
        if not word.text[1:].islower():
            return False
    return True


def _acronyms(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """ "the U.S.", "UK forces": country acronyms, which the word runs skip."""
    found = []
    for match in _ACRONYM.finditer(text):
        if text[match.end() : match.end() + 1] == "-":
            continue  # "US-led", "UK-based": who acts, not where
        if match.group(0) in ACRONYM_PLACES:
            key = name_key(match.group(0))
            if gazetteer.has_key(key):
                found.append(_candidate(text, match.start(), match.end(), key, known=True))
    return found


def _abbreviated_units(text: str, gazetteer: Gazetteer, found: list[Candidate]) -> list[Candidate]:
    """ "Paris, Tex.", "Washington, D.C.": a unit's abbreviation behind a comma (or,
    dotted initials, anywhere)."""
    taken = [(c.start, c.end) for c in found]
    out = []
    for match in _ABBREVIATION.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        initials = match.group(0).count(".") > 1
        if not initials and not re.search(r",\s*$", text[max(0, start - 3) : start]):
            continue
        key = name_key(match.group(0))
        if gazetteer.has_key(key):
            out.append(_candidate(text, start, end, key, known=True))
    return out


_RURAL_BEFORE = re.compile(r"\b(?:rural|reef|rif)\s+$", re.I)
_RURAL_AFTER = re.compile(r"\s+(?:countryside|suburbs|province|governorate)\b", re.I)


def _rural_area(text: str, candidate: Candidate, gazetteer: Gazetteer) -> Candidate:
    """ "rural Damascus", "Damascus countryside": the unit named "Rural X" when the
    gazetteer has one (Rif Dimashq surrounds the city of Damascus), else the name."""
    rural_key = name_key(f"rural {candidate.text}")
    if not candidate.known or not gazetteer.has_key(rural_key):
        return candidate
    before = _RURAL_BEFORE.search(text, max(0, candidate.start - 10), candidate.start)
    if before is not None:
        return _candidate(text, before.start(), candidate.end, rural_key, known=True)
    if _RURAL_AFTER.match(text, candidate.end):
        return replace(candidate, key=rural_key, feature_hint="ADM1")
    return candidate


def _generic_head(word: str) -> bool:
    return word.casefold().split("-")[0] in GENERIC_HEADS


def _org_tail(text: str, run: list[_Word], after: int) -> bool:
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


GIVEN = "given"  # the cue of a span the caller marked as a place


def span_candidate(text: str, start: int, end: int, gazetteer: Gazetteer) -> Candidate:
    """A span the caller knows names a place (a gold annotation, a form field)."""
    key = name_key(text[start:end])
    return _candidate(text, start, end, key, known=gazetteer.has_key(key), cue=GIVEN)


def _candidate(
    text: str, start: int, end: int, key: str, *, known: bool, cue: str | None = None
) -> Candidate:
    before = text[max(0, start - 60) : start]
    return Candidate(
        start=start,
        end=end,
        text=text[start:end],
        key=key,
        known=known,
        feature_hint=_hint_after(text, end) or _hint_before(text, start),
        relative=_RELATIVE.search(before) is not None,
        cue=cue,
    )


def _cue_candidates(text: str, runs: list[list[_Word]], known: list[Candidate]) -> list[Candidate]:
    """Unknown names announced by a cue: "the villages of A, B and C", "X village"."""
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
        if all(w.casefold() in NOT_PLACES or _particle(w) for w in re.findall(r"[\w'’-]+", span)):
            return
        taken.append((start, end))
        extra.append(_candidate(text, start, end, name_key(span), known=False, cue=cue))

    for match in _LIST_CUE.finditer(text):
        # The list continues while names are separated by commas or "and".
        position = match.end()
        for run in runs:
            if run[0].start < position:
                continue
            gap = text[position : run[0].start]
            if position != match.end() and not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", gap):
                break
            if position == match.end() and gap.strip():
                break
            add(run[0].start, run[-1].end, match.group("kind").casefold())
            position = run[-1].end
    for run in runs:
        after = re.match(r"\s+(village|town|hamlet|area|neighbou?rhood|camp|farms?|district"
                         r"|subdistrict|countryside|axis|front|frontline|valley|plain|desert"
                         r"|mountains?|hills?|junction|roundabout|checkpoint)\b",
                         text[run[-1].end : run[-1].end + 20], re.I)  # fmt: skip
        if after:
            add(run[0].start, run[-1].end, after.group(1).casefold())
    return extra
