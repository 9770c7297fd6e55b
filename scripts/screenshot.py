"""Regenerate docs/map.png: the map page with the sample report's events.

    python scripts/screenshot.py [REPORT] [--published YYYY-MM-DD] [--out docs/map.png]

Ingests REPORT (default: the shared sample report) into a temporary SQLite store,
serves it on a free loopback port, and has Debian's Chromium (headless, driven by
Playwright) open the map, click the event with the most fatalities and switch on the
control layer before taking the screenshot. Needs `scripts/ci/chromium.sh` first.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "server"))

from live import CHROMIUM, chromium_args, serve_in_thread  # noqa: E402

from frontlines.config import Settings  # noqa: E402
from frontlines.store import Store  # noqa: E402

DEFAULT_REPORT = ROOT.parent.parent / "shared" / "samples" / "000_04f32ae65defd69f.txt"


def ingest(report: str, published: date, settings: Settings, store: Store) -> None:
    """What `frontlines ingest REPORT --published DATE` does."""
    from frontlines.ingest import read_inputs
    from frontlines.model import Rejected
    from frontlines.pipeline import default_pipeline
    from frontlines.store.ingest import store_results

    def refuse(rejected: Rejected) -> None:
        raise SystemExit(f"error: {rejected}")

    items = read_inputs([report], published=published, settings=settings)
    store_results(store, default_pipeline(settings).run(items), on_rejected=refuse)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", default=str(DEFAULT_REPORT))
    parser.add_argument("--published", default="2017-05-15")
    parser.add_argument("--out", default=str(ROOT / "docs" / "map.png"))
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from frontlines.config import load_settings
    from frontlines.server import create_app
    from frontlines.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/map.db"
        settings = load_settings(db=db)
        with open_store(db) as store:
            ingest(args.report, date.fromisoformat(args.published), settings, store)
        with open_store(db) as store, serve_in_thread(create_app(settings, store)) as base:
            # The map shows merged events (happenings) by default.
            happenings = [m.event for m in store.merged_events()]
            if not happenings:
                print("no events coded from the report", file=sys.stderr)
                return 1
            worst = max(happenings, key=lambda e: (e.fatalities, e.latitude is not None))
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=chromium_args())
                page = browser.new_page(viewport={"width": 1400, "height": 860})
                page.goto(base + "/")
                page.wait_for_selector("path.event-marker")
                page.check("#control-toggle")
                page.wait_for_selector("path.control-marker")
                page.click(f"#events button[data-event-id='{worst.event_id}']")
                page.wait_for_selector("#detail-evidence mark")
                page.wait_for_timeout(300)
                Path(args.out).parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=args.out)
                browser.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
