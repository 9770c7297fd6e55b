"""Load check of ``frontlines serve``: many concurrent readers and one writer, on loopback.

    python benchmarks/server_load.py [--readers 32] [--requests 150] [--writes 20]
                                     [--events 3000] [--workers 1] [--json results.json]

Seeds a temporary SQLite store with made-up events, starts ``frontlines serve`` on a
free 127.0.0.1 port (a separate process, as in production), warms the pipeline with
one report, then runs ``--readers`` clients, each sending ``--requests`` reads (a mix
of filtered lists, pages, one-event, timeline and control queries), while one writer
POSTs ``--writes`` reports. Prints requests per second and latency percentiles, and
checks that no request failed and every write is readable afterwards (exit 1 if not).
As a same-run baseline it also times one sequential reader on the idle server, so the
numbers read as ratios on any machine; nothing here asserts a wall-clock limit.

Traffic goes only to 127.0.0.1, and every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx2

from frontlines.model import Article, Event, Evidence
from frontlines.store import open_store

TOKEN = "benchmark-token"
HARD_LIMIT_SECONDS = 600
ADMIN1 = ("Idleb", "Aleppo", "Hama", "Deir ez Zor", "Ar Raqqa", "Homs")
PLACES = (
    ("Saraqib", "Idleb", 35.864, 36.806),
    ("Ariha", "Idleb", 35.812, 36.607),
    ("Manbij", "Aleppo", 36.528, 37.955),
    ("Hajin", "Deir ez Zor", 34.69, 40.83),
    ("Tabqa", "Ar Raqqa", 35.836, 38.548),
    ("Palmyra", "Homs", 34.56, 38.267),
)
TYPES = (
    ("Battles", "Armed clash"),
    ("Battles", "Government regains territory"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
)
WRITER_PLACES = (
    "Saraqib",
    "Ariha",
    "Manbij",
    "Tabqa",
    "Hajin",
    "Maarat al-Numan",
    "Jisr al-Shughur",
)
START = date(2020, 1, 1)


def seed(url: str, n_events: int) -> list[str]:
    """Made-up articles of 10 events each; returns the event ids. (``frontlines serve``
    merges them when it starts.)"""
    rng = random.Random(7)
    ids: list[str] = []
    with open_store(url) as store:
        for a in range(max(1, n_events // 10)):
            text = f"Synthetic report {a}. Fighting was reported in several places."
            article = Article(id=f"seed-{a:05d}", text=text, title=f"Report {a}", publisher="Bench")
            events = []
            for k in range(10):
                place, admin1, lat, lon = rng.choice(PLACES)
                etype, sub = rng.choice(TYPES)
                event_id = f"seed-{a:05d}-{k}"
                ids.append(event_id)
                events.append(
                    Event(
                        event_id=event_id,
                        article_id=article.id,
                        event_date=START + timedelta(days=rng.randrange(365)),
                        time_precision=1,
                        event_type=etype,
                        sub_event_type=sub,
                        actor1=rng.choice(("Military Forces of Syria", "HTS", "SDF")),
                        actor2="Islamic State",
                        country="Syria",
                        admin1=admin1,
                        location=place,
                        latitude=lat,
                        longitude=lon,
                        geo_precision=1,
                        fatalities=rng.randrange(5),
                        notes=f"Synthetic event at {place}.",
                        evidence=(Evidence(0, 18, text[:18]),),
                    )
                )
            store.save(article, events)
    return ids


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(url: str, port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "FRONTLINES_API_TOKEN": TOKEN}
    exe = Path(sys.executable).with_name("frontlines")
    command = [str(exe), "serve", "--db", url, "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", str(workers)]
    # The server's log goes to a file: a pipe nobody reads would fill and stall it.
    with log.open("wb") as output:
        return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=output)


def wait_ready(base: str, server: subprocess.Popen[bytes], log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(
                f"server exited: {server.stderr.read().decode() if server.stderr else ''}"
            )
        try:
            if httpx2.get(base + "/api/health", timeout=2).status_code == 200:
                return
        except httpx2.TransportError:
            pass
        time.sleep(0.1)
    raise SystemExit("server did not start in time")


def read_paths(rng: random.Random, event_ids: list[str]) -> str:
    day = START + timedelta(days=rng.randrange(365))
    choice = rng.randrange(9)
    if choice == 0:
        return f"/api/events?limit=100&offset={rng.randrange(0, len(event_ids), 100)}"
    if choice == 1:
        return f"/api/events?admin1={rng.choice(ADMIN1)}&limit=50"
    if choice == 2:
        return f"/api/events?since={day}&until={day + timedelta(days=14)}&limit=100"
    if choice == 3:
        return f"/api/events?actor=hts&type=Battles&limit=50&offset={rng.randrange(0, 200, 50)}"
    if choice == 4:
        return f"/api/events/{rng.choice(event_ids)}"
    if choice == 5:
        return "/api/timeline?admin1=Idleb"
    # The map page's default: merged events (one per happening) and their timeline.
    if choice == 6:
        return f"/api/events?merged=true&limit=500&offset={rng.randrange(0, 1000, 500)}"
    if choice == 7:
        return "/api/timeline?merged=true"
    return "/api/events?bbox=36,35,38,37&q=saraqib&limit=50"


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


async def reader(base: str, seed_: int, n: int, event_ids: list[str], tally: Tally) -> None:
    rng = random.Random(seed_)
    async with httpx2.AsyncClient(base_url=base, timeout=30) as client:
        for _ in range(n):
            path = read_paths(rng, event_ids)
            started = time.perf_counter()
            try:
                response = await client.get(path)
                ok = response.status_code == 200
                reason = f"{response.status_code} {path}"
            except httpx2.HTTPError as exc:
                ok, reason = False, f"{type(exc).__name__} {path}"
            tally.latencies.append(time.perf_counter() - started)
            if not ok:
                tally.failures.append(reason)


def report_line(i: int) -> str:
    place = WRITER_PLACES[i % len(WRITER_PLACES)]
    day = 1 + i % 27
    return json.dumps(
        {
            "id": f"bench-write-{i:04d}",
            "published": f"2024-03-{day + 1:02d}",
            "text": (
                f"Syrian government forces captured the town of {place} on {day} March 2024 "
                f"after clashes with Hay'at Tahrir al-Sham, a military source said. "
                f"At least {i % 5 + 1} fighters were killed. (Dispatch {i}.)"
            ),
        }
    )


async def writer(
    base: str, indices: range, tally: Tally, written: list[tuple[str, list[str]]]
) -> None:
    """POSTs one JSONL report per index, in turn (the single writer)."""
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/x-ndjson"}
    async with httpx2.AsyncClient(base_url=base, timeout=120) as client:
        for i in indices:
            started = time.perf_counter()
            try:
                response = await client.post(
                    "/api/reports", content=report_line(i), headers=headers
                )
            except httpx2.HTTPError as exc:
                tally.failures.append(f"write {i}: {type(exc).__name__}")
                continue
            tally.latencies.append(time.perf_counter() - started)
            if response.status_code != 201:
                tally.failures.append(f"write {i}: {response.status_code} {response.text[:200]}")
                continue
            for stored in response.json()["stored"]:
                written.append((stored["article_id"], stored["event_ids"]))


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def summary(name: str, tally: Tally, seconds: float) -> dict[str, Any]:
    n = len(tally.latencies)
    return {
        "name": name,
        "requests": n,
        "failed": len(tally.failures),
        "seconds": round(seconds, 3),
        "requests_per_second": round(n / seconds, 1) if seconds else None,
        "p50_ms": round(1000 * percentile(tally.latencies, 50), 2),
        "p99_ms": round(1000 * percentile(tally.latencies, 99), 2),
        "mean_ms": round(1000 * statistics.fmean(tally.latencies), 2) if n else None,
    }


async def run(args: argparse.Namespace, base: str, event_ids: list[str]) -> dict[str, Any]:
    # Warm-up: the first report loads the pipeline (spaCy, gazetteer) in the server.
    warm = Tally()
    await writer(base, range(1), warm, [])
    if warm.failures:
        raise SystemExit(f"warm-up write failed: {warm.failures[0]}")

    baseline = Tally()
    started = time.perf_counter()
    await reader(base, 0, args.requests, event_ids, baseline)
    baseline_seconds = time.perf_counter() - started

    reads, writes = Tally(), Tally()
    written: list[tuple[str, list[str]]] = []
    started = time.perf_counter()
    await asyncio.gather(
        # Ids after the warm-up report's, so no write replaces another.
        writer(base, range(1, args.writes + 1), writes, written),
        *(reader(base, 1 + r, args.requests, event_ids, reads) for r in range(args.readers)),
    )
    load_seconds = time.perf_counter() - started

    # No lost write: every stored report and all its events are readable now, each
    # event inside a merged event (the writer re-merges before it answers).
    lost: list[str] = []
    async with httpx2.AsyncClient(base_url=base, timeout=30) as client:
        for article_id, event_ids in written:
            article = await client.get(f"/api/articles/{article_id}")
            events = await client.get("/api/events", params={"article_id": article_id})
            merged = await client.get(
                "/api/events", params={"article_id": article_id, "merged": "true"}
            )
            members = {m for item in merged.json()["items"] for m in item["member_ids"]}
            if (
                article.status_code != 200
                or sorted(e["event_id"] for e in events.json()["items"]) != sorted(event_ids)
                or not set(event_ids) <= members
            ):
                lost.append(article_id)
    result = {
        "readers": args.readers,
        "server_workers": args.workers,
        "baseline_single_reader": summary("baseline", baseline, baseline_seconds),
        "reads_under_load": summary("reads", reads, load_seconds),
        "writes_under_load": summary("writes", writes, load_seconds),
        "writes_confirmed": len(written) - len(lost),
        "writes_sent": args.writes,
        "lost_writes": lost,
        "failures": (reads.failures + writes.failures)[:20],
    }
    base_rps = result["baseline_single_reader"]["requests_per_second"]
    load_rps = result["reads_under_load"]["requests_per_second"]
    result["throughput_ratio_vs_single_reader"] = (
        round(load_rps / base_rps, 2) if base_rps else None
    )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=32)
    parser.add_argument("--requests", type=int, default=150, help="reads per reader")
    parser.add_argument("--writes", type=int, default=20)
    parser.add_argument("--events", type=int, default=3000, help="events seeded")
    parser.add_argument("--workers", type=int, default=1, help="frontlines serve --workers")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/load.db"
        event_ids = seed(url, args.events)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = Path(tmp) / "serve.log"
        server = start_server(url, port, args.workers, log)
        try:
            wait_ready(base, server, log)
            result = asyncio.run(asyncio.wait_for(run(args, base, event_ids), HARD_LIMIT_SECONDS))
        finally:
            server.terminate()
            server.wait(timeout=10)

    for key in ("baseline_single_reader", "reads_under_load", "writes_under_load"):
        s = result[key]
        print(
            f"{key:24} {s['requests']:6d} req  {s['requests_per_second']!s:>8} req/s  "
            f"p50 {s['p50_ms']:8.2f} ms  p99 {s['p99_ms']:8.2f} ms  failed {s['failed']}"
        )
    print(f"throughput under load / single reader: {result['throughput_ratio_vs_single_reader']}")
    print(
        f"writes confirmed: {result['writes_confirmed']} of {result['writes_sent']}, "
        f"lost: {len(result['lost_writes'])}"
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    ok = (
        not result["failures"]
        and not result["lost_writes"]
        and (result["writes_confirmed"] == args.writes)
    )
    if not ok:
        print(f"FAILED: {result['failures'] or result['lost_writes']}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
