"""From coded candidates to Event records: the final sides (communal militias, the
police of an arrest, civilians of violence against them, rioters and protesters,
actor names of the event's period), the sub-event, the neutral note, the evidence
and a confidence. Events at the same place, day, type and actors are joined first
(ACLED's one event per location per day)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

from spacy.tokens import Span

from frontlines.events.actor_resolution import dated, generic_actor, rehome
from frontlines.events.actors import Actor
from frontlines.events.candidate import Candidate
from frontlines.events.claims import Status
from frontlines.events.lexicon import Lexicon
from frontlines.events.places import place_key
from frontlines.events.sides import communal_militia, localise, unidentified
from frontlines.events.subevents import UNARMED_KINDS, sub_event_of
from frontlines.model import Article, Event, Evidence, Place
from frontlines.nlp.lookups import span_text
from frontlines.taxonomy import ActorKind, EventType, SubEventType, TimePrecision

__all__ = ["EventRecords", "join_same_happening"]


class EventRecords:
    """Turns candidates into events with the lexicon's actor names."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def finish(
        self, article: Article, candidates: list[Candidate], country: str | None
    ) -> list[Event]:
        events: list[Event] = []
        seen: dict[str, int] = {}
        for candidate in candidates:
            event = self.event(article, candidate, country)
            if event is None:
                continue
            first = seen.get(event.event_id)
            if first is not None:
                # Coded twice as one event: it keeps the larger count of its dead, as
                # events joined at one place and day do.
                if event.fatalities > events[first].fatalities:
                    events[first] = replace(events[first], fatalities=event.fatalities)
                continue
            seen[event.event_id] = len(events)
            events.append(event)
        return events

    def _front_sides(
        self, actor1: Actor, actor2: Actor | None, place: Place | None, day: date | None
    ) -> tuple[Actor, Actor | None]:
        """Fire across a war's front line with no side named: its two sides."""
        sides = self.lexicon.front_sides(
            place.country if place else None, place.admin1 if place else None, day
        )
        named = [_named(self.lexicon, s) for s in sides] if sides else []
        if len(named) != 2 or named[0] is None or named[1] is None:
            return actor1, actor2
        return named[0], named[1]

    def event(self, article: Article, c: Candidate, country: str | None) -> Event | None:
        place: Place | None = c.mention.place if c.mention else None
        event_country = (place.country if place else None) or country
        if c.communal:
            c.actor1 = c.actor2 = communal_militia(c.mention, event_country) or unidentified(
                self.lexicon, event_country
            )
        if c.actor1 is None and c.cls.name == "arrest" and event_country:
            # "55 people were arrested": arrests by an unnamed agent are the police's.
            c.actor1 = generic_actor("police", event_country, self.lexicon)
        c.actor1 = localise(
            rehome(c.actor1, event_country, self.lexicon), c.mention, event_country, self.lexicon
        )
        c.actor2 = localise(rehome(c.actor2, event_country, self.lexicon), c.mention,
                            event_country, self.lexicon)  # fmt: skip
        actor1 = c.actor1 or unidentified(self.lexicon, event_country)
        countries = frozenset(x for x in (event_country, country) if x)
        sub_event = sub_event_of(c, actor1, self.lexicon.modifiers, countries)
        if (
            sub_event is SubEventType.ARMED_CLASH
            and _unnamed(actor1)
            and (c.actor2 is None or _unnamed(c.actor2))
        ):
            actor1, c.actor2 = self._front_sides(actor1, c.actor2, place, c.event_date)
        if c.actor2 is None and sub_event.event_type is EventType.BATTLES:
            # A battle has two armed sides (ACLED codes none without an actor 2): the
            # one the report leaves unnamed is an unidentified armed group.
            c.actor2 = unidentified(self.lexicon, event_country)
        if c.cls.name == "arrest" and actor1.kind in UNARMED_KINDS:
            return None  # "He was arrested": no one arrested by civilians happened here
        if c.cls.state is not None and actor1.kind in {*UNARMED_KINDS, ActorKind.RIOTERS}:
            # "Residents blocked the entrance to the village": unarmed people hold no
            # territory; whatever they did is not a capture.
            return None
        if (
            sub_event.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS
            and actor1.kind is ActorKind.CIVILIANS
        ):
            # "A man was stabbed by two men": civilians named as the ones who killed
            # are unknown assailants; the civilians are the victims.
            c.actor2 = c.actor2 or actor1
            actor1 = unidentified(self.lexicon, event_country)
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
        elif sub_event.event_type is EventType.PROTESTS and actor1.kind is ActorKind.STATE_FORCES:
            # "Police detained 15 people at a protest": a protest's actor1 is always its
            # protesters (ACLED); the force that broke it up is the other side.
            crowd = c.actor2 if c.actor2 is not None and c.actor2.kind in UNARMED_KINDS else None
            c.actor2 = actor1
            actor1 = (
                crowd if crowd is not None and crowd.kind is ActorKind.PROTESTERS
                else generic_actor("protesters", event_country, self.lexicon)
            )  # fmt: skip
        from frontlines.events.notes import write_note

        actor1 = dated(actor1, c.event_date, self.lexicon) or actor1
        c.actor2 = dated(c.actor2, c.event_date, self.lexicon)
        c.assoc1 = [dated(a, c.event_date, self.lexicon) or a for a in c.assoc1]
        c.assoc2 = [dated(a, c.event_date, self.lexicon) or a for a in c.assoc2]

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
        texts = [(s.start_char, span_text(s).rstrip()) for s in spans]
        evidence = tuple(Evidence(start, start + len(text), text) for start, text in texts)
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


def _named(lexicon: Lexicon, name: str) -> Actor | None:
    entry = lexicon.actor(name)
    if entry is None:
        return None
    return Actor(entry.name, entry.kind, entry.country, entry.parent, False,
                 entry.allied_with_state)  # fmt: skip


def _unnamed(actor: Actor) -> bool:
    return actor.generic and actor.name.startswith("Unidentified")


def _dedupe_spans(spans: list[Span]) -> list[Span]:
    seen: dict[int, Span] = {}
    for span in spans:
        seen.setdefault(span.start_char, span)
    return [seen[k] for k in sorted(seen)]


def _place_phrase(place: Place | None) -> str:
    if place is None:
        return "an unidentified location"
    text = place.name
    if place.geo_precision == 3 and place.admin1 and (place.feature_code or "").startswith("PPL"):
        # a town standing for its governorate ("in the Hama countryside"): the area
        return f"{place.admin1} governorate" if place.country == "Syria" else place.admin1
    if place.admin1 and place.admin1 != place.name:
        area = f"{place.admin1} governorate" if place.country == "Syria" else place.admin1
        text = f"{text} ({area})"
    if place.geo_precision == 2:
        return f"the area of {text}"
    return text


def join_same_happening(candidates: list[Candidate]) -> list[Candidate]:
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
