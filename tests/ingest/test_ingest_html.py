"""HTML pages through trafilatura, with the fallbacks and the failures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontlines.errors import EmptyInputError, MalformedInputError
from frontlines.ingest import article_from_html


def test_page_main_text_and_metadata(fixtures: Path) -> None:
    article = article_from_html((fixtures / "article_page.html").read_bytes(), path="page.html")
    assert article.title == "Ferry port shelled as fighting spreads south"
    assert article.author == "Ines Varga"
    assert article.publisher == "Coastal Ledger"
    assert article.published == date(2022, 9, 14)
    assert article.tags == ("Shelling",)
    assert article.input_format == "html"
    assert article.text.startswith("Artillery fire struck the ferry port of Lindholm")
    assert article.text.count("\n\n") == 3
    for furniture in ("Home", "Subscribe", "Related stories", "Nice coverage", "Copyright"):
        assert furniture not in article.text


def test_explicit_published_wins_over_page_metadata(fixtures: Path) -> None:
    html = (fixtures / "article_page.html").read_text(encoding="utf-8")
    assert article_from_html(html, published=date(2022, 9, 15)).published == date(2022, 9, 15)


def test_source_fills_publisher_only_when_the_page_has_none(fixtures: Path) -> None:
    html = (fixtures / "article_page.html").read_text(encoding="utf-8")
    assert article_from_html(html, source="Wire").publisher == "Coastal Ledger"
    bare = "<p>Rebels shelled the ferry port of Lindholm on Tuesday, the harbour master said.</p>"
    assert article_from_html(bare, source="Wire").publisher == "Wire"


def test_fragment_without_body_falls_back_to_plain_text() -> None:
    fragment = "<div><p>Rebels shelled the port of Lindholm on Tuesday, officials said.</p></div>"
    article = article_from_html(fragment)
    assert article.text == "Rebels shelled the port of Lindholm on Tuesday, officials said."


def test_meta_charset_is_honoured_for_bytes() -> None:
    html = (
        '<html><head><meta charset="windows-1251"></head><body><p>'
        "Обстрел порта продолжался всю ночь, сообщили местные власти.</p></body></html>"
    ).encode("cp1251")
    assert article_from_html(html).text.startswith("Обстрел порта")


@pytest.mark.parametrize("markup", ["<html><body><div><<<>>></div", "<html><body></body></html>"])
def test_broken_html_without_text_is_malformed(markup: str) -> None:
    with pytest.raises(MalformedInputError, match=r"^bad\.html: "):
        article_from_html(markup, path="bad.html")


def test_whitespace_html_is_empty() -> None:
    with pytest.raises(EmptyInputError):
        article_from_html(b"  \n ", path="blank.html")
