"""A capital spelled as written is the capital, not a small town a loose key reaches,
whatever country the report's other names vote for. Sentences are ours."""

from __future__ import annotations

from frontlines.geo import load_geocoder


def test_capital_spelled_as_written_beats_a_near_spelling_in_the_voted_country() -> None:
    text = (
        "U.S. officials said a car bomb killed 12 people in Baghdad on Monday. "
        "The U.S. embassy condemned the attack, and U.S. troops were not involved. "
        "Police in Baghdad closed the roads."
    )
    places = [m.place for m in load_geocoder().mentions(text) if m.text == "Baghdad"]
    assert len(places) == 2
    assert {p.country_code for p in places if p is not None} == {"IQ"}


def test_a_town_spelled_as_written_keeps_its_country() -> None:
    # Athens, Ohio is spelled as the capital of Greece is: the report's state says.
    text = "Police in Athens, Ohio, arrested two men. Athens police said they were students."
    places = [m.place for m in load_geocoder().mentions(text) if m.text == "Athens"]
    assert places and all(p is not None and p.country_code == "US" for p in places)
