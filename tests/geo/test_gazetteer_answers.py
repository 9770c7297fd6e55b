"""The gazetteer remembers its answers, and forgets them when the user file changes:
an import, in this process or another, shows in the next lookup of a Gazetteer
that has already answered for the same names."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from frontlines.config import Settings, load_settings
from frontlines.geo import import_csv, name_key, open_gazetteer
from frontlines.geo.gazetteer import user_gazetteer_path

NAME = "Khirbat Qasimiyah"


def _import(tmp_path: Path, settings: Settings, name: str) -> None:
    table = tmp_path / f"{name}.csv"
    table.write_text(f"name,lat,lon,cc\n{name},35.70,36.60,SY\n", encoding="utf-8")
    import_csv(table, name_col="name", lat_col="lat", lon_col="lon", country_col="cc",
               settings=settings)  # fmt: skip


def test_an_import_in_this_process_shows_in_remembered_answers(
    tmp_path: Path, settings: Settings
) -> None:
    gazetteer = open_gazetteer(settings)
    assert gazetteer.lookup(NAME) == [] and not gazetteer.has_key(name_key(NAME))
    _import(tmp_path, settings, NAME)
    assert [e.name for e in gazetteer.lookup(NAME)] == [NAME]
    assert gazetteer.has_key(name_key(NAME))
    _import(tmp_path, settings, "Tall Qasimiyah")  # the file attached: a second import
    assert [e.name for e in gazetteer.lookup("Tall Qasimiyah")] == ["Tall Qasimiyah"]


def test_a_user_file_made_by_another_process_shows(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    gazetteer = open_gazetteer(settings)
    assert gazetteer.lookup(NAME) == []
    # Another process's import: this process hears nothing of it, the file appears.
    monkeypatch.setattr("frontlines.geo.importers.note_user_write", lambda: None)
    other = tmp_path / "other"
    other.mkdir()
    (other / gazetteer.path.name).symlink_to(gazetteer.path)
    other_settings = load_settings(data_dir=str(other))
    _import(tmp_path, other_settings, NAME)
    shutil.copy(user_gazetteer_path(other_settings), user_gazetteer_path(settings))
    assert [e.name for e in gazetteer.lookup(NAME)] == [NAME]
    assert gazetteer.has_key(name_key(NAME))


def test_rows_written_by_another_connection_show(tmp_path: Path, settings: Settings) -> None:
    _import(tmp_path, settings, NAME)
    gazetteer = open_gazetteer(settings)
    (entry,) = gazetteer.lookup(NAME)
    with sqlite3.connect(user_gazetteer_path(settings)) as db:
        db.execute("UPDATE places SET population = population + 1234")
    assert gazetteer.lookup(NAME)[0].population == entry.population + 1234


def test_answers_are_copies(settings: Settings) -> None:
    gazetteer = open_gazetteer(settings)
    first = gazetteer.lookup("Aleppo")
    assert first
    first.clear()
    assert gazetteer.lookup("Aleppo")


def test_a_near_spelling_is_looked_for_once_until_the_user_file_changes(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rapidfuzz import process

    scans: list[str] = []
    extract = process.extractOne

    def counted(query, choices, **kwargs):  # type: ignore[no-untyped-def]
        scans.append(query)
        return extract(query, choices, **kwargs)

    monkeypatch.setattr(process, "extractOne", counted)
    gazetteer = open_gazetteer(settings)
    key = name_key("Khirbet Qasimiya")
    first = gazetteer.lookup_fuzzy(key, "SY")
    assert gazetteer.lookup_fuzzy(key, "SY") == first and scans == [key]
    _import(tmp_path, settings, NAME)
    gazetteer.lookup_fuzzy(key, "SY")
    assert scans == [key, key]  # the import made the remembered answer stale
