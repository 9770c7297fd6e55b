"""The fourth round of speed-ups (issue #7) answers as the plain code does: the
Doc's parse read once into lists (``parse_of``) and the rules that walk it, death
verbs found on the Doc's lemma ids, the report's home country kept per report."""

from __future__ import annotations

import random

import pytest
from spacy.tokens import Doc, Token

from frontlines.events import assemble, claims, context, death_syntax, setting
from frontlines.events.assemble import EventAssembler
from frontlines.events.lexicon import load_lexicon
from frontlines.events.triggers import Trigger
from frontlines.nlp import load_nlp
from frontlines.nlp.lookups import WordIds, expand_span, index_doc, lemma_lower_ids, parse_of

# Sentences of our own: deaths told by every verb the parse reads, and words that
# only look like them.
SENTENCES = [
    "Four fighters and a commander were killed when the convoy was ambushed.",
    "Gunmen shot dead two guards, and a sniper shot a man near the bridge.",
    "The army lost 12 soldiers and a tank in the failed assault.",
    "A woman died of her wounds on Friday, and another succumbed later.",
    "Militants tried to kill the mayor but failed; nobody died.",
    "After a boy died in the blast, residents blocked the road.",
    "The killing of three shepherds angered the villagers, who lost their flocks.",
    "Two members of the local police were executed by the group in the square.",
]


@pytest.fixture(scope="module")
def docs() -> list[Doc]:
    nlp = load_nlp()
    return [index_doc(nlp(text), text) for text in SENTENCES]


def _plain_victims(doc: Doc) -> list[tuple[int | None, int, bool]]:
    """``parsed_victims`` as it was: ``_victims`` asked of every token."""
    found = []
    for sentence in doc.sents:
        for verb in sentence:
            for head in death_syntax._victims(verb):
                counts = [c for c in map(lambda n: death_syntax._count(n, _value),
                                         death_syntax._conjuncts(head)) if c]  # fmt: skip
                numbered = any(token is not None for token, _ in counts)
                found += [(t.i if t else None, n, numbered) for t, n in counts]
    return found


def _value(word: str) -> int | None:
    return {"four": 4, "two": 2, "12": 12, "three": 3}.get(word.lower())


def test_death_verbs_are_every_lemma_victims_reads() -> None:
    lemmas = death_syntax._KILL | death_syntax._DIE | death_syntax._LOSE | {"shoot"}
    assert death_syntax._DEATH_VERBS.words == lemmas


def test_victims_found_on_lemma_ids_equal_a_walk_of_every_token(docs: list[Doc]) -> None:
    total = 0
    for doc in docs:
        fast = [
            (t.i if t else None, n, numbered)
            for sentence in doc.sents
            for t, n, numbered in death_syntax.parsed_victims(sentence, _value)
        ]
        assert fast == _plain_victims(doc)
        total += len(fast)
    assert total >= 5  # the sentences do reach the rules


def test_the_parse_lists_equal_the_tokens_answers(docs: list[Doc]) -> None:
    for doc in docs:
        parse = parse_of(doc)
        for token in doc:
            i = token.i
            assert parse.heads[i] == token.head.i
            assert parse.children[i] == [c.i for c in token.children]
            assert (parse.deps[i], parse.pos[i], parse.tags[i]) == (
                token.dep_,
                token.pos_,
                token.tag_,
            )
            assert (parse.lemmas[i], parse.lowers[i]) == (token.lemma_, token.lower_)
            subtree = list(token.subtree)
            assert parse.extent(i) == (subtree[0].i, subtree[-1].i, len(subtree))
            assert parse.has_child(i, frozenset({"nsubj"})) == any(
                c.dep_ == "nsubj" for c in token.children
            )


def test_the_parse_is_read_once_per_doc_and_each_doc_has_its_own() -> None:
    nlp = load_nlp()
    first, second = nlp("Rebels shelled the town."), nlp("The town was shelled by rebels.")
    assert parse_of(first) is parse_of(first)
    assert parse_of(second) is not parse_of(first)
    assert parse_of(second).heads == [t.head.i for t in second]
    assert parse_of(nlp("")).children == []


def _plain_dominates(anchor: Token, token: Token) -> bool:
    """``context.dominates`` as it was, on Tokens."""
    if anchor == token:
        return True
    current = token
    while current.head != current:
        current = current.head
        if current == anchor:
            return True
        if current.pos_ in {"VERB", "AUX"} and any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in current.children
        ):
            return False
    return False


def _plain_clause_path(token: Token) -> list[int]:
    path, current = [token.i], token
    while True:
        subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in current.children)
        if subject and current.pos_ in {"VERB", "AUX"}:
            break
        if current.dep_ in {"relcl", "ROOT", "acl"} or current.head == current:
            break
        current = current.head
        path.append(current.i)
    return path


