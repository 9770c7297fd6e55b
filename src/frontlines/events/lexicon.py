"""The event-coding lexicons, read from the data files in ``frontlines/data/events``.

Analysts extend these files, not this module: ``actors.toml`` and any other
``actors_*.toml`` (canonical actors and aliases), ``generic.toml`` (phrases such as
"government troops" that resolve from context) and ``triggers.toml`` (trigger words
and ACLED sub-event rules).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from frontlines.errors import ConfigError
from frontlines.taxonomy import ActorKind, SubEventType

GENERIC_ROLE_KINDS: dict[str, ActorKind] = {
    "state": ActorKind.STATE_FORCES,
    "police": ActorKind.STATE_FORCES,
    "rebels": ActorKind.REBEL_GROUP,
    "anaphor": ActorKind.POLITICAL_MILITIA,
    "unidentified": ActorKind.POLITICAL_MILITIA,
    "gang": ActorKind.POLITICAL_MILITIA,
    "local": ActorKind.IDENTITY_MILITIA,
    "civilians": ActorKind.CIVILIANS,
    "crowd": ActorKind.CIVILIANS,
    "protesters": ActorKind.PROTESTERS,
    "rioters": ActorKind.RIOTERS,
}


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A canonical actor: ACLED-style name, kind and home country."""

    name: str
    kind: ActorKind
    country: str | None = None
    parent: str | None = None
    allied_with_state: bool = False
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    # The aliases name this actor only in reports set in its country ("the 17th
    # Division"); elsewhere they stand for that country's own forces.
    home_only: bool = False
    # ACLED's catch-all for unnamed groups of a kind ("Islamist Militia (Syria)"): a
    # named group fighting beside it leads the side.
    collective: bool = False
    # A joint operation whose state forces, when named, lead its side (ACLED's coding
    # of "Operation Olive Branch"); other operations lead their state's forces.
    state_led: bool = False
    # ACLED's earlier names of the actor, each used for events before its date
    # ("Military Forces of Israel (2009-2021)" until 13 June 2021), oldest first.
    periods: tuple[tuple[str, date], ...] = ()
    # The first-level units (geo's admin1 names) a group fights in when its area of
    # operations is that small ("Khalid ibn al Walid Army": Daraa's Yarmouk Basin),
    # up to a date when it left them: a prior for where a report naming it is set.
    # Its main one (the only one, unless told) is where most of its fighting is.
    regions: tuple[str, ...] = ()
    regions_until: date | None = None
    main_region: str | None = None

    def regions_on(self, day: date | None) -> tuple[str, ...]:
        """The group's regions for a report of ``day`` (none once it has left them)."""
        if self.regions_until is not None and (day is None or day > self.regions_until):
            return ()
        return self.regions

    def main_region_on(self, day: date | None) -> str | None:
        regions = self.regions_on(day)
        if self.main_region is not None and regions:
            return self.main_region
        return regions[0] if len(regions) == 1 else None

    def name_on(self, day: date | None) -> str:
        """The actor's ACLED name for an event on ``day``."""
        if day is not None:
            for name, until in self.periods:
                if day < until:
                    return name
        return self.name


@dataclass(frozen=True, slots=True)
class TriggerClass:
    """One kind of happening and the ACLED sub-event rules it implies."""

    name: str
    priority: int
    sub_event: SubEventType | None = None
    state: SubEventType | None = None
    non_state: SubEventType | None = None
    failed: SubEventType | None = None
    against_civilians: SubEventType | None = None
    armed_target: SubEventType | None = None
    intervention: SubEventType | None = None
    excessive: SubEventType | None = None
    transfers_control: bool = False
    lemmas: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    weak_phrases: tuple[str, ...] = ()
    object_place_lemmas: tuple[str, ...] = ()
    partial_objects: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Front:
    """A war with a front line where monitors count fire they cannot attribute: ACLED
    codes an exchange across it with no side named as between its two sides."""

    country: str
    sides: tuple[str, str]
    admin1: frozenset[str]  # folded names of the regions the front runs through
    since: date | None = None
    until: date | None = None
    regions: tuple[str, ...] = ()  # the same regions as written (geo's admin1 names)
    # Words that set a report on this front by themselves ("OSCE SMM"), and words that
    # do once the report is known to be set in the front's country ("the contact line").
    cues: tuple[str, ...] = ()
    words: tuple[str, ...] = ()

    def active(self, day: date | None) -> bool:
        if day is None:
            return False
        if self.since is not None and day < self.since:
            return False
        return self.until is None or day <= self.until

    def covers(self, country: str | None, admin1: str | None, day: date | None) -> bool:
        if country != self.country or admin1 is None or not self.active(day):
            return False
        return _fold(admin1) in self.admin1


def names_operation(name: str) -> bool:
    """An actor named as a joint military operation: ACLED writes them "Operation X"
    ("Operation Peace Spring"), a coalition of forces under one banner for a time,
    not a standing force."""
    return name.startswith("Operation ")


def _fold(name: str) -> str:
    return "".join(c for c in name.casefold() if c.isalnum())


