"""Cleaning a republished report: body kept, furniture gone, metadata read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontlines.ingest import article_from_text, clean_report
from frontlines.ingest.markdown import link_ratio, split_paragraphs, strip_inline


@pytest.fixture
def report(fixtures: Path) -> str:
    return (fixtures / "republished_report.md").read_text(encoding="utf-8")


def test_metadata_is_read_from_header_and_footer(report: str) -> None:
    cleaned = clean_report(report)
    assert cleaned.title == "Report: Offensive Stalls Near Varna Ridge as Militia Digs In"
    assert cleaned.author == "Tomas Reiner"
    assert cleaned.publisher == "Northern Dispatch"
    assert cleaned.published == date(2021, 6, 7)
    assert cleaned.original_source == "Harbour Post"
    assert cleaned.tags == ("Eastern Marches", "Armed Conflict", "Displacement", "KESSEL CRISIS")


def test_body_is_kept_with_the_italic_lead_unmarked(report: str) -> None:
    text = clean_report(report).text
    assert text.startswith("Army units pushed into the hamlet of Dolny Brod on Thursday")
    assert "The militia reportedly lost a mortar team" in text
    assert "If the ridge falls, the militia will have to abandon" in text
    assert "*" not in text and "#" not in text
    # Link syntax goes, link text stays.
    assert "according to a statement released by the regional council" in text
    assert "](" not in text and "http" not in text


def test_body_paragraphs_that_mention_social_media_or_donations_stay(report: str) -> None:
    text = clean_report(report).text
    assert "announced a night curfew on the governor's Facebook page" in text
    assert "donations of flour and fuel" in text


@pytest.mark.parametrize(
    "gone",
    [
        "By Tomas Reiner",  # byline
        "Northern Dispatch, June 7",  # dateline
        "Region:",
        "Theme:",
        "In-depth Report",  # taxonomy tags
        "please support the project",
        "PayPal",
        "patreon",  # donation appeal
        "original source",
        "Copyright",  # footer
        "Comment on",
        "Become a Member",
        "Articles by",  # share / membership links
        "Disclaimer",
        "fair use",  # legal
        "media inquiries",  # contact
        "---",
    ],
)
def test_each_kind_of_boilerplate_is_gone(report: str, gone: str) -> None:
    assert gone.lower() not in clean_report(report).text.lower()


def test_dropped_parts_are_recorded_with_a_reason(report: str) -> None:
    categories = clean_report(report).dropped_categories()
    assert {"byline", "dateline", "tags", "donation", "footer", "trailer"} <= categories


def test_text_is_final_paragraphs_and_single_spaces(report: str) -> None:
    text = clean_report(report).text
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == 5
    assert all(p == " ".join(p.split()) for p in paragraphs)
    assert "\n\n\n" not in text and not text.startswith("\n") and not text.endswith("\n")


def test_cleaning_is_idempotent_so_offsets_are_stable(report: str) -> None:
    first = article_from_text(report, input_format="markdown")
    again = article_from_text(first.text)
    assert again.text == first.text
    assert again.id == first.id
    start = first.text.index("Dolny Brod")
    assert again.text[start : start + len("Dolny Brod")] == "Dolny Brod"


@pytest.mark.parametrize(
    ("paragraph", "category"),
    [
        ("Please support our work: donate today at our website.", "donation"),
        ("Subscribe to our newsletter for the weekly digest.", "donation"),
        ("The views expressed here are the author's alone.", "legal"),
        ("Disclaimer: opinions are the writers' own.", "legal"),
        ("Share this article with your friends.", "share"),
        ("Follow us on Twitter and Telegram for live updates.", "share"),
        ("For media inquiries write to the desk.", "contact"),
        ("Read more: Ceasefire talks resume in the capital", "navigation"),
        ("[Ceasefire talks resume](https://example.org/x)", "links"),
    ],
)
def test_boilerplate_without_a_footer_is_dropped_by_category(paragraph: str, category: str) -> None:
    body = "Fighting resumed in the northern district of Halden on Monday, residents said."
    cleaned = clean_report(f"{body}\n\n{paragraph}\n\nThe army said it had lost two tanks.")
    assert cleaned.text == f"{body}\n\nThe army said it had lost two tanks."
    assert (category, strip_inline(paragraph)) in cleaned.dropped


@pytest.mark.parametrize(
    "paragraph",
    [
        "The group claimed the attack in a post on Twitter.",
        "Footage shared on Facebook showed smoke above the town.",
        "The ministry declined to comment on the strike.",
        "The militia announced the withdrawal on its Telegram channel late on Friday.",
    ],
)
def test_report_sentences_that_mention_platforms_are_kept(paragraph: str) -> None:
    cleaned = clean_report(f"Shelling hit the market in Halden on Monday.\n\n{paragraph}")
    assert cleaned.text.endswith(paragraph)


def test_long_report_paragraph_with_one_boilerplate_phrase_is_kept() -> None:
    paragraph = " ".join(
        ["Investigators said the militia raised money through PayPal accounts."]
        + ["Its fighters moved between the villages of the valley at night."] * 10
    )
    assert clean_report(f"Clashes went on.\n\n{paragraph}").text.endswith(paragraph)


def test_copyright_line_ends_the_report() -> None:
    cleaned = clean_report(
        "Two rockets hit the port on Monday.\n\nCopyright © 2020 The Valley Courier.\n\n"
        "Our sister site covers the weather in the valley."
    )
    assert cleaned.text == "Two rockets hit the port on Monday."
    assert [c for c, _ in cleaned.dropped] == ["footer", "trailer"]


def test_copyright_note_at_the_top_does_not_swallow_the_body() -> None:
    text = (
        "This article was originally published by Harbour Post.\n\n"
        "Two rockets hit the port of Lindholm on Monday.\n\n"
        "Nobody was hurt."
    )
    cleaned = clean_report(text)
    assert cleaned.text == "Two rockets hit the port of Lindholm on Monday.\n\nNobody was hurt."
    assert cleaned.original_source == "Harbour Post"


def test_plain_text_one_paragraph_per_line(fixtures: Path) -> None:
    cleaned = clean_report((fixtures / "plain_wire.txt").read_text(encoding="utf-8"))
    assert cleaned.title == "Militia shells border crossing"
    assert cleaned.published == date(2020, 8, 12)
    assert cleaned.author == "Mara Olsen"
    assert cleaned.text.count("\n\n") == 2
    assert cleaned.text.startswith("Militia fighters fired several rockets")
    assert "Follow us" not in cleaned.text and "rights reserved" not in cleaned.text


def test_soft_wrapped_lines_join_into_one_paragraph() -> None:
    cleaned = clean_report(
        "The convoy left at dawn\nand reached the river by noon.\n\nIt returned."
    )
    assert cleaned.text == "The convoy left at dawn and reached the river by noon.\n\nIt returned."


def test_header_lines_in_one_block_are_read_line_by_line() -> None:
    cleaned = clean_report(
        "# Bridge destroyed\n\nBy Ana Lind\nValley Courier, 4 March 2019\n"
        "Rebels blew up the bridge at Korsby on Sunday.\nTraffic stopped."
    )
    assert (cleaned.author, cleaned.publisher) == ("Ana Lind", "Valley Courier")
    assert cleaned.published == date(2019, 3, 4)
    assert cleaned.text == "Rebels blew up the bridge at Korsby on Sunday. Traffic stopped."


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("See [the map](https://example.org/map_(v2)) here.", "See the map here."),
        ("Read it at <https://example.org/a> now", "Read it at now"),
        ("Photos: https://example.org/a", "Photos:"),
        ("**Bold**, *italic*, ***both***, _under_ score", "Bold, italic, both, under score"),
        ("Keep snake_case_words and a\\*literal star", "Keep snake_case_words and a*literal star"),
        ("![a photo](img.png) Smoke rose over the town", "Smoke rose over the town"),
        ("Tanks &amp; trucks<br/>moved", "Tanks & trucks moved"),
        ("- a list item", "a list item"),
        ("Ref [link][1] text", "Ref link text"),
    ],
)
def test_strip_inline(raw: str, plain: str) -> None:
    assert strip_inline(raw) == plain


def test_markdown_structure() -> None:
    paragraphs = split_paragraphs("Title\n=====\n\ntext one\n\n***\n\n> quoted\n> more\n")
    assert [(p.kind, p.raw) for p in paragraphs] == [
        ("heading", "Title"),
        ("text", "text one"),
        ("rule", "***"),
        ("text", "quoted more"),
    ]


def test_link_ratio() -> None:
    assert link_ratio("[Become a member](#)") == 1.0
    assert link_ratio("No links in this sentence.") == 0.0


def test_bundled_example_report() -> None:
    from importlib import resources

    source = resources.files("frontlines.data").joinpath("examples", "frontline_report.md")
    article = article_from_text(source.read_text("utf-8"), input_format="markdown")
    assert (article.publisher, article.original_source) == (
        "Frontline Monitor",
        "Euphrates Observer",
    )
    assert article.source_label == "Frontline Monitor; Euphrates Observer"
    assert article.published == date(2024, 3, 3)
    assert article.author == "Lina Haddad"
    assert article.tags == (
        "Middle East & North Africa",
        "Armed Conflict",
        "Humanitarian Crisis",
        "SYRIA",
    )
    assert article.text.startswith("Syrian government forces liberated the town of Khan Shaykhun")
    assert "If Saraqib falls," in article.text
    assert article.text.endswith("camps near the Turkish border.")
    assert len(article.text.split()) > 220
