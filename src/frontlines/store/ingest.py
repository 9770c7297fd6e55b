"""Storing coded reports: save each one, then re-merge once (``frontlines ingest``).

>>> with open_store(url) as store:
...     summary = store_results(store, pipeline.run(items))

Each report is saved in its own transaction (a bad one never loses the others);
then one ``Store.remerge`` transaction merges every new or re-coded event into the
stored merged events. Ingesting the same reports again saves identical events and
the re-merge finds nothing to do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from frontlines.merge import MergeRules
from frontlines.model import Rejected
from frontlines.store.base import Store
from frontlines.store.remerge import MergeUpdate

if TYPE_CHECKING:
    from frontlines.pipeline import ArticleResult


@dataclass(frozen=True, slots=True)
class IngestSummary:
    coded: int
    """Reports coded and saved."""
    new: int
    """Of those, reports not stored before."""
    events: int
    """Coded events written."""
    rejected: int
    """Inputs the pipeline rejected (each passed to ``on_rejected``)."""
    merge: MergeUpdate
    """What the re-merge after the saves changed."""


def store_results(
    store: Store,
    results: Iterable[ArticleResult | Rejected],
    *,
    on_rejected: Callable[[Rejected], None] | None = None,
    rules: MergeRules | None = None,
) -> IngestSummary:
    """Save every coded report in ``results``, then merge their events into the
    stored merged events (even when some inputs were rejected)."""
    coded = new = events = rejected = 0
    for item in results:
        if isinstance(item, Rejected):
            rejected += 1
            if on_rejected is not None:
                on_rejected(item)
            continue
        saved = store.save(item.article, item.events)
        coded += 1
        new += 1 if saved.inserted else 0
        events += saved.events_written
    merge = store.remerge(rules)
    return IngestSummary(coded=coded, new=new, events=events, rejected=rejected, merge=merge)
