"""Fatality conventions: deaths the parse ties to their verb, counts of things that
are not victims, and the coder's own statements of how a count is shared."""

from __future__ import annotations

import pytest

from frontlines.events.allocation import allocation, shares
from frontlines.events.numbers import fatalities
from frontlines.nlp.build import load_nlp


def _parsed(sentence: str) -> int | None:
    span = next(iter(load_nlp()(sentence).sents))
    return fatalities(span.text, span)


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        # a long subject keeps the verb far from its count
        (
            "Nine members of the northern brigade and its allied militia were killed near the dam.",
            9,
        ),
        ("Two soldiers belonging to the border units and a farmer were killed in the raid.", 3),
        ("A militia commander and another guard were killed at the checkpoint.", 2),
        ("Four volunteers from the relief column were reported killed.", 4),
        ("Five guards from the old garrison died of their wounds.", 5),
        ("The rebels lost 3 fighters in the assault.", 3),
        ("One guard was shot by a sniper near the bridge.", 1),
        ("Tens of attackers were killed during the night.", 10),
    ],
)
def test_the_parse_ties_a_count_to_its_death_verb(sentence: str, count: int) -> None:
    assert _parsed(sentence) == count


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        # a figure inside "including" is part of the one before it
        ("The shelling killed 8 people, including 3 children.", 8),
        # counts of places, weapons and prisoners are no deaths
        ("Six guards were killed in clashes in several districts of the town.", 6),
        ("The unit raided the base, killing 12 guards and capturing 4 in addition to destroying"
         " 2 trucks.", 12),
        ("The gunmen managed to kill 5 and injure 7 policemen.", 5),
        ("A gunman killed a driver on the road between two villages.", 1),
        # the figure a clash resulted in
        ("Fighting in the hills resulted in 4 deaths.", 4),
        # a single person named beside the sentence's total is within it
        ("Gunmen killed a guard and his driver near the river, 2 fatalities.", 2),
    ],
)  # fmt: skip
def test_counts_that_are_not_more_victims(sentence: str, count: int) -> None:
    assert _parsed(sentence) == count


def test_a_lone_tolled_death_told_as_cause_is_not_counted() -> None:
    assert _parsed("Villagers rioted after a boy died in police custody.") is None


def test_a_count_split_over_a_stated_number_of_places() -> None:
    plan = allocation("An unknown toll coded as 10 and split between the 2 locations.")
    assert plan is not None and plan.parts == 2
    assert shares(10, plan, [["Upper Mill"]]) == [5]
    # the remainder goes one by one to the first places; an event that cannot be told
    # from the others gets the part most places get
    plan = allocation("The toll is distributed over four locations.")
    assert plan is not None
    assert shares(10, plan, [["A"], ["B"], ["C"], ["D"]]) == [3, 3, 2, 2]
    assert shares(7, plan, [["A"]]) == [2]


def test_a_listed_place_takes_its_position_in_the_list() -> None:
    plan = allocation(
        "Fatalities distributed over three locations: Red Hill, Stone Bridge and Old Mill."
    )
    assert plan is not None and plan.names == ["Red Hill", "Stone Bridge", "Old Mill"]
    assert shares(4, plan, [["Stone Bridge"], ["Red Hill"]]) == [1, 2]
    # a spelling of the same name still finds its place
    assert shares(4, plan, [["Stone Brigde"]]) == [1]


def test_figures_given_to_named_places() -> None:
    plan = allocation(
        "Unknown toll coded as 10 and split between locations: Red Hill (3) and Old Mill (7)."
    )
    assert plan is not None
    assert shares(10, plan, [["Old Mill"], ["Red Hill"]]) == [7, 3]
    plan = allocation(
        "The toll was divided between the 3 places, Red Hill and Old Mill each allocated 4"
        " and Dry Well allocated 2."
    )
    assert plan is not None
    assert shares(10, plan, [["Old Mill"]]) == [4]
    plan = allocation("The fatalities are divided 6/5 on Red Hill and Old Mill.")
    assert plan is not None
    assert shares(11, plan, [["Old Mill"]]) == [5]
    plan = allocation(
        "Fatalities split between four locations as follows:"
        " Red Hill 3, Old Mill 1, Dry Well 1, Low Ford 1."
    )
    assert plan is not None
    assert shares(6, plan, [["Red Hill"], ["Low Ford"]]) == [3, 1]


def test_no_split_without_the_coders_words() -> None:
    assert allocation("The convoy was spread over the road for a mile.") is None
    assert allocation("Clashes spread to three villages.") is None
    plan = allocation("Divided on Red Hill and Old Mill.")
    assert plan is not None and plan.names == ["Red Hill", "Old Mill"]
    assert allocation("Three fighters were killed near the river.") is None


def test_a_place_that_locates_another_takes_no_part_of_the_count(code) -> None:
    # "Kafr Naya near Tall Rifaat": one location, named with the town it lies by
    events = code(
        "On Monday, rebels clashed with the army in Kafr Naya near Tall Rifaat, killing 6."
    )
    assert len(events) == 2
    assert all(e.fatalities == 6 for e in events)


def test_a_count_over_two_separate_places_is_still_split(code) -> None:
    events = code(
        "On Monday, rebels clashed with the army in Hajin and Saraqib, killing 6 fighters."
    )
    assert sorted(e.fatalities for e in events) == [3, 3]


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("A guard of Regiment 47 was killed when his post came under fire.", 1),
        ("Two conscripts of Division 25 were killed in an ambush on the road.", 2),
        ("Gunmen of Battalion 9 killed 3 shepherds near Hill 61.", 3),
        ("A driver was shot dead at Checkpoint 14 on Route 7.", 1),
    ],
)
def test_a_number_naming_a_unit_or_landmark_is_no_count(sentence: str, count: int) -> None:
    # with and without the parse: both paths must see that the number is a name
    assert fatalities(sentence) == count
    assert _parsed(sentence) == count


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Militants shot dead 2 guards at the gate of the depot. 2 fatalities.", 2),
        ("Militants shot dead 2 guards at the gate of the depot. 3 fatalities.", 3),
        ("Militants shot dead 2 guards at the gate of the depot. Three deaths.", 3),
    ],
)
def test_a_closing_total_left_inside_the_sentence_is_the_total(sentence: str, count: int) -> None:
    assert fatalities(sentence) == count


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Masked men stopped the bus of a teacher and killed him near the market.", 1),
        ("The body of 1 worker of the water station was found by the canal.", 1),
        ("Rebels stormed the post and wounded 20 guards. Fatalities coded to half, 10.", 10),
        ("Medics buried 3 COVID-19 victims who were killed in the blast.", 3),
        ("A guard's body was found in his shed, killed by unknown gunmen.", 1),
        ("A militiaman shot dead another member of his own unit at the market.", 1),
        ("A shepherd was accidentally shot and killed by a patrol near the dam.", 1),
    ],
)
def test_single_deaths_coded_figures_and_model_numbers(sentence: str, count: int) -> None:
    assert fatalities(sentence) == count


def test_a_body_found_after_a_long_description_of_the_victim_is_an_event() -> None:
    from datetime import date

    import frontlines

    text = (
        "On 4 March 2021, the body of a former member of the local reconciliation "
        "committee was found near Inkhil in Daraa."
    )
    events = frontlines.extract(text, published=date(2021, 3, 5))
    assert [(e.location, e.fatalities) for e in events] == [("Inkhil", 1)]
