"""Geoparsing corpus readers and scores, on tiny corpora written for these tests."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from frontlines.errors import InputError, MalformedInputError
from frontlines.evaluate.corpora import GeoArticle, GoldToponym, detect_corpus, read_corpus
from frontlines.evaluate.geoparsing import (
    match_spans,
    score_geoparsing,
    score_gold_spans,
    write_misses,
)
from frontlines.evaluate.metrics import error_auc, haversine_km, macro_f1
from frontlines.model import Place, PlaceMention

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="501">
    <title>Fair opens</title>
    <text><![CDATA[Millbrook fair opens on Mill Lane near Stonebridge.]]></text>
    <toponyms>
      <toponym><start>0</start><end>9</end><phrase>Millbrook</phrase>
        <gaztag geonameid="111"><name>Millbrook</name><lat>10.0</lat><lon>20.0</lon></gaztag>
      </toponym>
      <toponym><start>24</start><end>33</end><phrase>Mill Lane</phrase></toponym>
      <toponym><start>39</start><end>50</end><phrase>Stonebridge</phrase>
        <gaztag geonameid="222"><name>Stonebridge</name><lat>11.0</lat><lon>21.0</lon></gaztag>
      </toponym>
    </toponyms>
  </article>
</articles>
"""
# Offsets one to the right, as in the GeoVirus copy we checked.
GEOVIRUS = """<articles>
  <article>
    <source>https://example.org/wiki/A_story</source>
    <text>Cases rose in Port Ash and Lowtown.</text>
    <locations>
      <location><name>Port Ash</name><start>15</start><end>23</end><lat>1.5</lat>
        <lon>2.5</lon><page>https://example.org/wiki/Port_Ash</page></location>
      <location><name>Lowtown</name><start>28</start><end>35</end><lat>3</lat>
        <lon>4</lon><page>https://example.org/wiki/Lowtown</page></location>
    </locations>
  </article>
</articles>
"""
GWN = """<?xml version="1.0" ?>
<articles>
  <article file="7">
    <title>t</title><link>https://example.org/x</link>
    <text>Freeland officials in Port Ash met Freelandic traders at the harbour.</text>
    <toponyms>
      <toponym><extractedName>Freeland</extractedName><type>Metonymic</type>
        <start>0</start><end>8</end><geonamesID>333</geonamesID>
        <latitude>5.0</latitude><longitude>6.0</longitude></toponym>
      <toponym><extractedName>Port Ash</extractedName><type>Literal</type>
        <start>22</start><end>30</end><geonamesID />
        <latitude>1.5</latitude><longitude>2.5</longitude></toponym>
      <toponym><extractedName>Freelandic</extractedName><type>Demonym</type>
        <start>35</start><end>45</end></toponym>
      <toponym><extractedName>harbour</extractedName><type>Literal_Expression</type>
        <start>62</start><end>69</end></toponym>
    </toponyms>
  </article>
</articles>
"""


def _write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def _place(lat: float | None, lon: float | None, geonameid: int | None = None) -> Place:
    return Place("p", lat, lon, 1, geonameid=geonameid)


def _mention(start: int, end: int, place: Place | None) -> PlaceMention:
    return PlaceMention("a", start, end, "x", place)


def test_reads_lgl(tmp_path: Path) -> None:
    path = _write(tmp_path, "lgl.xml", LGL)
    assert detect_corpus(path) == "lgl"
    [article] = list(read_corpus(path))
    assert article.id == "501"
    first, lane, last = article.toponyms
    assert first == GoldToponym(0, 9, "Millbrook", 10.0, 20.0, 111)
    assert lane.name == "Mill Lane" and not lane.has_coordinates and lane.geonameid is None
    assert article.text[last.start : last.end] == "Stonebridge"


def test_reads_geovirus_and_realigns_offsets(tmp_path: Path) -> None:
    path = _write(tmp_path, "gv.xml", GEOVIRUS)
    assert detect_corpus(path) == "geovirus"
    [article] = list(read_corpus(path))
    assert article.id == "geovirus-0"
    for toponym in article.toponyms:
        assert article.text[toponym.start : toponym.end] == toponym.name
    assert article.toponyms[1].latitude == 3.0 and article.toponyms[1].geonameid is None


