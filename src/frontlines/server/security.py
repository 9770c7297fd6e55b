"""What the server does with untrusted requests before any handler sees them.

* Tokens: writes need ``Authorization: Bearer <api_token>``; reads need it too when
  ``api_read_access = "token"``. Compared in constant time. With no token configured
  the server refuses every write rather than accepting anonymous ones.
* Sizes: a body announced larger than ``max_request_bytes`` is refused (413) before it
  is read; handlers that read a body stream it through ``read_body_capped``, so a
  chunked upload that lies about nothing still stops at the limit.
* Headers: a Content-Security-Policy allowing only the server's own scripts and
  styles, so even a report string that reached the DOM as HTML could not run.
"""

from __future__ import annotations

import secrets

from fastapi import Request
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from frontlines.config import Settings
from frontlines.server.errors import APIError

READ_ACCESS = ("open", "token")

# No inline script or style, no plugins, no framing, no connections elsewhere: the map
# page has no CDN, tile server or analytics to allow.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'none'"
)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _check_token(request: Request, settings: Settings, action: str) -> None:
    if not settings.api_token:
        raise APIError(403, f"{action} are disabled: the server has no api_token set")
    given = _bearer(request)
    if given is None:
        raise APIError(401, f"{action} need an 'Authorization: Bearer <token>' header")
    if not secrets.compare_digest(given.encode(), settings.api_token.encode()):
        raise APIError(401, "invalid token")


def require_write(request: Request) -> None:
    """FastAPI dependency: the request carries the write token."""
    _check_token(request, request.app.state.settings, "writes")


def require_read(request: Request) -> None:
    """FastAPI dependency: reads are open, or the request carries the token."""
    settings: Settings = request.app.state.settings
    if settings.api_read_access == "token":
        _check_token(request, settings, "reads")


async def read_body_capped(request: Request, limit: int) -> bytes:
    """The request body, or a 413 as soon as it passes ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise APIError(413, f"request body is over the limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


class GuardMiddleware:
    """Refuse announced oversized bodies; add the security headers to every response."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _content_length(scope)
        if length is not None and length > self.max_body:
            await _send_413(send, self.max_body)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _send_413(send: Send, limit: int) -> None:
    import json

    body = json.dumps(
        {
            "error": {
                "status": 413,
                "code": "http_413",
                "message": f"request body is over the limit of {limit:,} bytes",
            }
        }
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
