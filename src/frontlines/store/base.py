"""The store contract every backend (SQLite now, PostgreSQL next) fulfils."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType

from frontlines.model import Article, Event
from frontlines.store.query import EventQuery


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
