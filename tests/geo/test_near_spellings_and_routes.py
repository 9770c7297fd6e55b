"""Names the gazetteer knows under another spelling, routes named by their two ends,
and a local place that a small foreign namesake must not hide."""

from __future__ import annotations

from datetime import date

from frontlines.geo import load_geocoder
from frontlines.ingest import article_from_text
from frontlines.pipeline import default_pipeline


def _places(text: str, country: str | None = "Syria") -> dict[str, tuple[str | None, str | None]]:
    found = load_geocoder().mentions(text, country_hint=country)
    return {m.text: (m.place.country_code, m.place.admin1) for m in found if m.place}


def _events(text: str):  # type: ignore[no-untyped-def]
    article = article_from_text(text, published=date(2024, 5, 2))
    (result,) = list(default_pipeline().run([article]))
    return list(result.events)


def test_a_refused_foreign_namesake_does_not_hide_the_local_place() -> None:
    # Palmyra is the Syrian town's English name but the own name of small US towns,
    # whose exact spelling outscores it; in a report set in Syria they are refused.
    assert _places("Artillery was heard near Palmyra at dawn.")["Palmyra"] == ("SY", "Homs")


def test_a_weaker_foreign_reading_is_not_taken_instead() -> None:
    # In a Mexican report the word is a neighbourhood word, not Uruguay's department.
    text = "Gunmen opened fire on a shop in Colonia Las Flores, Tamaulipas."
    assert _places(text, "Mexico").get("Colonia", ("MX", None))[0] == "MX"


def test_a_name_after_in_matches_a_near_spelling_of_the_country() -> None:
    # The gazetteer spells the town "Darat 'Izzah"; reports write Darat Ezza.
    assert _places("Kurdish units fought rebels in Darat Ezza.")["Darat Ezza"] == ("SY", "Aleppo")


def test_a_near_spelling_outside_the_named_governorate_is_refused() -> None:
    # The report says the town is in Hama: a near spelling in Aleppo is another town.
    found = _places("Rebels fought troops in Darat Ezza, in the Hama countryside.")
    assert found.get("Darat Ezza", ("SY", "Hama"))[1] != "Aleppo"


def test_a_capitalised_word_after_in_is_no_place_by_itself() -> None:
    found = _places("The raids went on in Ramadan despite the truce.")
    assert "Ramadan" not in found


def test_near_spellings_are_for_transliterated_names_only() -> None:
    # One letter off Springvale, Maine: in English a near spelling is another name.
    assert "Springvail" not in _places("The storm hit in Springvail overnight.", "United States")


def test_a_route_names_the_places_it_joins() -> None:
    found = _places("Troops and rebels fought along the Homs-Damascus highway.")
    assert found["Homs"] == ("SY", "Homs") and found["Damascus"] == ("SY", "Damascus")


def test_a_route_is_one_event_at_its_first_end() -> None:
    (event,) = _events("Regime troops and rebels fought along the Hama-Aleppo highway on Monday.")
    assert (event.location, event.admin1, event.geo_precision) == ("Hamah", "Hama", 2)


def test_a_town_named_beside_the_route_is_the_event_place() -> None:
    text = (
        "Gunmen ambushed an army truck on the Damascus-Daraa road near the town of "
        "Khirbat Ghazalah, killing three soldiers."
    )
    (event,) = _events(text)
    assert event.admin1 == "Dara" and event.fatalities == 3


def test_a_country_prior_outvotes_a_lone_town_abroad() -> None:
    geocoder = load_geocoder()
    text = "Fighting broke out near Palmyra at dawn."
    with_prior = {m.text: m.place for m in geocoder.mentions(text, country_prior="Syria")}
    without = {m.text: m.place for m in geocoder.mentions(text)}
    assert with_prior["Palmyra"].country_code == "SY"
    assert without["Palmyra"].country_code == "US"


def test_a_province_the_report_names_outvotes_the_prior() -> None:
    # One state's forces abroad: the report's own governorate says where it is.
    text = "A patrol drove through the villages of Ar-Raqqa province."
    found = load_geocoder().mentions(text, country_prior="Russia")
    assert {m.place.country_code for m in found if m.place} == {"SY"}


def test_one_state_s_forces_alone_give_a_weak_country() -> None:
    assembler = default_pipeline().assembler
    alone = "Turkish troops shelled the outskirts of the town overnight."
    assert assembler.actor_country(alone) is None
    assert assembler.actor_country(alone, states_alone=True) == "Turkey"
    two = "Turkish troops and Iraqi soldiers exchanged fire overnight."
    assert assembler.actor_country(two, states_alone=True) is None
