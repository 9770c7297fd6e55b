"""Neutral notes: a short summary written from the coded fields (templates in
``data/events/notes.toml``), plus the claims the report hedged."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from functools import lru_cache
from importlib import resources

from frontlines.taxonomy import TimePrecision

_CODE_PREFIX = re.compile(r"^[A-Za-z]{2,5}: ")
_PERIOD = re.compile(r" \(\d{4}-(?:\d{4})?\)")


@lru_cache(maxsize=1)
def _templates() -> dict[str, str]:
    text = resources.files("frontlines.data").joinpath("events", "notes.toml").read_text()
    return dict(tomllib.loads(text)["templates"])


def display_name(actor: str | None) -> str:
    """ACLED name without its code prefix and period: readable in running text."""
    if not actor:
        return "an unidentified party"
    name = _CODE_PREFIX.sub("", actor)
    return _PERIOD.sub("", name)


def when(value: date | None, precision: int) -> str:
    if value is None:
        return "On an unreported date"
    if precision == TimePrecision.MONTH:
        return f"In {value:%B %Y}"
    if precision == TimePrecision.WEEK:
        return f"In the week of {value.day} {value:%B %Y}"
    return f"On {value.day} {value:%B %Y}"


def write_note(
    *,
    template: str,
    event_date: date | None,
    time_precision: int,
    actor1: str,
    actor2: str | None,
    assoc_actor_1: tuple[str, ...],
    place: str,
    hedge: str | None = None,
    attributed_to: str | None = None,
    losses: tuple[str, ...] = (),
    loser: str | None = None,
    losses_hedged: bool = False,
    fatalities: int | None = None,
) -> str:
    templates = _templates()
    text = templates.get(template) or templates["Other"]
    a2 = display_name(actor2) if actor2 else "another party"
    assoc_names = [display_name(a.removeprefix(actor1).strip() or a) for a in assoc_actor_1]
    assoc = f" (with {', '.join(assoc_names)})" if assoc_actor_1 else ""
    note = text.format(
        when=when(event_date, time_precision),
        actor1=display_name(actor1),
        actor2=a2,
        assoc1=assoc,
        place=place,
        from_actor2=f" from {a2}" if actor2 else "",
        on_actor2=f", targeting {a2}" if actor2 else "",
        with_actor2=f" with {a2}" if actor2 else "",
    )
    if attributed_to:
        note = f"According to {attributed_to}, {note[0].lower()}{note[1:]}"
    elif hedge:
        note = f"Reportedly, {note[0].lower()}{note[1:]}"
    extras: list[str] = []
    if losses:
        who = display_name(loser) if loser else "One side"
        verb = "reportedly lost" if losses_hedged else "lost"
        extras.append(f"{who} {verb} {_join(losses)}.")
    if fatalities:
        extras.append(f"{fatalities} fatalit{'y' if fatalities == 1 else 'ies'} reported.")
    return " ".join([note, *extras])


def _join(items: tuple[str, ...]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]