@dataclass(frozen=True, slots=True)
class Lexicon:
    actors: tuple[ActorEntry, ...]
    generic_phrases: dict[str, str]  # phrase -> role
    templates: dict[str, dict[str, str]]  # "" (default) or country -> role -> name
    classes: dict[str, TriggerClass]
    modifiers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_name: dict[str, ActorEntry] = field(default_factory=dict)
    fronts: tuple[Front, ...] = ()
    # (country, words): wording only reports on that country's war use ("regime forces"
    # for Syria's), which sets a report there when nothing else does.
    country_words: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def actor(self, name: str) -> ActorEntry | None:
        return self.by_name.get(name)

    def front_sides(
        self, country: str | None, admin1: str | None, day: date | None
    ) -> tuple[str, str] | None:
        """The two sides of the front an event in this region on this day is on."""
        for front in self.fronts:
            if front.covers(country, admin1, day):
                return front.sides
        return None

    def generic_name(self, role: str, country: str | None) -> str:
        """ACLED-style name of a generic actor ("Civilians (Syria)") for a country."""
        country_name = country or "Unknown"
        specific = self.templates.get(country_name, {})
        template = specific.get(role) or self.templates[""][role]
        return template.format(country=country_name)


def _actor_files(directory: Path | None) -> list[str]:
    """``actors.toml`` first, then the other ``actors_*.toml`` files by name."""
    if directory is None:
        names = [f.name for f in resources.files("frontlines.data").joinpath("events").iterdir()]
    else:
        names = [f.name for f in directory.iterdir()] if directory.is_dir() else []
    extra = sorted(n for n in names if n.startswith("actors_") and n.endswith(".toml"))
    return ["actors.toml", *extra]


def _read_toml(directory: Path | None, name: str) -> dict[str, Any]:
    try:
        if directory is None:
            text = resources.files("frontlines.data").joinpath("events", name).read_text("utf-8")
        else:
            text = (directory / name).read_text("utf-8")
        return tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read lexicon {name}: {exc}", source=name) from exc


def _sub_event(value: Any, where: str) -> SubEventType | None:
    if value is None:
        return None
    try:
        return SubEventType(value)
    except ValueError as exc:
        raise ConfigError(f"{where}: {value!r} is not an ACLED sub-event type") from exc


def _actors(data: dict[str, Any], source: str) -> tuple[ActorEntry, ...]:
    entries = []
    for raw in data.get("actor", []):
        try:
            kind = ActorKind.from_name(raw["kind"])
        except KeyError as exc:
            raise ConfigError(
                f"{source}: actor {raw.get('name')!r} has a bad kind", source=source
            ) from exc
        entries.append(
            ActorEntry(
                name=raw["name"],
                kind=kind,
                country=raw.get("country"),
                parent=raw.get("parent"),
                allied_with_state=bool(raw.get("allied_with_state", False)),
                aliases=tuple(raw.get("aliases", ())),
                acronyms=tuple(raw.get("acronyms", ())),
                home_only=bool(raw.get("home_only", False)),
                collective=bool(raw.get("collective", False)),
                state_led=bool(raw.get("state_led", False)),
                periods=_periods(raw, source),
                regions=tuple(str(r) for r in raw.get("regions", ())),
                regions_until=_date_or_none(raw, "regions_until", source),
                main_region=_main_region(raw, source),
            )
        )
    return tuple(entries)


def _main_region(raw: dict[str, Any], source: str) -> str | None:
    main = raw.get("main_region")
    if main is not None and main not in raw.get("regions", ()):
        raise ConfigError(
            f"{source}: actor {raw.get('name')!r}: main_region {main!r} is not one of its regions",
            source=source,
        )
    return None if main is None else str(main)


def _date_or_none(raw: dict[str, Any], key: str, source: str) -> date | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, date):
        raise ConfigError(
            f"{source}: actor {raw.get('name')!r}: {key} must be a date (YYYY-MM-DD)",
            source=source,
        )
    return value


# "Russian forces", "Iraqi army", "US troops": a state force's alias that names it by
# its demonym.
_DEMONYM_ALIAS = re.compile(r"^(?P<demonym>[A-Z][\w.]+) (?:forces|army|troops|military)$")


def with_force_nouns(
    actors: tuple[ActorEntry, ...], nouns: tuple[str, ...]
) -> tuple[ActorEntry, ...]:
    """Each top-level state force also named as "<Demonym> <noun>" ("Russian shelling")
    for the nouns of generic.toml [force_nouns]; a demonym two forces share is left out
    (it would not say which one)."""
    owners: dict[str, list[int]] = {}
    for index, entry in enumerate(actors):
        if entry.kind is not ActorKind.STATE_FORCES or entry.parent is not None:
            continue
        demonyms = {m.group("demonym") for a in entry.aliases if (m := _DEMONYM_ALIAS.match(a))}
        for demonym in demonyms:
            owners.setdefault(demonym, []).append(index)
    extra: dict[int, list[str]] = {}
    for demonym, indexes in owners.items():
        if len(indexes) == 1:
            extra.setdefault(indexes[0], []).extend(f"{demonym} {noun}" for noun in nouns)
    out = []
    for index, entry in enumerate(actors):
        added = [a for a in extra.get(index, ()) if a.casefold() not in
                 {b.casefold() for b in entry.aliases}]  # fmt: skip
        out.append(replace(entry, aliases=(*entry.aliases, *added)) if added else entry)
    return tuple(out)


