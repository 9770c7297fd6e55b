"""Assemble events from a parsed report: triggers + actors + places + dates + counts.

For each sentence: triggers that describe something that happened; the places they
govern (one event per place); who acted and who was acted upon; the date; the
fatalities and losses; the hedging. Then events at the same place, day, type and
actors are joined (ACLED's one event per location per day).
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from frontlines.events.actors import ActorFinder
from frontlines.events.candidate import Candidate, ResolvedMention
from frontlines.events.captured import takes_part
from frontlines.events.claims import Claim, Status
from frontlines.events.context import (
    assign_places,
    blame_previous,
    context_place,
    has_place_object,
    hedge_previous,
    is_definite_description,
    recent_events,
    refers_back,
)
from frontlines.events.counts import attach_counts
from frontlines.events.dates import find_date
from frontlines.events.exchange import answered_fire
from frontlines.events.lexicon import Lexicon
from frontlines.events.opponents import battle_sides, named_first
from frontlines.events.parties import trigger_sides
from frontlines.events.places import (
    apply_locators,
    drop_containers,
    link_definite_descriptions,
    place_key,
)
from frontlines.events.records import EventRecords, join_same_happening
from frontlines.events.report_actors import report_mentions
from frontlines.events.screening import TriggerScreen
from frontlines.events.setting import actors_home
from frontlines.events.sides import (
    allies_together,
    article_country,
    clash_sides,
    counterpart,
    operation_first,
    paragraph_units,
    unique,
)
from frontlines.events.stand_ins import drop_origins, foreign_capital, names_a_backer
from frontlines.events.story import day_pointed_back, same_story_date
from frontlines.events.stretches import join_between
from frontlines.events.subevents import ARMED_KINDS
from frontlines.events.triggers import Trigger, TriggerFinder
from frontlines.events.victims import ONE_SIDED_ASSAULTS, settlement_object, victim_words
from frontlines.model import Article, Event, PlaceMention
from frontlines.nlp.lookups import WordIds, doc_text, lemma_lower_ids, span_text
from frontlines.taxonomy import TimePrecision


class EventAssembler:
    """Codes events from a Doc; build once (it compiles the matchers)."""

    def __init__(self, nlp_vocab_owner: object, lexicon: Lexicon) -> None:
        from spacy.language import Language

        assert isinstance(nlp_vocab_owner, Language)
        self.lexicon = lexicon
        self.actors = ActorFinder(lexicon)
        self.triggers = TriggerFinder(nlp_vocab_owner, lexicon)
        self.screen = TriggerScreen(lexicon)
        # One list of failure words ("failed", "repelled") for claims and counts alike.
        self.failure_words = self.screen.failure_words
        self.civilian_words = frozenset(lexicon.modifiers.get("civilian_words", ()))
        self._civilian_ids = WordIds(self.civilian_words)
        self.combatant_words = frozenset(lexicon.modifiers.get("combatant_words", ()))
        self.records = EventRecords(lexicon)
        self._homes: tuple[str | None, dict[bool, str | None]] = (None, {})

    def code(self, article: Article, doc: Doc, places: list[PlaceMention]) -> list[Event]:
        text = doc_text(doc)
        paragraph_starts = [0] + [m.start() + 2 for m in _PARAGRAPH_BREAK.finditer(text)]

        def paragraph_of(offset: int) -> int:
            return bisect.bisect_right(paragraph_starts, offset) - 1

        sentences = list(doc.sents)
        sentence_starts = [s.start_char for s in sentences]

        def sentence_of(offset: int) -> int:
            return bisect.bisect_right(sentence_starts, offset) - 1

        # A place inside an actor's name ("Operation Room" as Rome) decides no country.
        named = self.actors.find(text)
        # "Turkey-backed rebels": a country named as an actor's backer is no place.
        places = [p for p in places if not names_a_backer(p, text)]
        outside = [
            p for p in places if not any(m.start <= p.start and p.end <= m.end for m in named)
        ]
        country = article_country(outside, self.actor_country(text))
        mentions = report_mentions(
            doc, self.actors, self.lexicon, country, sentence_of, paragraph_of
        )
        # Places inside an actor's name ("Free Idleb Army", "Tahrir al-Sham") are not
        # locations; nor, in a report set in one country, are foreign capitals and
        # countries, which stand for governments ("no comment from Moscow").
        places = [
            p for p in places
            if not any(m.mention.start <= p.start and p.end <= m.mention.end for m in mentions)
            and not foreign_capital(p, country, text)
        ]  # fmt: skip
        places = link_definite_descriptions(
            doc, join_between(doc, apply_locators(doc, drop_origins(doc, places)))
        )
        triggers = self.triggers.find(doc)
        candidates: list[Candidate] = []
        paragraph_date: dict[int, tuple[date, int, Span]] = {}
        last_dated: tuple[date, int, Span] | None = None
        for index, sentence in enumerate(sentences):
            paragraph = paragraph_of(sentence.start_char)
            cue = find_date(span_text(sentence), article.published)
            if cue is not None:
                paragraph_date[paragraph] = (cue.value, int(cue.precision), sentence)
                last_dated = paragraph_date[paragraph]
            elif (pointed := day_pointed_back(span_text(sentence), last_dated)) is not None:
                paragraph_date[paragraph] = last_dated = pointed
            s_triggers = [t for t in triggers if sentence.start <= t.start < sentence.end]
            s_places = [p for p in places if sentence.start_char <= p.start < sentence.end_char]
            s_mentions = [m for m in mentions if m.sentence == index]
            p_mentions = [m for m in mentions if m.paragraph == paragraph]
            new = self._sentence_events(
                doc,
                sentence,
                index,
                paragraph,
                s_triggers,
                s_places,
                s_mentions,
                candidates,
                places,
                p_mentions,
            )
            for candidate in new:
                dated = paragraph_date.get(paragraph) or same_story_date(candidate, candidates)
                if dated is not None:
                    candidate.event_date, candidate.precision = dated[0], dated[1]
                    if dated[2].start != sentence.start:
                        candidate.evidence.append(dated[2])
                else:
                    candidate.event_date = article.published
                    candidate.precision = int(TimePrecision.WEEK)
            answered_fire(
                sentence, paragraph, s_triggers,
                lambda t, m=s_mentions: trigger_sides(doc, t, m),  # type: ignore[misc]
                [*candidates, *new], self.lexicon.classes["clash"],
            )  # fmt: skip
            attach_counts(sentence, paragraph, new, candidates, s_mentions, self.failure_words)
            if not new:
                hedge_previous(sentence, paragraph, candidates)
                blame_previous(sentence, paragraph, candidates, s_mentions)
            candidates.extend(new)
        return self.records.finish(article, join_same_happening(candidates), country)

    # -- actors ---------------------------------------------------------------------

    def actor_country(self, text: str, *, states_alone: bool = False) -> str | None:
        """The home of the report's actors (``actors_home``). The pipeline asks it of
        one report up to three times (its setting, the geocoder's prior, coding), and
        the wording test searches the whole text: the last report's answers are kept."""
        if self._homes[0] != text:
            self._homes = (text, {})
        answers = self._homes[1]
        if states_alone not in answers:
            answers[states_alone] = actors_home(
                self.actors.find(text), self.lexicon.country_words, text,
                states_alone=states_alone,
            )  # fmt: skip
        return answers[states_alone]

    # -- one sentence ---------------------------------------------------------------

    def _sentence_events(
        self,
        doc: Doc,
        sentence: Span,
        index: int,
        paragraph: int,
        triggers: list[Trigger],
        places: list[PlaceMention],
        mentions: list[ResolvedMention],
        earlier: list[Candidate],
        all_places: list[PlaceMention],
        paragraph_mentions: list[ResolvedMention],
    ) -> list[Candidate]:
        live = self.screen.happenings(doc, sentence, triggers, places)
        # "the base", "the village": places the report already named, not new ones.
        new_places = [p for p in places if not is_definite_description(p)]
        live = [(t, c) for t, c in live if not refers_back(doc, t, new_places)]
        if not live:
            return []
        if not new_places:
            # A sentence that names no place and nothing stronger than the event just
            # described adds detail to it ("4 fighters were killed in the fighting").
            # A failed attempt, or an action on the place named again ("tried to
            # storm the airbase"), is a happening of its own.
            before = recent_events(earlier, paragraph)
            fresh = any(
                c.status is Status.FAILED or has_place_object(doc, t, places) for t, c in live
            )
            if before and not fresh and all(t.cls.priority <= before[-1].cls.priority
                                            for t, _ in live):  # fmt: skip
                return []
        places = drop_containers(places, doc_text(doc))
        assigned = assign_places(doc, live, places)
        placed = [item for item in live if assigned.get(id(item[0]))]
        unplaced = [item for item in live if not assigned.get(id(item[0]))]
        groups: list[tuple[list[tuple[Trigger, Claim]], PlaceMention | None]] = []
        if placed:
            for trigger, claim in placed:
                for placed_mention in assigned[id(trigger)]:
                    groups.append(([(trigger, claim), *unplaced], placed_mention))
        else:
            groups.append((unplaced, context_place(sentence, paragraph, earlier, all_places)))
        by_place: dict[str, Candidate] = {}
        for items, place_mention in groups:
            owner = items[0][0]
            # The strongest class codes the event; among equals, the trigger that
            # governs the place gives the roles.
            trigger, claim = max(
                items, key=lambda item: (item[0].cls.priority, item[0] is owner, -item[0].start)
            )
            candidate = self._candidate(
                doc,
                index,
                paragraph,
                trigger,
                claim,
                items,
                place_mention,
                mentions,
                earlier,
                paragraph_mentions,
            )
            key = (
                place_key(place_mention.place)
                if place_mention and place_mention.place
                else f"none{id(trigger)}"
            )
            previous = by_place.get(key)
            if previous is None or previous.cls.priority < candidate.cls.priority:
                by_place[key] = candidate
        return list(by_place.values())

    def _candidate(
        self,
        doc: Doc,
        index: int,
        paragraph: int,
        trigger: Trigger,
        claim: Claim,
        items: list[tuple[Trigger, Claim]],
        mention: PlaceMention | None,
        mentions: list[ResolvedMention],
        earlier: list[Candidate],
        paragraph_mentions: list[ResolvedMention],
    ) -> Candidate:
        agents, patients = trigger_sides(doc, trigger, mentions)
        for other, _ in items:  # fill gaps from the other triggers of the sentence
            if agents and patients:
                break
            if other is trigger:
                continue
            more_agents, more_patients = trigger_sides(doc, other, mentions)
            # Not the side already found on the other end ("55 people were arrested
            # ... a blogger who was arrested": the people are not their own captors).
            agents = agents or [a for a in more_agents if a not in patients]
            patients = patients or [a for a in more_patients if a not in agents]
        if trigger.cls.name not in {"arrest", "abduction"}:
            agents, patients = allies_together(agents, patients, mentions)
        unit_assoc = paragraph_units(paragraph_mentions, agents)
        agents = named_first(operation_first(agents, self.lexicon), patients, self.lexicon)
        patients = named_first(patients, agents, self.lexicon)
        actor1 = agents[0] if agents else None
        actor2 = patients[0] if patients else None
        actor1, actor2 = counterpart(actor1, actor2, paragraph, earlier)
        root = trigger.root(doc)
        communal = False
        if trigger.cls.sub_event == "Armed clash":
            communal, actor1, actor2 = clash_sides(root, actor1, actor2, agents[1:])
        actor1, actor2 = battle_sides(root, trigger.cls, actor1, actor2, [*agents, *unit_assoc],
                                      mentions, paragraph_mentions)  # fmt: skip
        assoc1 = [a for a in unique([*agents[1:], *unit_assoc], actor1) if a != actor2]
        assoc2 = unique(patients[1:], actor2)
        sentence = root.sent
        sentence_ids = lemma_lower_ids(doc)[sentence.start : sentence.end]
        paragraph_text = _paragraph_text(root)
        # "militias attacked the villages ... eight residents were killed": a raid on
        # a place whose only named victims are civilians is an attack on them.
        # So is one on a settlement with no armed side in it ("militants attacked the
        # village and burned huts").
        raid_on_civilians = (
            root.lemma_.lower() in ONE_SIDED_ASSAULTS
            and actor2 is None
            and (
                bool(set(re.findall(r"[a-z]+", paragraph_text.lower())) & self.civilian_words)
                or settlement_object(root, mention)
            )
            and not any(
                m.actor.kind in ARMED_KINDS and m.actor != actor1 for m in paragraph_mentions
            )
        )
        partial = takes_part(doc, trigger, mention)
        return Candidate(
            communal=communal,
            paragraph_text=paragraph_text,
            raid_on_civilians=raid_on_civilians,
            partial=partial,
            civilian_words=self._civilian_ids.any_lower(sentence_ids),
            combatant_words=bool(victim_words(root.sent, mentions, agents) & self.combatant_words)
            or any(
                m.actor.kind in ARMED_KINDS and actor1 is not None and m.actor.root != actor1.root
                for m in mentions
            ),
            sentence=index,
            paragraph=paragraph,
            cls=trigger.cls,
            claim=claim,
            mention=mention,
            actor1=actor1,
            actor2=actor2,
            assoc1=assoc1,
            assoc2=assoc2,
            event_date=None,
            precision=int(TimePrecision.DAY),
            evidence=[doc[trigger.start].sent],
        )


# -- helpers ------------------------------------------------------------------------


# Where a paragraph ends: every "\n\n", overlapping ones too ("\n\n\n" holds two).
_PARAGRAPH_BREAK = re.compile(r"(?=\n\n)")


def _paragraph_text(token: Token) -> str:
    text = doc_text(token.doc)
    start = text.rfind("\n\n", 0, token.idx) + 1
    end = text.find("\n\n", token.idx)
    return text[start : end if end >= 0 else len(text)].lower()
