"""The fixed benchmark batch: our own reports (the package's examples and
``benchmarks/batch/*.md``), as Articles with their publication dates."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from frontlines.ingest import article_from_text
from frontlines.model import Article

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "src" / "frontlines" / "data" / "examples"
EXAMPLE_DATES = {
    "frontline_report.md": "2024-03-03",
    "jirah_monitor_report.md": "2017-05-15",
    "jirah_wire_report.md": "2017-05-14",
}


def batch_files() -> list[tuple[Path, date]]:
    """Every report of the batch with its publication date, in a fixed order."""
    dates = {**EXAMPLE_DATES, **tomllib.loads((HERE / "batch" / "published.toml").read_text())}
    files = sorted(EXAMPLES.glob("*.md")) + sorted((HERE / "batch").glob("*_*.md"))
    return [(f, date.fromisoformat(dates[f.name])) for f in files]


def batch_articles(limit: int | None = None) -> list[Article]:
    files = batch_files()[:limit]
    return [article_from_text(f.read_text(encoding="utf-8"), published=day) for f, day in files]


def words(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)
