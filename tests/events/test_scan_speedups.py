"""The events stage's speed-ups answer as the plain code does.

Word gates (scan.py) skip a pattern only where it cannot match; casualty cues are
found as per-cue ``finditer`` finds them; actor phrases normalise as the character
by character definition says; spans' text is ``span.text``. Each is compared with
its plain definition on the package's own reports and on random text built from the
words the patterns look for (fixed seed), including Unicode case variants.
"""

from __future__ import annotations

import random
import re
import re._constants as sre
import re._parser as sre_parse
from importlib import resources
from typing import Any

import pytest

from frontlines.events import claims, dates, numbers
from frontlines.events.numbers import _cue_pattern, _cue_positions, load_quantities
from frontlines.events.phrases import _DROP, _SPACE, normalise
from frontlines.events.scan import WordGate
from frontlines.nlp import load_nlp
from frontlines.nlp.lookups import WordIds, index_doc, lemma_lower_ids, span_text

# Characters Unicode case folding matches to ASCII letters (Kelvin sign, long s,
# dotted and dotless i) and others that make a text non-ASCII.
ODD = ["\u212a", "\u017f", "\u0130", "\u0131", "é", "’", "\u00a0"]
FILLER = ["was", "has been", "had been", "a", "an", "one", "the", "no", "on", "last", "this",
          "two", "3", "12", "and", "of", "to", "in", ",", ".", ";", "-", "'", "men", "people",
          "fatalities", "were", "as", "at", "dead", "body"]  # fmt: skip


def _reports() -> list[str]:
    examples = resources.files("frontlines.data").joinpath("examples")
    return [f.read_text(encoding="utf-8") for f in examples.iterdir() if f.name.endswith(".md")]


def _sentences() -> list[str]:
    return [s.text for doc in load_nlp().pipe(_reports()) for s in doc.sents]


def _gates() -> list[WordGate]:
    found = [g for module in (numbers, claims, dates) for g in vars(module).values()
             if isinstance(g, WordGate)]  # fmt: skip
    return found + [pattern for pattern, _, _ in dates._RELATIVE]


def _recase(word: str, rng: random.Random) -> str:
    word = "".join(c.upper() if rng.random() < 0.3 else c for c in word)
    if rng.random() < 0.1:  # a letter Unicode folds onto an ASCII one
        word = word.replace("k", "\u212a").replace("s", "\u017f").replace("i", "\u0131")
    return word


def _sample(items: Any, rng: random.Random) -> str:
    """A random string the parsed pattern ``items`` can match (lookarounds and
    boundaries left to chance: the pattern decides on the whole text)."""
    out = []
    for op, av in items:
        if op is sre.LITERAL:
            out.append(chr(av))
        elif op is sre.NOT_LITERAL or op is sre.ANY:
            out.append(rng.choice("xy 5"))
        elif op is sre.IN:
            choices = [chr(a) for o, a in av if o is sre.LITERAL]
            choices += [chr(rng.randint(a[0], a[1])) for o, a in av if o is sre.RANGE]
            categories = {sre.CATEGORY_DIGIT: "57", sre.CATEGORY_SPACE: " ", sre.CATEGORY_WORD: "w"}
            choices += [categories.get(a, "") for o, a in av if o is sre.CATEGORY] or ["x"]
            out.append(rng.choice([c for c in choices if c] or ["x"]))
        elif op is sre.CATEGORY:
            out.append({sre.CATEGORY_DIGIT: "4", sre.CATEGORY_SPACE: " "}.get(av, "w"))
        elif op is sre.BRANCH:
            out.append(_sample(rng.choice(av[1]), rng))
        elif op is sre.SUBPATTERN:
            out.append(_sample(av[-1], rng))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, body = av
            out.extend(_sample(body, rng) for _ in range(rng.randint(low, min(high, low + 2))))
    return "".join(out)


def _random_texts(
    gate_words: tuple[str, ...],
    rng: random.Random,
    count: int,
    pattern: re.Pattern[str] | None = None,
) -> list[str]:
    """Filler and gate words, or (with ``pattern``) strings of its every branch,
    in random case, among the characters Unicode folds onto ASCII letters."""
    parsed = sre_parse.parse(pattern.pattern, pattern.flags) if pattern is not None else None
    vocabulary = [*gate_words, *FILLER, *ODD]
    texts = []
    for _ in range(count):
        parts = [rng.choice(vocabulary) for _ in range(rng.randint(0, 6))]
        if parsed is not None:
            parts.insert(rng.randint(0, len(parts)), _sample(parsed, rng))
        texts.append(" ".join(_recase(p, rng) for p in parts))
    return texts


