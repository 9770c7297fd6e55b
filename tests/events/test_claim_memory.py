"""A sentence's hedge and attribution, remembered on the Doc for its other triggers,
are what the search and the attribution rules give for it afresh."""

from __future__ import annotations

from frontlines.events import claims
from frontlines.nlp import load_nlp
from frontlines.nlp.lookups import index_doc, span_text

# Sentences of our own: hedged or not, attributed or not, several triggers in some.
TEXT = (
    "Rebels reportedly shelled the village and attacked a checkpoint, according to "
    "local monitors. The army said it repelled the assault and killed two fighters. "
    "Gunmen allegedly abducted a teacher. Protesters marched and blocked the road."
)


def test_remembered_sentence_claims_are_the_fresh_answers() -> None:
    doc = index_doc(load_nlp()(TEXT), TEXT)
    failure = frozenset({"fail", "repel"})
    seen = 0
    for sentence in doc.sents:
        hedge = claims._HEDGE_RE.search(span_text(sentence))
        fresh = (hedge.group(1).lower() if hedge else None, claims._attribution(sentence))
        for token in sentence:
            claim = claims.assess(token, sentence, failure)  # the first asks, the rest recall
            assert (claim.hedge_cue, claim.attributed_to) == fresh
            assert claim.hedged == (hedge is not None)
        seen += fresh != (None, None)
    assert seen >= 2  # hedges and attributions were there to remember
