"""Event dates from a sentence and the report's publication date, with ACLED precision.

ACLED's time_precision: 1 the day is known, 2 only the week (or a weekend, "a few
days"), 3 only the month. Relative expressions are read against the publication
date; explicit dates are parsed with dateparser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from frontlines.events.scan import WordGate, may_hold
from frontlines.ingest.metadata import WIRE_DATELINE
from frontlines.taxonomy import TimePrecision

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_EXPLICIT = WordGate(
    re.compile(
        rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?[ -]{_MONTHS}\.?(?:,?[ -]\d{{4}})?"
        rf"|{_MONTHS}\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?"
        r"|\d{4}-\d{2}-\d{2})\b"
    ),
    "0123456789",  # every explicit date has a digit
)
# The first three letters of each month: one stands in every month name.
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# A wire dateline dates the report, not the event: the event's own cue ("on
# Saturday") comes after it and is read against that date.
_DATELINE = WIRE_DATELINE
_MONTH_ONLY = WordGate(
    re.compile(rf"\b(?:in|during|since|throughout|early|late|mid-?) ({_MONTHS})(?: (\d{{4}}))?\b"),
    _MONTH_STEMS,
)
_TODAY = r"\b(?:today|this morning|this afternoon|this evening|tonight|earlier today)\b"
_YESTERDAY = r"\b(?:yesterday|last night|overnight)\b"
_WEEKEND = r"\b(?:last|this past|over the|during the|this) weekend\b"
_WEEK = (
    r"\b(?:last week|past week|this week|earlier this week|(?:a )?few days|several days"
    r"|recent days|past days|past few days)\b"
)
_THIS_MONTH = r"\b(?:earlier this month|this month)\b"
_PAST_MONTH = r"\b(?:past month|recent weeks|past weeks)\b"
# (pattern, days before publication (-1: the weekend before), precision); each with
# the words one of which its every match spells (scan.py: most sentences hold none).
_RELATIVE: tuple[tuple[WordGate, int, TimePrecision], ...] = (
    (WordGate(re.compile(_TODAY, re.I), ["today", "this morning", "this afternoon",
                                         "this evening", "tonight"]), 0, TimePrecision.DAY),
    (WordGate(re.compile(_YESTERDAY, re.I), ["yesterday", "last night", "overnight"]), 1,
     TimePrecision.DAY),
    (WordGate(re.compile(r"\bthe day before yesterday\b", re.I), ["the day before yesterday"]),
     2, TimePrecision.DAY),
    (WordGate(re.compile(_WEEKEND, re.I), ["weekend"]), -1, TimePrecision.WEEK),
    (WordGate(re.compile(_WEEK, re.I), ["week", "days"]), 7, TimePrecision.WEEK),
    (WordGate(re.compile(_THIS_MONTH, re.I), ["this month"]), 0, TimePrecision.MONTH),
    (WordGate(re.compile(_PAST_MONTH, re.I), ["past month", "recent weeks", "past weeks"]), 30,
     TimePrecision.MONTH),
    (WordGate(re.compile(r"\blast month\b", re.I), ["last month"]), 31, TimePrecision.MONTH),
)  # fmt: skip
_DAYS_AGO = WordGate(re.compile(r"\b(\d+|two|three|four|five|six) days ago\b", re.I), ["days ago"])
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_WEEKDAY = WordGate(
    re.compile(r"\b(?:on |last |this )?(" + "|".join(_WEEKDAYS) + r")\b", re.I), _WEEKDAYS
)


# Every word one of the gates above opens on: a sentence holding none matches none.
_ANY_CUE_WORDS = tuple(
    sorted(
        {w for gate in (_EXPLICIT, _MONTH_ONLY, _DAYS_AGO, _WEEKDAY) for w in gate.words}
        | {w for gate, _, _ in _RELATIVE for w in gate.words}
    )
)


@dataclass(frozen=True, slots=True)
class DateCue:
    """A date found in a sentence: the date, its precision and the words that gave it."""

    value: date
    precision: TimePrecision
    text: str
    start: int  # offset in the sentence


# The written forms of a whole date (day, month name, year; or ISO), which need no
# reference date: read directly, they are what dateparser reads, at a thousandth of
# its cost (tests/events/test_stage_speedups.py compares the two).
_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?[ -]({_MONTHS})\.?,?[ -](\d{{4}})")
_MONTH_DAY_YEAR = re.compile(rf"({_MONTHS})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Years read directly; others go to dateparser.
_PLAIN_YEARS = range(1900, 2100)


def plain_date(text: str) -> date | None:
    """The date of a whole written date ("3 March 2021", "March 3rd, 2021",
    "2021-03-03"); None for any other text or a day the month lacks."""
    if found := _DAY_MONTH_YEAR.fullmatch(text):
        day, month, year = found.group(1), found.group(2), found.group(3)
    elif found := _MONTH_DAY_YEAR.fullmatch(text):
        month, day, year = found.group(1), found.group(2), found.group(3)
    elif found := _ISO_DATE.fullmatch(text):
        year, month, day = found.groups()
    else:
        return None
    number = int(month) if month.isdigit() else _MONTH_STEMS.index(month[:3].lower()) + 1
    if int(year) not in _PLAIN_YEARS:
        return None
    try:
        return date(int(year), number, int(day))
    except ValueError:
        return None  # "31 April": left to dateparser


def _parse_explicit(text: str, published: date | None) -> date | None:
    # Without a publication date the answer depends on today: not remembered.
    return _read_explicit(text, None) if published is None else _remembered(text, published)


@lru_cache(maxsize=4096)
def _remembered(text: str, published: date) -> date | None:
    """``_read_explicit``, remembered: a corpus writes the same few dates again and again."""
    return _read_explicit(text, published)


def _read_explicit(text: str, published: date | None) -> date | None:
    plain = plain_date(text)
    return plain if plain is not None else _dateparser_date(text, published)


def _dateparser_date(text: str, published: date | None) -> date | None:
    base = datetime.combine(published, datetime.min.time()) if published else datetime.now()
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"},
    )
    return parsed.date() if parsed else None


def find_date(sentence: str, published: date | None) -> DateCue | None:
    """The first date expression of a sentence, resolved against ``published``."""
    dateline = _DATELINE.match(sentence)
    if dateline:
        # Blank the dateline rather than cut it, so offsets stay those of the sentence.
        sentence = " " * dateline.end() + sentence[dateline.end() :]
    if not may_hold(sentence, _ANY_CUE_WORDS):
        return None  # no gate below can open: most sentences name no date
    explicit = _EXPLICIT.search(sentence)
    if explicit:
        value = _parse_explicit(explicit.group(0), published)
        if value:
            return DateCue(value, TimePrecision.DAY, explicit.group(0), explicit.start())
    if published is None:
        return None
    ago = _DAYS_AGO.search(sentence)
    if ago:
        raw = ago.group(1).lower()
        days = int(raw) if raw.isdigit() else _WORD_NUMBERS[raw]
        value = published - timedelta(days=days)
        return DateCue(value, TimePrecision.DAY, ago.group(0), ago.start())
    for pattern, days, precision in _RELATIVE:
        found = pattern.search(sentence)
        if not found:
            continue
        if days == -1:  # a weekend: the Saturday before publication
            back = (published.weekday() - 5) % 7 or 7
            value = published - timedelta(days=back)
        else:
            value = published - timedelta(days=days)
        if precision is TimePrecision.MONTH:
            value = value.replace(day=1)
        return DateCue(value, precision, found.group(0), found.start())
    weekday = _WEEKDAY.search(sentence)
    if weekday:
        target = _WEEKDAYS.index(weekday.group(1).lower())
        value = published - timedelta(days=(published.weekday() - target) % 7)
        return DateCue(value, TimePrecision.DAY, weekday.group(0), weekday.start())
    month = _MONTH_ONLY.search(sentence)
    if month:
        value_dt = _parse_explicit(
            f"1 {month.group(1)} {month.group(2) or published.year}", published
        )
        if value_dt:
            return DateCue(
                value_dt.replace(day=1), TimePrecision.MONTH, month.group(0), month.start()
            )
    return None
