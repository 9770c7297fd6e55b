"""The ACLED sub-event of an assembled event: the trigger class's rule, read against
who acted, who was acted upon and what the paragraph says happened to a protest."""

from __future__ import annotations

import re
from functools import lru_cache

from frontlines.events.actors import Actor
from frontlines.events.candidate import Candidate
from frontlines.events.claims import Status
from frontlines.events.grievances import describes_grievance, token_at
from frontlines.nlp.lookups import doc_text, span_text
from frontlines.taxonomy import ActorKind, SubEventType

# "protesting the killing of"; not "during the protest, guards opened fire".
GRIEVANCE = re.compile(
    r"\b(?:against|over|protest(?:ing|ed)?(?!\s*,)|demand(?:ing|ed)?|condemn(?:ing|ed)?|denounc\w*"
    r"|decry\w*|release of|because of|following|after|families of|relatives of|victims of"
    r"|commemorat\w*|memory of|anniversary of)\b[^.;]{0,50}$"
)


VIOLENCE_AS_GRIEVANCE = re.compile(
    r"\b(?:against|over|condemn\w*|denounc\w*|protest\w*|decry\w*)\s+(?:the\s+|a\s+|an\s+)?$"
)


# "who was (accidentally) shot dead": what befell one person before the protest.
SINGLE_PERSON = re.compile(r"\b(?:he|she|who)\s+(?:was|had been|has been|were)\s+(?:\w+ly\s+)?$")


# What police throw at a crowd; the crowd throwing stones is violence.
THROWN_BY_POLICE = re.compile(r"\s+(?:\w+\s+)?(?:tear\s*gas|teargas|gas|stun|smoke|flash)", re.I)


# The report's own word for a violent crowd.
RIOTERS = re.compile(r"\brioters?\b")


# A victim raped, told as what was done (not "accused of rape", "for raping").
RAPED = re.compile(
    r"(?<!accused of )(?<!suspected of )(?<!charged with )(?<!for )"
    r"\b(?:gang-|gang )?(?:raped|sexually assaulted|sexually abused)\b"
)
ONE_SIDED = frozenset({SubEventType.ATTACK, SubEventType.ABDUCTION})


# Any word of fighting, killing or fire: a capture told with none of them was
# made without a fight.
VIOLENCE = re.compile(
    r"\b(?:clash\w*|fight\w*|fought|attack\w*|kill\w*|wound\w*|injur\w*|shell\w*|strikes?"
    r"|battle\w*|assault\w*|fire|fired|firing|ambush\w*|died|dead|death\w*|casualt\w*"
    r"|storm\w*|raid\w*|offensive|bomb\w*|artillery|gunfire|shoot\w*|shot)\b"
)


# Detainees beaten or tortured by the ones who held them.
BEATEN = re.compile(r"\b(?:beat|beaten|beating|tortur\w*)\b", re.I)


# A crowd shut in ("barricaded themselves in the office") is a sit-in, not violence.
SHUT_IN = re.compile(r"\w*\s+(?:themselves|himself|herself)\b")


# The report says the crowd stayed peaceful: its stones and barricades blocked a road.
NO_VIOLENCE = re.compile(r"\b(?:no|without)\s+(?:violence|violent incidents?)\b")


# What a crowd of civilians does as a mob (a fight, property torched); a killing
# or beating of one person by a few is an attack, even by civilians.
CROWD_ACTS = frozenset({SubEventType.ARMED_CLASH, SubEventType.LOOTING})


UNARMED_KINDS = frozenset({ActorKind.CIVILIANS, ActorKind.PROTESTERS})


ARMED_KINDS = frozenset(
    {ActorKind.STATE_FORCES, ActorKind.REBEL_GROUP, ActorKind.POLITICAL_MILITIA,
     ActorKind.IDENTITY_MILITIA, ActorKind.EXTERNAL_FORCES}
)  # fmt: skip


@lru_cache(maxsize=1024)
def _word_start(word: str) -> re.Pattern[str]:
    """A word (or the start of one) at a word boundary, compiled once per word."""
    return re.compile(rf"\b{re.escape(word)}")


