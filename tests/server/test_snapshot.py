"""The server's event snapshot: the same answers as the store's SQL, and fresh."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from server_factory import make_article, make_event

from frontlines.server.snapshot import EventSnapshots, matches
from frontlines.store import EventQuery, Store, open_store

QUERIES = (
    EventQuery(),
    EventQuery(since=date(2021, 3, 9)),
    EventQuery(until=date(2021, 3, 9)),
    EventQuery(since=date(2021, 3, 9), until=date(2021, 3, 9)),
    EventQuery(admin1="NORTHLAND"),
    EventQuery(country="examplestan"),
    EventQuery(event_type="battles"),
    EventQuery(event_type="Peaceful protest"),
    EventQuery(actor="rebel"),
    EventQuery(actor="hill brigade"),
    EventQuery(actor="%"),
    EventQuery(actor="_"),
    EventQuery(article_id="art-2"),
    EventQuery(article_id="ART-2"),
    EventQuery(admin1="Northland", actor="front", since=date(2021, 3, 1)),
)


@pytest.fixture
def richer_store(store: Store) -> Store:
    store.save(
        make_article("art-3"),
        [
            make_event("ev-undated", "art-3", event_date=None, assoc_actor_1=("Hill Brigade",)),
            make_event("ev-nowhere", "art-3", admin1=None, country=None, latitude=None),
            make_event("ev-pct", "art-3", actor1="100% Brigade_1", actor2=None),
        ],
    )
    return store


def test_snapshot_filters_agree_with_the_store(richer_store: Store) -> None:
    snapshot = EventSnapshots(richer_store).current()
    assert [e.event_id for e in snapshot.events] == [
        e.event_id for e in richer_store.query_events()
    ]
    for query in QUERIES:
        expected = [e.event_id for e in richer_store.query_events(query)]
        got = [e.event_id for e in snapshot.events if matches(query, e)]
        assert got == expected, query


def test_writes_elsewhere_show_up(store: Store, db_url: str) -> None:
    snapshots = EventSnapshots(store, max_age=3600, pending_age=3600)
    first = snapshots.current()
    assert snapshots.current() is first  # nothing changed: no reload
    # Another connection (e.g. `frontlines ingest`) adds events: the count changes.
    with open_store(db_url) as other:
        other.save(make_article("art-9"), [make_event("ev-new", "art-9")])
    assert "ev-new" in snapshots.current().by_id
    # A re-ingest replacing one event by another keeps the count: seen once stale.
    with open_store(db_url) as other:
        other.save(make_article("art-9"), [make_event("ev-renamed", "art-9")])
    assert "ev-new" in snapshots.current().by_id
    snapshots.max_age = 0
    now = snapshots.current().by_id
    assert "ev-renamed" in now and "ev-new" not in now


def test_control_answers_are_cached_per_snapshot(store: Store) -> None:
    snapshots = EventSnapshots(store, max_age=3600, pending_age=3600)
    snapshot = snapshots.current()
    calls: list[int] = []

    def compute() -> list[int]:
        calls.append(1)
        return [len(calls)]

    assert snapshots.derived(snapshot, "k", compute) == [1]
    assert snapshots.derived(snapshot, "k", compute) == [1]
    snapshots.invalidate()
    assert snapshots.derived(snapshots.current(), "k", compute) == [2]


def test_reads_after_an_outside_write_through_the_api(client: TestClient, db_url: str) -> None:
    assert client.get("/api/events").json()["total"] == 3
    with open_store(db_url) as other:
        other.save(
            make_article("art-9"),
            [make_event("ev-later", "art-9", event_date=date(2021, 3, 20))],
        )
    assert client.get("/api/events/ev-later").status_code == 200
    days = client.get("/api/timeline").json()["days"]
    assert days[-1] == {"date": "2021-03-20", "count": 1}
    control = client.get("/api/control", params={"date": "2021-03-25"}).json()
    assert control["places"][0]["controller"] == "Military Forces of Examplestan"


def test_a_write_through_the_api_updates_the_snapshot_in_store_order(
    richer_store: Store,
) -> None:
    snapshots = EventSnapshots(richer_store, max_age=3600, pending_age=3600)
    before = snapshots.current()
    new_events = [
        make_event("ev-b", "art-1", event_date=date(2021, 3, 9)),
        make_event("ev-a", "art-1", event_date=date(2021, 3, 9)),
        make_event("ev-early", "art-1", event_date=date(2020, 1, 1)),
        make_event("ev-none", "art-1", event_date=None),
    ]
    richer_store.save(make_article("art-1"), new_events)
    snapshots.replace_article("art-1", new_events)
    after = snapshots.current()
    assert after.version == before.version + 1  # updated in place, not reloaded
    assert "ev-shell" not in after.by_id
    assert [e.event_id for e in after.events] == [e.event_id for e in richer_store.query_events()]


def test_merged_events_follow_api_writes_and_outside_merges(store: Store, db_url: str) -> None:
    snapshots = EventSnapshots(store, max_age=3600, pending_age=3600)
    first = snapshots.current()
    assert not first.merge_pending  # the seeded store was re-merged
    assert sorted(first.merged_of) == ["ev-capture", "ev-protest", "ev-shell"]
    assert [m.event.event_id for m in first.merged] == [
        m.event.event_id for m in store.merged_events()
    ]
    # A second report of the shelling, saved and re-merged as the API's writer does.
    store.save(make_article("art-5"), [make_event("ev-shell-5", "art-5", fatalities=4)])
    snapshots.replace_article("art-5", [make_event("ev-shell-5", "art-5", fatalities=4)])
    assert snapshots.current().merge_pending
    snapshots.apply_merge(store.remerge())
    after = snapshots.current()
    assert not after.merge_pending
    assert after.merged_of["ev-shell-5"] == after.merged_of["ev-shell"]
    assert [m.merged_id for m in after.merged] == [m.merged_id for m in store.merged_events()]
    assert after.merged == tuple(store.merged_events())

    # Another process saves and re-merges later: the snapshot loaded in between is
    # pending, and reloaded once it is older than pending_age.
    with open_store(db_url) as other:
        other.save(make_article("art-6"), [make_event("ev-shell-6", "art-6", fatalities=5)])
        between = snapshots.current()
        assert between.merge_pending and "ev-shell-6" not in between.merged_of
        other.remerge()
    snapshots.pending_age = 0
    settled = snapshots.current()
    assert not settled.merge_pending
    assert settled.merged_of["ev-shell-6"] == settled.merged_of["ev-shell"]


def test_readers_keep_their_snapshot_while_the_api_writes(store: Store, db_url: str) -> None:
    snapshots = EventSnapshots(store, max_age=3600, pending_age=3600)
    first = snapshots.current()
    with snapshots.writing():
        # Saved, not yet applied by the writer: readers are not sent to reload.
        store.save(make_article("art-7"), [make_event("ev-7", "art-7")])
        assert snapshots.current() is first
        snapshots.replace_article("art-7", [make_event("ev-7", "art-7")])
        assert "ev-7" in snapshots.current().by_id
    # Done: the count check is back, and the count the writer left is current.
    after = snapshots.current()
    assert after.version == first.version + 1
    assert "ev-7" in after.by_id
