"""The geo stage's speed-ups answer as the plain code does: word runs joined by the
gaps the old pattern allowed, Arabic articles tested on their first letter, the
distance that makes readings support each other, and answers the gazetteer keeps
for a report (``steady``) or for good (admin units of the packaged file)."""

from __future__ import annotations

import random
import re
from pathlib import Path

from frontlines.config import Settings
from frontlines.geo import import_csv, open_gazetteer
from frontlines.geo.areas import Areas
from frontlines.geo.coherence import NEAR_KM, support
from frontlines.geo.context import sentence_bounds
from frontlines.geo.gazetteer import Entry
from frontlines.geo.words import _ARABIC_ARTICLE, _JOINS, _starts_arabic_name, runs, words


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