def protest_outcome(c: Candidate, modifiers: dict[str, tuple[str, ...]]) -> SubEventType | None:
    """A protest's sub-event from what the paragraph says happened to it."""

    text = c.paragraph_text
    doc = c.evidence[0].doc if c.evidence else None
    # Where the paragraph starts in the Doc (as ``paragraph_text`` was cut).
    start = doc_text(doc).rfind("\n\n", 0, c.evidence[0].start_char) + 1 if doc else 0

    def in_grievance(offset: int, kind: str) -> bool:
        token = token_at(doc, start + offset) if doc is not None else None
        return token is not None and describes_grievance(token, damage=kind == "violent")

    def said(kind: str) -> bool:
        for word in modifiers.get(kind, ()):
            if word not in text:
                continue  # the pattern spells the word as given: most paragraphs lack it
            for found in _word_start(word).finditer(text):
                if kind == "violent" and THROWN_BY_POLICE.match(text, found.end()):
                    continue  # "guards threw tear gas at them": an intervention
                if kind == "violent" and SHUT_IN.match(text, found.end()):
                    continue
                # "against the arrest of their editor", "He was arrested last week":
                # the grievance behind a protest, not what happened to it.
                before = text[max(0, found.start() - 70) : found.start()]
                # Violence is the grievance only when named as its object ("against the
                # looting of"): "demonstrating against the curfew vandalised the station"
                # is a violent crowd.
                grievance = VIOLENCE_AS_GRIEVANCE if kind == "violent" else GRIEVANCE
                if not (
                    grievance.search(before)
                    or SINGLE_PERSON.search(before)
                    or in_grievance(found.start(), kind)
                ):
                    return True
        return False

    # Protesters who turned violent make a violent demonstration even when the
    # police killed some of them: ACLED keeps "excessive force" for peaceful crowds.
    if not NO_VIOLENCE.search(text) and said("violent"):
        return SubEventType.VIOLENT_DEMONSTRATION
    if c.cls.excessive is not None and said("excessive"):
        return c.cls.excessive
    if c.cls.intervention is not None and said("intervention"):
        return c.cls.intervention
    return None


# Words that make a crowd's violence a demonstration, a protest or a demand
# ("burned tires to demand water"): without one, a riot ("inmates rioted",
# "workers clashed with the police") is mob violence.
DEMONSTRATION = re.compile(
    r"\b(?:protest|demonstrat|rall(?:y|ied|ies)\b|march(?:ed|es|ing)?\b(?!\s+\d)|picket"
    r"|sit-in|sit in|strike|demand|denounc|reject|condemn|in response to|dharna)"
)


# Armed groups, not the state, in a fight: the state's forces are the side that
# faces a riot.
ARMED_NON_STATE = frozenset(
    {ActorKind.REBEL_GROUP, ActorKind.POLITICAL_MILITIA, ActorKind.IDENTITY_MILITIA}
)


def riot_sub_event(c: Candidate) -> SubEventType:
    """A crowd's violence ("rioted", "clashed with police", "threw stones"): a
    violent demonstration when the paragraph speaks of a protest, mob violence when it
    does not, a peaceful protest when it says no violence happened, and an armed
    clash when the ones who fought the police are an armed group."""
    # The side the report names, not the unidentified group an unnamed crowd
    # defaults to.
    if c.actor1 is not None and c.actor1.kind in ARMED_NON_STATE:
        return SubEventType.ARMED_CLASH  # "two armed men clashed with police officers"
    # Barricades and burning tyres are a protest's own tactics.
    demonstration = c.cls.name == "protest_violent" or DEMONSTRATION.search(c.paragraph_text)
    if demonstration and NO_VIOLENCE.search(c.paragraph_text):
        return SubEventType.PEACEFUL_PROTEST
    return SubEventType.VIOLENT_DEMONSTRATION if demonstration else SubEventType.MOB_VIOLENCE


def _home_state(actor: Actor, countries: frozenset[str]) -> bool:
    return actor.kind is ActorKind.STATE_FORCES and (
        not countries or actor.country is None or actor.country in countries
    )


def sub_event_of(
    c: Candidate,
    actor1: Actor,
    modifiers: dict[str, tuple[str, ...]],
    countries: frozenset[str] = frozenset(),
) -> SubEventType:
    """``countries``: where the event is (its place's country and the report's; a place
    resolved abroad by mistake must not make the state's own forces foreign)."""
    sub_event = _sub_event(c, actor1, modifiers, countries)
    if sub_event in ONE_SIDED and RAPED.search(c.paragraph_text):
        # "Gunmen attacked three women ... and raped one of them": ACLED codes the
        # rape, not the attack or the abduction it came with.
        return SubEventType.SEXUAL_VIOLENCE
    return sub_event


