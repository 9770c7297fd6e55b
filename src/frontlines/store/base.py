"""The store contract every backend (SQLite now, PostgreSQL next) fulfils."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import TracebackType

from frontlines.merge import MergedEvent, MergeRules
from frontlines.model import Article, Event
from frontlines.store.query import EventQuery
from frontlines.store.remerge import MergeUpdate


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What one ``Store.save`` did: ``inserted`` is False when the article was
    already stored (its events were then replaced)."""

    article_id: str
    inserted: bool
    events_written: int


class Store(ABC):
    """Articles and their coded events, saved and queried through one API.

    ``save`` is idempotent per article id: saving an article again replaces its
    events in one transaction, so ingesting a report twice stores its events once
    and re-coding with a newer version of frontlines replaces the old events. A
    failure inside ``save`` leaves the store as it was.
    """

    url: str

    @abstractmethod
    def save(self, article: Article, events: Sequence[Event]) -> SaveResult:
        """Store ``article`` and exactly ``events`` for it, in one transaction."""

    @abstractmethod
    def get_article(self, article_id: str) -> Article | None:
        """The stored article with this id, or None."""

    @abstractmethod
    def articles(self, limit: int | None = 100, offset: int = 0) -> list[Article]:
        """Stored articles, oldest ingested first."""

    @abstractmethod
    def query_events(self, query: EventQuery | None = None) -> list[Event]:
        """Events matching ``query`` (all of them when None), chronologically."""

    @abstractmethod
    def count_events(self, query: EventQuery | None = None) -> int:
        """How many events match ``query``, ignoring its limit and offset."""

    @abstractmethod
    def remerge(self, rules: MergeRules | None = None) -> MergeUpdate:
        """Merge the events saved since the last merge into the stored merged events
        (and drop the members whose events are gone), in one transaction."""

    @abstractmethod
    def save_merged(self, merged: Sequence[MergedEvent], *, remove: Iterable[str] = ()) -> int:
        """Store ``merged`` (replacing stored merged events with the same id or sharing
        a member) and delete the merged ids in ``remove``, in one transaction; for
        merges computed elsewhere (a batch job). Returns how many were written."""

    @abstractmethod
    def merged_events(self, query: EventQuery | None = None) -> list[MergedEvent]:
        """Merged events whose canonical event matches ``query`` (``article_id``: with a
        member from that article), chronologically, with all their members."""

    @abstractmethod
    def count_merged(self, query: EventQuery | None = None) -> int:
        """How many merged events match ``query``, ignoring its limit and offset."""

    @abstractmethod
    def unmerged_count(self) -> int:
        """How many stored events the merged events do not reflect yet: new or
        re-coded since the last ``remerge``, or gone (0 right after a ``remerge``)."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection; the store cannot be used afterwards."""

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
