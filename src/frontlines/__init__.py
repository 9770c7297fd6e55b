"""frontlines: war reports in, geolocated ACLED-style events out.

>>> import frontlines
>>> events = frontlines.extract(text, published=date(2017, 5, 15))
>>> frame = frontlines.to_dataframe(events)
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from frontlines.model import Article, Event, Evidence, Place, PlaceMention, Rejected

if TYPE_CHECKING:
    import pandas

__all__ = [
    "Article",
    "Event",
    "Evidence",
    "Place",
    "PlaceMention",
    "Rejected",
    "extract",
    "extract_article",
    "to_dataframe",
]


def extract(
    text: str,
    *,
    published: date | None = None,
    source: str | None = None,
    url: str | None = None,
) -> list[Event]:
    """Code the events of one report given as text, Markdown or HTML.

    ``published`` anchors relative dates ("last weekend"); ``source`` names the
    outlet when the text does not.
    """
    from frontlines.ingest import article_from_html, article_from_text

    looks_like_html = text.lstrip()[:1] == "<" and "</" in text
    if looks_like_html:
        article = article_from_html(text, published=published, source=source, url=url)
    else:
        article = article_from_text(text, published=published, source=source, url=url)
    return extract_article(article)


def extract_article(article: Article) -> list[Event]:
    """Code the events of an already ingested Article."""
    from frontlines.pipeline import default_pipeline

    return default_pipeline().process(article)


def to_dataframe(events: list[Event]) -> pandas.DataFrame:
    """A pandas DataFrame of events in ACLED's column order (plus our columns)."""
    from frontlines.export import events_to_dataframe

    return events_to_dataframe(events)