def _periods(raw: dict[str, Any], source: str) -> tuple[tuple[str, date], ...]:
    periods = []
    for period in raw.get("periods", ()):
        until = period.get("until")
        if not isinstance(until, date) or not period.get("name"):
            raise ConfigError(
                f"{source}: actor {raw.get('name')!r}: a period needs a name and an until date",
                source=source,
            )
        periods.append((str(period["name"]), until))
    return tuple(sorted(periods, key=lambda p: p[1]))


def _classes(data: dict[str, Any]) -> dict[str, TriggerClass]:
    classes: dict[str, TriggerClass] = {}
    for name, raw in data.get("class", {}).items():
        where = f"triggers.toml [class.{name}]"
        classes[name] = TriggerClass(
            name=name,
            priority=int(raw.get("priority", 0)),
            sub_event=_sub_event(raw.get("sub_event"), where),
            state=_sub_event(raw.get("state"), where),
            non_state=_sub_event(raw.get("non_state"), where),
            failed=_sub_event(raw.get("failed"), where),
            against_civilians=_sub_event(raw.get("against_civilians"), where),
            armed_target=_sub_event(raw.get("armed_target"), where),
            intervention=_sub_event(raw.get("intervention"), where),
            excessive=_sub_event(raw.get("excessive"), where),
            transfers_control=bool(raw.get("transfers_control", False)),
            lemmas=tuple(raw.get("lemmas", ())),
            phrases=tuple(raw.get("phrases", ())),
            weak_phrases=tuple(raw.get("weak_phrases", ())),
            object_place_lemmas=tuple(raw.get("object_place_lemmas", ())),
            partial_objects=frozenset(raw.get("partial_objects", ())),
        )
        if classes[name].sub_event is None and classes[name].state is None:
            raise ConfigError(f"{where}: needs sub_event or state/non_state")
    return classes


@lru_cache(maxsize=4)
def load_lexicon(directory: str | None = None) -> Lexicon:
    """Read the three lexicon files (from the package, or from ``directory``)."""
    path = Path(directory) if directory else None
    actor_entries: list[ActorEntry] = []
    for name in _actor_files(path):
        actor_entries.extend(_actors(_read_toml(path, name), name))
    generic_data = _read_toml(path, "generic.toml")
    trigger_data = _read_toml(path, "triggers.toml")
    generic_phrases: dict[str, str] = {}
    for group in generic_data.get("generic", []):
        role = group["role"]
        if role not in GENERIC_ROLE_KINDS:
            raise ConfigError(f"generic.toml: unknown role {role!r}")
        for phrase in group.get("phrases", ()):
            generic_phrases[phrase] = role
    raw_templates = generic_data.get("templates", {})
    templates: dict[str, dict[str, str]] = {"": {}}
    for key, value in raw_templates.items():
        if isinstance(value, dict):
            templates[key] = {str(k): str(v) for k, v in value.items()}
        else:
            templates[""][key] = str(value)
    missing = set(GENERIC_ROLE_KINDS) - set(templates[""])
    if missing:
        raise ConfigError(f"generic.toml: [templates] lacks {', '.join(sorted(missing))}")
    modifiers = {k: tuple(v) for k, v in trigger_data.get("modifiers", {}).items()}
    nouns = tuple(generic_data.get("force_nouns", {}).get("nouns", ()))
    actors = with_force_nouns(tuple(actor_entries), nouns)
    return Lexicon(
        actors=actors,
        by_name={a.name: a for a in actors},
        generic_phrases=generic_phrases,
        templates=templates,
        classes=_classes(trigger_data),
        modifiers=modifiers,
        fronts=_fronts(generic_data),
        country_words=tuple(
            (str(raw["country"]), tuple(str(w) for w in raw.get("words", ())))
            for raw in generic_data.get("setting", [])
        ),
    )


def _fronts(data: dict[str, Any]) -> tuple[Front, ...]:
    fronts = []
    for raw in data.get("front", []):
        sides = tuple(raw["sides"])
        if len(sides) != 2:
            raise ConfigError(f"generic.toml: front in {raw.get('country')!r} needs two sides")
        fronts.append(
            Front(
                country=str(raw["country"]),
                sides=(str(sides[0]), str(sides[1])),
                admin1=frozenset(_fold(a) for a in raw.get("admin1", ())),
                since=raw.get("since"),
                until=raw.get("until"),
                regions=tuple(str(a) for a in raw.get("admin1", ())),
                cues=tuple(str(c) for c in raw.get("cues", ())),
                words=tuple(str(w) for w in raw.get("words", ())),
            )
        )
    return tuple(fronts)
