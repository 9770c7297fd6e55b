"""Merged events in the store: ``remerge`` after saves equals a batch merge of every
stored event, whatever the order the reports came in; re-ingesting changes nothing;
re-coded and emptied reports are followed; a failure leaves the merged events as
they were."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from frontlines.errors import StoreError
from frontlines.merge import MergedEvent, merge_events
from frontlines.model import Article, Event, Evidence, Rejected
from frontlines.pipeline import ArticleResult
from frontlines.store import EventQuery, Store, store_results
from frontlines.store.rows import MEMBER_COLUMNS, MERGED_COLUMNS

ArticleFactory = Callable[..., Article]
EventFactory = Callable[..., Event]

# Three made-up places (20+ km apart) and three days: 9 possible happenings.
PLACES: tuple[dict[str, Any], ...] = (
    {"location": "Qasr Nadir", "latitude": 36.125, "longitude": 37.5, "admin1": "Northland"},
    {"location": "Tall Sabr", "latitude": 36.40, "longitude": 37.5, "admin1": "Northland"},
    {"location": "Port Sela", "latitude": 35.60, "longitude": 36.2, "admin1": "Southmarch"},
)
FIRST_DAY = date(2021, 3, 8)


def reports(make_event: EventFactory, count: int = 8, seed: int = 7) -> dict[str, list[Event]]:
    """``count`` articles, each reporting 1-3 of the 9 happenings with its own figures."""
    rng = random.Random(seed)
    happenings = [(p, d) for p in range(len(PLACES)) for d in range(3)]
    by_article: dict[str, list[Event]] = {}
    for n in range(count):
        article_id = f"art-{n}"
        chosen = rng.sample(happenings, rng.randint(1, 3))
        by_article[article_id] = [
            make_event(
                f"{article_id}-e{k}",
                article_id,
                event_date=FIRST_DAY + timedelta(days=day),
                fatalities=rng.choice([0, 1, 2, 5]),
                hedged=rng.random() < 0.3,
                actor2=rng.choice([None, "Military Forces of Examplestan"]),
                source=f"Wire {n}",
                evidence=(Evidence(0, 10, f"span {n}.{k}"),),
                **PLACES[place],
            )
            for k, (place, day) in enumerate(sorted(chosen))
        ]
    return by_article


def ingest(store: Store, make_article: ArticleFactory, batch: dict[str, Sequence[Event]]) -> None:
    for article_id, events in batch.items():
        store.save(make_article(article_id), events)
    store.remerge()


def batch_merge(store: Store) -> list[MergedEvent]:
    return merge_events(store.query_events())


@pytest.fixture
def articles(make_event: EventFactory) -> dict[str, list[Event]]:
    return reports(make_event)


def test_remerge_equals_a_batch_merge_and_keeps_every_source(
    store: Store, make_article: ArticleFactory, articles: dict[str, list[Event]]
) -> None:
    ingest(store, make_article, articles)
    stored = store.merged_events()
    assert stored == batch_merge(store)
    # Reports of one happening did merge, and nothing was lost on the way.
    assert any(len(m.members) > 1 for m in stored)
    assert sorted(e for m in stored for e in m.member_ids) == sorted(
        e.event_id for events in articles.values() for e in events
    )
    assert store.count_merged() == len(stored)
    assert store.unmerged_count() == 0
    several = next(m for m in stored if len(m.members) > 1)
    assert {s.article_id for s in several.sources} == {e.article_id for e in several.members}
    assert all(s.evidence for s in several.sources)


@pytest.mark.parametrize("seed", range(4))
def test_any_ingest_order_gives_the_same_merged_events_and_ids(
    store: Store,
    make_article: ArticleFactory,
    articles: dict[str, list[Event]],
    seed: int,
) -> None:
    ingest(store, make_article, articles)
    expected = store.merged_events()
    # Empty every report (the re-merge drops all members), then ingest again in
    # another order, in batches of random size.
    ingest(store, make_article, {article_id: [] for article_id in articles})
    assert store.merged_events() == []
    rng = random.Random(seed)
    order = list(articles)
    rng.shuffle(order)
    while order:
        take = rng.randint(1, 3)
        step, order = order[:take], order[take:]
        ingest(store, make_article, {a: articles[a] for a in step})
    assert store.merged_events() == expected


def test_reingesting_the_same_reports_changes_nothing(
    store: Store, make_article: ArticleFactory, articles: dict[str, list[Event]]
) -> None:
    ingest(store, make_article, articles)
    before = store.merged_events()
    for article_id in ("art-0", "art-3"):
        store.save(make_article(article_id), articles[article_id])
    update = store.remerge()
    assert not update.changed
    assert (update.merged_in, update.dropped, update.total) == (0, 0, len(before))
    assert store.merged_events() == before


def test_recoded_and_emptied_reports_are_followed(
    store: Store,
    make_article: ArticleFactory,
    make_event: EventFactory,
    articles: dict[str, list[Event]],
) -> None:
    ingest(store, make_article, articles)
    moved = [make_event("art-1-recoded", "art-1", event_date=FIRST_DAY, fatalities=9, **PLACES[2])]
    store.save(make_article("art-1"), moved)
    store.save(make_article("art-2"), [])
    dropped = len(articles["art-1"]) + len(articles["art-2"])
    assert store.unmerged_count() == 1 + dropped
    update = store.remerge()
    assert update.merged_in == 1
    assert update.dropped == dropped
    stored = store.merged_events()
    assert stored == batch_merge(store)
    members = {e for m in stored for e in m.member_ids}
    assert "art-1-recoded" in members
    assert not any(e.startswith(("art-1-e", "art-2-")) for e in members)


def test_an_event_recoded_under_the_same_id_is_merged_again(
    store: Store, make_article: ArticleFactory, articles: dict[str, list[Event]]
) -> None:
    ingest(store, make_article, articles)
    recoded = [replace(e, fatalities=e.fatalities + 10) for e in articles["art-4"]]
    store.save(make_article("art-4"), recoded)
    assert store.unmerged_count() == len(recoded)
    update = store.remerge()
    assert (update.merged_in, update.dropped) == (len(recoded), 0)
    stored = store.merged_events()
    assert stored == batch_merge(store)
    members = {e.event_id: e for m in stored for e in m.members}
    assert [members[e.event_id] for e in recoded] == recoded


def test_a_failed_remerge_leaves_the_merged_events_as_they_were(
    store: Store,
    make_article: ArticleFactory,
    articles: dict[str, list[Event]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = dict(list(articles.items())[:4])
    ingest(store, make_article, first)
    before = store.merged_events()
    for article_id, events in list(articles.items())[4:]:
        store.save(make_article(article_id), events)

    import frontlines.store.sql as sql_module

    real = sql_module.member_rows
    calls = 0

    def fail_late(merged: MergedEvent) -> list[tuple[Any, ...]]:
        nonlocal calls
        calls += 1
        if calls > 1:  # after some merged rows were deleted and written
            raise StoreError("disk full (simulated)")
        return real(merged)

    monkeypatch.setattr(sql_module, "member_rows", fail_late)
    with pytest.raises(StoreError, match="simulated"):
        store.remerge()
    assert store.merged_events() == before
    monkeypatch.undo()
    store.remerge()
    assert store.merged_events() == batch_merge(store)


def test_merged_events_round_trip_with_conflicts_and_evidence(
    store: Store, make_article: ArticleFactory, make_event: EventFactory
) -> None:
    store.save(make_article("x"), [make_event("x1", "x", fatalities=2, hedged=False)])
    store.save(make_article("y"), [make_event("y1", "y", fatalities=7, hedged=False)])
    store.remerge()
    [merged] = store.merged_events()
    assert merged.member_ids == ("x1", "y1")
    assert merged.event.fatalities == 2
    assert {c.value for c in merged.conflicts_of("fatalities")} == {"2", "7"}
    assert merged == merge_events(store.query_events())[0]
    row = merged.to_dict()
    assert row["member_ids"] == ["x1", "y1"]
    assert [s["evidence"] for s in row["sources"]] == [
        [e.to_dict() for e in m.evidence] for m in merged.members
    ]


def test_merged_filters_paging_and_article(
    store: Store, make_article: ArticleFactory, articles: dict[str, list[Event]]
) -> None:
    ingest(store, make_article, articles)
    every = store.merged_events()

    def ids(**filters: Any) -> list[str]:
        return [m.merged_id for m in store.merged_events(EventQuery(**filters))]

    assert ids(admin1="southmarch") == [
        m.merged_id for m in every if m.event.admin1 == "Southmarch"
    ]
    day = FIRST_DAY + timedelta(days=1)
    assert ids(since=day) == [m.merged_id for m in every if m.event.event_date >= day]  # type: ignore[operator]
    assert ids(limit=2, offset=1) == [m.merged_id for m in every][1:3]
    assert store.count_merged(EventQuery(limit=1, admin1="Northland")) == len(
        [m for m in every if m.event.admin1 == "Northland"]
    )
    # article_id: merged events with a member from that article, not only those whose
    # primary report it is.
    assert ids(article_id="art-5") == [
        m.merged_id for m in every if any(e.article_id == "art-5" for e in m.members)
    ]
    assert ids(actor="x' OR '1'='1") == []
    # Members of a paged merged event are all there.
    [second] = store.merged_events(EventQuery(limit=1, offset=1))
    assert second == every[1]


def test_save_merged_replaces_by_id_and_by_member(
    store: Store, make_article: ArticleFactory, articles: dict[str, list[Event]]
) -> None:
    for article_id, events in articles.items():
        store.save(make_article(article_id), events)
    assert store.unmerged_count() == store.count_events()
    merged = merge_events(store.query_events())
    assert store.save_merged(merged) == len(merged)
    assert store.merged_events() == merged
    assert store.unmerged_count() == 0
    # Saving again is a replacement, not a duplicate; remove deletes.
    store.save_merged(merged[:2], remove=[merged[-1].merged_id])
    assert store.merged_events() == merged[:-1]
    # A merged event that takes over stored members replaces their old owner: the
    # reports of a happening but its anchor (smallest id) get another merged id.
    several = next(m for m in merged if len(m.members) > 1)
    [split] = merge_events(several.members[1:])
    assert split.merged_id != several.merged_id
    store.save_merged([split])
    after = {m.merged_id: m for m in store.merged_events()}
    assert split.merged_id in after
    assert several.merged_id not in after
    owners = [m for m in after.values() if set(m.member_ids) & set(split.member_ids)]
    assert owners == [split]
    # And the next remerge repairs everything back to the batch result.
    store.remerge()
    assert store.merged_events() == merged


def test_store_results_saves_then_merges(
    store: Store, make_article: ArticleFactory, articles: dict[str, list[Event]]
) -> None:
    rejected: list[Rejected] = []
    bad = Rejected(input="broken.html", reason="not a report")
    items: list[ArticleResult | Rejected] = [
        ArticleResult(make_article(a), tuple(events)) for a, events in articles.items()
    ]
    items.insert(2, bad)
    summary = store_results(store, items, on_rejected=rejected.append)
    assert rejected == [bad]
    assert (summary.coded, summary.new, summary.rejected) == (len(articles), len(articles), 1)
    assert summary.events == sum(len(e) for e in articles.values())
    assert summary.merge.total == store.count_merged() == len(batch_merge(store))
    again = store_results(store, items[:3])
    assert again.new == 0
    assert not again.merge.changed


def test_migration_columns_match_the_row_mapping(store: Store) -> None:
    for table, columns in (("merged_events", MERGED_COLUMNS), ("merged_members", MEMBER_COLUMNS)):
        with store._snapshot() as cur:  # type: ignore[attr-defined]
            cur.execute(f"SELECT * FROM {table} WHERE 1 = 0")
            names = [d[0] for d in cur.description]
        assert sorted(names) == sorted(columns)
