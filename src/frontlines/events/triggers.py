"""Find event triggers in a parsed Doc with spaCy's Matcher, built from triggers.toml."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from frontlines.events.lexicon import Lexicon, TriggerClass
from frontlines.events.pattern_fit import ROW_ATTRS, PatternFits
from frontlines.nlp.one_token import OneTokenPatterns

# Single-word triggers must be content words: "March" the month is not a march and
# "mine" the pronoun is not a landmine.
CONTENT_POS = ["NOUN", "VERB", "ADJ"]
MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


_ROOTS = "frontlines.trigger_roots"


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger span in the Doc and the class of happening it signals."""

    start: int  # token index
    end: int
    cls: TriggerClass
    weak: bool = False
    needs_place_object: bool = False

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]

    def root(self, doc: Doc) -> Token:
        """``span(doc).root``; a one-word trigger's without building the Span (the
        events stage asks for it at every rule), a longer one's remembered on the Doc."""
        if self.end - self.start == 1:
            return doc[self.start]
        roots = doc.user_data.setdefault(_ROOTS, {})
        index = roots.get((self.start, self.end))
        if index is None:
            index = roots[(self.start, self.end)] = self.span(doc).root.i
        return doc[index]

    def head(self, doc: Doc) -> int:
        return self.root(doc).i


def _word(word: str) -> dict[str, object]:
    if word == "*":
        return {"OP": "?"}
    if word == "+":
        # One optional modifier ("gained full control", "regained their control"), never
        # a preposition: "made gains towards controlling X" is an aim, not a capture.
        return {"OP": "?", "POS": {"IN": ["ADJ", "DET", "PRON", "ADV", "NUM"]}}
    if word == "-":
        return {"ORTH": {"IN": ["-", "‐", "–"]}}
    return {"LEMMA": {"IN": [word, word.capitalize(), word.upper()]}}


def _single(word: str) -> list[list[dict[str, object]]]:
    variants = sorted({word, word + "s", word + "es", word + "ed", word + "d", word + "ing"})
    return [
        [{"LEMMA": {"IN": [word, word.capitalize()]}, "POS": {"IN": CONTENT_POS}}],
        [
            {
                "LOWER": {"IN": variants, "NOT_IN": sorted(MONTHS)},
                # AUX: the small model tags a gerund opening a sentence ("Shelling hit
                # the town") as an auxiliary; no trigger word is a real one.
                "POS": {"IN": [*CONTENT_POS, "PROPN", "AUX"]},
            }
        ],
    ]


# Token attributes a pattern's first token can be anchored on (see TriggerFinder).
_ANCHOR_ATTRS = ("LEMMA", "LOWER", "ORTH")
# Window matchers kept (one per distinct set of patterns a window can start).
_WINDOW_MATCHERS = 4096

Pattern = list[dict[str, object]]


