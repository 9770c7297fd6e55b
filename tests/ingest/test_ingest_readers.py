"""read_inputs: files, directories, JSONL batches, and every kind of bad input.

Bad inputs never raise: each becomes a Rejected record (input, reason, stable code) and
the batch goes on.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from frontlines.config import Settings
from frontlines.ingest import article_from_text, read_inputs, sniff_format
from frontlines.model import Article, Rejected

BODY = "Rebel units shelled the ferry port of Lindholm on Tuesday, the harbour master said."


def read(*paths: str | Path, **kwargs: object) -> list[Article | Rejected]:
    kwargs.setdefault("settings", Settings())
    return list(read_inputs(paths, **kwargs))  # type: ignore[arg-type]


def only(items: list[Article | Rejected]) -> Article | Rejected:
    assert len(items) == 1, items
    return items[0]


def rejected(item: Article | Rejected) -> Rejected:
    assert isinstance(item, Rejected), item
    return item


def article(item: Article | Rejected) -> Article:
    assert isinstance(item, Article), item
    return item


# --- directories and formats -------------------------------------------------------


def test_fixture_directory_in_sorted_order(fixtures: Path) -> None:
    items = read(fixtures)
    labels = [i.path if isinstance(i, Article) else i.input for i in items]
    names = [Path(str(label).split(":")[0]).name for label in labels]
    assert names == sorted(names)
    assert [i.input_format for i in items if isinstance(i, Article)] == [
        "html", "jsonl", "jsonl", "jsonl", "text", "markdown",
    ]  # fmt: skip
    assert sum(isinstance(i, Rejected) for i in items) == 5


def test_directory_recursion_skips_hidden_and_unknown_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text(f"# Two\n\n{BODY}", encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "notes").write_text(f"Third. {BODY}", encoding="utf-8")  # no extension: sniffed
    (tmp_path / ".hidden.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    items = [article(i) for i in read(tmp_path)]
    assert [Path(str(a.path)).relative_to(tmp_path).as_posix() for a in items] == [
        "a.txt", "b/two.md", "notes",
    ]  # fmt: skip
    assert items[1].title == "Two"


def test_paths_may_be_str_or_path_and_files_or_dirs(fixtures: Path, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(BODY, encoding="utf-8")
    items = read(str(tmp_path / "one.txt"), tmp_path)
    assert [article(i).text for i in items] == [BODY, BODY]


def test_nonexistent_path_is_rejected_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(BODY, encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    first, second = read(missing, tmp_path / "ok.txt")
    assert rejected(first) == Rejected(missing, "no such file or directory", "E100")
    assert article(second).text == BODY


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page.dat").write_text(f"<!doctype html><html><body><p>{BODY}</p></body></html>")
    (tmp_path / "batch.log").write_text(json.dumps({"id": "x1", "text": BODY}) + "\n")
    (tmp_path / "list.dat").write_text(json.dumps([{"text": BODY}]))
    html, jsonl, as_list = (
        article(only(read(tmp_path / name))) for name in ("page.dat", "batch.log", "list.dat")
    )
    assert (html.input_format, html.text) == ("html", BODY)
    assert (jsonl.input_format, jsonl.id) == ("jsonl", "x1")
    assert (as_list.input_format, as_list.path) == ("json", f"{tmp_path / 'list.dat'}[0]")


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ('{"text": "a"}\n{"text": "b"}', "jsonl"),
        ('{\n  "text": "a"\n}', "json"),
        ('[{"text": "a"}]', "json"),
        ("[Link](#) then text", "markdown"),
        ("# Title\n\nBody", "markdown"),
        ("<html><body>x</body></html>", "html"),
        ("Just words.", "text"),
        ("{not json at all", "text"),
    ],
)
def test_sniff_format(text: str, fmt: str) -> None:
    assert sniff_format(text) == fmt


# --- JSONL and JSON ----------------------------------------------------------------


def test_jsonl_ids_and_per_line_rejects(fixtures: Path) -> None:
    label = str(fixtures / "batch.jsonl")
    items = read(fixtures / "batch.jsonl")
    first, second, cut, listed, no_text, bad_date, numeric = items
    assert article(first).id == "rep-001"
    assert article(first).path == f"{label}:1"
    assert (article(first).publisher, article(first).title) == (
        "Harbour Post",
        "Rebels take Morrow",
    )
    assert article(first).url == "https://example.org/rep-001"
    assert article(second).id == article_from_text(article(second).text).id  # content hash
    assert len(article(second).id) == 16
    assert (rejected(cut).input, rejected(cut).code) == (f"{label}:3", "E105")
    assert "not valid JSON" in rejected(cut).reason
    assert rejected(listed) == Rejected(f"{label}:4", "expected a JSON object, got list", "E105")
    assert rejected(no_text) == Rejected(f"{label}:5", "missing required field 'text'", "E105")
    assert (rejected(bad_date).input, rejected(bad_date).code) == (f"{label}:6", "E106")
    assert "'sometime in June'" in rejected(bad_date).reason
    # Line 7 is blank and skipped; ids may be numbers.
    assert (article(numeric).id, article(numeric).path) == ("7", f"{label}:8")


def test_jsonl_record_date_wins_and_argument_fills(fixtures: Path) -> None:
    items = [
        i
        for i in read(fixtures / "batch.jsonl", published=date(2021, 1, 1))
        if isinstance(i, Article)
    ]
    assert [a.published for a in items] == [date(2021, 6, 7), date(2021, 1, 1), date(2021, 6, 9)]


@pytest.mark.parametrize(
    ("line", "code", "reason"),
    [
        ('{"text": 5}', "E105", "field 'text' must be a string, not int"),
        ('{"text": "  "}', "E101", "field 'text' is empty"),
        ('{"text": "x y z", "published": 20210607}', "E106", "must be a 'YYYY-MM-DD' string"),
        ('{"text": "x y z", "url": ["a"]}', "E105", "field 'url' must be a string, not list"),
        ('"just a string"', "E105", "expected a JSON object, got str"),
    ],
)
def test_jsonl_field_errors(tmp_path: Path, line: str, code: str, reason: str) -> None:
    path = tmp_path / "b.jsonl"
    path.write_text(line + "\n" + json.dumps({"text": BODY}) + "\n", encoding="utf-8")
    bad, good = read(path)
    assert (rejected(bad).input, rejected(bad).code) == (f"{path}:1", code)
    assert reason in rejected(bad).reason
    assert article(good).text == BODY


def test_jsonl_html_field(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"id": "p", "html": f"<p>{BODY}</p>"}) + "\n", encoding="utf-8")
    assert article(only(read(path))).text == BODY


def test_json_object_and_list(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"id": "solo", "text": BODY}))
    (tmp_path / "many.json").write_text(json.dumps([{"text": BODY}, {"title": "no text"}, 3]))
    (tmp_path / "scalar.json").write_text("42")
    (tmp_path / "broken.json").write_text("[{")
    broken, many0, many1, many2, one, scalar = read(tmp_path)
    assert article(one).id == "solo" and article(one).input_format == "json"
    assert article(many0).path == f"{tmp_path / 'many.json'}[0]"
    assert rejected(many1).input == f"{tmp_path / 'many.json'}[1]"
    assert rejected(many2).reason == "expected a JSON object, got int"
    assert rejected(broken).code == "E105" and "not valid JSON" in rejected(broken).reason
    assert "expected a report object or a list" in rejected(scalar).reason


# --- bad inputs ----------------------------------------------------------------------


def test_empty_file(fixtures: Path) -> None:
    assert rejected(only(read(fixtures / "empty.txt"))).code == "E101"


def test_file_with_only_boilerplate_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "furniture.md"
    path.write_text("By Ana Lind\n\nValley Courier, 4 March 2019\n\nShare this article\n")
    assert rejected(only(read(path))) == Rejected(
        str(path), "no report text left after removing boilerplate", "E101"
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"Rebels\x00\x00\x00shelled\x00", "contains NUL bytes"),
        (bytes(range(1, 32)) * 20, "control bytes"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 1 0 obj", "a PDF document"),
    ],
)
def test_binary_files(tmp_path: Path, data: bytes, reason: str) -> None:
    for name in ("report.txt", "batch.jsonl"):
        (tmp_path / name).write_bytes(data)
        bad = rejected(only(read(tmp_path / name)))
        assert bad.code == "E102" and reason in bad.reason


def test_latin1_file_is_read_as_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "Les combats ont repris près de la gare, a déclaré le préfet.".encode("latin-1")
    )
    assert (
        article(only(read(path))).text
        == "Les combats ont repris près de la gare, a déclaré le préfet."
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-32"])
def test_unicode_files_with_bom(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(f"Kämpfe in Ğazīra: {BODY}".encode(encoding))
    assert article(only(read(path))).text == f"Kämpfe in Ğazīra: {BODY}"


@pytest.mark.parametrize(
    "data",
    [
        "Бои продолжались у вокзала, сообщили власти города.".encode("koi8-r"),
        b"caf\x81 \x8d\x8f\x90",  # bytes Windows-1252 leaves undefined
    ],
)
def test_undecodable_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(data)
    bad = rejected(only(read(path)))
    assert bad.code == "E103" and "not UTF-8" in bad.reason


def test_jsonl_line_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n' + json.dumps({"text": BODY}).encode() + b"\n")
    bad, good = read(path)
    assert (rejected(bad).input, rejected(bad).code) == (f"{path}:1", "E103")
    assert article(good).text == BODY


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(BODY * 3, encoding="utf-8")
    bad = rejected(only(read(path, settings=Settings(max_input_bytes=100))))
    assert bad.code == "E104"
    assert f"{len(BODY) * 3:,} bytes, over the limit of 100" in bad.reason


def test_jsonl_limit_applies_per_line(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    long_line = json.dumps({"text": BODY * 10})
    path.write_text(f"{long_line}\n{json.dumps({'text': BODY})}\n", encoding="utf-8")
    bad, good = read(path, settings=Settings(max_input_bytes=300))
    assert (rejected(bad).input, rejected(bad).code) == (f"{path}:1", "E104")
    assert article(good).path == f"{path}:2"


def test_broken_html_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div><<<>>></div", encoding="utf-8")
    bad = rejected(only(read(path)))
    assert bad.code == "E105" and bad.input == str(path)


# --- dates and ids --------------------------------------------------------------------


def test_published_argument_wins_over_the_dateline_of_a_text(fixtures: Path) -> None:
    path = fixtures / "republished_report.md"
    assert article(only(read(path))).published == date(2021, 6, 7)
    assert article(only(read(path, published=date(2021, 6, 8)))).published == date(2021, 6, 8)


def test_ids_are_stable_across_runs_and_inputs(tmp_path: Path, fixtures: Path) -> None:
    report = fixtures / "republished_report.md"
    first, again = article(only(read(report))), article(only(read(report)))
    assert first.id == again.id and len(first.id) == 16
    copy = tmp_path / "copy.txt"
    copy.write_text(report.read_text(encoding="utf-8"), encoding="utf-8")
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"text": report.read_text(encoding="utf-8")}) + "\n")
    assert article(only(read(copy))).id == first.id
    assert article(only(read(batch))).id == first.id
    assert article(only(read(batch))).text == first.text
