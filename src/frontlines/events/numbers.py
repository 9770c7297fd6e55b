"""Fatality counts, following ACLED's conventions (equipment losses: losses.py).

A count is a fatality count when the nearest casualty word around it is a death word
("5 soldiers were killed", "killing 3 fighters"), not an injury or capture word.
Ranges take the lower figure; vague quantities use the fixed figures of
``quantities.toml``. A sentence that states the coded total ("fatalities coded as
13") wins over the counts.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from spacy.tokens import Span

from frontlines.events.death_syntax import parsed_victims
from frontlines.events.scan import WordGate, may_hold

_STOP = re.compile(r"[;:]|\.(?:\s|$)")
# A comma and a word that opens a clause of its own, between a count and a cue.
# ("while retreating" is no new clause: a participle has no subject of its own).
_NEW_CLAUSE = re.compile(r",\s*(?:while|whereas|but)\s+(?!\w+ing\b)", re.I)


@dataclass(frozen=True, slots=True)
class Quantities:
    numbers: dict[str, int]
    vague: dict[str, int]
    death_after: tuple[str, ...]
    death_before: tuple[str, ...]
    not_death: tuple[str, ...]
    equipment: frozenset[str]
    name_labels: frozenset[str]
    loss_verbs: tuple[str, ...]
    count_re: re.Pattern[str]
    # The words a count may be written as (lowercase ASCII): a count is digits or
    # spells one of them.
    count_words: tuple[str, ...]


@lru_cache(maxsize=1)
def load_quantities() -> Quantities:
    text = resources.files("frontlines.data").joinpath("events", "quantities.toml").read_text()
    data = tomllib.loads(text)
    numbers = {k: int(v) for k, v in data["numbers"].items()}
    vague = {k: int(v) for k, v in data["vague"].items()}
    words = sorted([*numbers, *vague], key=len, reverse=True)
    count_words = tuple(w for w in words if w not in {"a", "an"})
    one = r"(?:\d+|" + "|".join(re.escape(w) for w in count_words) + r")"
    count_re = re.compile(
        rf"\b(?:between )?(?P<n>{one})(?:\s*(?:-|–|to|and|or)\s*(?P<m>{one}))?\b", re.I
    )
    w = data["words"]
    return Quantities(
        numbers=numbers,
        vague=vague,
        death_after=tuple(w["death"]),
        death_before=tuple(w["death_before"]),
        not_death=tuple(w["not_death"]),
        equipment=frozenset(w["equipment"]),
        name_labels=frozenset(w["name_labels"]),
        loss_verbs=tuple(w["loss_verbs"]),
        count_re=count_re,
        count_words=count_words,
    )


def _value(word: str, q: Quantities) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return q.numbers.get(word, q.vague.get(word))


# ACLED's own statement of the figure it coded: "fatalities coded as 13", "an unknown
# number of fatalities is coded as ten", "fatalities were reported on both sides, coded
# as 10", "with the unknown number coded as 10".
_CODED = WordGate(
    re.compile(
        r"\b(?:fatalities|fatality|deaths|casualties|killed|dead|number)\b[^.;]{0,60}?"
        # "coded to half, 10": a word on how the figure was reached may come first
        # (lowercase: "2 coded to Hajin, 2 coded to Sosa" names places, see allocation.py)
        r"\bcoded (?:as |at |to )?(?:(?-i:[a-z]+),\s*(?=\d))?(?P<n>\d+|[a-z]+)\b",
        re.I,
    ),
    ["coded"],
)
_MONTH_WORD = re.compile(r"^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*$", re.I
)


def _is_date_part(text: str, start: int, end: int) -> bool:
    """Days and years of dates ("On 31 August 2020") are not counts."""
    number = text[start:end]
    if number.isdigit() and len(number) == 4 and number[:2] in {"19", "20"}:
        return True
    return bool(_MONTH_WORD.match(text[end : end + 12]) or _MONTH_BEFORE.search(text[:start]))


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")


def _names_not_counts(text: str, start: int, end: int, q: Quantities) -> bool:
    """Numbers that are part of a date or a name: "On 31 August 2020", "a member of
    Brigade 112", "near Hill 44" (the number follows a unit or landmark noun),
    "COVID-19"."""
    if _is_date_part(text, start, end):
        return True
    if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        return True  # "COVID-19", "BMP-2": a model or a name, written with its number
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return before is not None and before.group(1).lower() in q.name_labels


_NONE = WordGate(
    re.compile(r"\b(?:no|neither|without) (?:fatalities|casualties|deaths)\b", re.I),
    ["fatalities", "casualties", "deaths"],
)


@cache
def _cue_pattern(cue: str) -> re.Pattern[str]:
    # Compiled once per cue: building it per sentence was a tenth of the events stage.
    return re.compile(rf"\b{re.escape(cue)}\b", re.I)


def _cue_positions(text: str, cues: tuple[str, ...]) -> list[tuple[int, int]]:
    """Each cue's matches, cue by cue; a cue the text cannot hold is not searched
    (most sentences hold none of the forty)."""
    if text.isascii():  # there a match spells its cue, in some case (scan.py)
        lowered = text.lower()
        cues = tuple(cue for cue, low in _lowered(cues) if low is None or low in lowered)
    found = []
    for cue in cues:
        for m in _cue_pattern(cue).finditer(text):
            found.append((m.start(), m.end()))
    return found


@cache
def _lowered(cues: tuple[str, ...]) -> tuple[tuple[str, str | None], ...]:
    """Each cue with its lowercase, None for a cue not in ASCII (never skipped)."""
    return tuple((cue, cue.lower() if cue.isascii() else None) for cue in cues)


@cache
def _stated_total(count_words: tuple[str, ...]) -> re.Pattern[str]:
    one = r"(?:\d+|" + "|".join(re.escape(w) for w in count_words) + r")"
    return re.compile(
        rf"[.;]\s+(?:(?:a total of|in total,?|overall,?)\s+)?(?P<n>{one})"
        r"\s+(?:fatalities|fatality|deaths|dead)\s*[.;]?\s*$",
        re.I,
    )


def _total_at_end(sentence: str, q: Quantities) -> int | None:
    """ "... killed 2 fighters. 2 fatalities.": a report's closing statement of its
    total, where the parse did not split it off as a sentence of its own; it is the
    count, as it would be standing alone (``counts.py``), not a second one."""
    match = _stated_total(q.count_words).search(sentence)
    return _value(match.group("n"), q) if match else None


def coded_fatalities(sentence: str) -> int | None:
    """The figure a sentence says was coded for the event ("fatalities coded as 10"),
    the whole event's count: never split over its places."""
    for match in _CODED.finditer(sentence):
        value = _value(match.group("n"), load_quantities())
        if value is not None:
            return value
    return None


