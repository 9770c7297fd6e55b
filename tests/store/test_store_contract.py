"""The store contract, on every backend (``store_url`` / ``store`` are parametrised
over SQLite and PostgreSQL in conftest.py): save and read back, idempotency,
rollback, paging, reopening, closing, concurrent writers, migrations."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date

import pytest

from frontlines.errors import StoreError
from frontlines.model import Article, Event
from frontlines.store import EventQuery, SaveResult, Store, open_store
from frontlines.store.schema import load_migrations


def test_migrations_are_recorded_once(store_url: str) -> None:
    expected = [(m.version, m.name) for m in load_migrations()]
    assert expected[:2] == [(1, "initial"), (2, "merged_events")]
    for _ in range(2):
        with open_store(store_url) as store:
            assert store.applied_migrations() == expected  # type: ignore[attr-defined]


# -- save and read back -----------------------------------------------------------------


def test_round_trip_equals_the_original_records(
    store: Store, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    article = make_article()
    events = [
        make_event("e1"),
        make_event(
            "e2",
            event_date=None,
            time_precision=3,
            actor2=None,
            assoc_actor_1=(),
            inter2=None,
            latitude=None,
            longitude=None,
            geo_precision=None,
            evidence=(),
            losses=(),
            hedged=False,
            attributed_to=None,
            notes="Undated, unlocated; still kept.",
        ),
        make_event("e3", event_date=date(2021, 3, 1), assoc_actor_2=("Ünïcode Group",)),
    ]
    result = store.save(article, events)
    assert result == SaveResult(article_id="art-1", inserted=True, events_written=3)
    assert store.get_article("art-1") == article
    back = store.query_events(EventQuery(article_id="art-1"))
    assert sorted(back, key=lambda e: e.event_id) == events
    # Chronological, undated last.
    assert [e.event_id for e in back] == ["e3", "e1", "e2"]
    assert store.get_article("nope") is None


def test_saving_the_same_article_again_stores_events_once(
    store: Store, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    article = make_article()
    events = [make_event("e1"), make_event("e2", location="Tall Sabr")]
    first = store.save(article, events)
    second = store.save(article, events)
    assert first.inserted and not second.inserted
    assert second.events_written == 2
    assert store.count_events() == 2
    assert len(store.articles()) == 1


def test_recoding_replaces_the_events_of_that_article_only(
    store: Store, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    store.save(make_article("art-1"), [make_event("e1"), make_event("e2")])
    store.save(make_article("art-2"), [make_event("x1", article_id="art-2")])
    recoded = make_event("e9", fatalities=5, notes="Recoded with a newer lexicon.")
    result = store.save(make_article("art-1", title="Updated title"), [recoded])
    assert result.events_written == 1
    assert store.query_events(EventQuery(article_id="art-1")) == [recoded]
    assert [e.event_id for e in store.query_events(EventQuery(article_id="art-2"))] == ["x1"]
    article = store.get_article("art-1")
    assert article is not None
    assert article.title == "Updated title"


def test_saving_an_article_without_events_clears_old_ones(
    store: Store, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    store.save(make_article(), [make_event("e1")])
    assert store.save(make_article(), []).events_written == 0
    assert store.count_events() == 0
    assert store.get_article("art-1") is not None


def test_failure_mid_save_rolls_back_and_keeps_earlier_data(
    store: Store, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    original = [make_event("e1"), make_event("e2")]
    store.save(make_article(title="First version"), original)
    # The second event reuses e1's id: the INSERT fails after the old events were
    # deleted and the first new one written, inside the transaction.
    failing = [make_event("e3"), make_event("e3", notes="duplicate id")]
    with pytest.raises(StoreError, match="art-1"):
        store.save(make_article(title="Second version"), failing)
    assert store.query_events() == original
    article = store.get_article("art-1")
    assert article is not None
    assert article.title == "First version"
    # The store is still usable after the failure.
    assert store.save(make_article(), [make_event("e4")]).events_written == 1


def test_failure_on_a_new_article_leaves_no_article(
    store: Store, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    with pytest.raises(StoreError):
        store.save(make_article("art-7"), [make_event("d", "art-7"), make_event("d", "art-7")])
    assert store.get_article("art-7") is None
    assert store.articles() == []


def test_event_of_another_article_is_refused_before_writing(
    store: Store, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    with pytest.raises(StoreError, match="belongs to article"):
        store.save(make_article("art-1"), [make_event("e1", article_id="art-2")])
    assert store.articles() == []


def test_events_with_an_event_id_of_another_article_fail_cleanly(
    store: Store, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    store.save(make_article("art-1"), [make_event("same")])
    with pytest.raises(StoreError):
        store.save(make_article("art-2"), [make_event("same", article_id="art-2")])
    assert store.get_article("art-2") is None
    assert store.query_events()[0].article_id == "art-1"


def test_articles_paging(store: Store, make_article: Callable[..., Article]) -> None:
    for n in range(5):
        store.save(make_article(f"art-{n}"), [])
    ids = [a.id for a in store.articles(limit=None)]
    assert sorted(ids) == [f"art-{n}" for n in range(5)]
    assert [a.id for a in store.articles(limit=2, offset=1)] == ids[1:3]
    with pytest.raises(StoreError):
        store.articles(limit=-1)


def test_data_survives_reopening(
    store_url: str, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    with open_store(store_url) as store:
        store.save(make_article(), [make_event("e1")])
    with open_store(store_url, create=False) as store:
        assert store.query_events() == [make_event("e1")]


def test_closed_store_raises_store_error(store_url: str) -> None:
    store = open_store(store_url)
    store.close()
    store.close()  # closing twice is harmless
    with pytest.raises(StoreError, match="closed"):
        store.count_events()


def test_two_connections_write_without_losing_saves(
    store_url: str, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    first, second = open_store(store_url), open_store(store_url)
    errors: list[BaseException] = []

    def ingest(store: Store, prefix: str) -> None:
        try:
            for n in range(20):
                aid = f"{prefix}-{n}"
                store.save(make_article(aid), [make_event(f"{aid}-e", article_id=aid)])
        except BaseException as exc:  # collected and re-checked below
            errors.append(exc)

    threads = [
        threading.Thread(target=ingest, args=(first, "a")),
        threading.Thread(target=ingest, args=(second, "b")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert first.count_events() == 40
    first.close()
    second.close()