def _answer(match: re.Match[str] | None) -> tuple[tuple[int, int], tuple[str | None, ...]] | None:
    return None if match is None else (match.span(), match.groups())


def test_gates_are_found() -> None:
    assert len(_gates()) >= 12


@pytest.mark.parametrize("gate", _gates(), ids=lambda g: g.words[0])
def test_a_gate_answers_as_its_pattern(gate: WordGate) -> None:
    rng = random.Random(7)
    texts = _sentences() + _random_texts(gate.words, rng, 4000, gate.pattern)
    assert any(gate.pattern.search(t) for t in texts)  # the texts do reach the pattern
    for text in texts:
        assert _answer(gate.search(text)) == _answer(gate.pattern.search(text)), text
        found = [m.span() for m in gate.finditer(text)]
        assert found == [m.span() for m in gate.pattern.finditer(text)], text


def test_a_gate_takes_only_lowercase_ascii_words() -> None:
    with pytest.raises(ValueError):
        WordGate(re.compile("Killed"), ["Killed"])


def test_casualty_cues_are_those_each_cue_finds() -> None:
    q = load_quantities()
    rng = random.Random(11)
    for cues in (q.death_after, q.death_before, q.not_death):
        texts = _sentences() + _random_texts(cues, rng, 2000)
        assert any(_cue_positions(t, cues) for t in texts)
        for text in texts:
            plain = [(m.start(), m.end()) for cue in cues for m in _cue_pattern(cue).finditer(text)]
            assert _cue_positions(text, cues) == plain, text


def _normalise_by_character(text: str) -> tuple[str, list[int]]:
    chars: list[str] = []
    offsets: list[int] = []
    previous_space = True
    for index, char in enumerate(text):
        if char in _DROP:
            continue
        if char in _SPACE or char.isspace():
            if not previous_space:
                chars.append(" ")
                offsets.append(index)
                previous_space = True
            continue
        chars.append(char.casefold() if len(char.casefold()) == 1 else char.lower())
        offsets.append(index)
        previous_space = False
    return "".join(chars), offsets


def test_normalise_is_the_character_by_character_definition() -> None:
    rng = random.Random(3)
    alphabet = "aBz Q09.,\t\n\x0b\x1c" + _DROP + _SPACE + "Σςİßﬁé\u00a0\u2028"
    marks_only = "aBz Q09.,\t\n" + _DROP + _SPACE  # ASCII but for quotes and dashes
    texts = _reports() + ["".join(rng.choice(letters) for _ in range(rng.randint(0, 16)))
                          for letters in (alphabet, marks_only) for _ in range(20000)]  # fmt: skip
    texts.append("".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000))
    for text in texts:
        assert normalise(text) == _normalise_by_character(text), repr(text[:80])


def test_span_text_is_spacys_span_text() -> None:
    for text, doc in zip(_reports(), load_nlp().pipe(_reports()), strict=True):
        index_doc(doc, text)
        spans = [*doc.sents, doc[2:9], doc[len(doc) - 1 :]]
        assert [span_text(s) for s in spans] == [s.text for s in spans]


def test_word_ids_answer_as_the_tokens_strings() -> None:
    docs = list(load_nlp().pipe(_reports()))
    own = {t.lower_ for doc in docs for t in list(doc)[::7]}
    own |= {t.lemma_.lower() for t in list(docs[0])[::5]}
    words = WordIds([*load_quantities().loss_verbs, *own])
    for doc in docs:
        ids = lemma_lower_ids(doc)
        assert len(ids) == len(doc)
        for token, (lemma, lower) in zip(doc, ids, strict=True):
            assert words.lower(lower) == (token.lower_ in words.words)
            assert words.lemma(lemma, doc) == (token.lemma_.lower() in words.words)
        for sentence in doc.sents:
            held = any(t.lower_ in words.words for t in sentence)
            assert words.any_lower(ids[sentence.start : sentence.end]) == held
    assert any(words.lower(lower) for doc in docs for _, lower in lemma_lower_ids(doc))


def test_word_positions_are_the_tokens_lemma_or_lowercase_tests() -> None:
    docs = list(load_nlp().pipe(_reports()))
    for words in (WordIds(load_quantities().loss_verbs), WordIds(["said", "attack", "the"])):
        found = 0
        for doc in docs:
            ids = lemma_lower_ids(doc)
            for sentence in doc.sents:
                expected = [
                    t.i for t in sentence
                    if t.lemma_.lower() in words.words or t.lower_ in words.words
                ]  # fmt: skip
                part = ids[sentence.start : sentence.end]
                assert words.positions(part, doc, sentence.start) == expected
                found += len(expected)
        assert found  # the reports hold such words
