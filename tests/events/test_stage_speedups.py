"""More of the events stage's speed-ups answer as the plain code does: the date
finder's first test on all its gates' words, victim words read from the Doc's arrays,
and the trigger finder's one check per Doc of the annotations its patterns read and its
one-word patterns matched on the Doc's arrays."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from importlib import resources

import pytest
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from frontlines.events import claims, context, dates
from frontlines.events.actors import Actor, ActorMention
from frontlines.events.candidate import ResolvedMention
from frontlines.events.lexicon import load_lexicon
from frontlines.events.scan import WordGate
from frontlines.events.triggers import TriggerFinder
from frontlines.events.victims import victim_words
from frontlines.nlp import load_nlp
from frontlines.nlp.lookups import index_doc, parse_of, token_offsets
from frontlines.taxonomy import ActorKind

PUBLISHED = date(2021, 6, 16)

# Sentences of our own, with and without every kind of date the finder reads.
SENTENCES = [
    "Gunmen attacked a checkpoint near the town on Tuesday.",
    "Rebels shelled the village yesterday, killing two.",
    "The army said it captured the hill on 3 March 2021.",
    "Clashes went on over the weekend and into the past few days.",
    "Three days ago a convoy was ambushed on the road.",
    "Fighting resumed earlier this month after a lull in May.",
    "Protesters gathered in the square and marched to the ministry.",
    "No one claimed the blast, which destroyed two shops.",
    "BAMAKO, June 12 (Wire) - Soldiers repelled an attack overnight.",
    "The strike on 2021-06-02 hit a depot; last month a drone fell nearby.",
]


def _gates() -> list[WordGate]:
    found = [g for g in vars(dates).values() if isinstance(g, WordGate)]
    return found + [gate for gate, _, _ in dates._RELATIVE]


def test_every_date_gate_opens_on_a_word_of_the_first_test() -> None:
    assert len(_gates()) >= 12
    for gate in _gates():
        assert set(gate.words) <= set(dates._ANY_CUE_WORDS), gate.words


def test_the_first_test_changes_no_date(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(5)
    words = [*dates._ANY_CUE_WORDS, "Monday", "YESTERDAY", "March", "the", "in", "12", "ago"]
    texts = SENTENCES + [" ".join(rng.choices(words, k=rng.randint(1, 6))) for _ in range(3000)]
    found = [dates.find_date(t, PUBLISHED) for t in texts]
    assert sum(f is not None for f in found) > 100  # the texts do reach the gates
    monkeypatch.setattr(dates, "may_hold", lambda text, words: True)
    assert [dates.find_date(t, PUBLISHED) for t in texts] == found


def test_victim_words_are_the_tokens_lowercase_outside_the_acting_side() -> None:
    text = "Unidentified gunmen shot a reporter and two guards in the market of the town."
    doc = index_doc(load_nlp()(text), text)
    gunmen = doc[0:2]
    actor = Actor("Unidentified Armed Group", ActorKind.POLITICAL_MILITIA, None, None, True)
    named = ActorMention(gunmen.start_char, gunmen.end_char, gunmen.text)
    mention = ResolvedMention(named, actor, doc[1], 0, 0)
    sentence = next(iter(doc.sents))
    for mentions, agents in (([mention], [actor]), ([mention], []), ([], [])):
        acting = [m.mention for m in mentions if m.actor in agents]
        plain = {t.lower_ for t in sentence if not any(m.start <= t.idx < m.end for m in acting)}
        assert victim_words(sentence, mentions, agents) == plain
    assert "gunmen" not in victim_words(sentence, [mention], [actor])
    assert token_offsets(doc) == [t.idx for t in doc]


def test_windowed_triggers_are_the_big_matchers_after_one_check_per_doc() -> None:
    nlp = load_nlp()
    finder = TriggerFinder(nlp, load_lexicon())
    bare = [nlp.make_doc(text) for text in SENTENCES]  # no tags, lemmas nor parse
    parsed = [index_doc(nlp(text), text) for text in SENTENCES]
    for doc in [*parsed, *bare]:
        assert _outcome(lambda d=doc: [(t.start, t.end) for t in finder.find(d)]) == _outcome(
            lambda d=doc: [(s.start, s.end) for s in filter_spans(_big_matches(finder, d))]
        )
    assert any(finder.find(doc) for doc in parsed)


def _big_matches(finder: TriggerFinder, doc: Doc) -> list[Span]:
    big: Matcher = finder._matcher
    return [Span(doc, start, end, label=key) for key, start, end in big(doc)]


def _outcome(run: Callable[[], list[tuple[int, int]]]) -> object:
    """What a call gives: its value, or the type and message of its error."""
    try:
        return run()
    except ValueError as error:
        return type(error), str(error)


def test_whole_dates_read_directly_are_dateparsers() -> None:
    months = ["January", "Feb", "Mar.", "April", "May", "June", "Jul", "August", "Sept",
              "Sep.", "October", "Nov", "December"]  # fmt: skip
    rng = random.Random(9)
    texts = []
    for month in months:
        for day in (1, 2, 3, 9, 11, 12, 13, 21, 22, 23, 28, 29, 30, 31):
            year = rng.choice([1995, 2011, 2017, 2020, 2024, 2031])
            suffix = rng.choice(["", "st", "nd", "rd", "th"])
            iso = f"{year}-{months.index(month) + 1:02d}-{day:02d}"
            texts += [f"{day}{suffix} {month} {year}", f"{day} {month}, {year}",
                      f"{day}-{month}-{year}", f"{month} {day}{suffix}, {year}",
                      f"{month} {day} {year}", iso]  # fmt: skip
    texts += ["12 March", "March 12th", "0 March 2021", "2021-13-01", "1 May 1850"]
    read = [t for t in texts if dates.plain_date(t) is not None]
    assert len(read) > 400 and "12 March" not in read
    for published in (date(2021, 6, 16), date(2019, 1, 2)):
        for text in texts:
            parsed = dates._dateparser_date(text, published)
            assert dates.plain_date(text) in {None, parsed}, text
            assert dates._parse_explicit(text, published) == parsed, text


def test_remembered_clause_paths_and_support_phrases_are_the_walks() -> None:
    nlp = load_nlp()
    text = " ".join(SENTENCES) + " Rebels, supported by drones, stormed the hill the army held."
    doc = index_doc(nlp(text), text)
    for token in doc:
        walked = [doc[i] for i in claims._clause_path(parse_of(doc), token.i)]
        path = claims.clause_path(token)
        assert path == walked
        path.append(token)  # a caller's list is its own
        assert claims.clause_path(token) == walked
        assert context.in_support_phrase(token) == context._in_support_phrase(token)
    assert any(context.in_support_phrase(t) for t in doc)


def _report_docs() -> list[Doc]:
    examples = resources.files("frontlines.data").joinpath("examples")
    texts = [f.read_text(encoding="utf-8") for f in examples.iterdir() if f.name.endswith(".md")]
    return [index_doc(doc, text) for text, doc in zip(texts, load_nlp().pipe(texts), strict=True)]


def test_one_word_patterns_match_as_a_matcher_of_them() -> None:
    nlp = load_nlp()
    finder = TriggerFinder(nlp, load_lexicon())
    alone = Matcher(nlp.vocab)
    for key, pattern in finder._patterns:
        if finder._one_word.accepts(pattern):
            alone.add(key, [pattern])
    docs = [*_report_docs(), *(index_doc(nlp(t), t) for t in SENTENCES)]
    found = [finder._one_word.matches(doc) for doc in docs]
    assert sum(map(len, found)) > 20
    for doc, matches in zip(docs, found, strict=True):
        # The Matcher's matches of one word, by token (its order within a token).
        assert matches == sorted(alone(doc), key=lambda m: m[1])
        plain = [
            (s.start, s.end, finder._keys[s.label_])
            for s in filter_spans(_big_matches(finder, doc))
        ]
        found_triggers = [
            (t.start, t.end, (t.cls, t.weak, t.needs_place_object)) for t in finder.find(doc)
        ]
        assert found_triggers == plain


def test_victim_words_outside_any_spans_are_the_token_tests() -> None:
    # Mentions at any characters (inside words too), one or several, overlapping.
    rng = random.Random(11)
    actor = Actor("Unidentified Armed Group", ActorKind.POLITICAL_MILITIA, None, None, True)
    docs = _report_docs()
    for _ in range(400):
        doc = rng.choice(docs)
        sentence = rng.choice(list(doc.sents))
        mentions = []
        for _ in range(rng.randint(1, 3)):
            start = rng.randint(sentence.start_char, sentence.end_char)
            end = min(sentence.end_char, start + rng.randint(0, 40))
            named = ActorMention(start, end, doc.text[start:end])
            mentions.append(ResolvedMention(named, actor, sentence.root, 0, 0))
        spans = [(m.mention.start, m.mention.end) for m in mentions]
        plain = {t.lower_ for t in sentence if not any(s <= t.idx < e for s, e in spans)}
        assert victim_words(sentence, mentions, [actor]) == plain


def test_a_sentence_turned_away_holds_no_count() -> None:
    from frontlines.events.numbers import _may_count, load_quantities

    q = load_quantities()
    rng = random.Random(5)
    pieces = [*q.count_words, "Seven", "TWO", "dozens", "12", "٣", "none", "tone", "fighters",
              "were", "killed", "-", " ", ", ", "between", "and", "Ten-year", "x"]  # fmt: skip
    sentences = [s.text for doc in _report_docs() for s in doc.sents]
    sentences += ["".join(rng.choices(pieces, k=rng.randint(1, 8))) for _ in range(5000)]
    turned_away = 0
    for sentence in sentences:
        if not _may_count(sentence, q):
            turned_away += 1
            assert q.count_re.search(sentence) is None, sentence
    assert turned_away > 100


def test_speech_verbs_found_on_lemma_ids_are_the_token_tests() -> None:
    sentences = [s for doc in _report_docs() for s in doc.sents]
    sentences += [next(iter(index_doc(load_nlp()(t), t).sents)) for t in SPEECH]
    found = []
    for sentence in sentences:
        plain = [t.i for t in sentence if t.lemma_ in claims._SPEECH_VERBS]
        ids = claims.lemma_lower_ids(sentence.doc)[sentence.start : sentence.end]
        fast = [i for i, (lemma, _) in enumerate(ids, sentence.start)
                if lemma in claims._SPEECH_VERB_IDS]  # fmt: skip
        assert fast == plain
        found.append(claims._attribution(sentence))
    assert sum(a is not None for a in found) >= 3


SPEECH = [
    "The army said it captured the hill.",
    "Activists reported that five people died.",
    "Local sources confirmed the attack on the checkpoint.",
]