_DIGIT = re.compile(r"\d")


def _may_count(sentence: str, q: Quantities) -> bool:
    """False only when ``count_re`` cannot match: an ASCII sentence with no digit
    whose lowercase holds no count word (scan.py: most sentences hold no count)."""
    return _DIGIT.search(sentence) is not None or may_hold(sentence, q.count_words)


def fatalities(sentence: str, parsed: Span | None = None) -> int | None:
    """People reported killed in a sentence; None when it reports no count at all.

    ``parsed`` is the sentence's parse, when there is one: its death verbs' subjects
    and objects add the counts and single people the word rules cannot reach
    (``death_syntax.py``)."""
    q = load_quantities()
    coded = coded_fatalities(sentence)
    if coded is not None:
        return coded
    total = _total_at_end(sentence, q)
    if total is not None:
        return total
    if _NONE.search(sentence):
        return 0
    # The casualty words are found at the first count: most sentences have none.
    cues: tuple[list[tuple[int, int]], ...] = ()
    total, seen = 0, False
    counted: list[tuple[int, int]] = []
    for match in q.count_re.finditer(sentence) if _may_count(sentence, q) else ():
        low = _value(match.group("n"), q)
        high = _value(match.group("m"), q) if match.group("m") else None
        if low is None or _names_not_counts(sentence, match.start("n"), match.end("n"), q):
            continue
        if _not_victims(sentence, match, high is not None, q) or (
            seen and _SUBSET.search(sentence, max(0, match.start() - 60), match.start())
        ):
            continue
        value = min(low, high) if high is not None else low
        if not cues:
            cues = tuple(_cue_positions(sentence, c)
                         for c in (q.death_after, q.death_before, q.not_death))  # fmt: skip
        if _is_fatality(sentence, match.start(), match.end(), *cues):
            total += value
            seen = True
            counted.append((match.start(), match.end()))
    if parsed is not None:
        more = _parsed_deaths(sentence, parsed, counted, q)
        total, seen = total + sum(more), seen or bool(more)
    if not seen and _one_death(sentence) and not _NOT_DEAD.search(sentence):
        return 1  # "a fighter was killed", "the body of a man was found"
    return total if seen else None


