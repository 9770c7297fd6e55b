"""Constant-time answers to questions the events stage asks of a parsed Doc again
and again: ``doc.sents``, ``token.sent``, ``doc.text``, ``span.text``, and which
tokens have a lemma or lowercase form from a word list.

spaCy answers ``doc.sents`` and ``token.sent`` by first checking that the Doc has
sentence boundaries (``Doc.has_annotation``), which walks every token, and builds
``doc.text`` by joining every token; the events stage asks per trigger and per
step, so a long report paid those walks hundreds of times (a third of the stage's
time). ``index_doc`` computes them once: the sentences come back through spaCy's
own hooks as the very same spans, and ``doc_text`` returns the stored text.
``span.text`` joins its tokens too (and spaCy has no hook for it): ``span_text``
slices the stored text instead, which is the same string because a Doc's tokens
and their trailing whitespace cover its text exactly.

The rules that walk the parse tree ask ``token.head``, ``token.children``,
``token.dep_`` and ``token.pos_`` at every step, and each answer builds a Token (or
a generator of them, for the children) and looks a string up: ``parse_of`` reads
the Doc's arrays once into plain lists indexed by token, so a walk is list lookups.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, LOWER, POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

_TEXT = "frontlines.text"
_HASHES = "frontlines.lemma_lower"
_OFFSETS = "frontlines.offsets"
_PARSE = "frontlines.parse"
_LENGTHS = "frontlines.lengths"


def index_doc(doc: Doc, text: str | None = None) -> Doc:
    """Install the sentence hooks and store the text (a Doc without sentence
    boundaries keeps spaCy's own ``sent``, which raises its error there).

    ``text`` is the string the Doc was parsed from, when the caller has it: spaCy's
    tokenizer keeps every character, so it equals ``doc.text`` without the join."""
    doc.user_data[_TEXT] = doc.text if text is None else text
    if not doc.has_annotation("SENT_START"):
        return doc
    sentences = list(doc.sents)
    starts = [s.start for s in sentences]

    def sentence_of(index: int) -> Span:
        return sentences[bisect.bisect_right(starts, index) - 1]

    def token_sent(token: Token) -> Span:
        return sentence_of(token.i)

    def span_sent(span: Span) -> Span:
        return sentence_of(span.start)

    def doc_sents(_doc: Doc) -> Iterator[Span]:
        return iter(sentences)

    doc.user_hooks["sents"] = doc_sents
    doc.user_token_hooks["sent"] = token_sent
    doc.user_span_hooks["sent"] = span_sent
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, without rebuilding it when ``index_doc`` stored it."""
    text = doc.user_data.get(_TEXT)
    return text if isinstance(text, str) else doc.text


def span_text(span: Span) -> str:
    """``span.text`` (without its last token's trailing whitespace), sliced from the
    stored text when ``index_doc`` stored it."""
    text = span.doc.user_data.get(_TEXT)
    return text[span.start_char : span.end_char] if isinstance(text, str) else span.text


def lemma_lower_ids(doc: Doc) -> list[tuple[int, int]]:
    """Each token's (lemma, lowercase) string ids, read once per Doc from its array:
    a word-list test on ids needs no Token object nor string per token."""
    ids = doc.user_data.get(_HASHES)
    if not isinstance(ids, list):
        # The two columns zipped: a tuple per token built in C, not from a row list.
        rows = doc.to_array([LEMMA, LOWER])
        lemmas, lowers = rows[:, 0].tolist(), rows[:, 1].tolist()
        ids = doc.user_data[_HASHES] = list(zip(lemmas, lowers, strict=True))
    return ids


def token_offsets(doc: Doc) -> list[int]:
    """Each token's ``idx`` (its character offset), read once per Doc from its array."""
    offsets = doc.user_data.get(_OFFSETS)
    if not isinstance(offsets, list):
        offsets = doc.user_data[_OFFSETS] = doc.to_array(IDX).tolist()
    return offsets


@dataclass(frozen=True, slots=True)
class Parse:
    """A Doc's parse as lists indexed by token: ``heads[i]`` is ``doc[i].head.i``,
    ``deps[i]`` its ``dep_``, ``pos[i]`` its ``pos_``, ``tags[i]`` its ``tag_``,
    ``lemmas[i]`` its ``lemma_``, ``lowers[i]`` its ``lower_``, and ``children[i]``
    the indexes of ``doc[i].children``, in the same (ascending) order."""

    heads: list[int]
    deps: list[str]
    pos: list[str]
    tags: list[str]
    lemmas: list[str]
    lowers: list[str]
    children: list[list[int]]

    def has_child(self, i: int, deps: frozenset[str]) -> bool:
        """Some child of token ``i`` bears one of these relations."""
        # No generator: asked at every step of every walk.
        return not deps.isdisjoint(map(self.deps.__getitem__, self.children[i]))

    def extent(self, i: int) -> tuple[int, int, int]:
        """The first and last token of ``doc[i].subtree`` and its length: the
        subtree is the left children's subtrees, the token, the right ones'."""
        children = self.children
        first = last = i
        while children[first] and children[first][0] < first:
            first = children[first][0]
        while children[last] and children[last][-1] > last:
            last = children[last][-1]
        size, below = 0, [i]
        while below:
            size += 1
            below.extend(children[below.pop()])
        return first, last, size


# String ids -> strings, for every Doc: an id is the hash of its string (or a fixed
# symbol: a relation, a part of speech), the same in every vocabulary, and most
# words come back in the next report. Cleared past a size a long run may reach.
_NAMES: dict[int, str] = {}
_MAX_NAMES = 200_000


def parse_of(doc: Doc) -> Parse:
    """The Doc's ``Parse``, read once from its arrays and kept on the Doc."""
    known = doc.user_data.get(_PARSE)
    if isinstance(known, Parse):
        return known
    rows = doc.to_array([HEAD, DEP, POS, TAG, LEMMA, LOWER])
    # HEAD is the head's offset from the token, negative ones wrapped as unsigned.
    heads = (rows[:, 0].astype(numpy.int64) + numpy.arange(len(doc))).tolist()
    strings = doc.vocab.strings
    if len(_NAMES) > _MAX_NAMES:
        _NAMES.clear()

    def read(column: int) -> list[str]:
        ids = rows[:, column].tolist()
        try:
            return list(map(_NAMES.__getitem__, ids))
        except KeyError:
            for string_id in set(ids).difference(_NAMES):
                _NAMES[string_id] = strings[string_id]
            return list(map(_NAMES.__getitem__, ids))

    children: list[list[int]] = [[] for _ in heads]
    for index, head in enumerate(heads):
        if head != index:  # a root is its own head, not its own child
            children[head].append(index)
    parse = Parse(heads, read(1), read(2), read(3), read(4), read(5), children)
    doc.user_data[_PARSE] = parse
    return parse


def expand_span(doc: Doc, start: int, end: int) -> Span | None:
    """``doc.char_span(start, end, alignment_mode="expand")``, its tokens found by
    bisection on the Doc's offsets (spaCy's builds Tokens to compare at each call).

    As spaCy does: the tokens holding the first and the last character (a token
    holds its trailing whitespace), none if either lies outside the text; a span
    starting on the whitespace after a token starts at the next one."""
    offsets = token_offsets(doc)
    size = len(doc_text(doc))
    if not 0 <= start < size or not 0 <= end - 1 < size:
        return None
    first = bisect.bisect_right(offsets, start) - 1
    last = bisect.bisect_right(offsets, end - 1) - 1
    if start == offsets[first] + token_lengths(doc)[first]:
        first += 1
    return Span(doc, first, last + 1)


def token_lengths(doc: Doc) -> list[int]:
    """Each token's ``len(token)`` (without its whitespace), read once per Doc."""
    lengths = doc.user_data.get(_LENGTHS)
    if not isinstance(lengths, list):
        lengths = doc.user_data[_LENGTHS] = doc.to_array(LENGTH).tolist()
    return lengths


class WordIds:
    """A word list as string ids: ``lower(i)`` is ``token.lower_ in words``, and
    ``lemma(i)`` is ``token.lemma_.lower() in words``, for a string id ``i``."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        self._ids = frozenset(get_string_id(w) for w in self.words)
        self._lemmas: dict[int, bool] = {}

    def lower(self, string_id: int) -> bool:
        return string_id in self._ids

    def any_lower(self, ids: list[tuple[int, int]]) -> bool:
        """Whether some token of ``ids`` (from ``lemma_lower_ids``) has a lowercase
        form in the list."""
        return not self._ids.isdisjoint([lower for _, lower in ids])

    def lemma(self, string_id: int, doc: Doc) -> bool:
        known = self._lemmas.get(string_id)
        if known is None:
            known = self._lemmas[string_id] = doc.vocab.strings[string_id].lower() in self.words
        return known

    def lemma_positions(self, ids: list[tuple[int, int]], doc: Doc, start: int = 0) -> list[int]:
        """``positions`` by the lemma alone: the tokens for which ``lemma(lemma_id, doc)``."""
        lemmas = self._lemmas
        for string_id in {lemma for lemma, _ in ids}.difference(lemmas):
            self.lemma(string_id, doc)
        return [i for i, (lemma, _) in enumerate(ids, start) if lemmas[lemma]]

    def positions(self, ids: list[tuple[int, int]], doc: Doc, start: int = 0) -> list[int]:
        """The indexes, counted from ``start``, of the tokens of ``ids`` (from
        ``lemma_lower_ids``) for which ``lemma(lemma_id, doc) or lower(lower_id)``:
        the lemmas not met before are read once, then one comprehension tests the
        sentence with no call per token."""
        lemmas = self._lemmas
        for string_id in {lemma for lemma, _ in ids}.difference(lemmas):
            self.lemma(string_id, doc)
        words = self._ids
        return [i for i, (lemma, lower) in enumerate(ids, start) if lemmas[lemma] or lower in words]
