"""The map page in Debian's Chromium (headless, driven by Playwright).

Install Chromium with ``scripts/ci/chromium.sh``; these tests skip, saying so, when it
is missing. Playwright's own browser downloads are never used.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx2
import pytest
from live import CHROMIUM, chromium_args, chromium_available, serve_in_thread
from server_factory import SHELLING, TOKEN

from frontlines.config import Settings
from frontlines.server import create_app
from frontlines.store import Store

pytestmark = pytest.mark.browser

if not chromium_available():
    pytest.skip(
        "Chromium is not installed (run scripts/ci/chromium.sh as root)", allow_module_level=True
    )
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture
def base_url(settings: Settings, store: Store) -> Iterator[str]:
    with serve_in_thread(create_app(settings, store)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    # One Chromium for the module; each test gets a fresh context (no shared state).
    with playwright_api.sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=chromium_args())
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.requested = requested
    tab.errors = errors
    try:
        yield tab
    finally:
        context.close()


def test_clicking_an_event_opens_its_panel(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.wait_for_selector("path.event-marker")
    # One marker per located event, sized by fatalities: the shelling (2 killed) is
    # drawn larger than the protest (none).
    expect = playwright_api.expect  # waits for the page to catch up (a loaded CI machine)
    expect(page.locator("path.event-marker")).to_have_count(3)
    expect(page.locator("#status")).to_have_text("3 event(s)")
    expect(page.locator("#timeline .bar")).to_have_count(3)

    # By default one marker per happening (merged events); each lists its reports'
    # coded events. The shelling and the capture share a point: a click lists both.
    assert page.locator("path.event-marker[data-members~='ev-capture']").count() == 1
    page.locator("path.event-marker[data-members~='ev-capture']").click()
    expect(page.locator("#list-heading")).to_have_text("2 events at Qasr Nadir")
    expect(page.locator("#events li")).to_have_count(2)
    page.click("#events button[data-members~='ev-shell']")
    page.wait_for_selector("#event-detail:not([hidden])")
    expect(page.locator("#detail-title")).to_have_text("Shelling/artillery/missile attack")
    assert (
        page.locator("#detail-notes").inner_text()
        == "On 8 March 2021, rebels shelled an army post near Qasr Nadir."
    )
    assert page.locator("#detail-evidence mark").inner_text() == SHELLING
    assert page.locator("#detail-evidence blockquote").inner_text() == (
        SHELLING + ", a monitor said."
    )
    sources = page.locator("#detail-sources li").inner_text()
    assert "Example Wire / Example Monitor" in sources
    assert "Shelling near Qasr Nadir" in sources

    page.click("#show-article")
    page.wait_for_selector("#detail-article mark")
    assert page.locator("#detail-article mark").inner_text() == SHELLING

    # Nothing was fetched from anywhere but this server: no CDN, no tiles.
    assert page.requested
    assert all(url.startswith(base_url) for url in page.requested), page.requested
    assert page.errors == []


def test_date_slider_and_filters_change_what_is_shown(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.wait_for_selector("path.event-marker")
    page.select_option("#window", "day")
    page.locator("#timeline .bar").nth(0).click()
    expect = playwright_api.expect  # waits for the page to catch up (a loaded CI machine)
    expect(page.locator("#day-label")).to_have_text("2021-03-08")
    expect(page.locator("path.event-marker")).to_have_count(1)
    expect(page.locator("#status")).to_have_text("1 of 3 event(s) on the chosen dates")

    page.select_option("#window", "upto")
    page.locator("#timeline .bar").nth(2).click()
    page.check("#control-toggle")
    page.wait_for_selector("path.control-marker")
    expect(page.locator("path.control-marker")).to_have_count(1)
    assert "held by Military Forces of Examplestan" in page.locator("#legend").inner_text()

    page.fill("input[name=actor]", "protesters")
    page.click("#filters button[type=submit]")
    # (wait_for_function would evaluate a string, which the page's CSP forbids.)
    playwright_api.expect(page.locator("path.event-marker")).to_have_count(1)
    assert page.locator("#events li").inner_text().endswith("Peaceful protest · Tall Sabr")
    assert page.errors == []


def test_token_protected_reads_work_with_a_token_in_the_fragment(
    browser: Any, settings: Settings, store: Store
) -> None:
    from dataclasses import replace

    closed = create_app(replace(settings, api_read_access="token"), store)
    with serve_in_thread(closed) as url:
        context = browser.new_context()
        try:
            tab = context.new_page()
            tab.goto(url + "/")
            playwright_api.expect(tab.locator("#status")).to_contain_text("Could not load")
            tab.goto(url + f"/#token={TOKEN}")
            tab.reload()
            tab.wait_for_selector("path.event-marker")
            assert tab.locator("#status").inner_text() == "3 event(s)"
            assert "token" not in tab.url  # dropped from the address bar once read
        finally:
            context.close()


def test_a_happening_told_by_two_reports_is_one_marker_with_both(
    page: Any, base_url: str, store: Store
) -> None:
    from server_factory import make_article, make_event

    store.save(
        make_article("art-3", title="Army post shelled", publisher="Other Wire"),
        [make_event("ev-shell-3", "art-3", fatalities=3, source="Other Wire")],
    )
    store.remerge()
    page.goto(base_url + "/")
    page.wait_for_selector("path.event-marker")
    assert page.locator("path.event-marker").count() == 3
    assert page.locator("#status").inner_text() == "3 event(s)"
    button = page.locator("#events button[data-members='ev-shell ev-shell-3']")
    assert button.inner_text().endswith("2 reports")
    button.click()
    page.wait_for_selector("#event-detail:not([hidden])")
    assert page.locator("#detail-fields dt:text-is('Reports') + dd").inner_text() == "2"
    # The tolls the two reports give are shown side by side.
    assert page.locator("#detail-fields dd.conflict").inner_text() == (
        "fatalities: 2 (Example Wire; Example Monitor) / 3 (Other Wire)"
    )
    assert page.locator("#detail-evidence mark").all_inner_texts() == [SHELLING, SHELLING]
    assert page.locator("#detail-evidence p.quoted-from").all_inner_texts() == [
        "Shelling near Qasr Nadir",
        "Army post shelled",
    ]
    assert page.locator("#detail-sources li").count() == 2
    page.click("#show-article")
    page.wait_for_selector("#detail-article hr")
    assert page.locator("#detail-article mark").count() == 2

    # Unmerged, each report's coded event is a marker of its own.
    page.uncheck("input[name=merged]")
    page.click("#filters button[type=submit]")
    playwright_api.expect(page.locator("path.event-marker")).to_have_count(4)
    assert page.locator("#status").inner_text() == "4 event(s)"
    assert page.locator("#timeline .bar").first.get_attribute("title") == "2021-03-08: 2 event(s)"
    assert page.errors == []


XSS_REPORT = (
    "Rebels <script>window.__xss = 'script'</script> seized the village of Tall Sabr. "
    "<img src=x onerror=\"window.__xss = 'img'\"> Two fighters were killed."
)


def test_a_report_with_script_payloads_is_shown_as_text(
    page: Any, base_url: str, store: Store
) -> None:
    from server_factory import make_article, make_event

    from frontlines.model import Evidence

    title = "<img src=y onerror=\"window.__xss='title'\">Report"
    article = make_article("art-xss", text=XSS_REPORT, title=title)
    store.save(
        article,
        [
            make_event(
                "ev-xss",
                "art-xss",
                location="<b>Tall Sabr</b>",
                notes="<script>window.__xss='notes'</script>",
                evidence=(Evidence(0, len(XSS_REPORT), XSS_REPORT),),
            )
        ],
    )
    store.remerge()  # as `frontlines ingest` does after saving
    page.goto(base_url + "/")
    page.wait_for_selector("path.event-marker")
    page.click("#events button[data-members~='ev-xss']")
    page.wait_for_selector("#event-detail:not([hidden])")
    page.click("#show-article")
    page.wait_for_selector("#detail-article mark")

    assert page.locator("#detail-evidence mark").inner_text() == XSS_REPORT
    assert page.locator("#detail-notes").inner_text() == "<script>window.__xss='notes'</script>"
    assert title in page.locator("#detail-sources").inner_text()
    assert "<b>Tall Sabr</b>" in page.locator("#detail-fields").inner_text()
    # Shown as text, so no element was made from the payload and nothing ran.
    assert page.locator("#panel script, #panel img, #panel b").count() == 0
    assert page.evaluate("window.__xss === undefined")
    assert page.errors == []


def test_a_posted_report_with_payloads_is_shown_as_text(page: Any, base_url: str) -> None:
    # Through the whole path: POST (real pipeline) -> store -> API -> map page. The
    # cleaning stage drops tags from report text, but a JSONL record's title is kept
    # as given, so the payload reaches the page there.
    title = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">Khan Shaykhun'
    record = {
        "id": "posted-xss",
        "title": title,
        "published": "2024-03-03",
        "text": (
            "Syrian government forces captured the town of Khan Shaykhun in southern Idlib "
            "on Saturday <script>window.__xss=3</script> after two days of heavy clashes "
            "with Hay'at Tahrir al-Sham fighters."
        ),
    }
    response = httpx2.post(
        base_url + "/api/reports",
        content=json.dumps(record).encode(),
        headers={"Content-Type": "application/x-ndjson", "Authorization": f"Bearer {TOKEN}"},
        timeout=120,
    )
    assert response.status_code == 201, response.text
    (event_id,) = response.json()["stored"][0]["event_ids"]
    page.goto(base_url + "/")
    page.wait_for_selector(f"#events button[data-members~='{event_id}']")
    page.click(f"#events button[data-members~='{event_id}']")
    page.wait_for_selector("#detail-evidence mark")
    assert title in page.locator("#detail-sources").inner_text()
    page.click("#show-article")
    page.wait_for_selector("#detail-article mark")
    stored = httpx2.get(base_url + "/api/articles/posted-xss").json()
    assert page.locator("#detail-article").inner_text() == title + "\n\n" + stored["text"]
    assert page.locator("#panel script, #panel img").count() == 0
    assert page.evaluate("window.__xss === undefined")
    assert page.errors == []
