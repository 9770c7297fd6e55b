"""From a raw report (Markdown or plain text) to its final body text and metadata.

A republished report has three parts, read in order:

    header   title heading, byline, dateline ("Outlet, May 15, 2017"), tag lines,
             link-only lines                       -> metadata, not text
    body     the report                            -> kept, minus boilerplate paragraphs
    trailer  from the footer marker ("The original source of this article is ...",
             "Copyright ©") to the end              -> dropped, original source kept

Inside the body a paragraph is dropped as boilerplate when it starts with a boilerplate
pattern, or contains one and is also short, link-dominated or dense with such patterns
(``boilerplate.toml`` holds the patterns). The kept paragraphs are joined with a blank
line; that text is final: every later character offset points into it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from frontlines.ingest.boilerplate import BoilerplateRules, load_rules
from frontlines.ingest.markdown import (
    Paragraph,
    is_link_only,
    link_ratio,
    normalise,
    split_paragraphs,
    strip_inline,
)
from frontlines.ingest.metadata import (
    read_byline,
    read_dateline,
    read_original_source,
    read_tags,
    read_wire_dateline,
)

PARAGRAPH_SEPARATOR = "\n\n"
# A "contains" hit drops a paragraph only if the paragraph is this short (in words) ...
# Calibrated on donation appeals and share prompts, which run 5-50 words, while report
# paragraphs that merely mention PayPal or a Facebook page run longer; see the tests.
SHORT_PARAGRAPH_WORDS = 80
# ... or this much of it is links/URLs (a donation line listing payment links) ...
LINK_DOMINATED_RATIO = 0.3
# ... or it holds this many boilerplate phrases (a fair-use notice repeats "copyrighted
# material" and "fair use"; a report on fundraising mentions PayPal twice at most).
DENSE_HITS = 3
# A one-line first paragraph of plain text with no closing punctuation and at most this
# many words is the title ("Army retakes Saraqib"), as in plain-text exports of pages.
TITLE_MAX_WORDS = 20
_SENTENCE_END = (".", "!", "?", ":", ";", ",", '"', "”", "’", ")")


@dataclass(frozen=True, slots=True)
class CleanedReport:
    """The final body text, the metadata read around it, and what was dropped (and why)."""

    text: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: date | None = None
    original_source: str | None = None
    tags: tuple[str, ...] = ()
    dropped: tuple[tuple[str, str], ...] = ()
    # The name before the date of an "X, 3 March 2024" line, taken as the outlet; it
    # may be a place instead ("Daraa, 3 March 2024"), which only the gazetteer knows.
    dateline_name: str | None = None

    def dropped_categories(self) -> set[str]:
        return {category for category, _ in self.dropped}


@dataclass(slots=True)
class _State:
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: date | None = None
    original_source: str | None = None
    dateline_name: str | None = None
    tags: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)

    def drop(self, category: str, raw: str) -> None:
        self.dropped.append((category, strip_inline(raw)))

    def add_tags(self, tags: tuple[str, ...]) -> None:
        self.tags.extend(tag for tag in tags if tag not in self.tags)


def clean_report(raw_text: str, *, rules: BoilerplateRules | None = None) -> CleanedReport:
    """Clean one report given as Markdown or plain text (see the module docstring)."""
    rules = rules or load_rules()
    paragraphs = split_paragraphs(normalise(raw_text), structural=rules.tag_line)
    state = _State()
    body = _read_header(paragraphs, state, rules)
    _read_body(body, state, rules)
    return CleanedReport(
        text=PARAGRAPH_SEPARATOR.join(state.kept),
        title=state.title,
        author=state.author,
        publisher=state.publisher,
        published=state.published,
        original_source=state.original_source,
        tags=tuple(state.tags),
        dropped=tuple(state.dropped),
        dateline_name=state.dateline_name,
    )


def _header_line(line: str, state: _State, rules: BoilerplateRules) -> bool:
    """Take one header line into the metadata; False when it is not a header line."""
    if is_link_only(line):
        state.drop("links", line)
        return True
    tags = read_tags(line, rules)
    if tags is not None:
        state.add_tags(tags)
        state.drop("tags", line)
        return True
    plain = strip_inline(line)
    if not plain:
        return True
    byline = read_byline(plain, rules)
    if byline is not None:
        state.author = state.author or byline[0]
        state.published = state.published or byline[1]
        state.drop("byline", line)
        return True
    dateline = read_dateline(plain, rules)
    if dateline is not None:
        if dateline[0] and not state.publisher:
            state.dateline_name = dateline[0]
        state.publisher = state.publisher or dateline[0]
        state.published = state.published or dateline[1]
        state.drop("dateline", line)
        return True
    return False


def _is_plain_title(paragraph: Paragraph, index: int, total: int) -> bool:
    plain = strip_inline(paragraph.raw)
    return (
        index == 0
        and total > 1
        and len(paragraph.lines) == 1
        and 0 < len(plain.split()) <= TITLE_MAX_WORDS
        and not plain.endswith(_SENTENCE_END)
    )


def _read_header(
    paragraphs: list[Paragraph], state: _State, rules: BoilerplateRules
) -> Iterator[Paragraph]:
    """Consume the header paragraphs; return the rest (the body) as an iterator."""
    queue = iter(paragraphs)
    for index, paragraph in enumerate(queue):
        if paragraph.kind == "rule":
            continue
        if paragraph.kind == "heading":
            if state.title is None:
                state.title = strip_inline(paragraph.raw) or None
                continue
            return _chain(paragraph, queue)
        # A header block may hold several header lines without blank lines between them
        # ("By X" then "Outlet, date"): read it line by line, the rest is body.
        lines = list(paragraph.lines)
        while lines and _header_line(lines[0].strip(), state, rules):
            lines.pop(0)
        untouched = bool(lines) and len(lines) == len(paragraph.lines)
        first_title = state.title is None and _is_plain_title(paragraph, index, len(paragraphs))
        if untouched and first_title:
            state.title = strip_inline(paragraph.raw)
            continue
        if lines:
            rest = Paragraph("text", " ".join(line.strip() for line in lines), tuple(lines))
            return _chain(rest, queue)
    return iter(())


def _chain(first: Paragraph, rest: Iterator[Paragraph]) -> Iterator[Paragraph]:
    yield first
    yield from rest


def _boilerplate(plain: str, raw: str, rules: BoilerplateRules) -> str | None:
    """The boilerplate category of a body paragraph, or None for report text."""
    for category in rules.categories:
        if any(pattern.match(plain) for pattern in category.starts):
            return category.name
    # Match the plain text and the raw Markdown, so that URLs (".../donate") count too.
    haystack = f"{plain}\n{raw}"
    if not rules.any_contains.search(haystack):
        return None
    first: str | None = None
    hits = 0
    for category in rules.categories:
        for pattern in category.contains:
            found = len(pattern.findall(haystack))
            if found:
                first = first or category.name
                hits += found
    if first is None:
        return None
    short = len(plain.split()) <= SHORT_PARAGRAPH_WORDS
    if short or link_ratio(raw) >= LINK_DOMINATED_RATIO or hits >= DENSE_HITS:
        return first
    return None


def _is_footer(plain: str, rules: BoilerplateRules) -> bool:
    return any(pattern.match(plain) for pattern in rules.footer_starts)


def _read_body(body: Iterator[Paragraph], state: _State, rules: BoilerplateRules) -> None:
    in_trailer = False
    for paragraph in body:
        raw = paragraph.raw
        plain = strip_inline(raw)
        if in_trailer:
            state.original_source = state.original_source or read_original_source(plain, rules)
            state.drop("trailer", raw)
            continue
        if paragraph.kind == "rule":
            state.drop("rule", raw)
            continue
        if _is_footer(plain, rules):
            state.original_source = state.original_source or read_original_source(plain, rules)
            state.drop("footer", raw)
            # At the very top, "originally published by X" is a note, not the end.
            in_trailer = bool(state.kept)
            continue
        tags = read_tags(raw, rules)
        if tags is not None:
            state.add_tags(tags)
            state.drop("tags", raw)
            continue
        category = _boilerplate(plain, raw, rules)
        if category is not None:
            state.drop(category, raw)
            continue
        if is_link_only(raw) or not any(ch.isalpha() for ch in plain):
            state.drop("links", raw)
            continue
        if not state.kept:
            # Wire copy dates itself in its first paragraph; the dateline stays in the
            # text (the events stage reads past it).
            wire = read_wire_dateline(plain)
            if wire is not None:
                state.publisher = state.publisher or wire[0]
                state.published = state.published or wire[1]
        state.kept.append(plain)