# "1 killed 3 injured": a count an injury word follows is of the injured, whatever the
# parse makes of it.
_INJURED_AFTER = re.compile(
    r"\s+(?:[\w'-]+\s+){0,2}?(?:injured|wounded|hurt|captured|arrested|detained|abducted"
    r"|kidnapped|missing)\b",
    re.I,
)
# "killed 10 people, including 4 fighters": the second figure is part of the first.
_SUBSET = re.compile(
    r"\b(?:including|among them|amongst them|among whom|of whom|of them)\b[^.;]{0,50}$", re.I
)
# "clashes in several areas", "on 2 fronts", "with 35 barrel bombs": a count after a
# preposition (other than "of" and "to": "the death of 6", "the toll rose to 9")
# names no victims.
# "resulting in 6 deaths": the figure is the outcome, not a place or a means.
_RESULT = re.compile(r"\b(?:result(?:s|ed|ing)?|end(?:s|ed|ing)?) in\s+$", re.I)
_PREPOSITION = re.compile(
    r"\b(?:in|on|at|with|from|for|across|after|during|within|into|by)\s+$",
    re.I,
)


def _parsed_deaths(
    sentence: str, parsed: Span, counted: list[tuple[int, int]], q: Quantities
) -> list[int]:
    """The counts of the parse's victims the word rules have not counted already."""
    found = []
    for token, value, numbered in parsed_victims(parsed, lambda word: _value(word, q)):
        if token is None and counted and not numbered:
            # "killed a member and his escort. 2 fatalities.": the sentence's count
            # is the total, the single people named apart from it are within it
            continue
        if token is not None:
            start, end = token.idx - parsed.start_char, token.idx - parsed.start_char + len(token)
            if (
                any(a <= start < b for a, b in counted)
                or _names_not_counts(sentence, start, end, q)
                or _INJURED_AFTER.match(sentence, end)
            ):
                continue
        found.append(value)
    return found


def _not_victims(text: str, match: re.Match[str], ranged: bool, q: Quantities) -> bool:
    """A count of things, not of people: after a preposition, or before a piece of
    equipment ("destroying 4 vehicles"); "between two towns" (no range) is a place."""
    start, end = match.start(), match.end()
    if match.group(0)[:8].lower() == "between " and not ranged:
        return True
    before = text[max(0, start - 20) : start]
    if _PREPOSITION.search(before) and not _RESULT.search(before):
        return True
    words = text[end : end + 30].lower().split()[:2]
    return any(w.strip(",.;:()").split("-")[0] in q.equipment for w in words)


