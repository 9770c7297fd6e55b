"""The read API over a seeded store: filters, pages, one event, control, articles."""

from __future__ import annotations

from fastapi.testclient import TestClient
from server_factory import ARTICLE_TEXT, SHELLING, make_article, make_event

from frontlines.server import schemas
from frontlines.store import Store


def ids(body: dict[str, object]) -> list[str]:
    items = body["items"]
    assert isinstance(items, list)
    return [item["event_id"] for item in items]


def test_lists_all_events_chronologically(client: TestClient) -> None:
    response = client.get("/api/events")
    assert response.status_code == 200
    body = response.json()
    assert ids(body) == ["ev-shell", "ev-protest", "ev-capture"]
    assert body["total"] == 3
    assert body["next_offset"] is None
    shelling = body["items"][0]
    assert shelling["evidence"] == [
        {"start": ARTICLE_TEXT.index(SHELLING), "end": ARTICLE_TEXT.index(SHELLING) + len(SHELLING),
         "text": SHELLING}
    ]  # fmt: skip


def test_pages_follow_next_offset(client: TestClient) -> None:
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        body = client.get("/api/events", params={"limit": 2, "offset": offset}).json()
        assert body["total"] == 3
        assert len(body["items"]) <= 2
        seen += ids(body)
        offset = body["next_offset"]
    assert seen == ["ev-shell", "ev-protest", "ev-capture"]


def test_filters_by_date_range_admin1_type_and_actor(client: TestClient) -> None:
    def matching(**params: str) -> list[str]:
        response = client.get("/api/events", params=params)
        assert response.status_code == 200, response.text
        return ids(response.json())

    assert matching(since="2021-03-09", until="2021-03-09") == ["ev-protest"]
    assert matching(since="2021-03-09") == ["ev-protest", "ev-capture"]
    assert matching(admin1="southmarch") == ["ev-protest"]
    assert matching(type="Battles") == ["ev-capture"]
    assert matching(type="Peaceful protest") == ["ev-protest"]
    assert matching(actor="rebel front") == ["ev-shell", "ev-capture"]


def test_bbox_and_text_search_filter_and_page(client: TestClient) -> None:
    south = client.get("/api/events", params={"bbox": "35,32,37,34"}).json()
    assert ids(south) == ["ev-protest"]
    assert south["total"] == 1
    # Text search covers notes, places, actors and evidence, ignoring case.
    assert ids(client.get("/api/events", params={"q": "REGAINED"}).json()) == ["ev-capture"]
    assert ids(client.get("/api/events", params={"q": "army post"}).json()) == [
        "ev-shell",
        "ev-capture",
    ]
    page = client.get("/api/events", params={"q": "qasr nadir", "limit": 1, "offset": 1}).json()
    assert ids(page) == ["ev-capture"]
    assert page["total"] == 2
    assert page["next_offset"] is None


def test_timeline_counts_matching_events_per_day(client: TestClient) -> None:
    body = client.get("/api/timeline").json()
    assert body == {
        "days": [
            {"date": "2021-03-08", "count": 1},
            {"date": "2021-03-09", "count": 1},
            {"date": "2021-03-10", "count": 1},
        ],
        "undated": 0,
    }
    battles = client.get("/api/timeline", params={"type": "Battles"}).json()
    assert battles["days"] == [{"date": "2021-03-10", "count": 1}]


def test_one_event_has_its_source_and_evidence_sentence(client: TestClient) -> None:
    response = client.get("/api/events/ev-shell")
    assert response.status_code == 200
    body = response.json()
    assert body["event"]["event_id"] == "ev-shell"
    assert body["sources"] == [
        {
            "article_id": "art-1",
            "title": "Shelling near Qasr Nadir",
            "publisher": "Example Wire",
            "original_source": "Example Monitor",
            "published": "2021-03-09",
            "url": "https://news.example.org/art-1",
        }
    ]
    (evidence,) = body["evidence"]
    assert evidence["text"] == SHELLING
    # The sentence around the span: from the previous sentence's end to this one's.
    assert evidence["before"] == ""
    assert evidence["after"] == ", a monitor said."
    start = evidence["start"]
    assert ARTICLE_TEXT[start - 1 : start] == " "


def test_articles_with_their_cleaned_text(client: TestClient) -> None:
    listing = client.get("/api/articles", params={"limit": 1}).json()
    assert [a["id"] for a in listing["items"]] == ["art-1"]
    assert listing["items"][0]["text"] == ARTICLE_TEXT
    assert listing["next_offset"] == 1
    second = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert [a["id"] for a in second["items"]] == ["art-2"]
    one = client.get("/api/articles/art-2").json()
    assert one["title"] == "Town taken"
    assert one["published"] == "2021-03-11"


