"""Ranking rules for local and international news, on sentences written for these tests."""

from __future__ import annotations

import pytest

from frontlines.geo import load_geocoder
from frontlines.geo.coherence import support
from frontlines.geo.find import Candidate
from frontlines.geo.gazetteer import Entry
from frontlines.geo.names import name_key
from frontlines.geo.ranking import Ranker, haversine_km


@pytest.fixture(scope="module")
def geocoder():
    return load_geocoder()


def _entry(id_: int, name: str, lat: float, lon: float, cc: str, admin1: str, pop: int) -> Entry:
    return Entry(id_, None, name, lat, lon, "PPL", cc, None, admin1, None, None, pop, "geonames")


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_state_abbreviation_after_a_town_is_the_state(geocoder) -> None:
    text = "The plant closed in Paris, Tex., and reopened in Louisville, Ky., last spring."
    places = {m.text: m.place for m in geocoder.mentions(text)}
    assert places["Tex."].feature_code == "ADM1" and places["Tex."].admin1 == "Texas"
    assert places["Paris"].admin1 == "Texas"
    assert places["Ky."].admin1 == "Kentucky" and places["Louisville"].admin1 == "Kentucky"


def test_dc_is_the_capital(geocoder) -> None:
    text = "Lobbyists flew to Washington, D.C., on Tuesday."
    places = {m.text: m.place for m in geocoder.mentions(text)}
    assert places["D.C."].feature_code == "PPLC"
    assert places["Washington"].feature_code == "PPLC"


def test_abbreviation_words_are_not_states_without_their_dot(geocoder) -> None:
    texts = {m.text for m in geocoder.mentions("Miss Alvarez sang at Mass with Pa and Ma.")}
    assert not texts & {"Miss", "Mass", "Pa"}


def test_one_capital_per_country(geocoder) -> None:
    capitals = [e for e in geocoder.gazetteer.lookup("Washington") if e.feature_code == "PPLC"]
    assert len(capitals) == 1 and capitals[0].population > 500_000


def test_a_province_stands_at_the_middle_of_its_towns_not_their_mean(geocoder) -> None:
    # Ontario's towns crowd its south; its own point is far north of Toronto.
    ontario = next(e for e in geocoder.gazetteer.lookup("Ontario") if e.feature_code == "ADM1")
    assert ontario.latitude > 46.0


def test_plural_demonyms_name_their_country(geocoder) -> None:
    text = "Canadians and Russians queued at the border."
    canada, russia = geocoder.resolve_spans(text, _spans(text, "Canadians", "Russians"))
    assert canada is not None and canada.country_code == "CA"
    assert russia is not None and russia.country_code == "RU"


def test_names_of_one_report_agree_on_a_state(geocoder) -> None:
    # Every one of these names has namesakes in several states; only Illinois has all.
    text = "Buses run from Springfield to Decatur, Champaign, Bloomington and Peoria."
    places = {m.text: m.place for m in geocoder.mentions(text)}
    assert places["Springfield"].admin1 == "Illinois"
    assert places["Decatur"].admin1 == "Illinois"


def test_unknown_street_of_a_local_report_falls_back_to_its_town(geocoder) -> None:
    text = (
        "Fresno firefighters were called to Quillmoor Lane early on Sunday. "
        "The blaze was the third in Fresno this month."
    )
    (street,) = geocoder.resolve_spans(text, _spans(text, "Quillmoor Lane"))
    assert street is not None and street.geo_precision == 3
    assert street.name == "Quillmoor Lane" and street.admin1 == "California"
    assert haversine_km(street.latitude, street.longitude, 36.75, -119.77) < 20


def test_person_names_are_not_places(geocoder) -> None:
    text = "Tom Jones thanked Sen. Clark and Coach Lincoln; Jones left for Denver."
    texts = {m.text for m in geocoder.mentions(text)}
    assert texts == {"Denver"}


def test_qualified_place_names_are_kept(geocoder) -> None:
    texts = {m.text for m in geocoder.mentions("Shelling hit Eastern Ghouta and Fort Worth.")}
    assert {"Eastern Ghouta", "Fort Worth"} <= texts


def test_a_province_smaller_than_a_town_abroad_does_not_set_the_country(geocoder) -> None:
    # Portland is a Jamaican parish, and a far bigger American city.
    (mention,) = geocoder.mentions("Portland police closed the bridge on Friday.")
    assert mention.place is not None and mention.place.country_code == "US"


def test_exact_spelling_outranks_a_folded_namesake(geocoder) -> None:
    ranker = Ranker(geocoder.gazetteer)
    paris = _entry(1, "Paris", 30.0, -90.0, "US", "Louisiana", 1000)
    parrish = _entry(2, "Parrish", 31.0, -91.0, "US", "Louisiana", 1200)
    candidate = Candidate(0, 5, "Paris", name_key("Paris"), True)
    assert ranker.best(candidate, [parrish, paris], ["US"], [], None, []) == paris


def test_spelling_is_no_evidence_where_names_are_transliterated(geocoder) -> None:
    ranker = Ranker(geocoder.gazetteer)
    small = _entry(1, "Tal Abyad", 36.7, 38.9, "SY", "Ar Raqqa", 1000)
    large = _entry(2, "Tall Abyad", 36.7, 38.95, "SY", "Ar Raqqa", 5000)
    candidate = Candidate(0, 9, "Tal Abyad", name_key("Tal Abyad"), True)
    assert ranker.best(candidate, [small, large], ["SY"], [], None, []) == large


def test_support_comes_from_other_names_nearby() -> None:
    near = _entry(1, "Alpha", 40.0, -89.0, "US", "Illinois", 1000)
    far = _entry(2, "Alpha", 40.0, -75.0, "US", "Pennsylvania", 1000)
    other = _entry(3, "Beta", 40.2, -89.2, "US", "Illinois", 1000)
    scores = support([[near, far], [other]], lambda _, e: 0.0)
    assert scores[near.id] > 0.9 and scores.get(far.id, 0.0) == 0.0


def test_a_possessive_names_its_place(geocoder) -> None:
    places = {m.text: m.place for m in geocoder.mentions("Nevada's governor toured Reno.")}
    assert places["Nevada"].feature_code == "ADM1"


def test_an_office_of_a_country_is_not_a_person(geocoder) -> None:
    text = "The Deputy Minister of Defence of Azerbaijan spoke. Azerbaijan later denied it."
    mentions = [m for m in geocoder.mentions(text) if m.text == "Azerbaijan"]
    assert len(mentions) == 2


def test_a_country_named_like_a_state_splits_its_vote(geocoder) -> None:
    text = "Athens and Macon are both in Georgia, an hour from Augusta."
    places = {m.text: m.place for m in geocoder.mentions(text)}
    assert places["Georgia"].country_code == "US" and places["Athens"].country_code == "US"


def test_an_unsupported_hamlet_far_from_the_focus_is_a_stray_namesake() -> None:
    from frontlines.geo.resolve import _stray
    from frontlines.model import Place

    focus = Place(name="Fresno", latitude=36.75, longitude=-119.77, geo_precision=1)
    far = _entry(1, "Tinyville", 40.0, -80.0, "US", "Ohio", 800)
    near = _entry(2, "Tinyville", 36.8, -119.9, "US", "California", 800)
    assert _stray(far, focus, {})
    assert not _stray(near, focus, {})
    assert not _stray(far, focus, {far.id: 1.0})  # another name of the report is near it
