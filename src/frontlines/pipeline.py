"""The pipeline: ingest -> nlp -> geo -> events, with counters and rejected records.

``Pipeline`` holds the heavy resources (spaCy model, gazetteer, lexicons), loaded
once; ``run`` streams Articles through the stages in batches (spaCy's ``nlp.pipe``)
and yields one ``ArticleResult`` per input, or the ``Rejected`` record of an input
that could not be processed, so a batch never stops on one bad report.
"""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from frontlines.config import Settings, load_settings
from frontlines.errors import FrontlinesError
from frontlines.events.assemble import EventAssembler
from frontlines.events.lexicon import load_lexicon
from frontlines.events.setting import Setting, actors_regions, report_setting
from frontlines.model import Article, Event, Rejected
from frontlines.nlp.lookups import index_doc

# Articles parsed per spaCy batch: large enough for nlp.pipe to amortise, small
# enough that a progress bar moves.
BATCH_SIZE = 32


@dataclass(frozen=True, slots=True)
class ArticleResult:
    article: Article
    events: tuple[Event, ...]


@dataclass(slots=True)
class Counters:
    """Per-stage counters, as datatrove keeps them: what went in, out, and how long."""

    counts: Counter[str] = field(default_factory=Counter)
    seconds: dict[str, float] = field(default_factory=dict)

    def add_time(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    def as_dict(self) -> dict[str, float]:
        out: dict[str, float] = dict(self.counts)
        out.update({f"{k}_seconds": round(v, 3) for k, v in self.seconds.items()})
        return out


class Pipeline:
    """Everything needed to code events from articles, loaded once."""

    def __init__(self, settings: Settings | None = None) -> None:
        from frontlines.geo import load_geocoder
        from frontlines.nlp import load_nlp

        self.settings = settings or load_settings()
        self.nlp = load_nlp(self.settings)
        self.geocoder = load_geocoder(self.settings)
        self.assembler = EventAssembler(self.nlp, load_lexicon())
        self.counters = Counters()

    def process(self, article: Article) -> list[Event]:
        """Events of one article."""
        return next(self._code([article]))[1]

    def run(self, items: Iterable[Article | Rejected]) -> Iterator[ArticleResult | Rejected]:
        """Code a stream of articles; Rejected inputs pass straight through."""
        batch: list[Article] = []
        for item in items:
            if isinstance(item, Rejected):
                self.counters.counts["rejected"] += 1
                yield item
                continue
            batch.append(item)
            if len(batch) >= BATCH_SIZE:
                yield from self._results(batch)
                batch = []
        if batch:
            yield from self._results(batch)

    def _results(self, batch: list[Article]) -> Iterator[ArticleResult | Rejected]:
        try:
            for article, events in self._code(batch):
                yield ArticleResult(article, tuple(events))
        except FrontlinesError:
            raise
        except Exception:
            # One malformed document must not sink its batch: redo one by one and
            # report the article that fails.
            for article in batch:
                try:
                    coded, events = next(self._code([article]))
                except Exception as exc:
                    self.counters.counts["rejected"] += 1
                    yield Rejected(article.path or article.id, f"processing failed: {exc}", "E500")
                    continue
                yield ArticleResult(coded, tuple(events))

    def _code(self, batch: list[Article]) -> Iterator[tuple[Article, list[Event]]]:
        started = time.perf_counter()
        docs = self.nlp.pipe([a.text for a in batch])
        for article, doc in zip(batch, docs, strict=True):
            index_doc(doc, article.text)
            parsed = time.perf_counter()
            self.counters.add_time("nlp", parsed - started)
            article, setting = self._setting(article)
            # One state's forces alone ("regime forces shelled ...") are most often at
            # home, yet may be abroad: a prior the report's own place names outvote.
            prior = None
            if setting.country is None:
                prior = self.assembler.actor_country(article.text, states_alone=True)
            # Groups whose fighting keeps to one region say where its villages lie.
            groups = self.assembler.actors.find(article.text)
            areas = actors_regions(groups, article.published)
            places = self.geocoder.mentions(
                article.text,
                article_id=article.id,
                country_hint=setting.country,
                region_hint=setting.regions,
                country_prior=prior,
                region_prior=areas.regions,
                prior_area=areas.main,
            )
            located = time.perf_counter()
            self.counters.add_time("geo", located - parsed)
            events = self.assembler.code(article, doc, places)
            started = time.perf_counter()
            self.counters.add_time("events", started - located)
            self.counters.counts["articles"] += 1
            self.counters.counts["events"] += len(events)
            yield article, events

    def _setting(self, article: Article) -> tuple[Article, Setting]:
        """Where the report is set, before its places are resolved: its dateline's
        place, else the home of its actors; a front it names makes that precise.

        "Daraa, 3 March 2024": a line read as "outlet, date" whose name is a place is
        a dateline. The place is where the report is set, not its publisher."""
        fronts, text, day = self.assembler.lexicon.fronts, article.text, article.published
        dateline = None
        if article.dateline_name and article.publisher == article.dateline_name:
            dateline = self.geocoder.whole_place(article.dateline_name)
        if dateline is None:
            return article, report_setting(fronts, text, day, self.assembler.actor_country(text))
        article = dataclasses.replace(article, publisher=None, dateline_name=None)
        regions = (dateline.admin1,) if dateline.admin1 else ()
        return article, report_setting(fronts, text, day, dateline.country, regions)


_DEFAULT: dict[str, Pipeline] = {}


def default_pipeline(settings: Settings | None = None) -> Pipeline:
    """A process-wide pipeline for the given settings (built on first use)."""
    settings = settings or load_settings()
    key = repr(settings)
    if key not in _DEFAULT:
        _DEFAULT[key] = Pipeline(settings)
    return _DEFAULT[key]
