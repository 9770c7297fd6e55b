"""Which front a report is set on, from its words and its day."""

from __future__ import annotations

from datetime import date

from frontlines.events.lexicon import load_lexicon
from frontlines.events.setting import report_setting

FRONTS = load_lexicon().fronts
BEFORE_INVASION = date(2020, 5, 1)
AFTER_INVASION = date(2023, 5, 1)


def test_a_monitoring_mission_sets_the_report_on_its_front() -> None:
    text = "The OSCE SMM recorded 40 explosions near a village."
    setting = report_setting(FRONTS, text, BEFORE_INVASION, None)
    assert setting.country == "Ukraine" and set(setting.regions) == {"Donetsk", "Luhansk"}


def test_common_war_words_need_the_country_first() -> None:
    text = "Fire was exchanged across the contact line near a village."
    assert report_setting(FRONTS, text, BEFORE_INVASION, None).regions == ()
    assert "Luhansk" in report_setting(FRONTS, text, BEFORE_INVASION, "Ukraine").regions
    # Another war's contact line says nothing about Ukraine's.
    assert report_setting(FRONTS, text, BEFORE_INVASION, "Azerbaijan").regions == ()


def test_a_front_counts_only_on_its_days() -> None:
    text = "The OSCE SMM recorded 40 explosions near a village."
    later = report_setting(FRONTS, text, AFTER_INVASION, None)
    assert later.regions == () and later.country is None
    assert report_setting(FRONTS, text, None, None).regions == ()


def test_acronyms_match_in_capitals_only() -> None:
    text = "An smm campaign was launched near a village."
    assert report_setting(FRONTS, text, BEFORE_INVASION, None).regions == ()
