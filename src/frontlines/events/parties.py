"""The sides of one trigger: who acts and who is acted upon.

The parse gives agents and patients along the trigger's clause path (``roles.py``);
this fills the gaps the parse leaves the way ACLED codes them: supporters join the
side they help, a mention with no role fills an empty side (civilians never fire
from afar), and "between X and Y" gives X the first side.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from frontlines.events.actors import Actor
from frontlines.events.candidate import ResolvedMention
from frontlines.events.claims import clause_path
from frontlines.events.context import SUPPORT_WORDS, in_support_phrase
from frontlines.events.roles import Roles, assign_roles
from frontlines.events.sides import BETWEEN, MUTUAL_FIGHTING
from frontlines.events.triggers import Trigger
from frontlines.nlp.lookups import span_text
from frontlines.taxonomy import ActorKind, EventType


def _climbs(top: Token) -> bool:
    """A clause that shares the subject of the verb above it; so does a fighting verb
    the parse hung under "supported by" ("the army supported by the NDF clashed
    with IS")."""
    if top.head == top:
        return False
    support = top.dep_ == "ccomp" and top.head.lemma_.lower() in SUPPORT_WORDS
    return top.dep_ in {"advcl", "xcomp", "conj", "pcomp"} or support


def trigger_sides(
    doc: Doc, trigger: Trigger, mentions: list[ResolvedMention]
) -> tuple[list[Actor], list[Actor]]:
    """Who acts (actor1 and its supporters) and who is acted upon for a trigger,
    from the parse around its head and the actor mentions of its sentence."""
    root = trigger.root(doc)
    anchors = clause_path(root)
    # Also climb from a clause head to the verb it modifies ("advanced ...,
    # capturing"), so participle clauses share their main clause's subject.
    top = anchors[-1]
    # A clause with a subject of its own ("while rebels shelled ...") keeps it; a
    # pronoun ("after he was kidnapped") points back to the main clause.
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ != "PRON" for c in top.children)
    while not own_subject and _climbs(top):
        top = top.head
        anchors.append(top)
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in top.children):
            break
    roles = assign_roles(anchors, [m.token for m in mentions])
    # "QSD, with the support of coalition helicopters, detained IS members": the
    # supporter is associated with the side it helps, never the side acted upon.
    support = {i for i in range(len(mentions)) if in_support_phrase(mentions[i].token)}
    agents = [mentions[i].actor for i in roles.agents if i not in support]
    patients = [mentions[i].actor for i in roles.patients if i not in support]
    supporters = [mentions[i].actor for i in (*roles.agents, *roles.patients, *roles.others)
                  if i in support]  # fmt: skip
    others = [i for i in roles.others if i not in support]
    roles = Roles(roles.agents, roles.patients, tuple(others))
    # Mentions with no role of their own fill the gaps, except that civilians
    # never fire a weapon from afar: "an air strike hit a market, killing 3
    # people" has the people acted upon and its perpetrator unnamed.
    remote = trigger.cls.sub_event is not None and (
        trigger.cls.sub_event.event_type is EventType.EXPLOSIONS
    )
    fillers = [
        i for i in roles.others
        if not (remote and mentions[i].actor.kind is ActorKind.CIVILIANS)
    ]  # fmt: skip
    if not agents and not patients and roles.others and not fillers:
        patients = [mentions[roles.others[0]].actor]
    elif not agents and not patients and fillers:
        ordered = [mentions[i].actor for i in fillers]
        agents, patients = ordered[:1], ordered[1:2]
    elif not agents and fillers:
        agents = [mentions[fillers[0]].actor]
    elif not patients and roles.others:
        rest = [mentions[i].actor for i in roles.others if mentions[i].actor not in agents]
        patients = rest[:1]
    mutual = root.lemma_.lower() in MUTUAL_FIGHTING
    conjoined = [i for i in sorted(support) if mentions[i].token.dep_ == "conj"]
    if (
        mutual
        and agents
        and not patients
        and len(supporters) > 1
        and conjoined
        and mentions[conjoined[-1]].actor == supporters[-1]
        and BETWEEN.search(span_text(root.sent))
    ):
        # "between regime forces supported by LaQ and IS": the last conjunct of the
        # support phrase is the second side of "between".
        patients, supporters = supporters[-1:], supporters[:-1]
    if not agents and len(patients) > 1 and mutual:
        # "clashes took place between X and Y" parsed with both sides acted upon:
        # the first named is the first side.
        agents, patients = patients[:1], patients[1:]
    if agents:
        agents += [a for a in supporters if a not in agents]
    return agents, patients
