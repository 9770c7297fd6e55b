"""What a report commits to about a trigger: happened, failed, negated, only possible.

Also hedging ("reportedly", "according to") and who the claim is attributed to. A
future or conditional event ("will likely become the next target", "if the base is
captured") is never coded as having happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from frontlines.events.scan import WordGate
from frontlines.nlp.lookups import Parse, lemma_lower_ids, parse_of, span_text

CONDITIONAL_MARKS = frozenset({"if", "unless", "should", "whether"})
CONDITIONAL_AUX = frozenset({"would", "could", "might", "may"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
FUTURE_VERBS = frozenset(
    {"plan", "intend", "prepare", "aim", "expect", "threaten", "vow", "hope", "want", "seek to"}
)
NEGATIONS = frozenset({"not", "n't", "never", "no", "without"})
HEDGE_WORDS = (
    "reportedly", "allegedly", "purportedly", "apparently", "reported", "claimed", "claims",
    "alleged", "unconfirmed", "according to", "said to", "is believed", "are believed",
    "reports suggest", "sources said", "it is said",
)  # fmt: skip
_HEDGE_RE = WordGate(
    re.compile(r"\b(" + "|".join(re.escape(w) for w in HEDGE_WORDS) + r")\b", re.I), HEDGE_WORDS
)
# Doubt cast on a claim made just before ("The toll could not be independently verified").
UNVERIFIED = re.compile(
    r"\b(?:could not|cannot|can ?not|couldn't|can't|were not|was not|has not been|have not been)"
    r"(?: be)?(?: immediately)?(?: independently)? (?:verified|confirmed)\b|\bunverified\b",
    re.I,
)
_ACCORDING_RE = WordGate(re.compile(r"\baccording to (?P<who>[^,.;]+)", re.I), ["according to"])
_SPEECH_VERBS = frozenset({"say", "claim", "report", "announce", "state", "allege", "confirm"})
_SPEECH_VERB_IDS = frozenset(get_string_id(verb) for verb in _SPEECH_VERBS)


class Status(StrEnum):
    HAPPENED = "happened"
    FAILED = "failed"
    NEGATED = "negated"
    CONDITIONAL = "conditional"
    FUTURE = "future"
    PURPOSE = "purpose"  # "to capture the town": what an action was for


@dataclass(frozen=True, slots=True)
class Claim:
    status: Status
    hedged: bool = False
    attributed_to: str | None = None
    hedge_cue: str | None = None


def clause_path(token: Token) -> list[Token]:
    """The trigger and its heads up to the head of its finite clause.

    Walking stops at a token with its own subject or at a relative clause, so a
    "will" in the main clause does not make an event in a relative clause future.
    Remembered on the Doc by token index (the screen, the sides and the counts all
    walk the same triggers' paths); each call gets a list of its own.
    """
    doc = token.doc
    return [doc[i] for i in clause_path_ids(token)]


def clause_path_ids(token: Token) -> tuple[int, ...]:
    """``clause_path`` as token indexes."""
    remembered = token.doc.user_data.setdefault(_PATHS, {})
    known = remembered.get(token.i)
    if known is None:
        known = remembered[token.i] = _clause_path(parse_of(token.doc), token.i)
    return known


_PATHS = "frontlines.clause_paths"
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
_PREDICATES = frozenset({"VERB", "AUX"})
_CLAUSE_TOPS = frozenset({"relcl", "ROOT", "acl"})


def _clause_path(parse: Parse, index: int) -> tuple[int, ...]:
    path = [index]
    current = index
    while True:
        if parse.pos[current] in _PREDICATES and parse.has_child(current, _SUBJECTS):
            break
        if parse.deps[current] in _CLAUSE_TOPS or parse.heads[current] == current:
            break
        current = parse.heads[current]
        path.append(current)
    return tuple(path)


# Passive verbs whose infinitive says what was done, not what it was for.
_MADE_TO = frozenset({"force", "compel", "oblige", "make", "push", "drive"})


def assess(trigger: Token, sentence: Span, failure_words: frozenset[str]) -> Claim:
    """Status, hedging and attribution of the happening a trigger names.

    Read on the Doc's ``Parse``: the path's tokens and their children are indexes."""
    doc = trigger.doc
    parse = parse_of(doc)
    rel, lowers, lemmas, kids = parse.deps, parse.lowers, parse.lemmas, parse.children
    path = clause_path_ids(trigger)
    status = Status.HAPPENED
    for index in path:
        # Each child's relation and word, read once (every test below asks them).
        children = [(rel[c], lowers[c]) for c in kids[index]]
        if any(dep == "mark" and word in CONDITIONAL_MARKS for dep, word in children):
            status = Status.CONDITIONAL
            break
        auxes = {word for dep, word in children if dep in {"aux", "auxpass"}}
        if auxes & CONDITIONAL_AUX:
            status = Status.CONDITIONAL
            break
        if auxes & FUTURE_AUX or (index != trigger.i and lemmas[index] in FUTURE_VERBS):
            status = Status.FUTURE
            break
        infinitive = ("aux", "to") in children
        if rel[index] == "advcl" and infinitive:
            # "released prisoners to combat the spread", "advanced to capture the
            # town": a purpose, which has not happened (yet).
            status = Status.PURPOSE
            break
        head = parse.heads[index]
        if (
            rel[index] == "xcomp"
            and infinitive
            and "have" not in auxes
            and any(rel[c] == "auxpass" and not doc[c].is_upper for c in kids[head])
            and lemmas[head].lower() not in _MADE_TO
        ):
            # "a unit was sent to secure the area", "troops were deployed to protect
            # the road": what they were sent for ("was forced to withdraw" happened).
            # A perfect infinitive ("claimed to have attacked") reports a done deed,
            # and an upper-case "IS" is the group, not a passive auxiliary.
            status = Status.PURPOSE
            break
        if rel[index] == "acl" and infinitive and parse.pos[head] in {"NOUN", "PROPN"}:
            # "an attempt by the army to push into the village": failed; "an
            # assault to win back their positions": what the assault was for.
            failed = lemmas[head].lower() in failure_words
            status = Status.FAILED if failed else Status.PURPOSE
            break
        if any(word == "going" for _, word in children) and "to" in {
            c.lower_ for c in trigger.doc[index].subtree
        }:
            status = Status.FUTURE
            break
        if any(dep == "neg" or (dep == "det" and word == "no") for dep, word in children):
            status = Status.NEGATED
            break
        if index != trigger.i and lemmas[index].lower() in failure_words:
            status = Status.FAILED
    if status is Status.HAPPENED and _conjoined_failure(parse, path[-1], failure_words):
        status = Status.FAILED
    hedge_cue, attributed_to = _sentence_says(sentence)
    return Claim(
        status=status,
        hedged=hedge_cue is not None,
        attributed_to=attributed_to,
        hedge_cue=hedge_cue,
    )


_SAYS = "frontlines.sentence_says"


def _sentence_says(sentence: Span) -> tuple[str | None, str | None]:
    """The sentence's hedge word (lowercase) and whom it attributes its claim to,
    remembered on the Doc by the sentence's bounds: every trigger of a sentence
    asks, and the hedge is a search of its text."""
    remembered = sentence.doc.user_data.setdefault(_SAYS, {})
    key = (sentence.start, sentence.end)
    known = remembered.get(key)
    if known is None:
        hedge = _HEDGE_RE.search(span_text(sentence))
        cue = hedge.group(1).lower() if hedge else None
        known = remembered[key] = (cue, attribution(sentence))
    return known


def _conjoined_failure(parse: Parse, clause_head: int, failure_words: frozenset[str]) -> bool:
    """'X attacked ... but failed to ...': a failure verb conjoined to the clause head."""
    rel, lemmas = parse.deps, parse.lemmas
    return any(
        rel[c] == "conj" and lemmas[c].lower() in failure_words for c in parse.children[clause_head]
    )


def attribution(sentence: Span) -> str | None:
    """Who a sentence attributes its claim to: "according to X", "X said/claimed".

    Remembered on the Doc: every trigger of a sentence asks, and the answer walks
    the sentence's tokens."""
    remembered = sentence.doc.user_data
    key = f"frontlines.attribution:{sentence.start}:{sentence.end}"
    if key not in remembered:
        remembered[key] = _attribution(sentence)
    answer = remembered[key]
    return answer if isinstance(answer, str) else None


def _attribution(sentence: Span) -> str | None:
    match = _ACCORDING_RE.search(span_text(sentence))
    if match:
        return match.group("who").strip()
    # Speech verbs found on the Doc's lemma ids: a Token only for each of them.
    doc = sentence.doc
    lemmas = lemma_lower_ids(doc)[sentence.start : sentence.end]
    verbs = _SPEECH_VERB_IDS
    for index in [i for i, (lemma, _) in enumerate(lemmas, sentence.start) if lemma in verbs]:
        token = doc[index]
        if token.pos_ == "VERB":
            if not any(c.dep_ in {"ccomp", "dobj"} for c in token.children):
                continue
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if subjects and subjects[0].lower_ not in {"it", "he", "she", "they", "which"}:
                subject = subjects[0]
                words = [t for t in subject.subtree]
                return sentence.doc[words[0].i : words[-1].i + 1].text
    return None


def attribution_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names whom it has a claim from: the "X" of "according to X"."""
    return [match.span("who") for match in _ACCORDING_RE.finditer(text)]
