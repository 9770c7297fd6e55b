"""Event dates from a sentence and the report's publication date, with ACLED precision.

ACLED's time_precision: 1 the day is known, 2 only the week (or a weekend, "a few
days"), 3 only the month. Relative expressions are read against the publication
date; explicit dates are parsed with dateparser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

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


def _parse_explicit(text: str, published: date | None) -> date | None:
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
