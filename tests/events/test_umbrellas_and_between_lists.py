"""A group is coded under the umbrella it fights in now: one that two names share, not
one the report calls former."""

from __future__ import annotations


def test_a_plural_clause_puts_both_names_under_the_umbrella(pairs) -> None:
    # The name after the clause's closing ", and" is the other side.
    found = pairs(
        "Fighting broke out between Turkish-backed rebel factions and the SNA, which operate "
        "under Operation Peace Spring, and SDF fighters near Hajin."
    )
    assert {"Operation Peace Spring", "QSD: Syrian Democratic Forces"} in found, found


def test_a_former_operation_leads_no_side(pairs) -> None:
    found = pairs("Rebel factions of the former Operation Peace Spring fought IS cells near Hajin.")
    assert {"Opposition Rebels (Syria)", "Islamic State (Syria)"} in found, found


def test_an_umbrella_the_group_has_left_is_not_its_side(pairs) -> None:
    found = pairs(
        "SNA fighters who used to operate under Operation Peace Spring fought IS near Hajin."
    )
    assert {"JWS: Syrian National Army", "Islamic State (Syria)"} in found, found


def test_the_turkistani_party_is_the_turkistan_islamic_party(pairs) -> None:
    found = pairs("Regime forces clashed with the Turkistani Party near Saraqib.")
    assert {"Military Forces of Syria (2000-)", "TIP: Turkistan Islamic Party"} in found, found


def test_a_qualifier_closed_by_a_comma_ends_a_longer_first_side(pairs) -> None:
    # "between A and B, <clause>, and C": A and B fought C.
    found = pairs(
        "Clashes took place between HTS and the TIP, which are backed by Turkistani volunteers, "
        "and regime forces near Saraqib."
    )
    assert {"HTS: Hayat Tahrir al Sham", "Military Forces of Syria (2000-)"} in found, found