def test_control_on_a_date(client: TestClient) -> None:
    before = client.get("/api/control", params={"date": "2021-03-09"}).json()
    assert [(p["location"], p["controller"]) for p in before["places"]] == [
        ("Qasr Nadir", "unknown")
    ]
    after = client.get("/api/control", params={"date": "2021-03-12"}).json()
    (place,) = after["places"]
    assert place["controller"] == "Military Forces of Examplestan"
    assert place["since"] == "2021-03-10"
    assert place["event_ids"] == ["ev-capture"]
    none = client.get("/api/control", params={"date": "2021-03-12", "admin1": "Southmarch"})
    assert none.json()["places"] == []


def test_errors_have_one_json_shape(client: TestClient) -> None:
    cases = [
        (client.get("/api/events/nope"), 404, "no event with id 'nope'"),
        (client.get("/api/articles/nope"), 404, "no article with id 'nope'"),
        (client.get("/api/events", params={"since": "yesterday"}), 422, "since"),
        (client.get("/api/events", params={"limit": 100000}), 422, "limit"),
        (client.get("/api/events", params={"bbox": "1,2,3"}), 422, "bbox"),
        (client.get("/api/events", params={"since": "2021-03-10", "until": "2021-03-01"}), 422,
         "since is after until"),
        (client.get("/api/control"), 422, "date"),
        (client.get("/api/no-such-route"), 404, "Not Found"),
    ]  # fmt: skip
    for response, status, fragment in cases:
        assert response.status_code == status, response.text
        assert response.headers["content-type"] == "application/json"
        error = response.json()["error"]
        assert set(error) == {"status", "code", "message"}
        assert error["status"] == status
        assert error["code"] == f"http_{status}"
        assert fragment in error["message"]


def test_openapi_schema_describes_the_routes(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/timeline",
        "/api/control",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/reports",
    ):
        assert path in paths
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"since", "until", "bbox", "admin1", "type", "actor", "q", "limit", "offset"} <= names
    post = paths["/api/reports"]["post"]
    assert {"text/plain", "text/html", "application/x-ndjson"} <= set(
        post["requestBody"]["content"]
    )
    assert post["responses"]["401"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "ErrorBody"
    )


def test_map_page_and_assets_are_served_locally(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    html = page.text
    # Every script and stylesheet is the server's own: no CDN.
    assert "http://" not in html and "https://" not in html
    for asset in (
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/leaflet/leaflet.css",
        "/static/map.js",
        "/static/map.css",
    ):
        assert asset in html
        assert client.get(asset).status_code == 200
    outlines = client.get("/static/outlines.json").json()
    kinds = {f["properties"]["kind"] for f in outlines["features"]}
    assert kinds == {"country", "admin1"}
    names = {f["properties"]["name"] for f in outlines["features"]}
    assert {"Syria", "Idleb", "Deir ez Zor"} <= names
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_merged_events_one_per_happening_with_every_report(
    client: TestClient, store: Store
) -> None:
    # A second report of the shelling, with another toll: one happening, two sources.
    store.save(
        make_article("art-3", title="Army post shelled", publisher="Other Wire"),
        [make_event("ev-shell-3", "art-3", fatalities=3, source="Other Wire")],
    )
    store.remerge()

    coded = client.get("/api/events").json()
    assert coded["total"] == 4
    merged_of = {item["event_id"]: item["merged_id"] for item in coded["items"]}
    assert merged_of["ev-shell"] == merged_of["ev-shell-3"] != merged_of["ev-capture"]

    body = client.get("/api/events", params={"merged": "true"}).json()
    assert body["total"] == 3
    # Lists are sent without FastAPI re-validating them: they must fit the schema.
    for page in (coded, body):
        assert (
            schemas.EventPage.model_validate(page).model_dump(mode="json", exclude_unset=True)
            == page
        )
    assert [item["event_id"] for item in body["items"]] == [
        m.merged_id for m in store.merged_events()
    ]
    shelling = body["items"][0]
    assert shelling["event_id"] == merged_of["ev-shell"]
    assert shelling["member_ids"] == ["ev-shell", "ev-shell-3"]
    tolls = {c["value"] for c in shelling["conflicts"] if c["field"] == "fatalities"}
    assert tolls == {"2", "3"}
    # Filters apply to the happening; article_id picks those with a report from it.
    assert (
        client.get("/api/events", params={"merged": "true", "article_id": "art-3"}).json()["total"]
        == 1
    )
    days = client.get("/api/timeline", params={"merged": "true"}).json()["days"]
    assert [d["count"] for d in days] == [1, 1, 1]
    assert client.get("/api/timeline").json()["days"][0]["count"] == 2

    detail = client.get(f"/api/events/{shelling['event_id']}").json()
    assert {s["article_id"] for s in detail["sources"]} == {"art-1", "art-3"}
    assert [e["article_id"] for e in detail["evidence"]] == ["art-1", "art-3"]
    assert all(e["text"] == SHELLING for e in detail["evidence"])
    assert [m["event_id"] for m in detail["members"]] == ["ev-shell", "ev-shell-3"]
    assert detail["event"]["member_ids"] == ["ev-shell", "ev-shell-3"]
