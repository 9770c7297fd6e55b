"""Candidate spans: exact character offsets, whole compound names, cue phrases."""

from __future__ import annotations

import pytest

from frontlines.geo import load_geocoder
from frontlines.geo.find import find_candidates


@pytest.fixture(scope="module")
def gazetteer():
    return load_geocoder().gazetteer


def _spans(text: str, gazetteer) -> dict[str, tuple[int, int]]:
    return {c.text: (c.start, c.end) for c in find_candidates(text, gazetteer)}


def test_village_list_gives_exact_spans(gazetteer) -> None:
    text = "Rebels seized the villages of Tall Jabin, Hardatnin and al-Mallah north of Aleppo"
    spans = _spans(text, gazetteer)
    for name in ("Tall Jabin", "Hardatnin", "al-Mallah", "Aleppo"):
        start, end = spans[name]
        assert text[start:end] == name


def test_compound_names_with_particles_are_kept_whole(gazetteer) -> None:
    text = (
        "Fighters moved into the villages of Abu Hamra al-Kabir, Khirbat al-Tin and "
        "Mazrat al-Sheikh, west of Raqqa."
    )
    spans = _spans(text, gazetteer)
    assert {"Abu Hamra al-Kabir", "Khirbat al-Tin", "Mazrat al-Sheikh"} <= set(spans)
    assert "Tin" not in spans and "Sheikh" not in spans


def test_feature_words_give_hints(gazetteer) -> None:
    text = "Jets struck the Shayrat airbase and the town of Saraqib."
    by_text = {c.text: c for c in find_candidates(text, gazetteer)}
    airbase = next(c for t, c in by_text.items() if t.startswith("Shayrat"))
    assert airbase.feature_hint == "AIRB" or "airbase" in airbase.text
    assert by_text["Saraqib"].feature_hint == "PPL"


def test_relative_cue_marks_the_anchor(gazetteer) -> None:
    text = "Shells fell 4 km north of Manbij and on the outskirts of Jarablus."
    by_text = {c.text: c for c in find_candidates(text, gazetteer)}
    assert by_text["Manbij"].relative and by_text["Jarablus"].relative


def test_group_names_are_not_places(gazetteer) -> None:
    text = "Ahrar al-Sham and the Hamza Brigade clashed with the Manbij Military Council."
    assert _spans(text, gazetteer) == {}


def test_unknown_name_after_cue_is_a_candidate(gazetteer) -> None:
    text = "Clashes went on in Zaytunat Qarqur village all night."
    spans = _spans(text, gazetteer)
    assert "Zaytunat Qarqur" in spans


def test_an_abbreviated_head_with_its_full_stop_is_one_name() -> None:
    text = "The convoy left St. Petersburg for Ft. Lauderdale via Mt. Vernon."
    spans = {c.text for c in find_candidates(text, load_geocoder().gazetteer)}
    assert {"St. Petersburg", "Ft. Lauderdale", "Mt. Vernon"} <= spans
    assert "Petersburg" not in spans and "Lauderdale" not in spans


def test_a_given_name_and_unknown_surname_are_a_person(gazetteer) -> None:
    spans = _spans("The board thanked incumbent Scott Mabery. Darla Quenby spoke next.", gazetteer)
    assert "Scott" not in spans and "Darla" not in spans


def test_place_words_and_the_things_named_after_places_are_kept(gazetteer) -> None:
    text = (
        "Grants went to the Dublin Historical Society and to Homs Refinery. "
        "Clashes were reported in Tal Hawash."
    )
    spans = _spans(text, gazetteer)
    assert {"Dublin", "Homs"} <= set(spans)
    assert any("Hawash" in name for name in spans)


def test_a_surname_that_is_a_county_name_is_a_person(gazetteer) -> None:
    spans = _spans("Deputy Kevin George Baker said the road was closed.", gazetteer)
    assert "Baker" not in spans


def test_a_lone_word_before_a_number_is_a_numbered_unit(gazetteer) -> None:
    spans = _spans("Two units, Pack 122 and Troop 9, collected food in Norfolk.", gazetteer)
    assert "Pack" not in spans and "Troop" not in spans and "Norfolk" in spans


def test_place_behind_an_arabic_construct_is_not_taken(gazetteer) -> None:
    # "Suqour al-Sham" (the hawks of the Levant) is a group, "Barr al Sham" a place of
    # its own: neither is Damascus, which "Sham" also names.
    text = "Suqour al-Sham fighters clashed near Barr al Sham and in Saraqib."
    spans = _spans(text, gazetteer)
    assert "Saraqib" in spans
    assert not {"al-Sham", "Sham", "al Sham"} & set(spans)


def test_place_after_an_english_word_or_acronym_is_kept(gazetteer) -> None:
    text = "Turkish forces shelled Northern al-Bab while SDF al-Bab units withdrew."
    assert sum(c.text == "al-Bab" for c in find_candidates(text, gazetteer)) == 2


def test_gate_and_house_heads_keep_their_compound_whole(gazetteer) -> None:
    # "Bab" (gate) and "Dar" (house) begin names; alone they spell al-Bab and Daraa.
    text = "Rebels shelled Bab al-Kheir and Dar al-Fakhr at dawn."
    spans = _spans(text, gazetteer)
    assert {"Bab al-Kheir", "Dar al-Fakhr"} <= set(spans)
    assert not {"Bab", "Dar", "Bab al", "Dar al"} & set(spans)


def test_portuguese_particles_join_a_name(gazetteer) -> None:
    # "Mato Grosso do Sul" is one state, not Mato Grosso and a word after it.
    text = "Police seized a truck in Campo Grande, Mato Grosso do Sul, on Friday."
    spans = _spans(text, gazetteer)
    assert "Mato Grosso do Sul" in spans and "Mato Grosso" not in spans
