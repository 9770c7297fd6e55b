"""Every actor mention of a report, resolved once per report: named groups, their
members and former fighters, "the former"/"the latter", each tied to the actor it
names, with its sentence and paragraph. The report's sources ("according to local
activists") are left out: they tell of the fighting, they are not a side in it."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from frontlines.events.actor_resolution import Antecedent, resolve
from frontlines.events.actors import ActorFinder, former_latter
from frontlines.events.candidate import ResolvedMention
from frontlines.events.claims import attribution_spans
from frontlines.events.lexicon import Lexicon
from frontlines.events.members import former_fighters, members_of_groups
from frontlines.events.sides import group_head, unique
from frontlines.nlp.lookups import doc_text, expand_span


def report_mentions(
    doc: Doc,
    actors: ActorFinder,
    lexicon: Lexicon,
    country: str | None,
    sentence_of: Callable[[int], int],
    paragraph_of: Callable[[int], int],
) -> list[ResolvedMention]:
    """The report's actor mentions in text order, each resolved against those before
    it (``resolve``); ``sentence_of`` and ``paragraph_of`` number a character offset."""
    resolved: list[ResolvedMention] = []
    antecedents: list[Antecedent] = []
    text = doc_text(doc)
    found = members_of_groups(text, former_fighters(text, actors.find(text)))
    found = sorted([*found, *former_latter(text, found)], key=lambda m: m.start)
    # "according to local activists": people a claim comes from, named by a role
    # alone, are the report's sources, not a side. A named group stays a side:
    # "according to the SDF" is most often the SDF telling of its own fighting.
    sources = attribution_spans(text)
    found = [m for m in found if m.entry or not any(s <= m.start < e for s, e in sources)]
    for mention in found:
        span = expand_span(doc, mention.start, mention.end)
        if span is None:
            continue
        sentence, paragraph = sentence_of(mention.start), paragraph_of(mention.start)
        if mention.role == "former" or mention.role == "latter":
            # "the former", "the latter": the first or last side named before it
            # in the sentence.
            named = unique([a.actor for a in antecedents if a.sentence == sentence], None)
            if len(named) < 2:
                continue
            actor = named[0] if mention.role == "former" else named[-1]
        else:
            actor = resolve(
                mention, sentence=sentence, paragraph=paragraph, country=country,
                antecedents=antecedents, lexicon=lexicon,
            )  # fmt: skip
        antecedents.append(Antecedent(actor, sentence, paragraph, mention.start))
        resolved.append(ResolvedMention(mention, actor, group_head(span.root), sentence, paragraph))
    return resolved