# A single person killed, named without a number.
_ONE_DEATH = WordGate(
    re.compile(
        # "was (accidentally) shot and killed"
        r"\b(?:was|has been|had been) (?:[a-z]+ly )?(?:shot and |attacked and )?"
        r"(?:killed|shot dead|executed|assassinated|beheaded|slain)\b"
        r"|\b(?:the )?(?:dead )?body of (?:a|an|the|one)\b|\bwas found dead\b"
        # "a fighter's body was found"
        r"|['’]s (?:dead )?body (?:was|has been) (?:found|discovered|recovered)\b"
        # "assassinated a QSD member", "stabbed a man to death", "an inmate was stabbed to death"
        r"|\b(?:killed|killing|assassinated|assassinating|executed|executing|murdered|beheaded"
        r"|lynched|shot dead|stabbed to death|beaten to death)\s+(?:an?|one|another)\s+"
        r"(?!(?:number|few|group|total|dozen|couple)\b)"
        r"|\b(?:was|has been|had been) (?:stabbed|beaten|shot|burned|burnt|hacked|tortured)"
        r" to death\b"
        r"|\b(?:an?|one) (?:[\w'-]+ ){1,6}(?:died|succumbed)\b"
        r"|\b(?:shot|stabbed|beat|beaten|hacked|gunned) (?:him|her) (?:dead|to death|down)\b"
        # "shot at the car of a soldier and killed him"
        r"|\b(?:killed|killing|executed|executing|murdered|assassinated) (?:him|her)\b"
        # "stabbed a journalist to death", "was attacked and beaten to death"
        r"|\b(?:stabbed|beaten|beat|hacked|shot|burned|burnt|tortured|strangled|stoned|clubbed)"
        r" (?:an?|the|one) (?:[\w'-]+ ){0,4}to death\b"
        r"|\b(?:was|has been|had been) \w+ed and (?:stabbed|beaten|hacked|shot|burned|burnt"
        r"|tortured|strangled|stoned|clubbed) to death\b"
        # "killed the driver", "the killing of a journalist", "the death of the local"
        r"|\b(?:killed|killing|murdered|assassinated|executed|beheaded) the (?:[\w'-]+ ){0,2}?"
        r"[a-z'-]*[^s\W](?=[,.;]|$|\s+(?:of|in|at|on|near|who|while|after|with|during|before"
        r"|inside|outside|from|and|as|by)\b)"
        r"|\b(?:the )?(?:death|killing|murder|assassination) of (?:an?|the|one) "
        r"(?!(?:number|few|group|total|dozen|couple)\b)"
        # "the soldier later died in hospital", "the other died"
        r"|\b(?:he|she|the (?:[\w'-]+ )?(?:man|woman|boy|girl|child|victim|soldier|officer|driver"
        r"|other|latter|former|fighter|civilian|policeman|guard|journalist))"
        r" (?:later |subsequently |also |then )?(?:died|succumbed)\b",
        re.I,
    ),
    # One of these stands in every alternative above.
    ["kill", "dead", "down", "execut", "assassinat", "beheaded", "slain", "body",
     "murder", "lynched", "death", "died", "succumbed"],
)  # fmt: skip
# "after the killing of a young man yesterday": a death given as the cause of what the
# sentence reports, which happened before it.
_CAUSE_BEFORE = re.compile(
    r"\b(?:after|following|over|for|since|avenge|avenging|revenge for|retaliation for"
    r"|response to)\s+(?:the\s+)?$",
    re.I,
)


def _one_death(sentence: str) -> bool:
    return any(
        not _CAUSE_BEFORE.search(sentence, max(0, m.start() - 30), m.start())
        for m in _ONE_DEATH.finditer(sentence)
    )


_NOT_DEAD = re.compile(
    r"\b(?:survived|injured|wounded) (?:in|by) an? (?:attempt|assassination)\b", re.I
)


def _is_fatality(
    text: str,
    start: int,
    end: int,
    death_after: list[tuple[int, int]],
    death_before: list[tuple[int, int]],
    not_death: list[tuple[int, int]],
) -> bool:
    # Forward: a casualty word within a few words after the count, same clause.
    window_end = end + 60
    stop = _STOP.search(text, end)
    if stop:
        window_end = min(window_end, stop.start())
    # "killing 1 civilian and injuring 2": a cue right after "and" opens a new clause.
    for cue_start, _ in death_after + not_death:
        if end <= cue_start < window_end and re.search(r"\band\s+$", text[end:cue_start]):
            window_end = min(window_end, cue_start)
    after = [(s, "death") for s, _ in death_after if end <= s < window_end]
    after += [(s, "not") for s, _ in not_death if end <= s < window_end]
    if after:
        first = min(after)
        gap = text[end : first[0]]
        # "captured two hills, while IS killed ...": the cue is another clause's.
        if len(gap.split()) <= 5 and not _NEW_CLAUSE.search(gap):
            return first[1] == "death"
    # Backward: the nearest casualty word before the count, same clause.
    window_start = max(0, start - 120)
    before = [(e, "death") for _, e in death_before if window_start <= e <= start]
    before += [(e, "not") for _, e in not_death if window_start <= e <= start]
    if not before:
        return False
    nearest = max(before)
    if _STOP.search(text, nearest[0], start):
        return False
    return nearest[1] == "death"
