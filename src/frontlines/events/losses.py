"""Equipment a sentence says was lost or destroyed ("lost a T-55 tank and a
technical"), for the event's ``losses``: the loss verbs and equipment words are in
``quantities.toml``, with the counts' words."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span

from frontlines.events.numbers import load_quantities
from frontlines.nlp.lookups import WordIds, lemma_lower_ids

__all__ = ["losses"]


@cache
def _loss_verbs(words: tuple[str, ...]) -> WordIds:
    return WordIds(words)


def losses(sentence: Span) -> list[str]:
    """Equipment a sentence says was lost or destroyed, as short noun phrases.

    The objects of a loss verb ("lost a T-55 tank, a BMP-1 and a technical") and
    their conjuncts, each with its compounds and modifiers but without articles,
    counts or trailing clauses.
    """
    q = load_quantities()
    verbs = _loss_verbs(q.loss_verbs)
    doc = sentence.doc
    ids = lemma_lower_ids(doc)[sentence.start : sentence.end]
    found: list[str] = []
    # token.lemma_.lower() or token.lower_ a loss verb, on string ids
    for index in verbs.positions(ids, doc, sentence.start):
        verb = doc[index]
        objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        queue = list(objects)
        while queue:
            head = queue.pop(0)
            queue.extend(c for c in head.children if c.dep_ == "conj")
            left = [
                t for t in head.subtree
                if t.i <= head.i and t.dep_ not in {"det", "poss", "cc", "punct", "prep"}
                and not (t.like_num and t.text.isalpha())
            ]  # fmt: skip
            if head.pos_ == "VERB" and len(left) > 1:  # "a technical armed with ..."
                left = [t for t in left if t != head]
            words = [t.lower_ for t in left] + [t.lower_.split("-")[0] for t in left]
            if not set(words) & q.equipment:
                continue
            phrase = " ".join(t.text for t in left).replace(" - ", "-").strip()
            if phrase and phrase not in found:
                found.append(phrase)
    return found