def _sub_event(
    c: Candidate,
    actor1: Actor,
    modifiers: dict[str, tuple[str, ...]],
    countries: frozenset[str],
) -> SubEventType:
    cls = c.cls
    if cls.intervention is not None:
        outcome = protest_outcome(c, modifiers)
        if outcome is not None:
            return outcome
        if RIOTERS.search(c.paragraph_text):
            # "rioters demonstrating against prices blocked the highway": the report
            # itself calls the crowd violent.
            return SubEventType.VIOLENT_DEMONSTRATION
    if c.claim.status is Status.FAILED and cls.failed is not None:
        return cls.failed
    if c.partial and cls.failed is not None:
        return cls.failed
    state = actor1.kind is ActorKind.STATE_FORCES
    if cls.state is not None:
        # The government regains territory only in its own country ("Turkish forces
        # captured a village" in Syria is a non-state overtaking for ACLED); its forces
        # among the capturers ("QSD and regime forces captured") make it the
        # government's gain.
        # A state fighting a side of its own country is at home, wherever the place
        # was resolved ("Al Bayda" has namesakes abroad).
        opponent = c.actor2.country if c.actor2 is not None else None
        home = [
            a for a in (actor1, *c.assoc1)
            if _home_state(a, countries | ({opponent} if opponent else set()))
        ]  # fmt: skip
        if home:
            return cls.state
        if cls.non_state is not None and c.actor2 is None and not VIOLENCE.search(c.paragraph_text):
            # "Militants took control of the village and raised their flag", taken
            # from no side named and with no fighting, killing or fire told: ACLED's
            # non-violent transfer ("seized villages from IS" is an overtaking).
            return SubEventType.NON_VIOLENT_TRANSFER
        return cls.non_state or cls.state
    assert cls.sub_event is not None
    if cls.name in {"riot", "mob", "protest_violent"}:
        return riot_sub_event(c)
    crowd_violence = {SubEventType.ARMED_CLASH, SubEventType.ATTACK, SubEventType.LOOTING}
    if cls.sub_event in crowd_violence and actor1.kind is ActorKind.RIOTERS:
        # Violence by an unorganised crowd ("rioters set a bank on fire"): ACLED's
        # mob violence, a riot.
        return SubEventType.MOB_VIOLENCE
    mob = actor1.crowd or cls.sub_event in CROWD_ACTS
    if actor1.kind is ActorKind.CIVILIANS and cls.sub_event in crowd_violence and mob:
        # "Villagers attacked the post", "residents torched the shop", "a thief was
        # beaten by locals": a mob. A killing or beating by a few men ("a man was
        # beaten to death by four men") is an attack by unknown assailants.
        return SubEventType.MOB_VIOLENCE
    target = c.actor2.kind if c.actor2 else None
    if (
        cls.name == "arrest"
        and state
        and target not in ARMED_KINDS
        and c.evidence
        and BEATEN.search(span_text(c.evidence[0]))
    ):
        # "Soldiers beat three men and then detained them": violence against the ones
        # arrested makes the arrest an attack on them.
        return SubEventType.ATTACK
    # Violence against civilians needs civilian victims: armed men seized or shot by a
    # non-state group are fought with (a state arresting them is an arrest).
    arrest_by_state = state and cls.non_state is not None
    if cls.armed_target is not None and target in ARMED_KINDS and not arrest_by_state:
        return cls.armed_target
    if cls.non_state is not None and not state:
        return cls.non_state
    if cls.against_civilians is not None and (
        target is ActorKind.CIVILIANS or (c.raid_on_civilians and target is None)
    ):
        return cls.against_civilians
    # A killing or shooting with no side acted upon is part of the fighting only when
    # the sentence speaks of combatants and not of civilians: "gunmen shot dead a
    # radio reporter" is an attack on a civilian.
    if (
        cls.armed_target is not None
        and cls.sub_event is SubEventType.ATTACK
        and target is not ActorKind.CIVILIANS
        and (target is not None or (c.combatant_words and not c.civilian_words))
    ):
        return cls.armed_target
    return cls.sub_event
