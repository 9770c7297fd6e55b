"""Evaluate stage: score frontlines against human-coded data.

    acled_rows.py   read_acled(path) -> AcledRow        (the user's ACLED exports)
    acled.py        score_acled(rows, extract) -> AcledReport   event coding, per field
    acled_geo.py    score_acled_geo(rows, resolve)      place resolution on ACLED rows
    corpora.py      read_corpus(path) -> GeoArticle     LGL, GeoVirus, GeoWebNews
    geoparsing.py   score_geoparsing / score_gold_spans -> GeoReport
    metrics.py      macro-F1, confusion, accuracy@k, Gritta's error AUC
    render.py       terminal tables, the per-row disagreement file
    runners.py      wiring to the real pipeline; one gate section
    gate.py         pinned scores in quality/scores.toml: check, tighten

Scorers take the system under test as a plain callable, so they are tested with
fakes and import nothing heavy; ``runners`` loads the pipeline only when asked.
"""

from frontlines.evaluate.acled import (
    AcledReport,
    AcledRow,
    best_match,
    normalise_actor,
    normalise_admin,
    read_acled,
    score_acled,
    write_report,
)
from frontlines.evaluate.acled_geo import AcledGeoReport, score_acled_geo
from frontlines.evaluate.corpora import GeoArticle, GoldToponym, detect_corpus, read_corpus
from frontlines.evaluate.gate import check_gate, load_pins, update_gate
from frontlines.evaluate.geoparsing import GeoReport, score_geoparsing, score_gold_spans

__all__ = [
    "AcledGeoReport",
    "AcledReport",
    "AcledRow",
    "GeoArticle",
    "GeoReport",
    "GoldToponym",
    "best_match",
    "check_gate",
    "detect_corpus",
    "load_pins",
    "normalise_actor",
    "normalise_admin",
    "read_acled",
    "read_corpus",
    "score_acled",
    "score_acled_geo",
    "score_geoparsing",
    "score_gold_spans",
    "update_gate",
    "write_report",
]