def test_reads_geowebnews(tmp_path: Path) -> None:
    path = _write(tmp_path, "gwn.xml", GWN)
    assert detect_corpus(path) == "gwn"
    [article] = list(read_corpus(path))
    assert article.id == "gwn-7"
    assert [(t.name, t.geonameid) for t in article.toponyms] == [
        ("Freeland", 333),
        ("Port Ash", None),
    ]
    assert article.ignored == ((35, 45),)  # the demonym; the expression is dropped


def test_bad_corpus_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        detect_corpus(tmp_path / "none.xml")
    with pytest.raises(MalformedInputError, match="XML"):
        detect_corpus(_write(tmp_path, "broken.xml", "<articles><article>"))
    with pytest.raises(MalformedInputError, match="no <article>"):
        detect_corpus(_write(tmp_path, "empty.xml", "<articles/>"))
    with pytest.raises(InputError, match="unknown corpus"):
        read_corpus(_write(tmp_path, "lgl.xml", LGL), "wiki")


def test_span_matching_is_one_to_one_and_prefers_exact() -> None:
    # gold "New York" (0, 8) and embedded "York" (4, 8); predictions (4, 8) and (0, 8)
    assert match_spans([(0, 8), (4, 8)], [(4, 8), (0, 8)]) == {0: 1, 1: 0}
    assert match_spans([(0, 8)], [(0, 3), (5, 8)]) == {0: 0}  # ties: first prediction
    assert match_spans([(0, 5)], [(5, 9)]) == {}  # touching is not overlapping


def test_end_to_end_scores() -> None:
    gold = (
        GoldToponym(0, 5, "Alpha", 0.0, 0.0, 1),
        GoldToponym(10, 15, "Bravo", 0.0, 10.0, 2),
        GoldToponym(20, 25, "Carol", 0.0, 20.0, None),
        GoldToponym(30, 35, "Delta", None, None, None),  # recognition only
    )
    article = GeoArticle("a", "x" * 60, gold, ignored=((50, 55),))
    mentions = [
        _mention(0, 5, _place(0.0, 0.5, 1)),  # 55.6 km, right id
        _mention(11, 15, _place(0.0, 12.0, 9)),  # overlap; 222 km, wrong id
        _mention(30, 35, _place(0.0, 0.0)),  # no gold coordinates: recognition only
        _mention(40, 45, None),  # false positive
        _mention(50, 55, None),  # on an ignored span: neither right nor wrong
    ]
    report = score_geoparsing([article], lambda _text: mentions)
    summary = report.summary()
    # The false positive is listed for reading; the ignored span is not.
    assert [(m["start"], m["outcome"]) for m in report.misses if m["outcome"] == "spurious"] == [
        (40, "spurious")
    ]
    assert summary["recognition_precision"] == 0.75  # 3 of 4 counted predictions
    assert summary["recognition_recall"] == 0.75  # 3 of 4 gold
    assert summary["recognition_f1"] == 0.75
    # resolution over the 3 gold toponyms with coordinates; Carol was missed
    assert summary["acc161_recognised"] == 0.5
    assert summary["acc161_all"] == pytest.approx(1 / 3, abs=1e-4)
    assert summary["exact_match_recognised"] == 0.5
    # Alpha and Bravo carry GeoNames ids: one of the two is within 161 km.
    assert summary["acc161_linked"] == 0.5
    near, far = haversine_km(0, 0, 0, 0.5), haversine_km(0, 10, 0, 12)
    assert summary["mean_error_km"] == pytest.approx((near + far) / 2, abs=1e-3)
    assert summary["median_error_km"] == pytest.approx((near + far) / 2, abs=1e-3)


