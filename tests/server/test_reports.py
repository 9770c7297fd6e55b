"""POST /api/reports runs the real pipeline and stores what it codes."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from frontlines.store import EventQuery, Store

EXAMPLE = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "frontlines"
    / "data"
    / "examples"
    / "frontline_report.md"
)
CAPTURE = (
    "Syrian government forces captured the town of Khan Shaykhun in southern Idlib on "
    "Saturday after two days of heavy clashes with Hay'at Tahrir al-Sham fighters."
)


def test_a_markdown_report_is_coded_and_stored(
    client: TestClient, store: Store, auth: dict[str, str]
) -> None:
    response = client.post(
        "/api/reports",
        content=EXAMPLE.read_bytes(),
        params={"published": "2024-03-03"},
        headers={"Content-Type": "text/markdown; charset=utf-8", **auth},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    (stored,) = body["stored"]
    assert body["rejected"] == []
    assert stored["inserted"] is True
    assert stored["events_written"] == len(stored["event_ids"]) >= 5
    events = store.query_events(EventQuery(article_id=stored["article_id"]))
    assert sorted(e.event_id for e in events) == sorted(stored["event_ids"])
    locations = {e.location for e in events}
    assert {"Khan Shaykhun", "Ariha"} <= locations
    # The new events are readable at once, with the report as their source.
    capture = next(e for e in events if e.location == "Khan Shaykhun")
    detail = client.get(f"/api/events/{capture.event_id}").json()
    assert detail["sources"][0]["article_id"] == stored["article_id"]
    assert "Khan Shaykhun" in detail["evidence"][0]["text"]
    # The writer re-merged before answering: every new event is in a merged event.
    merged = client.get(
        "/api/events", params={"merged": "true", "article_id": stored["article_id"]}
    ).json()["items"]
    members = {member for item in merged for member in item["member_ids"]}
    assert set(stored["event_ids"]) <= members
    assert detail["event"]["merged_id"] in {item["event_id"] for item in merged}
    assert store.unmerged_count() == 0

    again = client.post(
        "/api/reports",
        content=EXAMPLE.read_bytes(),
        params={"published": "2024-03-03"},
        headers={"Content-Type": "text/markdown", **auth},
    ).json()
    assert again["stored"][0]["inserted"] is False
    assert store.count_events(EventQuery(article_id=stored["article_id"])) == len(events)


def test_jsonl_batch_stores_good_lines_and_names_bad_ones(
    client: TestClient, store: Store, auth: dict[str, str]
) -> None:
    lines = [
        json.dumps({"id": "r1", "text": CAPTURE, "published": "2024-03-03", "source": "Wire"}),
        "{not json",
        json.dumps({"id": "r3", "title": "no text"}),
    ]
    response = client.post(
        "/api/reports",
        content="\n".join(lines).encode(),
        headers={"Content-Type": "application/x-ndjson", **auth},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert [s["article_id"] for s in body["stored"]] == ["r1"]
    assert [(r["input"], r["code"]) for r in body["rejected"]] == [
        ("<request>:2", "E105"),
        ("<request>:3", "E105"),
    ]
    assert "missing required field 'text'" in body["rejected"][1]["reason"]
    (event,) = [e for e in store.query_events(EventQuery(article_id="r1"))]
    assert event.location == "Khan Shaykhun"
    assert event.sub_event_type == "Government regains territory"


def test_html_report_is_read_as_text(
    client: TestClient, store: Store, auth: dict[str, str]
) -> None:
    page = (
        "<html><head><title>Front</title><script>steal()</script></head><body><article>"
        f"<p>{CAPTURE}</p><p>The town had been held by the group since 2019.</p>"
        "</article></body></html>"
    )
    response = client.post(
        "/api/reports",
        content=page.encode(),
        params={"published": "2024-03-03"},
        headers={"Content-Type": "text/html", **auth},
    )
    assert response.status_code == 201, response.text
    article_id = response.json()["stored"][0]["article_id"]
    article = store.get_article(article_id)
    assert article is not None
    assert "steal()" not in article.text
    assert "<p>" not in article.text
    assert "Khan Shaykhun" in article.text


def test_a_body_with_no_usable_report_is_422(client: TestClient, auth: dict[str, str]) -> None:
    response = client.post(
        "/api/reports", content=b"   \n", headers={"Content-Type": "text/plain", **auth}
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "E101"
    assert error["message"].startswith("<request>: ")
    bad_date = client.post(
        "/api/reports",
        content=b"Some text.",
        params={"published": "someday"},
        headers={"Content-Type": "text/plain", **auth},
    )
    assert bad_date.status_code == 422
    assert "published" in bad_date.json()["error"]["message"]
