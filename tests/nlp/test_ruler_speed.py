"""The attribute ruler answered on the Doc's arrays gives the stock ruler's annotations."""

from __future__ import annotations

import random
from importlib import resources

from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler

from frontlines.nlp import load_nlp
from frontlines.nlp.one_token import OneTokenPatterns
from frontlines.nlp.ruler_speed import IndexedRulerMatcher, stock_rulers

# Our own sentences, written to reach the ruler's rarer rules: contractions and
# colloquial forms (its two-token and regex rules), existential "there", auxiliaries,
# determiners, runs of spaces and line breaks.
ODD_TEXTS = [
    "Y'all ain't gonna believe it: the militia's gotta retreat, let's go, c'mon.",
    "There were two   strikes on the depot.\n\n  Nothin' was left of it, they said.",
    "Which unit was shelled? That one, whose commander had been arrested, wasn't it?",
    "\t",
    "",
]


def _texts() -> list[str]:
    examples = resources.files("frontlines.data").joinpath("examples")
    texts = [f.read_text(encoding="utf-8") for f in examples.iterdir() if f.name.endswith(".md")]
    return texts + ODD_TEXTS


def _annotations(docs) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for d in docs for t in d]


def test_sped_up_ruler_gives_the_stock_annotations() -> None:
    nlp = load_nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler) and isinstance(ruler.matcher, IndexedRulerMatcher)
    texts = _texts()
    fast = _annotations(nlp.pipe(texts))
    with stock_rulers(nlp):
        assert isinstance(ruler.matcher, Matcher)
        stock = _annotations(nlp.pipe(texts))
    assert isinstance(ruler.matcher, IndexedRulerMatcher)  # put back after the block
    assert len(fast) > 500
    assert fast == stock
    # The lookup answers nearly every rule, else there was no point.
    assert len(ruler.matcher._rest) < len(ruler.attrs) / 10


def test_rule_added_after_the_speed_up_applies() -> None:
    nlp = load_nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    count = len(ruler.attrs)
    try:
        ruler.add([[{"LOWER": "technical"}]], {"LEMMA": "pickup truck"})
        doc = nlp("A technical was destroyed.")
        assert doc[1].lemma_ == "pickup truck"
    finally:
        # The cached model is shared by the other tests: take the rule out again.
        ruler.attrs, ruler.indices = ruler.attrs[:count], ruler.indices[:count]
        ruler.matcher.stock.remove(str(count))
        keys = [str(i) for i in range(count)]
        ruler.matcher = IndexedRulerMatcher(ruler.matcher.stock, keys, nlp.vocab)
    assert nlp("A technical was destroyed.")[1].lemma_ != "pickup truck"


def test_one_token_patterns_match_as_spacys_matcher() -> None:
    """Random one-token patterns over tags, words and flags, with IN, NOT_IN and
    plain values: the same (key, start, end) matches as the Matcher, by token."""
    nlp = load_nlp()
    docs = list(nlp.pipe(_texts()))
    tags = sorted({t.tag_ for d in docs for t in d})
    words = sorted({t.lower_ for d in docs for t in d})[:300]
    deps = sorted({t.dep_ for d in docs for t in d})
    rng = random.Random(7)
    attrs = ("LOWER", "TAG", "DEP", "IS_SPACE")
    one = OneTokenPatterns(attrs, ("LOWER", "TAG", "DEP", "IS_SPACE"))
    matcher = Matcher(nlp.vocab)
    for n in range(400):
        token: dict[str, object] = {}
        choice = rng.random()
        if choice < 0.4:
            token["TAG"] = rng.choice(tags) if rng.random() < 0.5 else {"IN": rng.sample(tags, 3)}
        elif choice < 0.8:
            token["LOWER"] = rng.choice(words)
        else:
            token["IS_SPACE"] = rng.random() < 0.5
        if rng.random() < 0.4:
            token["DEP"] = {"NOT_IN": rng.sample(deps, 2)}
        if rng.random() < 0.2 and "TAG" not in token:
            token["TAG"] = {"NOT_IN": rng.sample(tags, 4)}
        pattern = [token]
        assert one.accepts(pattern)
        key = f"rule{n % 150}"  # keys shared by several patterns
        one.add(n, key, pattern)
        matcher.add(key, [pattern])
    assert not one.accepts([{"LOWER": {"REGEX": "^x"}}])
    assert not one.accepts([{"LOWER": "a"}, {"LOWER": "b"}])
    assert not one.accepts([{"DEP": {"NOT_IN": ["det"]}}])  # nothing to be found by
    found = 0
    for doc in docs:
        ours = one.matches(doc)
        found += len(ours)
        assert ours == sorted(matcher(doc), key=lambda m: m[1])
    assert found > 500
    lone = OneTokenPatterns(("LOWER",), ("LOWER",))  # one attribute: flat arrays
    lone.add(0, "strike", [{"LOWER": {"IN": ["strike", "strikes"]}}])
    doc = nlp("Two strikes hit the depot; a third strike missed.")
    assert [(s, e) for _, s, e in lone.matches(doc)] == [(1, 2), (8, 9)]
