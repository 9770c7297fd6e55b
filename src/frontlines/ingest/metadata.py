"""Report metadata read from the lines around the body: dates, bylines, datelines, tags.

Every reader takes one plain-text line (Markdown already stripped, except for
``read_tags`` which wants the raw line to see link boundaries) and returns ``None``
when the line is not what it looks for: only ``parse_date`` raises.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from frontlines.errors import InvalidDateError
from frontlines.ingest.boilerplate import BoilerplateRules
from frontlines.ingest.markdown import link_texts, strip_inline

# Dates outside this range are typos or placeholders ("0001-01-01"), not publication dates.
MIN_YEAR = 1900
MAX_YEAR = 2100
# A dateline is a short line; longer lines are body text that happens to hold a date.
MAX_DATELINE_CHARS = 80
# Longer strings are not a date, and dateparser gets slow on them.
MAX_DATE_CHARS = 60
# A byline names people or an outlet: a few words, never a sentence.
MAX_AUTHOR_WORDS = 8
MAX_OUTLET_WORDS = 6

_FORMATS = (
    "%B %d, %Y",
    "%B %d %Y",
    "%b %d, %Y",
    "%b %d %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%d %B, %Y",
    "%d %b, %Y",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
)
_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_WEEKDAY = re.compile(
    r"^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+", re.I
)
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b(?:\s+of\b)?", re.I)
_MONTH_DOT = re.compile(r"\b([A-Za-z]{3,4})\.(?=\s)")
_OUTLET_SEPARATOR = re.compile(r",\s*|\s+[|–—-]\s+")
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# A wire dateline opening the first paragraph ("BEIRUT, May 14 (Agency) -",
# "KYIV, Ukraine, 20 March 2023 -"): the place is in capitals, the date may lack its
# year, the agency is in brackets. It dates the report, not the events it tells.
WIRE_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.' -]*[A-Z](?:,\s*[A-Z][A-Za-z.' ]*)?,\s*"
    rf"(?P<date>(?:{_MONTH_NAME}\.? \d{{1,2}}|\d{{1,2}} {_MONTH_NAME})(?:,? \d{{4}})?)"
    r"\s*(?:\((?P<agency>[^)]*)\))?\s*[-–—:]"
)


def _normalise_date_text(value: str) -> str:
    text = " ".join(value.strip().strip(".,;").split())
    text = _WEEKDAY.sub("", text)
    text = _ORDINAL.sub(r"\1", text)
    text = _MONTH_DOT.sub(r"\1", text)
    text = re.sub(r"\bSept\b", "Sep", text, flags=re.I)
    return re.sub(r"\s*,\s*", ", ", text)


def _checked(value: date, original: str, source: str) -> date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise InvalidDateError(f"date {original!r} is outside {MIN_YEAR}-{MAX_YEAR}", source=source)
    return value


def parse_date(value: str, *, source: str, thorough: bool = True) -> date:
    """A calendar date from a publication-date string.

    Accepts ISO dates (``2017-05-15``, also with a time), English month-name forms
    (``May 15, 2017``, ``15 May 2017``, ``Monday, 15th of May 2017``) and numeric
    day/month/year forms when the order is unambiguous (``25/12/2017``). ``03/04/2017``
    could be March or April and is refused rather than guessed. Anything else is handed
    to dateparser (English, day, month and year all required) unless ``thorough`` is
    False (dateparser costs about a millisecond a call).
    """
    text = _normalise_date_text(value)
    if not text or len(text) > MAX_DATE_CHARS or not _YEAR.search(text):
        # A publication date names its year; "yesterday" or "May 15" would be a guess.
        raise InvalidDateError(
            f"cannot read {value!r} as a date (expected YYYY-MM-DD or e.g. 'May 15, 2017')",
            source=source,
        )
    iso = _ISO_DATETIME.match(text)
    if iso:
        text = iso.group(1)
    for fmt in _FORMATS:
        try:
            return _checked(datetime.strptime(text, fmt).date(), value, source)
        except ValueError:
            continue
    numeric = _NUMERIC.match(text)
    if numeric:
        first, second, year = (int(part) for part in numeric.groups())
        if first <= 12 and second <= 12 and first != second:
            raise InvalidDateError(
                f"ambiguous date {value!r} (day/month order unknown); write it as YYYY-MM-DD",
                source=source,
            )
        day, month = (first, second) if first > 12 or first == second else (second, first)
        try:
            return _checked(date(year, month, day), value, source)
        except ValueError as exc:
            message = f"cannot read {value!r} as a date: {exc}"
            raise InvalidDateError(message, source=source) from exc
    parsed = _dateparser(text) if thorough else None
    if parsed is None:
        raise InvalidDateError(
            f"cannot read {value!r} as a date (expected YYYY-MM-DD or e.g. 'May 15, 2017')",
            source=source,
        )
    return _checked(parsed, value, source)


def _dateparser(text: str) -> date | None:
    import dateparser  # imported late: it is only needed for unusual date forms

    try:
        parsed = dateparser.parse(
            text,
            languages=["en"],
            settings={
                "STRICT_PARSING": True,
                "REQUIRE_PARTS": ["day", "month", "year"],
                "PREFER_DATES_FROM": "past",
                "RETURN_AS_TIMEZONE_AWARE": False,
            },
        )
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed else None


def try_date(value: str, *, thorough: bool = True) -> date | None:
    """``parse_date`` for guessing: ``None`` instead of an error."""
    if not any(ch.isdigit() for ch in value):
        return None
    try:
        return parse_date(value, source="", thorough=thorough)
    except InvalidDateError:
        return None


def _looks_like_name(text: str, max_words: int) -> bool:
    words = text.split()
    return (
        0 < len(words) <= max_words
        and text[:1].isalnum()
        and not any(ch.isdigit() for ch in text)
        and not text.endswith((".", ":", ";", "!", "?"))
    )


def read_byline(line: str, rules: BoilerplateRules) -> tuple[str, date | None] | None:
    """``By Jane Roe`` -> ("Jane Roe", None); ``By Jane Roe, May 15, 2017`` -> with the date."""
    match = rules.byline.match(line.strip())
    if not match:
        return None
    author = match.group("author").strip()
    when: date | None = None
    for separator in _OUTLET_SEPARATOR.finditer(author):
        tail = author[separator.end() :]
        when = try_date(tail)
        if when:
            author = author[: separator.start()]
            break
    author = re.split(r"\s+[|–—]\s+", author)[0].strip(" ,")
    if not _looks_like_name(author, MAX_AUTHOR_WORDS):
        return None
    return author, when


def read_dateline(line: str, rules: BoilerplateRules) -> tuple[str | None, date] | None:
    """``Global Research, May 15, 2017`` -> ("Global Research", 2017-05-15); a bare date
    or ``Published: 15 May 2017`` -> (None, date)."""
    text = line.strip()
    if len(text) > MAX_DATELINE_CHARS or not any(ch.isdigit() for ch in text):
        return None
    text = rules.date_labels.sub("", text)
    separator = _OUTLET_SEPARATOR.search(text)
    # Cheap explicit formats first, on the whole line and on the part after an outlet;
    # dateparser only for a whole line that resists them.
    for thorough in (False, True):
        when = try_date(text, thorough=thorough)
        if when:
            return None, when
        if separator:
            outlet, rest = text[: separator.start()].strip(), text[separator.end() :]
            when = try_date(rules.date_labels.sub("", rest), thorough=False)
            if when and _looks_like_name(outlet, MAX_OUTLET_WORDS):
                return outlet, when
    return None


def read_wire_dateline(paragraph: str) -> tuple[str | None, date | None] | None:
    """``KYIV, Ukraine, 20 March 2023 (Wire) - ...`` -> ("Wire", 2023-03-20); a date
    without its year gives no date (the year is not guessed); None: no dateline."""
    match = WIRE_DATELINE.match(paragraph)
    if not match:
        return None
    written = match.group("date")
    when = try_date(written, thorough=False) if _YEAR.search(written) else None
    agency = (match.group("agency") or "").strip() or None
    return agency, when


def read_tags(raw: str, rules: BoilerplateRules) -> tuple[str, ...] | None:
    """``Theme: [Terrorism](#), [War](#)`` -> ("Terrorism", "War"); None if not a tag line."""
    match = rules.tag_line.match(strip_inline(raw))
    if not match:
        return None
    values = [text for text in link_texts(raw) if text]
    if not values:
        values = [part.strip() for part in re.split(r"[,;|]", match.group("values"))]
    return tuple(dict.fromkeys(value for value in values if value))


def read_original_source(line: str, rules: BoilerplateRules) -> str | None:
    """``The original source of this article is South Front`` -> "South Front"."""
    for pattern in rules.original_source:
        match = pattern.match(line.strip())
        if match:
            name = match.group("source").strip(" ,;:")
            return name or None
    return None
