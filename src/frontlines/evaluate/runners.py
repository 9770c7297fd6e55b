"""Wiring the scorers to the real pipeline, and running the gate's sections.

The scorers take plain callables; this module builds them from the library
(``frontlines.extract``, ``frontlines.geo.load_geocoder``), importing lazily so
that reading a report or checking pins never loads spaCy or the gazetteer.

A gate section (one table of ``quality/scores.toml``) names its data and subset:

    kind = "acled" | "acled-geo" | "geoparsing" | "merge"
    file = "acled/syria_battles_dev.csv"       # relative to the data directory
    rows = 300                                  # first N rows / articles (optional)
    start = 300                                 # acled: skip the first N rows (optional)
    mode = "end-to-end" | "gold-spans"          # geoparsing only
    corpus = "lgl" | "geovirus" | "gwn"         # geoparsing only (else detected)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from frontlines.errors import ConfigError, InputError
from frontlines.model import Event, Place, PlaceMention

if TYPE_CHECKING:
    from frontlines.geo import Geocoder

__all__ = [
    "DATA_ENV",
    "SECTION_KINDS",
    "default_data_dir",
    "geocoder_gold_spans",
    "geocoder_location_resolver",
    "geocoder_places",
    "load_default_geocoder",
    "pipeline_extractor",
    "run_section",
]

DATA_ENV = "FRONTLINES_DEV_DATA"
SECTION_KINDS = ("acled", "acled-geo", "geoparsing", "merge")
GEO_MODES = ("end-to-end", "gold-spans")
# Keys of a gate section that describe the run rather than pin a score.
RUN_KEYS = frozenset({"kind", "file", "rows", "start", "mode", "corpus"})


def default_data_dir(repo_root: Path) -> Path:
    """$FRONTLINES_DEV_DATA, else ``../shared/data`` next to the repository."""
    return Path(os.environ.get(DATA_ENV) or repo_root.parent / "shared" / "data")


def pipeline_extractor() -> Callable[[str, date], list[Event]]:
    """``frontlines.extract(notes, published=event_date)``."""
    import frontlines

    def extract(text: str, published: date) -> list[Event]:
        return frontlines.extract(text, published=published)

    return extract


def load_default_geocoder() -> Geocoder:
    from frontlines.geo import load_geocoder

    return load_geocoder()


def geocoder_places(geocoder: Geocoder) -> Callable[[str], list[PlaceMention]]:
    return lambda text: geocoder.mentions(text)


def geocoder_gold_spans(
    geocoder: Geocoder,
) -> Callable[[str, list[tuple[int, int]]], list[Place | None]]:
    """Resolve the gold spans together, the rest of the article as context."""

    def resolve(text: str, spans: list[tuple[int, int]]) -> list[Place | None]:
        return geocoder.resolve_spans(text, spans)

    return resolve


def geocoder_location_resolver(
    geocoder: Geocoder,
) -> Callable[[str, str, str | None], Place | None]:
    def resolve(name: str, context: str, country: str | None) -> Place | None:
        return geocoder.resolve(name, context_text=context, country_hint=country)

    return resolve


def run_section(
    name: str,
    spec: Mapping[str, Any],
    data_dir: Path,
    progress: Callable[[int], None] | None = None,
) -> dict[str, float]:
    """Measure one gate section on its fixed subset; the summary of its report."""
    kind = str(spec.get("kind", "acled"))
    if kind not in SECTION_KINDS:
        raise ConfigError(f"gate section {name!r}: unknown kind {kind!r}")
    if "file" not in spec:
        raise ConfigError(f"gate section {name!r}: no 'file'")
    path = data_dir / str(spec["file"])
    if not path.is_file():
        raise InputError("development data not found", source=str(path))
    limit = int(spec["rows"]) if "rows" in spec else None
    start = int(spec.get("start", 0))
    if start and kind != "acled":
        raise ConfigError(f"gate section {name!r}: 'start' is only for acled sections")
    if kind == "acled":
        from frontlines.evaluate.acled import read_acled, score_acled

        # start: rows after the first ones, on which the rules were not written.
        extractor = pipeline_extractor()
        scored = score_acled(read_acled(path), extractor, start=start, limit=limit,
                             progress=progress)  # fmt: skip
        return scored.summary()
    if kind == "merge":
        from frontlines.evaluate.merging import score_acled_merge

        # ACLED's rows as coded events, ACLED's deduplication as the gold.
        return score_acled_merge(path, limit).summary()
    if kind == "acled-geo":
        from frontlines.evaluate.acled import read_acled
        from frontlines.evaluate.acled_geo import score_acled_geo

        resolver = geocoder_location_resolver(load_default_geocoder())
        return score_acled_geo(read_acled(path), resolver, limit=limit, progress=progress).summary()
    from frontlines.evaluate.corpora import read_corpus
    from frontlines.evaluate.geoparsing import score_geoparsing, score_gold_spans

    mode = str(spec.get("mode", "end-to-end"))
    if mode not in GEO_MODES:
        raise ConfigError(f"gate section {name!r}: unknown mode {mode!r}")
    articles = read_corpus(path, spec.get("corpus"))
    geocoder = load_default_geocoder()
    if mode == "gold-spans":
        report = score_gold_spans(
            articles, geocoder_gold_spans(geocoder), limit=limit, progress=progress
        )
    else:
        report = score_geoparsing(articles, geocoder_places(geocoder), limit=limit,
                                  progress=progress)  # fmt: skip
    return report.summary()
