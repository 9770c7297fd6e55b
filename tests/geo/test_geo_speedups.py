"""The geo stage's speed-ups answer as the plain code does: word runs joined by the
gaps the old pattern allowed, Arabic articles tested on their first letter, the
distance that makes readings support each other, and answers the gazetteer keeps
for a report (``steady``) or for good (admin units of the packaged file)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from frontlines.config import Settings
from frontlines.geo import import_csv, open_gazetteer
from frontlines.geo.areas import Areas
from frontlines.geo.coherence import NEAR_KM, support
from frontlines.geo.context import sentence_bounds
from frontlines.geo.gazetteer import Entry
from frontlines.geo.words import (
    _ARABIC_ARTICLE,
    _JOINS,
    _WORD,
    Word,
    _starts_arabic_name,
    runs,
    words,
)


def test_the_joining_gaps_are_the_patterns() -> None:
    rng = random.Random(2)
    gaps = ["".join(rng.choices(" \t-\n,.a", k=rng.randint(0, 3))) for _ in range(3000)]
    for gap in gaps:
        assert (gap in _JOINS) == (re.fullmatch(r"[ \t]?|-", gap) is not None), repr(gap)


def test_an_arabic_article_is_tested_as_the_pattern_tests_it() -> None:
    rng = random.Random(4)
    letters = "aelsdrtzunhAEBM-’'x"
    samples = ["".join(rng.choices(letters, k=rng.randint(1, 7))) for _ in range(20000)]
    samples += ["al-Bab", "el-Hasakah", "ash-Shaddadi", "ul-Haq", "Al-Bab", "al-bab", "ad-Dana"]
    for word in samples:
        match = _ARABIC_ARTICLE.match(word)
        assert _starts_arabic_name(word) == bool(match and match.group("rest")[:1].isupper())
    text = "Shelling hit Deir ez-Zor and al-Bab near Tall Rifaat."
    found = [[w.text for w in run] for run in runs(text, words(text))]
    assert found == [["Shelling"], ["Deir", "ez-Zor"], ["al-Bab"], ["Tall", "Rifaat"]]


def _town(id_: int, longitude: float, admin1: str = "A") -> Entry:
    return Entry(id_, None, f"T{id_}", 0.0, longitude, "PPL", "XX", "X", admin1, None, None,
                 1000, "test")  # fmt: skip


def test_readings_support_each_other_within_the_near_distance() -> None:
    # On the equator a degree of longitude is 6371 km * pi / 180 (about 111.2 km).
    degree_km = 6371.0 * 3.141592653589793 / 180
    near = NEAR_KM / degree_km * 0.999
    far = NEAR_KM / degree_km * 1.001
    groups = [[_town(1, 10.0)], [_town(2, 10.0 + near)], [_town(3, 10.0 - far)]]
    found = support(groups, lambda index, entry: 0.0)
    assert found[1] == found[2] == 1.0  # each the other's only near reading
    assert found[3] == 0.0


def test_steady_answers_come_from_the_file_as_it_was(tmp_path: Path, settings: Settings) -> None:
    gazetteer = open_gazetteer(settings)
    table = tmp_path / "one.csv"
    table.write_text("name,lat,lon,cc\nKhirbat Zaytuna,35.7,36.6,SY\n", encoding="utf-8")
    with gazetteer.steady():
        assert gazetteer.lookup("Khirbat Zaytuna") == []
        import_csv(table, name_col="name", lat_col="lat", lon_col="lon", country_col="cc",
                   settings=settings)  # fmt: skip
        assert gazetteer.lookup("Khirbat Zaytuna") == []  # one report, one state
    assert [e.name for e in gazetteer.lookup("Khirbat Zaytuna")] == ["Khirbat Zaytuna"]


def test_admin_units_are_kept_and_given_as_copies(settings: Settings) -> None:
    gazetteer = open_gazetteer(settings)
    first = gazetteer.admin_units("SY", "ADM1")
    assert first == gazetteer._admin_units("SY", "ADM1") and first
    first.clear()
    assert gazetteer.admin_units("SY", "ADM1") == gazetteer._admin_units("SY", "ADM1")
    areas = Areas(gazetteer)
    assert areas._country_key("SY") == areas._read_country_key("SY") != ""
    assert areas._country_key("SY") == areas._country_keys["SY"]


def test_sentence_bounds_are_the_searches_for_sentence_ends() -> None:
    rng = random.Random(6)
    end_mark = re.compile(r"[.!?]\s")
    for _ in range(400):
        text = "".join(rng.choices("ab .!?\n\t,", k=rng.randint(0, 40)))
        for start in range(len(text) + 1):
            end = rng.randint(start, len(text))
            first = max((m.end() for m in end_mark.finditer(text, 0, start)), default=0)
            after = end_mark.search(text, end)
            assert sentence_bounds(text, start, end) == (
                first,
                after.start() if after else len(text),
            ), (text, start, end)


def _runs_as_before(text: str, found: list[Word]) -> list[list[Word]]:
    """``runs`` as it was written before it skipped the gap outside a run."""
    from frontlines.geo.words import _DOTTED_GAPS, _DOTTED_HEADS, is_capitalised, particle

    out: list[list[Word]] = []
    current: list[Word] = []
    for word in found:
        gap = text[current[-1].end : word.start] if current else ""
        joined = (
            not current
            or gap in _JOINS
            or (gap in _DOTTED_GAPS and current[-1].text in _DOTTED_HEADS)
        )
        starts_name = word.text[:1].isupper() or _starts_arabic_name(word.text)
        name_part = starts_name or (particle(word.text) and bool(current))
        if name_part and joined:
            current.append(word)
            continue
        if current:
            out.append(current)
        current = [word] if starts_name else []
    if current:
        out.append(current)
    cleaned = []
    for run in out:
        while run and particle(run[-1].text) and not is_capitalised(run[-1].text):
            run = run[:-1]
        if run:
            cleaned.append(run)
    return cleaned


def test_word_runs_are_the_runs_as_before() -> None:
    rng = random.Random(7)
    vocabulary = ["Deir", "ez-Zor", "al-Bab", "al", "and", "of", "the", "St", "Mt", "Tall",
                  "village", "Raqqa", "bin", "Abu", "town", "el-Hasakah", "x"]  # fmt: skip
    gaps = [" ", "  ", "\t", "-", ". ", ".", ", ", "\n", " (", "; "]
    texts = ["".join(w + rng.choice(gaps) for w in rng.choices(vocabulary, k=rng.randint(1, 12)))
             for _ in range(3000)]  # fmt: skip
    texts.append("Shelling hit Deir ez-Zor and al-Bab near St. Petersburg and Tall al Ahmar.")
    for text in texts:
        found = words(text)
        assert found == [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        assert runs(text, found) == _runs_as_before(text, found), repr(text)


def test_the_latitude_test_before_the_distance_changes_no_support(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from frontlines.geo import coherence

    rng = random.Random(9)

    def reading(id_: int) -> Entry:
        latitude, longitude = rng.uniform(32.0, 37.5), rng.uniform(35.5, 42.0)
        return Entry(id_, None, f"T{id_}", latitude, longitude, "PPL", "SY", "X",
                     rng.choice("ABC"), None, None, 1000, "test")  # fmt: skip

    reports = [
        [[reading(100 * g + r) for r in range(rng.randint(1, 6))] for g in range(rng.randint(2, 9))]
        for _ in range(60)
    ]
    score = lambda index, entry: entry.latitude % 1.0  # noqa: E731
    found = [support(groups, score) for groups in reports]
    assert coherence._LATITUDE_REACH * 111.2 > NEAR_KM
    monkeypatch.setattr(coherence, "_LATITUDE_REACH", float("inf"))
    assert [support(groups, score) for groups in reports] == found
    assert sum(v > 0 for f in found for v in f.values()) > 100
