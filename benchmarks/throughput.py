"""Throughput of the pipeline against a bare spaCy parse, per stage, with memory.

    python benchmarks/throughput.py [--rounds 5] [--repeat 4] [--json FILE]

The batch is fixed (``batch.py``: our own reports) and repeated ``--repeat`` times
per pass. The baseline is ``nlp.pipe`` of the model the pipeline loaded, run as
spaCy runs it (``stock_rulers``), over the same texts, in the same process;
baseline and pipeline passes alternate, and the median pass of each counts, so load
from other jobs on a shared machine hits both alike. The headline is
``full_over_baseline``: pipeline throughput / parse throughput. The pipeline's own
copy of the model gives the same annotations faster (``nlp/ruler_speed.py``), so
``full_over_own_parse`` is also given: pipeline throughput / the throughput of that
copy's parse alone (1.0 would mean the stages after the parse cost nothing). Results go to
``benchmarks/results/throughput.json`` (or ``--json``) and a table on stdout.
Timings are for people to read; nothing here is a limit.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch import batch_articles, words

from frontlines.ingest import article_from_text
from frontlines.nlp.ruler_speed import stock_rulers

RESULTS = Path(__file__).resolve().parent / "results" / "throughput.json"


def _timed(fn: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def start_up() -> tuple[dict[str, float], Any]:
    """Seconds to load each heavy resource the first time in this process."""
    from frontlines.config import load_settings
    from frontlines.events.assemble import EventAssembler
    from frontlines.events.lexicon import load_lexicon
    from frontlines.geo import load_geocoder
    from frontlines.nlp import load_nlp
    from frontlines.pipeline import Pipeline

    settings = load_settings()
    nlp_s, nlp = _timed(lambda: load_nlp(settings))
    # The gazetteer opens lazily: its start-up is the first lookup.
    geo_s, _ = _timed(lambda: load_geocoder(settings).mentions("Shelling hit Aleppo."))
    lex_s, _ = _timed(lambda: EventAssembler(nlp, load_lexicon()))
    startup = {"spacy_model": nlp_s, "gazetteer": geo_s, "lexicons_and_matchers": lex_s}
    return startup, Pipeline(settings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="passes of each kind")
    parser.add_argument("--repeat", type=int, default=4, help="copies of the batch per pass")
    parser.add_argument("--limit", type=int, help="only the first N reports (smoke tests)")
    parser.add_argument("--json", type=Path, default=RESULTS)
    args = parser.parse_args()

    startup, pipeline = start_up()
    articles = batch_articles(args.limit) * args.repeat
    texts = [a.text for a in articles]
    n_words = words(articles)
    sources = [(a.text, a.published) for a in articles]

    def baseline() -> None:
        with stock_rulers(pipeline.nlp) as stock:
            for _ in stock.pipe(texts):
                pass

    def own_parse() -> None:
        for _ in pipeline.nlp.pipe(texts):
            pass

    def full() -> None:
        for _ in pipeline.run(articles):
            pass

    baseline()
    own_parse()
    full()  # warm: first-use caches on both sides
    base_times, own_times, full_times, stage_times = [], [], [], []
    for _ in range(args.rounds):
        base_times.append(_timed(baseline)[0])
        own_times.append(_timed(own_parse)[0])
        pipeline.counters.seconds.clear()
        full_times.append(_timed(full)[0])
        stage_times.append(dict(pipeline.counters.seconds))
    ingest_s, _ = _timed(lambda: [article_from_text(t, published=d) for t, d in sources])
    events = [e for r in pipeline.run(articles[: len(articles) // args.repeat]) for e in r.events]  # type: ignore[union-attr]
    from frontlines.control import control_table
    from frontlines.merge import merge_events

    merge_s, _ = _timed(lambda: merge_events(events))
    control_s, _ = _timed(lambda: control_table(events, max(a.published for a in articles)))

    base, whole = statistics.median(base_times), statistics.median(full_times)
    own = statistics.median(own_times)
    middle = stage_times[full_times.index(whole)] if whole in full_times else stage_times[0]
    per_batch = len(articles) // args.repeat

    def rate(seconds: float, reports: int = len(articles), n: int = n_words) -> dict[str, float]:
        return {
            "seconds": round(seconds, 4),
            "reports_per_second": round(reports / seconds, 1) if seconds else None,
            "words_per_second": round(n / seconds) if seconds else None,
        }

    batch_words = n_words // args.repeat
    result = {
        "machine": {
            "cpus": _cpus(),
            "python": platform.python_version(),
            "load_average": [round(x, 1) for x in _load()],
        },
        "batch": {
            "reports": len(articles),
            "words": n_words,
            "repeat": args.repeat,
            "rounds": args.rounds,
        },
        "baseline_spacy_parse": rate(base),
        "own_spacy_parse": rate(own),
        "full_pipeline": rate(whole),
        "full_over_baseline": round(base / whole, 3),
        "full_over_own_parse": round(own / whole, 3),
        "stages": {
            "ingest (clean text)": rate(ingest_s),
            "nlp (spaCy parse)": rate(middle.get("nlp", 0.0)),
            "geo": rate(middle.get("geo", 0.0)),
            "events": rate(middle.get("events", 0.0)),
            "merge (batch of one copy)": rate(merge_s, per_batch, batch_words),
            "control (batch of one copy)": rate(control_s, per_batch, batch_words),
        },
        "startup_seconds": {k: round(v, 3) for k, v in startup.items()},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n")
    print(table(result))


def _cpus() -> int:
    import os

    return os.cpu_count() or 1


def _load() -> tuple[float, float, float]:
    import os

    return os.getloadavg()


def table(result: dict[str, Any]) -> str:
    rows = [
        ("spaCy parse alone (baseline)", result["baseline_spacy_parse"]),
        ("spaCy parse alone, the pipeline's copy", result["own_spacy_parse"]),
        ("full pipeline", result["full_pipeline"]),
        *((f"  stage: {name}", r) for name, r in result["stages"].items()),
    ]
    lines = ["| | reports/s | words/s | seconds |", "|---|---|---|---|"]
    for name, r in rows:
        lines.append(
            f"| {name} | {r['reports_per_second']} | {r['words_per_second']} | {r['seconds']} |"
        )
    startup = result["startup_seconds"]
    lines.append("")
    lines.append(
        f"full / baseline: {result['full_over_baseline']}; full / own parse: "
        f"{result['full_over_own_parse']}; peak RSS "
        f"{result['peak_rss_mb']} MB; start-up: spaCy model {startup['spacy_model']} s, "
        f"gazetteer {startup['gazetteer']} s, lexicons {startup['lexicons_and_matchers']} s; "
        f"{result['batch']['reports']} reports, {result['batch']['words']} words per pass"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