class TriggerFinder:
    """Matches every trigger of a lexicon; one instance per (nlp, lexicon).

    Speed: spaCy's Matcher starts every pattern (~560) at every token, which cost
    four times the parse itself. A match can only start at a token equal to its
    pattern's first word, so ``find`` matches only the windows that start at such a
    token (as long as the longest pattern starting with it), each with a Matcher of
    just the patterns that can start inside it, added in the lexicon's order. The
    matches are the ones the one big Matcher finds, in the same order for equal
    spans (the order ``filter_spans`` breaks ties by): a match lies inside the
    window of its first token, and the Matcher handles each pattern's states
    independently of the other patterns, keeping their relative order.
    """

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self._vocab = nlp.vocab
        self._matcher = Matcher(nlp.vocab)
        self._keys: dict[str, tuple[TriggerClass, bool, bool]] = {}
        self._patterns: list[tuple[str, Pattern]] = []
        # (attribute, first-word value) -> the patterns starting so, by index; None
        # when some pattern could start anywhere (then the whole Doc is matched).
        self._anchors: dict[tuple[str, str], list[int]] | None = {}
        self._window_matchers: OrderedDict[tuple[int, ...], Matcher] = OrderedDict()
        self._lengths: list[int] = []  # each pattern's number of tokens, by index
        # One-word patterns are matched on the Doc's arrays (nlp/one_token.py); the
        # windows hold the longer ones.
        self._one_word = OneTokenPatterns(ROW_ATTRS, _ANCHOR_ATTRS)
        # The longer ones tested on the Doc's rows first: a window none of whose
        # patterns can match is no Matcher call (pattern_fit.py).
        self._fits = PatternFits()
        for cls in lexicon.classes.values():
            self._add(cls, "lemma", [p for w in cls.lemmas for p in _single(w)], weak=False)
            self._add(cls, "phrase", [[_word(w) for w in p.split()] for p in cls.phrases], False)
            self._add(cls, "weak", [[_word(w) for w in p.split()] for p in cls.weak_phrases], True)
            patterns = [p for w in cls.object_place_lemmas for p in _single(w)]
            self._add(cls, "object", patterns, weak=False, needs_object=True)
        # The anchors by string hash, one table per attribute (as in _ANCHOR_ATTRS):
        # a Doc's attributes come as hashes in one array, not a Python string per
        # token and attribute.
        self._anchor_ids: tuple[dict[int, list[int]], ...] = tuple(
            {get_string_id(word): indexes for (a, word), indexes in (self._anchors or {}).items()
             if a == attr}
            for attr in _ANCHOR_ATTRS
        )  # fmt: skip

    def _add(
        self,
        cls: TriggerClass,
        kind: str,
        patterns: list[Pattern],
        weak: bool,
        needs_object: bool = False,
    ) -> None:
        if not patterns:
            return
        key = f"{cls.name}:{kind}"
        self._keys[key] = (cls, weak, needs_object)
        self._matcher.add(key, patterns)
        for pattern in patterns:
            if self._one_word.accepts(pattern):
                self._one_word.add(len(self._patterns), key, pattern)
            else:
                self._add_anchor(len(self._patterns), pattern)
                self._fits.add(len(self._patterns), pattern)
            self._patterns.append((key, pattern))

    def _add_anchor(self, index: int, pattern: Pattern) -> None:
        if self._anchors is None:
            return
        first = pattern[0]
        found = [(a, first[a]) for a in _ANCHOR_ATTRS if a in first]
        values = found[0][1] if len(found) == 1 else None
        if isinstance(values, dict):
            values = values.get("IN")
        elif isinstance(values, str):
            values = [values]
        if "OP" in first or not isinstance(values, list):
            self._anchors = None  # an optional or unanchored first token: no windows
            return
        for word in values:
            self._anchors.setdefault((found[0][0], str(word)), []).append(index)

    def _windows(self, doc: Doc, rows: list[list[int]]) -> list[tuple[int, int, tuple[int, ...]]]:
        """Disjoint token ranges holding every possible match, in Doc order, each with
        the patterns that may match from one of its tokens (``PatternFits``). A range
        with none holds no match and is left out (the ranges are drawn with every
        pattern that starts at their tokens, so the others are the same).

        The Matcher tests most patterns' sets of words in Python, token by token: a
        range's Matcher of its fitting patterns alone (one or two, of some fifteen
        starting there) finds the same matches in the same order, in a fraction of
        the time, as the patterns' states never meet."""
        assert self._anchors is not None
        by_lemma, by_lower, by_orth = self._anchor_ids
        fits = self._fits.fits
        if len(self._lengths) != len(self._patterns):
            self._lengths = [len(pattern) for _, pattern in self._patterns]
        length = self._lengths.__getitem__
        # Each range: its bounds and, for each of its tokens that start patterns, the
        # patterns that fit there (each pattern tested once per token).
        windows: list[tuple[int, int, list[int]]] = []
        for index, (lemma, lower, orth, _) in enumerate(rows):
            if lemma not in by_lemma and lower not in by_lower and orth not in by_orth:
                continue  # most tokens start no pattern: no list built for them
            starting = [*by_lemma.get(lemma, ()), *by_lower.get(lower, ()), *by_orth.get(orth, ())]
            start, end = index, min(index + max(map(length, starting)), len(doc))
            fitting = [i for i in starting if fits(i, rows, index)]
            if windows and start < windows[-1][1]:
                first, last, fitted = windows[-1]
                fitted.extend(fitting)
                windows[-1] = (first, max(last, end), fitted)
            else:
                windows.append((start, end, fitting))
        return [
            (first, last, tuple(sorted(set(fitted)))) for first, last, fitted in windows if fitted
        ]

    def _window_matcher(self, patterns: tuple[int, ...]) -> Matcher:
        matcher = self._window_matchers.get(patterns)
        if matcher is None:
            matcher = Matcher(self._vocab)
            for index in patterns:  # in lexicon order, as in the big Matcher
                key, pattern = self._patterns[index]
                matcher.add(key, [pattern])
            self._window_matchers[patterns] = matcher
            if len(self._window_matchers) > _WINDOW_MATCHERS:
                self._window_matchers.popitem(last=False)
        else:
            self._window_matchers.move_to_end(patterns)
        return matcher

    def _matches(self, doc: Doc) -> Iterator[tuple[int, int, int]]:
        if self._anchors is None:
            yield from self._matcher(doc)
            return
        # spaCy's Matcher first checks that the Doc has each annotation its patterns
        # read (tags, lemmas, the parse), walking every token of the Doc per attribute
        # and call: a report's dozen windows walked it dozens of times. Each attribute
        # is checked at its first window; later windows reading only checked ones skip
        # the walk (same answers; the same error for a Doc that lacks one).
        checked: set[int] = set()
        rows = doc.to_array(list(ROW_ATTRS)).tolist()  # a row of string ids per token
        for first, last, patterns in self._windows(doc, rows):
            matcher = self._window_matcher(patterns)
            attrs = getattr(matcher, "_seen_attrs", None)
            known = attrs is not None and attrs <= checked
            for match_id, start, end in matcher(doc[first:last], allow_missing=known):
                yield match_id, first + start, first + end
            if attrs is not None:
                checked |= attrs
        # Only spans of one word tie with these (``filter_spans`` keeps the first of
        # equal spans), and they come in the Matcher's order for one word.
        yield from self._one_word.matches(doc, rows)

    def find(self, doc: Doc) -> list[Trigger]:
        spans = []
        for match_id, start, end in self._matches(doc):
            key = doc.vocab.strings[match_id]
            spans.append(Span(doc, start, end, label=key))
        triggers = []
        for span in filter_spans(spans):
            cls, weak, needs_object = self._keys[span.label_]
            triggers.append(Trigger(span.start, span.end, cls, weak, needs_object))
        return triggers
