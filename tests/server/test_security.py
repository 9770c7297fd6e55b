"""Untrusted requests: tokens, size limits, SQL-ish filters, HTML in reports."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from server_factory import TOKEN, make_article, make_event

from frontlines.config import Settings
from frontlines.errors import ConfigError
from frontlines.server import create_app
from frontlines.store import Store


def error_of(response: object) -> dict[str, object]:
    body = response.json()  # type: ignore[attr-defined]
    error = body["error"]
    assert isinstance(error, dict)
    return error


def test_posting_a_report_needs_the_token(client: TestClient, store: Store) -> None:
    before = store.count_events()
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        response = client.post(
            "/api/reports",
            content=b"Some report.",
            headers={"Content-Type": "text/plain", **headers},
        )
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert error_of(response)["code"] == "http_401"
    assert store.count_events() == before


def test_without_a_configured_token_writes_are_refused(settings: Settings, store: Store) -> None:
    from dataclasses import replace

    with TestClient(create_app(replace(settings, api_token=""), store)) as client:
        response = client.post(
            "/api/reports",
            content=b"Some report.",
            headers={"Content-Type": "text/plain", "Authorization": "Bearer "},
        )
    assert response.status_code == 403
    assert "no api_token" in str(error_of(response)["message"])


@pytest.fixture
def closed_client(settings: Settings, store: Store) -> Iterator[TestClient]:
    from dataclasses import replace

    with TestClient(create_app(replace(settings, api_read_access="token"), store)) as client:
        yield client


def test_reads_can_require_the_token(closed_client: TestClient) -> None:
    assert closed_client.get("/api/events").status_code == 401
    assert closed_client.get("/api/events/ev-shell").status_code == 401
    good = closed_client.get("/api/events", headers={"Authorization": f"Bearer {TOKEN}"})
    assert good.status_code == 200
    assert good.json()["total"] == 3


def test_bad_read_access_setting_is_a_config_error(settings: Settings, store: Store) -> None:
    from dataclasses import replace

    with pytest.raises(ConfigError, match="api_read_access"):
        create_app(replace(settings, api_read_access="maybe"), store)
    with pytest.raises(ConfigError, match="api_token"):
        create_app(replace(settings, api_read_access="token", api_token=""), store)


def test_oversized_bodies_are_rejected_before_the_pipeline(
    settings: Settings, store: Store, auth: dict[str, str]
) -> None:
    from dataclasses import replace

    small = replace(settings, max_request_bytes=1000)
    with TestClient(create_app(small, store)) as client:
        announced = client.post(
            "/api/reports",
            content=b"x" * 1001,
            headers={"Content-Type": "text/plain", **auth},
        )
        assert announced.status_code == 413
        assert error_of(announced) == {
            "status": 413,
            "code": "http_413",
            "message": "request body is over the limit of 1,000 bytes",
        }

        def chunks() -> Iterator[bytes]:
            # Streamed without Content-Length: the limit applies while reading.
            for _ in range(5):
                yield b"y" * 300

        streamed = client.post(
            "/api/reports", content=chunks(), headers={"Content-Type": "text/plain", **auth}
        )
        assert streamed.status_code == 413
        assert error_of(streamed)["code"] == "http_413"
    assert store.count_events() == 3


def test_unsupported_content_type_is_415(client: TestClient, auth: dict[str, str]) -> None:
    response = client.post(
        "/api/reports", content=b"\x89PNG", headers={"Content-Type": "image/png", **auth}
    )
    assert response.status_code == 415
    assert "image/png" in str(error_of(response)["message"])


SQLISH = (
    "'; DROP TABLE events; --",
    "x' OR '1'='1",
    '" OR 1=1 --',
    "%",
    "_",
    "\\",
    "Northland' UNION SELECT * FROM articles --",
)


def test_sql_in_filters_is_only_ever_a_value(client: TestClient, store: Store) -> None:
    for value in SQLISH:
        for name in ("admin1", "country", "type", "actor", "q", "article_id"):
            response = client.get("/api/events", params={name: value})
            assert response.status_code == 200, (name, value, response.text)
            assert response.json()["items"] == [], (name, value)
        assert client.get(f"/api/events/{value}").status_code in (404, 422)
    # Wildcards are literal in the actor filter: '%' matches no actor name.
    assert store.count_events() == 3
    assert [a.id for a in store.articles()] == ["art-1", "art-2"]


def test_report_html_comes_back_as_inert_json_strings(
    settings: Settings, store: Store, client: TestClient
) -> None:
    payload = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    article = make_article("art-x", title=payload, text="Shelling. " + payload)
    store.save(article, [make_event("ev-x", "art-x", notes=payload, location=payload)])
    response = client.get("/api/events/ev-x")
    assert response.headers["content-type"] == "application/json"
    assert response.json()["event"]["location"] == payload
    one = client.get("/api/articles/art-x")
    assert one.headers["content-type"] == "application/json"
    assert one.json()["title"] == payload
    assert "nosniff" in one.headers["x-content-type-options"]
    # The map page's script never hands report text to innerHTML or an HTML string API.
    script = client.get("/static/map.js").text
    code = "\n".join(x for x in script.splitlines() if not x.strip().startswith("//"))
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in code, sink


def test_long_filter_values_are_refused(client: TestClient) -> None:
    response = client.get("/api/events", params={"actor": "a" * 5000})
    assert response.status_code == 422
    assert error_of(response)["code"] == "http_422"
