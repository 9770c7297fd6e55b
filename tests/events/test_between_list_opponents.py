"""A capture whose own clause names only the winner takes the loser from the
"between" list of the fighting that led to it."""

from __future__ import annotations


def test_the_capture_was_from_the_other_side_of_the_list(pairs) -> None:
    # The parse hangs HTS under the support phrase; the list still puts it opposite.
    found = pairs(
        "Regime forces took control of Saraqib after fighting between regime forces, backed "
        "by allied militias, and HTS and other factions."
    )
    assert {"Military Forces of Syria (2000-)", "HTS: Hayat Tahrir al Sham"} in found, found