def test_gold_span_mode_and_unresolved_get_max_error() -> None:
    gold = (
        GoldToponym(0, 5, "Alpha", 0.0, 0.0, 1),
        GoldToponym(10, 15, "Bravo", 0.0, 10.0, 2),
        GoldToponym(20, 25, "Carol", None, None, None),  # not asked for
    )
    asked: list[list[tuple[int, int]]] = []

    def resolve(_text: str, spans: list[tuple[int, int]]) -> list[Place | None]:
        asked.append(spans)
        return [_place(0.0, 0.0, 1), None]

    summary = score_gold_spans([GeoArticle("a", "x" * 30, gold)], resolve).summary()
    assert asked == [[(0, 5), (10, 15)]]
    assert summary["toponyms"] == 2
    assert summary["acc161"] == 0.5 and summary["exact_match"] == 0.5
    assert summary["acc161_linked"] == 0.5
    assert summary["mean_error_km"] == pytest.approx(20039 / 2)
    assert "recognition_f1" not in summary


def test_misses_report_lists_each_toponym_beyond_the_radius(tmp_path: Path) -> None:
    text = "Alpha fair, Bravo show, Carol fete."
    gold = (
        GoldToponym(0, 5, "Alpha", 0.0, 0.0, 1),  # hit
        GoldToponym(12, 17, "Bravo", 0.0, 10.0, 2),  # 1,100 km off
        GoldToponym(24, 29, "Carol", 5.0, 5.0, 3),  # unresolved
    )

    def resolve(_text: str, _spans: list[tuple[int, int]]) -> list[Place | None]:
        return [_place(0.0, 0.0, 1), _place(0.0, 0.0, 9), None]

    report = score_gold_spans([GeoArticle("a", text, gold)], resolve)
    path = tmp_path / "misses.jsonl"
    assert write_misses(report, path) == 2
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    outcomes = [(r["text"], r["outcome"]) for r in rows]
    assert outcomes == [("Bravo", "wrong"), ("Carol", "unresolved")]
    assert rows[0]["error_km"] == pytest.approx(1111.9, abs=0.5)
    assert rows[0]["gold_longitude"] == 10.0 and rows[0]["our_geonameid"] == 9
    assert "[[Bravo]]" in rows[0]["context"]


def test_gold_span_resolver_must_answer_every_span() -> None:
    article = GeoArticle("a", "abc", (GoldToponym(0, 1, "a", 0.0, 0.0),))
    with pytest.raises(ValueError, match="article a"):
        score_gold_spans([article], lambda _t, _s: [])


def test_error_auc() -> None:
    assert error_auc([]) == 0.0
    assert error_auc([0.0, 0.0, 0.0]) == 0.0
    top = math.log(20039)
    # sorted log(1+e): 0, log(11), log(101); trapezoid = 0/2 + log(11) + log(101)/2
    expected = (math.log(11) + math.log(101) / 2) / (2 * top)
    assert error_auc([100.0, 0.0, 10.0]) == pytest.approx(expected)
    assert error_auc([20039.0, 20039.0]) == pytest.approx(math.log(20040) / top)


def test_macro_f1_counts_only_gold_labels() -> None:
    assert macro_f1(["a", "a", "b"], ["a", "a", "b"]) == 1.0
    assert macro_f1(["a", "b"], ["b", "a"]) == 0.0
    # a: P 1/1 R 1/2 -> 2/3; b: P 1/2 R 1/1 -> 2/3; "NONE" never averaged
    assert macro_f1(["a", "a", "b"], ["a", "b", "b"]) == pytest.approx(2 / 3)
    assert macro_f1(["a", "a"], ["a", "NONE"]) == pytest.approx(2 / 3)


def test_a_corpus_without_geonames_ids_reports_no_exact_match() -> None:
    gold = (GoldToponym(0, 5, "Alpha", 0.0, 0.0, None),)
    summary = score_gold_spans(
        [GeoArticle("a", "x" * 10, gold)], lambda _t, _s: [_place(0.0, 0.0)]
    ).summary()
    assert summary["acc161"] == 1.0
    assert "exact_match" not in summary and "acc161_linked" not in summary
