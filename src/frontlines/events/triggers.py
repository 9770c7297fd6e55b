"""Find event triggers in a parsed Doc with spaCy's Matcher, built from triggers.toml."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from frontlines.events.lexicon import Lexicon, TriggerClass

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

    def head(self, doc: Doc) -> int:
        return self.span(doc).root.i


def _word(word: str) -> dict[str, object]:
    if word == "*":
        return {"OP": "?"}
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
                "POS": {"IN": [*CONTENT_POS, "PROPN"]},
            }
        ],
    ]


class TriggerFinder:
    """Matches every trigger of a lexicon; one instance per (nlp, lexicon)."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self._matcher = Matcher(nlp.vocab)
        self._keys: dict[str, tuple[TriggerClass, bool, bool]] = {}
        for cls in lexicon.classes.values():
            self._add(cls, "lemma", [p for w in cls.lemmas for p in _single(w)], weak=False)
            self._add(cls, "phrase", [[_word(w) for w in p.split()] for p in cls.phrases], False)
            self._add(cls, "weak", [[_word(w) for w in p.split()] for p in cls.weak_phrases], True)
            patterns = [p for w in cls.object_place_lemmas for p in _single(w)]
            self._add(cls, "object", patterns, weak=False, needs_object=True)

    def _add(
        self,
        cls: TriggerClass,
        kind: str,
        patterns: list[list[dict[str, object]]],
        weak: bool,
        needs_object: bool = False,
    ) -> None:
        if not patterns:
            return
        key = f"{cls.name}:{kind}"
        self._keys[key] = (cls, weak, needs_object)
        self._matcher.add(key, patterns)

    def find(self, doc: Doc) -> list[Trigger]:
        spans = []
        for match_id, start, end in self._matcher(doc):
            key = doc.vocab.strings[match_id]
            spans.append(Span(doc, start, end, label=key))
        triggers = []
        for span in filter_spans(spans):
            cls, weak, needs_object = self._keys[span.label_]
            triggers.append(Trigger(span.start, span.end, cls, weak, needs_object))
        return triggers
