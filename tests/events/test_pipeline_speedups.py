"""The fourth round of speed-ups (issue #7) answers as the plain code does: death
verbs found on the Doc's lemma ids, ..."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from frontlines.events import death_syntax
from frontlines.nlp import load_nlp
from frontlines.nlp.lookups import index_doc

# Sentences of our own: deaths told by every verb the parse reads, and words that
# only look like them.
SENTENCES = [
    "Four fighters and a commander were killed when the convoy was ambushed.",
    "Gunmen shot dead two guards, and a sniper shot a man near the bridge.",
    "The army lost 12 soldiers and a tank in the failed assault.",
    "A woman died of her wounds on Friday, and another succumbed later.",
    "Militants tried to kill the mayor but failed; nobody died.",
    "After a boy died in the blast, residents blocked the road.",
    "The killing of three shepherds angered the villagers, who lost their flocks.",
    "Two members of the local police were executed by the group in the square.",
]


@pytest.fixture(scope="module")
def docs() -> list[Doc]:
    nlp = load_nlp()
    return [index_doc(nlp(text), text) for text in SENTENCES]


def _plain_victims(doc: Doc) -> list[tuple[int | None, int, bool]]:
    """``parsed_victims`` as it was: ``_victims`` asked of every token."""
    found = []
    for sentence in doc.sents:
        for verb in sentence:
            for head in death_syntax._victims(verb):
                counts = [c for c in map(lambda n: death_syntax._count(n, _value),
                                         death_syntax._conjuncts(head)) if c]  # fmt: skip
                numbered = any(token is not None for token, _ in counts)
                found += [(t.i if t else None, n, numbered) for t, n in counts]
    return found


def _value(word: str) -> int | None:
    return {"four": 4, "two": 2, "12": 12, "three": 3}.get(word.lower())


def test_death_verbs_are_every_lemma_victims_reads() -> None:
    lemmas = death_syntax._KILL | death_syntax._DIE | death_syntax._LOSE | {"shoot"}
    assert death_syntax._DEATH_VERBS.words == lemmas


def test_victims_found_on_lemma_ids_equal_a_walk_of_every_token(docs: list[Doc]) -> None:
    total = 0
    for doc in docs:
        fast = [
            (t.i if t else None, n, numbered)
            for sentence in doc.sents
            for t, n, numbered in death_syntax.parsed_victims(sentence, _value)
        ]
        assert fast == _plain_victims(doc)
        total += len(fast)
    assert total >= 5  # the sentences do reach the rules
