"""Assemble events from a parsed report: triggers + actors + places + dates + counts.

For each sentence: triggers that describe something that happened; the places they
govern (one event per place); who acted and who was acted upon; the date; the
fatalities and losses; the hedging. Then events at the same place, day, type and
actors are joined (ACLED's one event per location per day).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from frontlines.events.actors import (
    Actor,
    ActorFinder,
    Antecedent,
    generic_actor,
    rehome,
    resolve,
)
from frontlines.events.candidate import Candidate, ResolvedMention
from frontlines.events.claims import Claim, Status, assess, clause_path
from frontlines.events.context import (
    assign_places,
    captures_something_else,
    context_place,
    has_place_object,
    hedge_previous,
    in_support_phrase,
    is_definite_description,
    recent_events,
    refers_back,
    stated_as_reason,
)
from frontlines.events.dates import find_date
from frontlines.events.lexicon import Lexicon
from frontlines.events.numbers import fatalities, losses
from frontlines.events.places import (
    apply_locators,
    drop_containers,
    join_between,
    link_definite_descriptions,
    place_key,
)
from frontlines.events.roles import assign_roles
from frontlines.events.sides import (
    article_country,
    clash_sides,
    communal_militia,
    counterpart,
    group_head,
    localise,
    paragraph_units,
    subject_actor,
    unidentified,
    unique,
)
from frontlines.events.story import day_pointed_back, same_story_date
from frontlines.events.subevents import ARMED_KINDS, UNARMED_KINDS, sub_event_of
from frontlines.events.triggers import Trigger, TriggerFinder
from frontlines.model import Article, Event, Evidence, Place, PlaceMention
from frontlines.nlp.lookups import doc_text
from frontlines.taxonomy import ActorKind, EventType, SubEventType, TimePrecision


class EventAssembler:
    """Codes events from a Doc; build once (it compiles the matchers)."""

    def __init__(self, nlp_vocab_owner: object, lexicon: Lexicon) -> None:
        from spacy.language import Language

        assert isinstance(nlp_vocab_owner, Language)
        self.lexicon = lexicon
        self.actors = ActorFinder(lexicon)
        self.triggers = TriggerFinder(nlp_vocab_owner, lexicon)
        self.failure_words = frozenset(lexicon.modifiers.get("failure", ()))
        self.civilian_words = frozenset(lexicon.modifiers.get("civilian_words", ()))

    def code(self, article: Article, doc: Doc, places: list[PlaceMention]) -> list[Event]:
        text = doc_text(doc)
        paragraph_starts = [0] + [i + 2 for i in range(len(text)) if text.startswith("\n\n", i)]

        def paragraph_of(offset: int) -> int:
            return bisect.bisect_right(paragraph_starts, offset) - 1

        sentences = list(doc.sents)
        sentence_starts = [s.start_char for s in sentences]

        def sentence_of(offset: int) -> int:
            return bisect.bisect_right(sentence_starts, offset) - 1

        # A place inside an actor's name ("Operation Room" read as Rome) must not
        # decide the report's country, nor the names of its generic actors.
        named = self.actors.find(text)
        outside = [
            p for p in places if not any(m.start <= p.start and p.end <= m.end for m in named)
        ]
        country = article_country(outside, self.actor_country(text))
        mentions = self._actor_mentions(doc, country, sentence_of, paragraph_of)
        # Places inside an actor's name ("Free Idleb Army", "Tahrir al-Sham") are not
        # locations; nor, in a report set in one country, are foreign capitals and
        # countries, which stand for governments ("no comment from Moscow").
        places = [
            p for p in places
            if not any(m.mention.start <= p.start and p.end <= m.mention.end for m in mentions)
            and not _foreign_capital(p, country, text)
        ]  # fmt: skip
        places = link_definite_descriptions(doc, join_between(doc, apply_locators(doc, places)))
        triggers = self.triggers.find(doc)
        candidates: list[Candidate] = []
        paragraph_date: dict[int, tuple[date, int, Span]] = {}
        last_dated: tuple[date, int, Span] | None = None
        for index, sentence in enumerate(sentences):
            paragraph = paragraph_of(sentence.start_char)
            cue = find_date(sentence.text, article.published)
            if cue is not None:
                paragraph_date[paragraph] = (cue.value, int(cue.precision), sentence)
                last_dated = paragraph_date[paragraph]
            elif (pointed := day_pointed_back(sentence.text, last_dated)) is not None:
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
            self._counts(sentence, index, paragraph, new, candidates, s_mentions)
            if not new:
                hedge_previous(sentence, paragraph, candidates)
            candidates.extend(new)
        return self._finish(article, _join_same_happening(candidates), country)

    # -- actors ---------------------------------------------------------------------

    def actor_country(self, text: str) -> str | None:
        """Where a report with no known place is set: the home country most of its
        named actors share, non-state groups counting most."""
        votes: Counter[str] = Counter()
        non_state = False
        for m in self.actors.find(text):
            if m.entry is None or not m.entry.country:
                continue
            # State forces and the militias allied to a state often fight abroad
            # (Hezbollah in Syria): they say less about where a report is set.
            if m.entry.kind is ActorKind.STATE_FORCES:
                votes[m.entry.country] += 1
            elif m.entry.allied_with_state:
                votes[m.entry.country] += 1
                non_state = True
            else:
                votes[m.entry.country] += 4
                non_state = True
        # State forces alone only break ties: troops abroad name no setting.
        return votes.most_common(1)[0][0] if non_state else None

    def _actor_mentions(self, doc, country, sentence_of, paragraph_of) -> list[ResolvedMention]:  # type: ignore[no-untyped-def]
        resolved: list[ResolvedMention] = []
        antecedents: list[Antecedent] = []
        for mention in self.actors.find(doc_text(doc)):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            sentence, paragraph = sentence_of(mention.start), paragraph_of(mention.start)
            actor = resolve(
                mention, sentence=sentence, paragraph=paragraph, country=country,
                antecedents=antecedents, lexicon=self.lexicon,
            )  # fmt: skip
            antecedents.append(Antecedent(actor, sentence, paragraph, mention.start))
            resolved.append(
                ResolvedMention(mention, actor, group_head(span.root), sentence, paragraph)
            )
        return resolved

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
        live: list[tuple[Trigger, Claim]] = []
        for trigger in triggers:
            root = trigger.span(doc).root
            if root.dep_ == "compound" and trigger.end - trigger.start == 1:
                continue  # "battle tank", "rocket launcher": a modifier, not a happening
            if trigger.needs_place_object and not has_place_object(doc, trigger, places):
                continue
            if trigger.cls.state is not None and captures_something_else(
                doc, trigger, places, frozenset(trigger.cls.partial_objects)
            ):
                # "seized three boats": not a change of who holds a place, but
                # property taken by force (ACLED's looting/property destruction).
                if trigger.span(doc).root.lemma_.lower() not in PROPERTY_SEIZURE:
                    continue
                trigger = replace(trigger, cls=self.lexicon.classes["looting"])
            if in_support_phrase(trigger.span(doc).root):
                continue  # "supported by coalition warplanes": support, not a strike
            if stated_as_reason(doc, trigger):
                continue  # "arrested for taking part in protests": the arrest happened
            claim = assess(trigger.span(doc).root, sentence, self.failure_words)
            if claim.status in {Status.CONDITIONAL, Status.FUTURE, Status.NEGATED}:
                continue
            if claim.status is Status.PURPOSE:
                if trigger.cls.intervention is None:
                    continue
                # "gathered to protest": a protest is the gathering's purpose and
                # the gathering itself.
                claim = replace(claim, status=Status.HAPPENED)
            live.append((trigger, claim))
        if any(not t.weak for t, _ in live):
            live = [(t, c) for t, c in live if not t.weak]
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
        places = drop_containers(places)
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
        agents, patients = self._roles(doc, trigger, mentions)
        for other, _ in items:  # fill gaps from the other triggers of the sentence
            if agents and patients:
                break
            if other is trigger:
                continue
            more_agents, more_patients = self._roles(doc, other, mentions)
            agents = agents or more_agents
            patients = patients or more_patients
        unit_assoc = paragraph_units(paragraph_mentions, agents)
        actor1 = agents[0] if agents else None
        actor2 = patients[0] if patients else None
        actor1, actor2 = counterpart(actor1, actor2, paragraph, earlier)
        root = trigger.span(doc).root
        communal = False
        if trigger.cls.sub_event == "Armed clash":
            communal, actor1, actor2 = clash_sides(root, actor1, actor2, agents[1:])
        assoc1 = [a for a in unique([*agents[1:], *unit_assoc], actor1) if a != actor2]
        assoc2 = unique(patients[1:], actor2)
        sentence_words = {t.lower_ for t in root.sent}
        paragraph_text = _paragraph_text(root)
        # "militias attacked the villages ... eight residents were killed": a raid on
        # a place whose only named victims are civilians is an attack on them.
        raid_on_civilians = (
            root.lemma_.lower() in ONE_SIDED_ASSAULTS
            and actor2 is None
            and bool(set(re.findall(r"[a-z]+", paragraph_text.lower())) & self.civilian_words)
            and not any(
                m.actor.kind in ARMED_KINDS and m.actor != actor1 for m in paragraph_mentions
            )
        )
        partial = any(
            c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in trigger.cls.partial_objects
            for c in root.children
        )
        return Candidate(
            communal=communal,
            paragraph_text=paragraph_text,
            raid_on_civilians=raid_on_civilians,
            partial=partial,
            civilian_words=bool(sentence_words & self.civilian_words),
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

    def _roles(
        self, doc: Doc, trigger: Trigger, mentions: list[ResolvedMention]
    ) -> tuple[list[Actor], list[Actor]]:
        root = trigger.span(doc).root
        anchors = clause_path(root)
        # Also climb from a clause head to the verb it modifies ("advanced ...,
        # capturing"), so participle clauses share their main clause's subject.
        top = anchors[-1]
        while top.dep_ in {"advcl", "xcomp", "conj", "pcomp"} and top.head != top:
            top = top.head
            anchors.append(top)
            if any(c.dep_ in {"nsubj", "nsubjpass"} for c in top.children):
                break
        roles = assign_roles(anchors, [m.token for m in mentions])
        agents = [mentions[i].actor for i in roles.agents]
        patients = [mentions[i].actor for i in roles.patients]
        if not agents and not patients and roles.others:
            ordered = [mentions[i].actor for i in roles.others]
            agents, patients = ordered[:1], ordered[1:2]
        elif not agents and roles.others:
            agents = [mentions[roles.others[0]].actor]
        elif not patients and roles.others:
            rest = [mentions[i].actor for i in roles.others if mentions[i].actor not in agents]
            patients = rest[:1]
        return agents, patients

    # -- counts ---------------------------------------------------------------------

    def _counts(
        self,
        sentence: Span,
        index: int,
        paragraph: int,
        new: list[Candidate],
        earlier: list[Candidate],
        mentions: list[ResolvedMention],
    ) -> None:
        killed = fatalities(sentence.text)
        lost = losses(sentence)
        if killed is None and not lost:
            return
        targets = new
        if not targets:
            # A sentence that only adds figures about the fighting just described
            # ("... lost a tank in these clashes") belongs to those events.
            same = recent_events(earlier, paragraph)
            last = max((c.sentence for c in same), default=None)
            targets = [c for c in same if c.sentence == last]
            for candidate in targets:
                candidate.evidence.append(sentence)
        if not targets:
            return
        if killed is not None:
            # ACLED splits a count over the locations it covers; the first gets the rest.
            share, rest = divmod(killed, len(targets))
            for position, candidate in enumerate(targets):
                candidate.fatalities = share + (rest if position == 0 else 0)
        if lost:
            hedged = assess(sentence.root, sentence, self.failure_words).hedged
            loser = subject_actor(sentence, mentions)
            for candidate in targets:
                candidate.losses.extend(x for x in lost if x not in candidate.losses)
                candidate.losses_hedged = candidate.losses_hedged or hedged
                candidate.loser = candidate.loser or loser

    # -- records --------------------------------------------------------------------

    def _finish(
        self, article: Article, candidates: list[Candidate], country: str | None
    ) -> list[Event]:
        events: list[Event] = []
        seen: set[str] = set()
        for candidate in candidates:
            event = self._event(article, candidate, country)
            if event is None or event.event_id in seen:
                continue
            seen.add(event.event_id)
            events.append(event)
        return events

    def _event(self, article: Article, c: Candidate, country: str | None) -> Event | None:
        place: Place | None = c.mention.place if c.mention else None
        event_country = (place.country if place else None) or country
        if c.communal:
            c.actor1 = c.actor2 = communal_militia(c.mention, event_country) or unidentified(
                self.lexicon, event_country
            )
        if c.actor1 is None and c.cls.name == "arrest" and event_country:
            # "55 people were arrested": arrests by an unnamed agent are the police's.
            c.actor1 = generic_actor("police", event_country, self.lexicon)
        c.actor1 = localise(rehome(c.actor1, event_country, self.lexicon), c.mention,
                            event_country, self.lexicon)
        c.actor2 = localise(rehome(c.actor2, event_country, self.lexicon), c.mention,
                            event_country, self.lexicon)  # fmt: skip
        actor1 = c.actor1 or unidentified(self.lexicon, event_country)
        sub_event = sub_event_of(c, actor1, self.lexicon.modifiers)
        if c.cls.name == "arrest" and actor1.kind in UNARMED_KINDS:
            return None  # "He was arrested": no one arrested by civilians happened here
        if c.actor2 is None and sub_event.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS:
            # Violence against civilians has civilians on the other side, named or not.
            c.actor2 = generic_actor("civilians", event_country, self.lexicon)
        riot = {SubEventType.MOB_VIOLENCE, SubEventType.VIOLENT_DEMONSTRATION}
        if sub_event in riot and (actor1.kind in UNARMED_KINDS or _unnamed(actor1)):
            actor1 = generic_actor("rioters", event_country, self.lexicon)
        elif c.cls.intervention is not None and (
            actor1.kind is ActorKind.CIVILIANS or _unnamed(actor1)
        ):
            # "prisoners who were protesting": the crowd of a protest is its protesters.
            actor1 = generic_actor("protesters", event_country, self.lexicon)
        from frontlines.events.notes import write_note

        template = sub_event.value
        if c.claim.status is Status.FAILED and c.cls.failed is not None:
            template = "Armed clash (failed territory)"
        elif c.claim.status is Status.FAILED and sub_event is SubEventType.ARMED_CLASH:
            template = "Armed clash (failed)"
        elif c.cls.name == "withdrawal_agreement":
            template = "Agreement (withdrawal)"
        location = place.name if place else None
        hedged = c.claim.hedged or c.losses_hedged
        spans = _dedupe_spans(c.evidence)
        evidence = tuple(
            Evidence(s.start_char, s.start_char + len(s.text.rstrip()), s.text.rstrip())
            for s in spans
        )
        note = write_note(
            template=template,
            event_date=c.event_date,
            time_precision=c.precision,
            actor1=actor1.name,
            actor2=c.actor2.name if c.actor2 else None,
            assoc_actor_1=tuple(a.name for a in c.assoc1),
            place=_place_phrase(place),
            hedge=c.claim.hedge_cue if c.claim.hedged else None,
            attributed_to=c.claim.attributed_to,
            losses=tuple(c.losses),
            loser=c.loser.name if c.loser else None,
            losses_hedged=c.losses_hedged,
            fatalities=c.fatalities,
        )
        key = "|".join(
            str(x)
            for x in (article.id, c.event_date, sub_event.value, location, actor1.name,
                      c.actor2.name if c.actor2 else "", spans[0].start_char)
        )  # fmt: skip
        return Event(
            event_id=hashlib.sha256(key.encode()).hexdigest()[:16],
            article_id=article.id,
            event_date=c.event_date,
            time_precision=c.precision,
            event_type=sub_event.event_type.value,
            sub_event_type=sub_event.value,
            actor1=actor1.name,
            actor2=c.actor2.name if c.actor2 else None,
            assoc_actor_1=tuple(a.name for a in c.assoc1),
            assoc_actor_2=tuple(a.name for a in c.assoc2),
            inter1=actor1.inter(event_country),
            inter2=c.actor2.inter(event_country) if c.actor2 else None,
            country=event_country,
            admin1=place.admin1 if place else None,
            admin2=place.admin2 if place else None,
            admin3=place.admin3 if place else None,
            location=location,
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            geo_precision=place.geo_precision if place else None,
            fatalities=c.fatalities or 0,
            notes=note,
            source=article.source_label,
            evidence=evidence,
            hedged=hedged,
            attributed_to=c.claim.attributed_to,
            losses=tuple(c.losses),
            confidence=_confidence(c, place),
        )


# -- helpers ------------------------------------------------------------------------


# "in Moscow", "on the streets of Paris": a foreign capital named as where something
# happened, not as the government it stands for ("no comment from Moscow").
_LOCATIVE_BEFORE = re.compile(
    r"\b(?i:in|at|near|outside|inside|across|around|(?:streets|centre|center|outskirts) of)"
    r"\s+(?:the\s+)?(?:(?:Russian|[A-Z][a-z]+)\s+)?(?:capital,?\s+|city of\s+)?$"
)


def _foreign_capital(mention: PlaceMention, country: str | None, text: str) -> bool:
    place = mention.place
    if place is None or country is None or place.country in {None, country}:
        return False
    if not (place.feature_code or "").startswith(("PPLC", "PCL")):
        return False
    return not (
        (place.feature_code or "").startswith("PPLC")
        and _LOCATIVE_BEFORE.search(text[max(0, mention.start - 40) : mention.start])
    )


# Territory verbs that, with a thing as their object, take property.
PROPERTY_SEIZURE = frozenset({"seize", "confiscate", "commandeer"})

# Verbs of one side falling on another (not of two sides fighting).
ONE_SIDED_ASSAULTS = frozenset({"attack", "raid", "assault", "storm"})


def _unnamed(actor: Actor) -> bool:
    return actor.generic and actor.name.startswith("Unidentified")


def _paragraph_text(token: Token) -> str:
    text = doc_text(token.doc)
    start = text.rfind("\n\n", 0, token.idx) + 1
    end = text.find("\n\n", token.idx)
    return text[start : end if end >= 0 else len(text)].lower()


def _dedupe_spans(spans: list[Span]) -> list[Span]:
    seen: dict[int, Span] = {}
    for span in spans:
        seen.setdefault(span.start_char, span)
    return [seen[k] for k in sorted(seen)]


def _place_phrase(place: Place | None) -> str:
    if place is None:
        return "an unidentified location"
    text = place.name
    if place.admin1 and place.admin1 != place.name:
        area = f"{place.admin1} governorate" if place.country == "Syria" else place.admin1
        text = f"{text} ({area})"
    if place.geo_precision == 2:
        return f"the area of {text}"
    return text


def _join_same_happening(candidates: list[Candidate]) -> list[Candidate]:
    """One event per location, day, sub-event and actor pair."""
    joined: dict[tuple[object, ...], Candidate] = {}
    out: list[Candidate] = []
    for c in candidates:
        if c.mention is None or c.mention.place is None:
            out.append(c)
            continue
        key = (
            place_key(c.mention.place), c.event_date, c.cls.name, c.claim.status,
            frozenset(a.root for a in (c.actor1, c.actor2) if a),
        )  # fmt: skip
        first = joined.get(key)
        if first is None:
            joined[key] = c
            out.append(c)
            continue
        first.evidence.extend(c.evidence)
        first.losses.extend(x for x in c.losses if x not in first.losses)
        if c.fatalities is not None:
            first.fatalities = max(first.fatalities or 0, c.fatalities)
    return out


def _confidence(c: Candidate, place: Place | None) -> float:
    score = 0.4
    if c.actor1 is not None:
        score += 0.15
    if c.actor2 is not None:
        score += 0.1
    if place is not None:
        score += 0.2 if place.geo_precision == 1 else 0.1
    if c.claim.hedged:
        score -= 0.15
    if c.precision == TimePrecision.DAY:
        score += 0.05
    return max(0.05, min(score, 0.95))
