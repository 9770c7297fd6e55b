"""ACLED's event taxonomy, actor kinds and precision codes.

Names are ACLED's exact strings (ACLED codebook, 2023) so our output mixes with
ACLED data without any mapping.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class EventType(StrEnum):
    BATTLES = "Battles"
    EXPLOSIONS = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class SubEventType(StrEnum):
    # Battles
    ARMED_CLASH = "Armed clash"
    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    # Explosions/Remote violence
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    # Violence against civilians
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION = "Abduction/forced disappearance"
    # Protests
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE = "Excessive force against protesters"
    # Riots
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    # Strategic developments
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HEADQUARTERS_ESTABLISHED = "Headquarters or base established"
    LOOTING = "Looting/property destruction"
    NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
    OTHER = "Other"

    @property
    def event_type(self) -> EventType:
        return EVENT_TYPE_OF[self]


_S = SubEventType
EVENT_TYPE_OF: dict[SubEventType, EventType] = {
    **dict.fromkeys(
        (_S.ARMED_CLASH, _S.GOVERNMENT_REGAINS_TERRITORY, _S.NON_STATE_OVERTAKES_TERRITORY),
        EventType.BATTLES,
    ),
    **dict.fromkeys(
        (
            _S.CHEMICAL_WEAPON,
            _S.AIR_DRONE_STRIKE,
            _S.SUICIDE_BOMB,
            _S.SHELLING,
            _S.REMOTE_EXPLOSIVE,
            _S.GRENADE,
        ),
        EventType.EXPLOSIONS,
    ),
    **dict.fromkeys(
        (_S.SEXUAL_VIOLENCE, _S.ATTACK, _S.ABDUCTION), EventType.VIOLENCE_AGAINST_CIVILIANS
    ),
    **dict.fromkeys(
        (_S.PEACEFUL_PROTEST, _S.PROTEST_WITH_INTERVENTION, _S.EXCESSIVE_FORCE),
        EventType.PROTESTS,
    ),
    **dict.fromkeys((_S.VIOLENT_DEMONSTRATION, _S.MOB_VIOLENCE), EventType.RIOTS),
    **dict.fromkeys(
        (
            _S.AGREEMENT,
            _S.ARRESTS,
            _S.CHANGE_TO_GROUP,
            _S.DISRUPTED_WEAPONS_USE,
            _S.HEADQUARTERS_ESTABLISHED,
            _S.LOOTING,
            _S.NON_VIOLENT_TRANSFER,
            _S.OTHER,
        ),
        EventType.STRATEGIC_DEVELOPMENTS,
    ),
}

TERRITORY_SUB_EVENTS: frozenset[SubEventType] = frozenset(
    {_S.GOVERNMENT_REGAINS_TERRITORY, _S.NON_STATE_OVERTAKES_TERRITORY, _S.NON_VIOLENT_TRANSFER}
)


class ActorKind(IntEnum):
    """ACLED's inter codes: the kind of an actor, as a number."""

    STATE_FORCES = 1
    REBEL_GROUP = 2
    POLITICAL_MILITIA = 3
    IDENTITY_MILITIA = 4
    RIOTERS = 5
    PROTESTERS = 6
    CIVILIANS = 7
    EXTERNAL_FORCES = 8

    @classmethod
    def from_name(cls, name: str) -> ActorKind:
        key = name.strip().upper().replace(" ", "_").replace("-", "_")
        aliases = {
            "STATE": "STATE_FORCES",
            "REBEL": "REBEL_GROUP",
            "REBELS": "REBEL_GROUP",
            "MILITIA": "POLITICAL_MILITIA",
            "OTHER": "EXTERNAL_FORCES",
        }
        return cls[aliases.get(key, key)]


class TimePrecision(IntEnum):
    DAY = 1
    WEEK = 2
    MONTH = 3


class GeoPrecision(IntEnum):
    EXACT = 1
    NEAR = 2
    AREA = 3