def test_walks_on_the_parse_lists_equal_walks_on_tokens(docs: list[Doc]) -> None:
    dominated = 0
    for doc in docs:
        parse = parse_of(doc)
        for anchor in doc:
            assert list(claims.clause_path_ids(anchor)) == _plain_clause_path(anchor)
            for token in doc:
                answer = context.dominates(parse, anchor.i, token.i)
                assert answer == _plain_dominates(anchor, token)
                dominated += answer
    assert dominated > 100


def test_the_home_country_is_worked_out_once_per_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assembler = EventAssembler(load_nlp(), load_lexicon())
    asked: list[str] = []
    plain = assemble.actors_home

    def counted(mentions, words, text, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return plain(mentions, words, text, **kwargs)

    monkeypatch.setattr(assemble, "actors_home", counted)
    syrian = "Regime forces and Hayat Tahrir al-Sham fighters clashed near the town."
    other = "Boko Haram fighters raided a village and the army responded."
    first = assembler.actor_country(syrian)
    assert assembler.actor_country(syrian) == first and len(asked) == 1
    assert assembler.actor_country(syrian, states_alone=True) is not None
    assert len(asked) == 2  # the prior is another question
    assert assembler.actor_country(other) != first and len(asked) == 3
    assert assembler.actor_country(syrian) == first and len(asked) == 4


def test_a_long_triggers_root_is_remembered_per_doc(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = load_nlp()
    first = index_doc(nlp("Heavy fighting broke out near the dam."))
    second = index_doc(nlp("Near the dam, fighting broke out again at dawn."))
    trigger = Trigger(1, 3, load_lexicon().classes["clash"])
    root = trigger.root(first)
    assert root == first[1:3].root
    plain_span = Trigger.span

    def no_span(self: Trigger, doc: Doc) -> object:
        raise AssertionError("the root was not remembered")

    monkeypatch.setattr(Trigger, "span", no_span)
    assert trigger.root(first) == root  # remembered on the Doc: no Span built
    monkeypatch.setattr(Trigger, "span", plain_span)
    # The same token range of another Doc is another phrase with its own root.
    assert trigger.root(second) == second[1:3].root


def test_the_setting_phrases_substring_test_changes_no_answer() -> None:
    rng = random.Random(7)
    phrases = ("SMM", "contact line", "Donetsk People's Republic", "regime forces")
    words = ["smm", "SMM", "Contact", "line", "contact line", "regime", "Forces", "the",
             "Donetsk", "People's", "Republic", "Ukraine", "É"]  # fmt: skip
    texts = [" ".join(rng.choices(words, k=rng.randint(1, 7))) for _ in range(2000)]
    found = [setting._says(t, phrases) for t in texts]
    assert 100 < sum(found) < len(texts)  # both answers are reached
    assert found == [setting._pattern(phrases).search(t) is not None for t in texts]  # type: ignore[union-attr]


def test_lemma_positions_are_the_tokens_whose_lemma_is_listed(docs: list[Doc]) -> None:
    words = WordIds({"kill", "die", "shoot"})
    found = 0
    for doc in docs:
        ids = lemma_lower_ids(doc)
        expected = [t.i for t in doc if t.lemma_.lower() in words.words]
        assert words.lemma_positions(ids, doc) == expected
        assert words.lemma_positions(ids[3:], doc, 3) == [i for i in expected if i >= 3]
        found += len(expected)
    assert found >= 6


def test_expanded_spans_are_spacys_on_every_character_range() -> None:
    nlp = load_nlp()
    texts = [
        "Rebels  shelled\n\nthe village, yesterday. ",
        "Clashes broke out near the dam.\n\nTwo fighters died.",
        "",
        " ",
    ]
    compared = 0
    for text in texts:
        doc = index_doc(nlp(text), text)
        for start in range(-1, len(text) + 2):
            for end in range(start, len(text) + 3):
                plain = doc.char_span(start, end, alignment_mode="expand")
                fast = expand_span(doc, start, end)
                assert (fast and (fast.start, fast.end)) == (plain and (plain.start, plain.end))
                compared += plain is not None
    assert compared > 1000


def test_counts_are_read_only_when_an_event_can_take_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from frontlines.events import counts

    read: list[str] = []
    plain = counts.fatalities

    def counted(text, parsed=None):  # type: ignore[no-untyped-def]
        read.append(text)
        return plain(text, parsed)

    monkeypatch.setattr(counts, "fatalities", counted)
    nlp = load_nlp()
    text = "Twelve soldiers were killed, a monitor said."
    sentence = next(index_doc(nlp(text), text).sents)
    counts.attach_counts(sentence, 0, [], [], [], frozenset())
    assert read == []  # no event of its own, none before it: nothing to count for
    # With an event before it, the sentence's count still goes on that event.
    assembler = EventAssembler(nlp, load_lexicon())
    report = "Clashes broke out between the army and ISIS near the dam.\n\n" + text
    from frontlines.ingest import article_from_text

    article = article_from_text(report)
    events = assembler.code(article, index_doc(nlp(report), report), [])
    assert read[-1] == text  # the event's own sentence is read too
    assert [e.fatalities for e in events] == [12]
