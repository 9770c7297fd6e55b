"""The model's attribute ruler, answered on the Doc's arrays: the same annotations in a
fraction of the time.

English pipelines map each fine tag to its part of speech and morphology, and fix
some words' lemmas, with an ``attribute_ruler`` of some 180 patterns. spaCy's
Matcher tries each of them at every token, testing sets of values in Python: on our
reports that is a third of the whole parse (``benchmarks/throughput.py``). Almost
all of them are one token testing plain values (a tag, a lower-case word, a flag):
``OneTokenPatterns`` answers those by looking the token's tag and word up; the rest
(two-token patterns, regular expressions) stay with a Matcher of their own.

The ruler sorts the matches it is given by rule before setting anything, so the
annotations are the stock ruler's (a test compares every token's on our reports).
Any pipeline's ruler works: a pattern the lookup cannot answer falls to the Matcher.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

from frontlines.nlp.one_token import OneTokenPatterns

__all__ = ["IndexedRulerMatcher", "speed_up_attribute_rulers", "stock_rulers"]

# What the lookup can test, the Doc's row order; anchors most selective first.
_ATTRS = ("LOWER", "ORTH", "TAG", "POS", "DEP", "IS_SPACE", "IS_PUNCT")
_ANCHORS = ("LOWER", "ORTH", "TAG", "POS", "DEP", "IS_SPACE")


class IndexedRulerMatcher:
    """Stands in for an AttributeRuler's Matcher: the same matches for the ruler."""

    def __init__(self, matcher: Matcher, keys: list[str], vocab: Vocab) -> None:
        self.stock = matcher  # kept: the ruler reads patterns back from it
        self._one_token = OneTokenPatterns(_ATTRS, _ANCHORS)
        self._rest = Matcher(vocab)
        self._added = 0
        for key in keys:
            self._route(key, matcher.get(key)[1])

    def _route(self, key: str, patterns: list[Any]) -> None:
        rest = []
        for pattern in patterns:
            if self._one_token.accepts(pattern):
                self._one_token.add(self._added, key, pattern)
                self._added += 1
            else:
                rest.append(pattern)
        if rest:
            self._rest.add(key, rest)

    def add(self, key: str, patterns: list[Any], **kwargs: Any) -> None:
        """A rule added to the ruler later (``AttributeRuler.add``)."""
        self.stock.add(key, patterns, **kwargs)
        self._route(key, patterns)

    def __call__(self, doc: Doc, *, allow_missing: bool = False, as_spans: bool = False,
                 **kwargs: Any) -> list[tuple[int, int, int]]:  # fmt: skip
        if as_spans or kwargs:
            stock: Any = self.stock  # any of the Matcher's call's forms
            return stock(doc, allow_missing=allow_missing, as_spans=as_spans, **kwargs)
        found = self._one_token.matches(doc)
        if len(self._rest):
            found.extend(self._rest(doc, allow_missing=allow_missing))
        return found

    def get(self, key: str, default: Any = None) -> Any:
        return self.stock.get(key, default)

    def __len__(self) -> int:
        return len(self.stock)

    def __contains__(self, key: str) -> bool:
        return key in self.stock


def speed_up_attribute_rulers(nlp: Language) -> Language:
    """Give each attribute ruler of ``nlp`` an ``IndexedRulerMatcher`` (in place)."""
    for _, pipe in nlp.pipeline:
        if isinstance(pipe, AttributeRuler) and isinstance(pipe.matcher, Matcher):
            # The ruler keys its patterns by rule number ("0", "1", ...).
            keys = [str(i) for i in range(len(pipe.attrs))]
            ruler: Any = pipe  # its matcher is replaced by one of another type
            ruler.matcher = IndexedRulerMatcher(pipe.matcher, keys, nlp.vocab)
    return nlp


@contextmanager
def stock_rulers(nlp: Language) -> Iterator[Language]:
    """``nlp`` with its rulers' own Matchers back for the ``with`` block: the model
    as spaCy runs it (the benchmarks' baseline; the tests' reference)."""
    rulers: list[Any] = [pipe for _, pipe in nlp.pipeline if isinstance(pipe, AttributeRuler)]
    sped = [(r, r.matcher) for r in rulers if isinstance(r.matcher, IndexedRulerMatcher)]
    for pipe, indexed in sped:
        pipe.matcher = indexed.stock
    try:
        yield nlp
    finally:
        for pipe, indexed in sped:
            pipe.matcher = indexed
