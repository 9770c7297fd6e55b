"""Markdown syntax, and only syntax: paragraphs out of blocks, plain text out of inline marks.

Reports arrive as Markdown exports of web pages or as plain text; both go through here
(plain text simply has no marks to remove). What the paragraphs *mean* (header, body,
boilerplate) is decided in ``clean.py``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Inline marks. Links keep their text; images and URLs go entirely.
_IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<url>(?:[^()\s]|\([^()]*\))*)(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?:(?:https?|ftp|mailto):[^>\s]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]'’]")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_CODE = re.compile(r"`+")
# Markdown backslash escapes: protected while marks are stripped, restored after.
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")
_ESCAPE_BASE = 0xE000  # private-use area: never in real report text
_UNESCAPE = {_ESCAPE_BASE + code: code for code in range(128)}
_STAR_EMPHASIS = re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1")
_UNDERSCORE_EMPHASIS = re.compile(r"(?<!\w)(_{1,3})(?=\S)(.+?)(?<=\S)\1(?!\w)")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?)])")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")

# Block-level marks, one line at a time.
_HEADING = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(?P<text>.*?))?\s*#*\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_REF_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
# Unicode category Cc except tab and newline (carriage returns are gone by then).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the source: its kind, its raw Markdown and its source lines."""

    kind: str  # "text", "heading" or "rule"
    raw: str
    lines: tuple[str, ...]


def normalise(text: str) -> str:
    """Unicode NFC, ``\\n`` line ends, no invisible or control characters."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(" ", text)


def split_paragraphs(text: str, *, structural: re.Pattern[str] | None = None) -> list[Paragraph]:
    """Paragraphs of normalised text.

    Blank lines separate blocks. Inside a block, soft-wrapped lines join, but headings,
    rules, list items, lines after a hard break and lines matching ``structural`` (tag
    lines) stand alone. A text without any blank line is read one paragraph per line:
    that is how plain-text exports and trafilatura's output separate paragraphs.
    """
    lines = text.split("\n")
    one_per_line = "\n\n" not in text.strip()
    paragraphs: list[Paragraph] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            joined = " ".join(line.strip() for line in current)
            paragraphs.append(Paragraph("text", joined, tuple(current)))
            current.clear()

    for line in lines:
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if _REF_DEFINITION.match(line):
            continue
        if current and _SETEXT.match(line) and not _LIST_ITEM.match(current[-1]):
            # "Title\n=====": the lines above the underline are a heading.
            heading = " ".join(part.strip() for part in current)
            current.clear()
            paragraphs.append(Paragraph("heading", heading, (heading,)))
            continue
        heading_match = _HEADING.match(line)
        if heading_match:
            flush()
            words = heading_match.group("text") or ""
            paragraphs.append(Paragraph("heading", words, (line,)))
            continue
        if _RULE.match(line):
            flush()
            paragraphs.append(Paragraph("rule", stripped, (line,)))
            continue
        line = _QUOTE.sub("", line)
        standalone = bool(_LIST_ITEM.match(line)) or bool(
            structural is not None and structural.match(strip_inline(line))
        )
        hard_break_before = bool(current) and (
            current[-1].endswith("  ") or current[-1].rstrip().endswith("\\")
        )
        if one_per_line or standalone or hard_break_before:
            flush()
        current.append(line.rstrip("\\ ") if line.rstrip().endswith("\\") else line)
        if standalone:
            flush()
    flush()
    return paragraphs


def _escape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(_ESCAPE_BASE + ord(m.group(1))), text)


def _unescape(text: str) -> str:
    return text.translate(_UNESCAPE)


@lru_cache(maxsize=4096)  # the cleaner asks for the same paragraph several times
def strip_inline(raw: str) -> str:
    """Plain text of one paragraph: link text kept, URLs, images and marks removed."""
    text = _escape(raw)
    text = _LIST_ITEM.sub("", text, count=1)
    text = _IMAGE.sub(" ", text)
    text = _LINK.sub(lambda m: m.group("text"), text)
    text = _REF_LINK.sub(lambda m: m.group("text"), text)
    text = _AUTOLINK.sub(" ", text)
    text = _HTML_TAG.sub(" ", text)
    text = _BARE_URL.sub(" ", text)
    text = _CODE.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = _STAR_EMPHASIS.sub(lambda m: m.group(2), text)
        text = _UNDERSCORE_EMPHASIS.sub(lambda m: m.group(2), text)
    # An unbalanced star left over is a mark, never report text.
    text = text.replace("*", "")
    text = html.unescape(_unescape(text))
    text = " ".join(text.split())
    text = _EMPTY_BRACKETS.sub("", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return " ".join(text.split())


def link_ratio(raw: str) -> float:
    """Share of a paragraph's characters taken by links, URLs and e-mail addresses."""
    if not raw.strip():
        return 0.0
    covered = 0
    for pattern in (_IMAGE, _LINK, _AUTOLINK):
        covered += sum(len(m.group(0)) for m in pattern.finditer(raw))
        raw = pattern.sub(" ", raw)
    covered += sum(len(m.group(0)) for m in _BARE_URL.finditer(raw))
    return covered / max(1, covered + len(_BARE_URL.sub("", raw).strip()))


def is_link_only(raw: str) -> bool:
    """A paragraph made of links or images and punctuation, nothing else."""
    if not (_LINK.search(raw) or _IMAGE.search(raw) or _AUTOLINK.search(raw)):
        return False
    rest = _BARE_URL.sub(" ", _AUTOLINK.sub(" ", _LINK.sub(" ", _IMAGE.sub(" ", raw))))
    return not any(ch.isalnum() for ch in rest)


def link_texts(raw: str) -> list[str]:
    """The visible texts of a paragraph's links, in order."""
    return [strip_inline(m.group("text")) for m in _LINK.finditer(raw)]
