"""Gazetteer start-up and per-article resolution time.

Reported as ratios against a baseline measured in the same process (a plain SQLite
open-and-query of the same file), never as absolute limits:

    python benchmarks/geo_startup.py [--articles N] [--corpus lgl.xml] [--json FILE]

With ``--corpus`` (a geoparsing corpus, e.g. ../shared/data/geoparsing/lgl.xml) it also
times every article of the corpus end to end (find + resolve) and with its gold spans,
reporting the median and 95th percentile and their ratio to the sample report.
Results go to ``benchmarks/results/geo_startup.json`` (or ``--json``).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import time
from pathlib import Path

from frontlines.geo import gazetteer_path, load_geocoder, open_gazetteer

RESULTS = Path(__file__).resolve().parent / "results" / "geo_startup.json"

REPORT = (
    "Government forces recaptured the town of Saraqib in Idlib province on Monday after "
    "clashes with HTS. The SDF seized the villages of Umm Tinah and Jubb Safa north of "
    "Raqqa, while shelling hit the outskirts of Manbij and Maarat al-Numan."
)


def _time(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--json", type=Path, default=RESULTS)
    parser.add_argument(
        "--corpus", type=Path, help="a geoparsing corpus to time, article by article"
    )
    args = parser.parse_args()

    build_started = time.perf_counter()
    open_gazetteer()  # builds once per data version
    first_use = time.perf_counter() - build_started
    path = gazetteer_path()

    def baseline() -> None:
        db = sqlite3.connect(path)
        db.execute("SELECT count(*) FROM names WHERE key = 'halab'").fetchone()
        db.close()

    def startup() -> None:
        gazetteer = open_gazetteer()
        gazetteer.lookup("Aleppo")

    base = statistics.median(_time(baseline, 20))
    start = statistics.median(_time(startup, 20))
    geocoder = load_geocoder()
    # The first report loads the resolver's name tables and patterns: its own line.
    (first_report,) = _time(lambda: geocoder.mentions(REPORT), 1)
    per_article = _time(lambda: geocoder.mentions(REPORT), args.articles)
    result = {
        "first_use_seconds_including_build": round(first_use, 3),
        "startup_seconds": round(start, 5),
        "baseline_sqlite_open_seconds": round(base, 5),
        "startup_over_baseline": round(start / base, 2),
        "first_report_seconds": round(first_report, 3),
        "article_mean_seconds": round(statistics.mean(per_article), 5),
        "article_median_seconds": round(statistics.median(per_article), 5),
        "articles_per_second": round(1 / statistics.mean(per_article), 1),
        "gazetteer_places": open_gazetteer().count(),
    }
    if args.corpus:
        result.update(_corpus_times(geocoder, args.corpus, statistics.median(per_article)))
    print(json.dumps(result, indent=2))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n")


def _corpus_times(geocoder, path: Path, sample: float) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from frontlines.evaluate.corpora import read_corpus

    found: list[float] = []
    gold: list[float] = []
    chars = 0
    for article in read_corpus(path):
        chars += len(article.text)
        spans = [(t.start, t.end) for t in article.toponyms if t.has_coordinates]
        found += _time(lambda: geocoder.mentions(article.text), 1)  # noqa: B023
        gold += _time(lambda: geocoder.resolve_spans(article.text, spans), 1)  # noqa: B023

    def p95(values: list[float]) -> float:
        return sorted(values)[int(0.95 * (len(values) - 1))]

    return {
        "corpus": path.name,
        "corpus_articles": len(found),
        "corpus_mean_chars": round(chars / max(1, len(found))),
        "corpus_article_median_seconds": round(statistics.median(found), 5),
        "corpus_article_p95_seconds": round(p95(found), 5),
        "corpus_gold_spans_median_seconds": round(statistics.median(gold), 5),
        "corpus_median_over_sample_report": round(statistics.median(found) / sample, 2),
    }


if __name__ == "__main__":
    main()
