"""A real server on a free loopback port, and Debian's Chromium for Playwright.

Shared by the browser tests, the serve CLI tests, the load benchmark and
``scripts/screenshot.py``.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2
import uvicorn
from fastapi import FastAPI

FRONTLINES = str(Path(sys.executable).with_name("frontlines"))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# Headless, and nothing that phones home: CI has no network but the registries.
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def chromium_args() -> list[str]:
    return list(CHROMIUM_ARGS)


def chromium_available() -> bool:
    return shutil.which("chromium") is not None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serve_in_thread(app: FastAPI, startup_timeout: float = 20.0) -> Iterator[str]:
    """Run ``app`` with uvicorn in a background thread; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the test server did not start on port {port}")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def running(args: list[str], cwd: Path, env: dict[str, str]) -> Iterator[str]:
    """``frontlines serve ARGS`` in a process of its own; yields its base URL."""
    port = free_port()
    log = cwd / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [FRONTLINES, "serve", "--port", str(port), *args],
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=output,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "server did not start"
            try:
                httpx2.get(base + "/api/health", timeout=1)
                break
            except httpx2.TransportError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=15)
