"""``frontlines serve``: the HTTP API and the map page over a store.

A thin layer over ``frontlines.server.create_app``; uvicorn runs it. Writes need the
``api_token`` setting (best from the environment, FRONTLINES_API_TOKEN); without it
the server is read-only.
"""

from __future__ import annotations

import click

from frontlines.cli.errors import handle_errors
from frontlines.cli.options import db_option

# Uvicorn refuses header blocks larger than this (its default, named here because the
# body limit is ours: setting max_request_bytes).
MAX_HEADER_BYTES = 64 * 1024


@click.command("serve")
@db_option()
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--read-access",
    type=click.Choice(["open", "token"]),
    default=None,
    help="whether reads need the token (default: setting 'api_read_access', open)",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="server processes; reads scale with cores (each process loads the pipeline "
    "on its first write)",
)
@handle_errors
def serve_command(
    db_url: str | None, host: str, port: int, read_access: str | None, workers: int
) -> None:
    """Serve the events API (/api) and the map page (/) over the store."""
    import os

    import uvicorn

    from frontlines.config import load_settings
    from frontlines.server import create_app
    from frontlines.server.app import check_settings
    from frontlines.store import open_store
    from frontlines.store.url import mask_password

    settings = load_settings(db=db_url, api_read_access=read_access)
    check_settings(settings)
    writes = "writes need the token" if settings.api_token else "read-only (no api_token)"
    # Open once here even with several workers: a bad --db fails now, in one line,
    # and the schema is migrated before any worker starts.
    with open_store(settings.db) as store:
        # Reports saved by an older frontlines (or an interrupted ingest) are merged
        # now, once, rather than by every worker or never.
        merge = store.remerge()
        if merge.changed:
            click.echo(f"merged {merge.merged_in} event(s): {merge.total} merged", err=True)
        click.echo(
            f"serving {mask_password(settings.db)} on http://{host}:{port}/ ({writes})", err=True
        )
        if workers == 1:
            uvicorn.run(
                create_app(settings, store),
                host=host,
                port=port,
                log_level="info",
                h11_max_incomplete_event_size=MAX_HEADER_BYTES,
            )
            return
    # Worker processes build their own app from the settings, which reach them through
    # the environment (the same FRONTLINES_<NAME> variables load_settings reads).
    os.environ["FRONTLINES_DB"] = settings.db
    os.environ["FRONTLINES_API_READ_ACCESS"] = settings.api_read_access
    uvicorn.run(
        "frontlines.server.app:app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="info",
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
    )
