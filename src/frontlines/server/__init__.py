"""server stage: the HTTP API and the map page, over one store.

>>> app = create_app(load_settings(), open_store("sqlite:///frontlines.db"))

    api.py        routes (/api/...): events, timeline, control, articles, reports
    queries.py    filters the store cannot apply yet (bbox, text), evidence in context
    reports.py    POSTed bodies -> Articles -> pipeline -> store (the single writer)
    security.py   tokens, body-size limits, security headers
    errors.py     the one JSON error shape
    schemas.py    response models (the OpenAPI schema)
    static/       the map page, Leaflet and the outlines, all served locally
"""

from __future__ import annotations

from frontlines.server.app import create_app

__all__ = ["create_app"]
