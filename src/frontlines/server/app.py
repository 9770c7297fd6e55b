"""The FastAPI application: the API under /api, the map page at /, nothing from a CDN.

``create_app`` takes the settings and an open store (the seam the tests use); the
``frontlines serve`` command opens the store from the ``db`` setting and runs uvicorn.
The interactive docs pages are off because they load their scripts from a CDN; the
OpenAPI schema itself is served at /api/openapi.json.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from frontlines.config import Settings
from frontlines.errors import ConfigError
from frontlines.server.api import reads, writes
from frontlines.server.errors import install_error_handlers
from frontlines.server.reports import ReportWriter
from frontlines.server.security import READ_ACCESS, GuardMiddleware
from frontlines.server.snapshot import EventSnapshots
from frontlines.store import Store
from frontlines.store.url import mask_password

STATIC = Path(str(files("frontlines.server") / "static"))


def check_settings(settings: Settings) -> None:
    if settings.api_read_access not in READ_ACCESS:
        raise ConfigError(
            f"setting 'api_read_access' must be one of {', '.join(READ_ACCESS)}, "
            f"not {settings.api_read_access!r}"
        )
    if settings.api_read_access == "token" and not settings.api_token:
        raise ConfigError("setting 'api_read_access' is 'token' but 'api_token' is empty")
    if settings.max_request_bytes <= 0:
        raise ConfigError("setting 'max_request_bytes' must be positive")


def create_app(settings: Settings, store: Store) -> FastAPI:
    """The app serving ``store``; the caller owns the store and closes it."""
    check_settings(settings)
    app = FastAPI(
        lifespan=_lifespan,
        title="frontlines",
        summary="ACLED-style conflict events coded from reports, with their evidence.",
        version=_version(),
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.snapshots = EventSnapshots(store)
    snapshots: EventSnapshots = app.state.snapshots
    app.state.writer = ReportWriter(
        settings,
        store,
        on_write=snapshots.replace_article,
        on_merge=snapshots.apply_merge,
        guard=snapshots.writing,
        # The same database as ``store`` (whose url has the password masked), if so.
        url=settings.db if mask_password(settings.db) == store.url else None,
    )
    install_error_handlers(app)
    app.include_router(reads)
    app.include_router(writes)
    app.add_middleware(GuardMiddleware, max_body=settings.max_request_bytes)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # Load the snapshot before the first request rather than during it: on a large
    # store that takes seconds, which the first readers would otherwise wait out.
    snapshots: EventSnapshots = app.state.snapshots
    await run_in_threadpool(snapshots.current)
    yield
    writer: ReportWriter = app.state.writer
    writer.close()


def app_from_environment() -> FastAPI:
    """The app of one ``frontlines serve --workers N`` process: settings from the
    environment and config file, a store of its own (closed when the process exits)."""
    from frontlines.config import load_settings
    from frontlines.store import open_store

    settings = load_settings()
    return create_app(settings, open_store(settings.db, create=False))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("frontlines")
    except PackageNotFoundError:
        return "0"
