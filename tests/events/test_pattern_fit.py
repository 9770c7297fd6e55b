"""The trigger finder's test on the Doc's rows never turns away a window the Matcher
finds a match in: every match of every longer pattern starts at a token the pattern
fits from, and the test does turn most windows away."""

from __future__ import annotations

from importlib import resources

from spacy.matcher import Matcher
from spacy.tokens import Doc

from frontlines.events.lexicon import load_lexicon
from frontlines.events.pattern_fit import ROW_ATTRS, PatternFits
from frontlines.events.triggers import TriggerFinder
from frontlines.events.word_triggers import OneWordPatterns
from frontlines.nlp import load_nlp
from frontlines.nlp.lookups import index_doc

# Sentences of our own that hold phrases (with and without optional words) and the
# first words of phrases they do not complete.
SENTENCES = [
    "Heavy clashes broke out between the two sides near the bridge.",
    "Heavy rain fell; the clashes of last week were over.",
    "The army launched a counter-offensive and a counter - attack on the hill.",
    "Fighters carried out an attack with a car bomb at the checkpoint.",
    "A roadside bomb went off, and an IED exploded on the highway.",
    "Protesters took to the streets and set fire to tyres.",
]


def _docs() -> list[Doc]:
    nlp = load_nlp()
    examples = resources.files("frontlines.data").joinpath("examples")
    texts = [f.read_text(encoding="utf-8") for f in examples.iterdir() if f.name.endswith(".md")]
    texts += SENTENCES
    return [index_doc(doc, text) for text, doc in zip(texts, nlp.pipe(texts), strict=True)]


def test_every_match_of_a_longer_pattern_starts_where_it_fits() -> None:
    nlp = load_nlp()
    finder = TriggerFinder(nlp, load_lexicon())
    longer = [(i, key, p) for i, (key, p) in enumerate(finder._patterns)
              if not OneWordPatterns.takes(p)]  # fmt: skip
    fits = PatternFits()
    matcher = Matcher(nlp.vocab)
    for index, _key, pattern in longer:
        fits.add(index, pattern)
        matcher.add(str(index), [pattern])
    starts_tried = turned_away = matched = 0
    for doc in _docs():
        rows = doc.to_array(ROW_ATTRS).tolist()
        found = {(int(nlp.vocab.strings[m]), start) for m, start, _ in matcher(doc)}
        matched += len(found)
        for index, _, _ in longer:
            for start in range(len(doc)):
                fitting = fits.fits(index, rows, start)
                if (index, start) in found:
                    assert fitting, (finder._patterns[index], doc[start : start + 4].text)
                starts_tried += 1
                turned_away += not fitting
    assert matched > 10
    assert turned_away > 0.9 * starts_tried


def test_untestable_patterns_always_fit() -> None:
    fits = PatternFits()
    fits.add(0, [{"LOWER": "heavy"}, {"OP": "+"}])
    fits.add(1, [{"LOWER": "heavy"}, {"TEXT": {"REGEX": "^clash"}}])
    assert fits.fits(0, [], 0) and fits.fits(1, [], 0)


def test_optional_words_may_be_skipped_or_taken() -> None:
    doc = load_nlp()("Heavy clashes and heavy armed clashes.")
    rows = doc.to_array(ROW_ATTRS).tolist()
    fits = PatternFits()
    fits.add(0, [{"LOWER": "heavy"}, {"OP": "?"}, {"LOWER": "clashes"}])
    fits.add(1, [{"LOWER": "heavy"}, {"LOWER": "clashes"}])
    assert [fits.fits(0, rows, i) for i in range(len(doc))] == [
        True, False, False, True, False, False, False,
    ]  # fmt: skip
    assert [fits.fits(1, rows, i) for i in range(len(doc))] == [True] + [False] * 6
