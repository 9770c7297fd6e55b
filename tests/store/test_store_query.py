"""Filtering stored events: each EventQuery field, paging, and hostile values."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from frontlines.errors import StoreError
from frontlines.model import Article, Event
from frontlines.store import EventQuery, Store
from frontlines.store.query import SQLITE, where_clause


@pytest.fixture
def seeded(
    store: Store, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> Store:
    store.save(
        make_article("north"),
        [
            make_event("n1", "north", event_date=date(2021, 3, 1)),
            make_event(
                "n2",
                "north",
                event_date=date(2021, 3, 15),
                event_type="Battles",
                sub_event_type="Armed clash",
                actor1="Military Forces of Examplestan",
                actor2="Northern Rebel Front",
                assoc_actor_1=(),
                assoc_actor_2=("Desert 50% Brigade",),
                admin1="Eastmarch",
            ),
            make_event("n3", "north", event_date=None, time_precision=3),
        ],
    )
    store.save(
        make_article("south"),
        [
            make_event(
                "s1",
                "south",
                event_date=date(2021, 4, 2),
                country="Otherland",
                admin1="Southmarch",
                actor1="Coastal_Guard Militia",
                actor2=None,
                assoc_actor_1=("Hill Brigade",),
                sub_event_type="Air/drone strike",
            ),
        ],
    )
    return store


def ids(store: Store, **filters: object) -> list[str]:
    return [e.event_id for e in store.query_events(EventQuery(**filters))]  # type: ignore[arg-type]


def test_no_filter_returns_everything_chronologically(seeded: Store) -> None:
    assert ids(seeded) == ["n1", "n2", "s1", "n3"]
    assert seeded.count_events() == 4
    assert seeded.query_events(None) == seeded.query_events(EventQuery())


def test_since_and_until_are_inclusive_and_skip_undated(seeded: Store) -> None:
    assert ids(seeded, since=date(2021, 3, 15)) == ["n2", "s1"]
    assert ids(seeded, until=date(2021, 3, 15)) == ["n1", "n2"]
    assert ids(seeded, since=date(2021, 3, 2), until=date(2021, 4, 1)) == ["n2"]
    assert ids(seeded, since=date(2022, 1, 1)) == []


def test_country_and_admin1_match_whole_values_in_any_case(seeded: Store) -> None:
    assert ids(seeded, country="otherland") == ["s1"]
    assert ids(seeded, country="Examplestan") == ["n1", "n2", "n3"]
    assert ids(seeded, country="Example") == []
    assert ids(seeded, admin1="EASTMARCH") == ["n2"]
    assert ids(seeded, admin1="Northland", country="Examplestan") == ["n1", "n3"]


def test_type_matches_event_type_or_sub_event_type(seeded: Store) -> None:
    assert ids(seeded, event_type="battles") == ["n2"]
    assert ids(seeded, event_type="Air/drone strike") == ["s1"]
    assert ids(seeded, event_type="Explosions/Remote violence") == ["n1", "s1", "n3"]
    assert ids(seeded, event_type="Explosions") == []


def test_actor_is_a_substring_of_any_actor_column(seeded: Store) -> None:
    assert ids(seeded, actor="rebel front") == ["n1", "n2", "n3"]  # actor1 or actor2
    assert ids(seeded, actor="MILITARY FORCES") == ["n1", "n2", "n3"]
    assert ids(seeded, actor="hill brigade") == ["n1", "s1", "n3"]  # associated actors
    assert ids(seeded, actor="desert") == ["n2"]  # assoc_actor_2


def test_actor_wildcards_are_literal(seeded: Store) -> None:
    # LIKE's wildcards must not act as wildcards in a plain substring filter.
    assert ids(seeded, actor="50%") == ["n2"]
    assert ids(seeded, actor="%") == ["n2"]
    assert ids(seeded, actor="_") == ["s1"]
    assert ids(seeded, actor="Coastal_Guard") == ["s1"]
    assert ids(seeded, actor="Coastal Guard") == []
    assert ids(seeded, actor="\\") == []


def test_article_filter(seeded: Store) -> None:
    assert ids(seeded, article_id="south") == ["s1"]
    assert ids(seeded, article_id="nowhere") == []


def test_limit_offset_and_count(seeded: Store) -> None:
    assert ids(seeded, limit=2) == ["n1", "n2"]
    assert ids(seeded, limit=2, offset=1) == ["n2", "s1"]
    assert ids(seeded, offset=3) == ["n3"]
    assert ids(seeded, limit=0) == []
    # Counting ignores paging.
    assert seeded.count_events(EventQuery(limit=1, offset=2)) == 4
    assert seeded.count_events(EventQuery(country="Examplestan")) == 3


@pytest.mark.parametrize("bad", [{"limit": -1}, {"offset": -5}])
def test_negative_paging_is_refused(bad: dict[str, int]) -> None:
    with pytest.raises(StoreError):
        EventQuery(**bad)  # type: ignore[arg-type]


HOSTILE = [
    "x' OR '1'='1",
    "'; DROP TABLE events; --",
    "Northland' --",
    '" OR 1=1 --',
    "%' OR admin1 LIKE '%",
    "Robert'); DELETE FROM articles; --",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_injection_looking_values_are_plain_values(seeded: Store, value: str) -> None:
    for field in ("country", "admin1", "event_type", "actor", "article_id"):
        assert seeded.query_events(EventQuery(**{field: value})) == []  # type: ignore[arg-type]
        assert seeded.count_events(EventQuery(**{field: value})) == 0  # type: ignore[arg-type]
    # Nothing was dropped or deleted.
    assert seeded.count_events() == 4
    assert len(seeded.articles()) == 2


def test_hostile_values_stored_and_matched_verbatim(
    store: Store, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    name = "'; DROP TABLE events; --"
    store.save(make_article("odd"), [make_event("o1", "odd", actor1=name, admin1=name)])
    assert ids(store, actor="drop table") == ["o1"]
    assert ids(store, admin1=name) == ["o1"]
    assert store.query_events()[0].actor1 == name


def test_values_never_appear_in_the_sql_text() -> None:
    query = EventQuery(
        since=date(2020, 1, 1), country="C'X", admin1="A", event_type="T", actor="Z", article_id="I"
    )
    sql, params = where_clause(query, SQLITE)
    for value in ("C'X", "A", "T", "Z", "I", "2020-01-01"):
        assert f"'{value}'" not in sql
    assert "C'X" in params
    assert sql.count("?") == len(params)
