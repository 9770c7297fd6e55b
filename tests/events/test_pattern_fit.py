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
              if not finder._one_word.accepts(p)]  # fmt: skip
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


def _fits_by_choices(tests, k: int, rows, at: int) -> bool:  # type: ignore[no-untyped-def]
    """The token tests met choice by choice: skip an optional token, or meet it."""
    if k == len(tests):
        return True
    optional, checks = tests[k]
    if optional and _fits_by_choices(tests, k + 1, rows, at):
        return True
    if at >= len(rows):
        return False
    value_ok = all(
        (allowed is None or rows[at][column] in allowed) and rows[at][column] not in excluded
        for column, allowed, excluded in checks
    )
    return value_ok and _fits_by_choices(tests, k + 1, rows, at + 1)


def test_positions_reached_test_by_test_are_the_choices_one_by_one() -> None:
    import random

    from frontlines.events.pattern_fit import _fits

    fits = PatternFits()
    finder = TriggerFinder(load_nlp(), load_lexicon())
    for index, (_, pattern) in enumerate(finder._patterns):
        fits.add(index, pattern)
    longer = [t for t in fits._patterns.values() if t is not None and len(t) > 1]
    assert any(any(optional for optional, _ in t) for t in longer)
    rng = random.Random(3)

    def row_for(checks) -> list[int]:  # type: ignore[no-untyped-def]
        """A row meeting the checks most of the time (their allowed values)."""
        row = [rng.choice([0, 1]) for _ in ROW_ATTRS]
        for column, allowed, _ in checks:
            if allowed and rng.random() < 0.8:
                row[column] = rng.choice(sorted(allowed))
        return row

    reached = 0
    for tests in longer:
        for _ in range(12):
            rows = [row_for(checks) for _, checks in tests if rng.random() < 0.85]
            rows = rows[: rng.randint(0, len(rows))] + [
                row_for(()) for _ in range(rng.randint(0, 2))
            ]
            for start in range(len(rows) + 1):
                fast = _fits(tests, rows, start)
                assert fast == _fits_by_choices(tests, 0, rows, start), (tests, rows, start)
                reached += fast
    assert reached > 100  # the rows do meet whole patterns
