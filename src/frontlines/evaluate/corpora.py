"""Readers for the geoparsing corpora (LGL, GeoVirus, GeoWebNews) into one shape.

The corpora are the user's downloads; nothing of them is stored in the project.

- LGL (Lieberman et al.): ``<article docid>`` with ``<text>`` and
  ``<toponyms><toponym><start><end><phrase>`` and, when the annotator linked it, a
  ``<gaztag geonameid>`` holding ``<lat><lon>``. Unlinked toponyms still count for
  recognition; they have no coordinates to resolve against.
- GeoVirus (Gritta et al.): ``<article>`` with ``<source>`` (a WikiNews URL, shared by
  several articles), ``<text>`` and ``<locations><location><name><start><end><lat>
  <lon><page>``. Its offsets are one character too far to the right in the copy we
  checked, so every span is re-aligned on its name (see ``_align``).
- GeoWebNews (Gritta et al. 2019): ``<article file>`` with ``<text>`` and
  ``<toponyms><toponym><extractedName><type><start><end>`` plus ``<geonamesID>``,
  ``<latitude>``, ``<longitude>`` where the annotator geocoded it. The gold toponyms
  are those with coordinates (every literal and associative type); demonyms and
  language names are kept as ignored spans (no reward, no penalty); expressions
  ("the church") and non-toponyms are not toponyms. ``GeoWebNews_gwn_full.txt``
  repeats the GeoNames-linked subset (same offsets and coordinates), without the
  text, so it is not needed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from frontlines.errors import InputError, MalformedInputError

__all__ = [
    "CORPORA",
    "GeoArticle",
    "GoldToponym",
    "detect_corpus",
    "read_corpus",
    "read_geovirus",
    "read_geowebnews",
    "read_lgl",
]

CORPORA = ("lgl", "geovirus", "gwn")
# GeoWebNews types that name a place but are annotated without coordinates: a
# geoparser may or may not mark them, so they neither count for nor against it.
GWN_IGNORED_TYPES = frozenset({"Demonym", "Language"})
# How far (characters) a span may be shifted to land on its annotated name.
ALIGN_WINDOW = 3


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    latitude: float | None
    longitude: float | None
    geonameid: int | None = None

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True, slots=True)
class GeoArticle:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    ignored: tuple[tuple[int, int], ...] = ()


def _parse(path: str | Path) -> ET.Element:
    source = Path(path)
    if not source.is_file():
        raise InputError("no such file", source=str(path))
    try:
        return ET.parse(source).getroot()
    except ET.ParseError as exc:
        raise MalformedInputError(f"not well-formed XML: {exc}", source=str(path)) from exc


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value and value.strip() else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value and value.strip() else None
    except ValueError:
        return None


def _span(element: ET.Element, where: str) -> tuple[int, int]:
    start, end = _int(element.findtext("start")), _int(element.findtext("end"))
    if start is None or end is None or end < start:
        raise MalformedInputError("toponym without a valid start/end", source=where)
    return start, end


def _align(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    """The span of ``name`` nearest to the annotated one (itself when it matches)."""
    if not name or text[start:end] == name:
        return start, end
    for shift in sorted(range(-ALIGN_WINDOW, ALIGN_WINDOW + 1), key=abs):
        s = start + shift
        if s >= 0 and text[s : s + len(name)] == name:
            return s, s + len(name)
    return start, end


def read_lgl(path: str | Path) -> Iterator[GeoArticle]:
    for index, article in enumerate(_parse(path).iter("article")):
        article_id = article.get("docid") or f"lgl-{index}"
        text = article.findtext("text") or ""
        toponyms = []
        for element in article.iter("toponym"):
            start, end = _span(element, f"{path}: article {article_id}")
            gaz = element.find("gaztag")
            toponyms.append(
                GoldToponym(
                    start,
                    end,
                    element.findtext("phrase") or text[start:end],
                    _float(gaz.findtext("lat")) if gaz is not None else None,
                    _float(gaz.findtext("lon")) if gaz is not None else None,
                    _int(gaz.get("geonameid")) if gaz is not None else None,
                )
            )
        yield GeoArticle(article_id, text, tuple(toponyms))


def read_geovirus(path: str | Path) -> Iterator[GeoArticle]:
    for index, article in enumerate(_parse(path).iter("article")):
        article_id = f"geovirus-{index}"
        text = article.findtext("text") or ""
        toponyms = []
        for element in article.iter("location"):
            name = element.findtext("name") or ""
            start, end = _align(text, *_span(element, f"{path}: {article_id}"), name)
            toponyms.append(
                GoldToponym(
                    start,
                    end,
                    name,
                    _float(element.findtext("lat")),
                    _float(element.findtext("lon")),
                )
            )
        yield GeoArticle(article_id, text, tuple(toponyms))


def read_geowebnews(path: str | Path) -> Iterator[GeoArticle]:
    for index, article in enumerate(_parse(path).iter("article")):
        article_id = f"gwn-{article.get('file') or index}"
        text = article.findtext("text") or ""
        toponyms, ignored = [], []
        for element in article.iter("toponym"):
            start, end = _span(element, f"{path}: {article_id}")
            kind = element.findtext("type") or ""
            latitude = _float(element.findtext("latitude"))
            longitude = _float(element.findtext("longitude"))
            if latitude is not None and longitude is not None:
                name = element.findtext("extractedName") or text[start:end]
                geonameid = _int(element.findtext("geonamesID"))
                toponyms.append(GoldToponym(start, end, name, latitude, longitude, geonameid))
            elif kind in GWN_IGNORED_TYPES:
                ignored.append((start, end))
        yield GeoArticle(article_id, text, tuple(toponyms), tuple(ignored))


def detect_corpus(path: str | Path) -> str:
    """Which corpus a file holds ("lgl", "geovirus", "gwn"), from its first article."""
    root = _parse(path)
    article = root.find("article")
    if article is None:
        raise MalformedInputError("no <article> element: not a geoparsing corpus", source=str(path))
    if article.find("locations") is not None:
        return "geovirus"
    if article.find("toponyms/toponym/extractedName") is not None:
        return "gwn"
    if article.find("toponyms") is not None:
        return "lgl"
    raise MalformedInputError("unknown corpus layout (expected LGL, GeoVirus or GeoWebNews)",
                              source=str(path))  # fmt: skip


def read_corpus(path: str | Path, corpus: str | None = None) -> Iterator[GeoArticle]:
    """Articles of a corpus file; ``corpus`` is detected from the file when None."""
    kind = corpus or detect_corpus(path)
    readers = {"lgl": read_lgl, "geovirus": read_geovirus, "gwn": read_geowebnews}
    if kind not in readers:
        raise InputError(f"unknown corpus {kind!r} (one of {', '.join(CORPORA)})", source=str(path))
    return readers[kind](path)
