"""control stage: territory events -> who held each settlement, when.

>>> states = control_table(events, date(2018, 3, 1), admin1="Idleb")
>>> periods = place_history(events, "Saraqib")

Territory events (government regains, non-state actor overtakes, non-violent
transfer; Agreements whose notes speak of a withdrawal: ``rules.toml``) become
``ControlObservation`` records, one per place and report-merged event. On any date,
each observed place has the controller of its latest observation, the day control
last changed, the evidence, and a confidence halving every 90 days since that
observation; before its first observation a place is "unknown". See
``timeline.py`` for the rules and ``records.py`` for the row forms.
"""

from __future__ import annotations

from frontlines.control.places import place_key, settlement_of
from frontlines.control.records import (
    UNKNOWN,
    ControlEvidence,
    ControlObservation,
    ControlPeriod,
    ControlState,
    Settlement,
)
from frontlines.control.render import PERIOD_COLUMNS, STATE_COLUMNS, write_periods, write_states
from frontlines.control.rules import ControlRules, load_rules
from frontlines.control.timeline import (
    confidence,
    control_on,
    control_table,
    history,
    observation_of,
    observations,
    place_history,
)

__all__ = [
    "PERIOD_COLUMNS",
    "STATE_COLUMNS",
    "UNKNOWN",
    "ControlEvidence",
    "ControlObservation",
    "ControlPeriod",
    "ControlRules",
    "ControlState",
    "Settlement",
    "confidence",
    "control_on",
    "control_table",
    "history",
    "load_rules",
    "observation_of",
    "observations",
    "place_history",
    "place_key",
    "settlement_of",
    "write_periods",
    "write_states",
]
