"""A group whose fighting keeps to one region places the villages the gazetteer lacks
there (precision 3), ranks namesakes as if the report named the region, and rules
out no place elsewhere. Sentences are ours."""

from __future__ import annotations

from datetime import date
from importlib import resources

import pytest

import frontlines
from frontlines.errors import ConfigError
from frontlines.events.actors import ActorMention
from frontlines.events.lexicon import ActorEntry, load_lexicon
from frontlines.events.setting import RegionPrior, actors_regions
from frontlines.taxonomy import ActorKind

# A village name no gazetteer holds, announced by its cue.
UNKNOWN = "the village of Zawiyat Qurqumeen"


def _only(events):  # type: ignore[no-untyped-def]
    assert len(events) == 1, [(e.location, e.admin1) for e in events]
    return events[0]


def test_unknown_village_stands_in_the_groups_region_while_it_is_there() -> None:
    text = f"Khalid ibn al-Walid Army fighters clashed with rebels in {UNKNOWN}."
    event = _only(frontlines.extract(text, published=date(2017, 6, 1)))
    assert (event.location, event.country, event.admin1) == (
        "Zawiyat Qurqumeen", "Syria", "Dara",
    )  # fmt: skip
    assert event.geo_precision == 3
    # After the group left the region it says nothing of where a village lies.
    later = _only(frontlines.extract(text, published=date(2019, 6, 1)))
    assert later.admin1 is None and later.geo_precision == 3


def test_region_of_the_groups_does_not_rule_out_a_place_named_elsewhere() -> None:
    text = "Euphrates Shield factions shelled regime positions in Hama city."
    event = _only(frontlines.extract(text, published=date(2018, 3, 1)))
    assert (event.admin1, event.geo_precision) == ("Hama", 1)


def test_the_text_own_region_wins_over_the_groups() -> None:
    text = f"Jaysh al-Islam fighters attacked {UNKNOWN} in the Homs countryside."
    event = _only(frontlines.extract(text, published=date(2017, 6, 1)))
    assert event.admin1 == "Homs"


def _mention(entry: ActorEntry) -> ActorMention:
    return ActorMention(0, 1, entry.name, entry, None)


def test_groups_with_different_main_regions_give_no_prior() -> None:
    daraa = ActorEntry("A", ActorKind.REBEL_GROUP, "Syria", regions=("Dara",))
    aleppo = ActorEntry("B", ActorKind.REBEL_GROUP, "Syria", regions=("Aleppo", "Idleb"),
                        main_region="Aleppo")  # fmt: skip
    yarmouk = ActorEntry("C", ActorKind.REBEL_GROUP, "Syria", regions=("Dara", "Quneitra"),
                         main_region="Dara", regions_until=date(2018, 8, 31))  # fmt: skip
    border = ActorEntry("D", ActorKind.REBEL_GROUP, "Syria", regions=("Ar Raqqa", "Al Hasakeh"))
    plain = ActorEntry("E", ActorKind.REBEL_GROUP, "Syria")
    day = date(2017, 1, 1)
    assert actors_regions([_mention(daraa), _mention(plain), _mention(yarmouk)], day) == (
        RegionPrior(("Dara", "Quneitra"), "Dara")
    )
    assert actors_regions([_mention(daraa), _mention(aleppo)], day) == RegionPrior()
    # Two regions and no main one: ranked there, no area for an unknown village.
    assert actors_regions([_mention(border)], day) == RegionPrior(("Ar Raqqa", "Al Hasakeh"))
    assert actors_regions([_mention(yarmouk)], date(2019, 1, 1)) == RegionPrior()
    assert actors_regions([_mention(plain)], day) == RegionPrior()


def test_lexicon_regions_are_checked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    events = resources.files("frontlines.data").joinpath("events")
    for name in ("actors.toml", "generic.toml", "triggers.toml"):
        (tmp_path / name).write_text(events.joinpath(name).read_text("utf-8"), "utf-8")
    bad = '[[actor]]\nname = "X"\nkind = "rebel_group"\nregions = ["Dara"]\n'
    bad += 'regions_until = "soon"\n'
    (tmp_path / "actors_extra.toml").write_text(bad, "utf-8")
    with pytest.raises(ConfigError, match=r"actors_extra\.toml.*regions_until"):
        load_lexicon(str(tmp_path))
    bad = '[[actor]]\nname = "X"\nkind = "rebel_group"\nregions = ["Dara"]\n'
    (tmp_path / "actors_extra.toml").write_text(bad + 'main_region = "Homs"\n', "utf-8")
    with pytest.raises(ConfigError, match=r"actors_extra\.toml.*main_region"):
        load_lexicon(str(tmp_path))
    entry = load_lexicon().actor("Khalid ibn al Walid Army")
    assert entry is not None and entry.regions_on(date(2017, 1, 1)) == ("Dara",)
