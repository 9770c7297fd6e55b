"""The other side of a "between" list for an event that names only one side.

"Regime forces captured the village following clashes between regime forces,
supported by allied militias, and HTS": the capture's own clause names no one it was
taken from, and the parse often hangs HTS under the support phrase. The list says who
fought whom: the side named first and its helpers against the rest. The sentence is
read first, then the one before it ("Clashes took place between A and B. A took the
village.").
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from frontlines.events.actors import Actor
from frontlines.events.candidate import ResolvedMention
from frontlines.events.sides import allied
from frontlines.events.subevents import ARMED_KINDS

# "between <list>" up to where the list ends (a place, a time, a result).
_LIST = re.compile(
    r"\bbetween\s+(?P<list>.+?)(?=\s+(?:in|on|at|near|around|over|during|after|following"
    r"|while|because|due|amid|resulting|killing|injuring|wounding|leaving|with neither"
    r"|with no)\b|[.;:]|$)"
)
# A comma-closed qualifier inside the list (", supported by X,", ", which operates under
# Y,"): the names in it help the name before it, they are not a side.
_QUALIFIER = re.compile(
    r",\s+(?:(?:which|who|that)\s+\w+\s+)?(?:supported|backed|aided|assisted|accompanied"
    r"|including|led|operating|operates?)\b[^,]*,"
)
_SUPPORT_BEFORE = re.compile(r"\b(?:supported|backed|aided|assisted)\s+by\s+(?:the\s+)?$")


def listed_opponent(known: Actor, root: Token, paragraph: list[ResolvedMention]) -> Actor | None:
    """The first armed group on the other side of a "between" list that names
    ``known``, in the trigger's sentence or the one before it; None without one."""
    sentence = root.sent
    for span in (sentence, _previous(sentence)):
        if span is None:
            continue
        found = _other_side(known, span, paragraph)
        if found is not None:
            return found
    return None


def _previous(sentence: Span) -> Span | None:
    if sentence.start == 0:
        return None
    return sentence.doc[sentence.start - 1].sent


def _other_side(known: Actor, span: Span, paragraph: list[ResolvedMention]) -> Actor | None:
    text = span.text
    match = _LIST.search(text)
    if match is None:
        return None
    start = span.start_char + match.start("list")
    end = span.start_char + match.end("list")
    helpers = [
        (span.start_char + q.start(), span.start_char + q.end())
        for q in _QUALIFIER.finditer(text, match.start("list"), match.end("list"))
    ]
    doc_text = span.doc.text
    listed = [
        m.actor for m in paragraph
        if start <= m.mention.start < end
        and not any(a <= m.mention.start < b for a, b in helpers)
        and not _SUPPORT_BEFORE.search(doc_text, max(start, m.mention.start - 30), m.mention.start)
    ]  # fmt: skip
    if not listed or listed[0].root != known.root:
        return None  # the list does not start with the known side
    return next(
        (
            a for a in listed[1:]
            if a.kind in ARMED_KINDS and a.root != known.root and not allied(known, a)
        ),
        None,
    )  # fmt: skip
