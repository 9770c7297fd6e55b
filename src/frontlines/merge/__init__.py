"""merge stage: coded events from many reports -> one event per happening.

>>> merged = merge_events(events)                 # batch
>>> merged = merge_into(stored_merged, new_events)  # incremental, same result

The merge rule
--------------
Two coded events are one happening when all of these hold (``compare.py``; the
tables and thresholds are data in ``rules.toml``):

* **type**: the same sub-event type, or a pair the compatibility table lists
  (Shelling ~ Air/drone strike, Non-violent transfer ~ territory gains, ...; not
  Armed clash ~ capture, which ACLED codes as two events), each with its reason;
* **place**: the same folded location name (``geo.names.name_key``: Tell Abiad =
  Tall Abyad) in the same admin1, or points within 5 km whose names are alike
  (rapidfuzz >= 85) or of which one is unnamed; area centroids match by name only;
* **date**: the spans the dates stand for overlap (time_precision 1: that day;
  2: +/- 3 days; 3: the calendar month). No lag between exact dates by default:
  ACLED codes one event per place per day, and a 1-day lag cut pairwise precision
  on its rows from 0.86 to 0.25 (``rules.toml`` ``day_lag`` turns it on);
* **actors**: the named actors of one report are a subset of the other's (missing or
  "Unidentified ..." actors fit anyone); for territory and agreement events actor1,
  the gainer, must agree;
* the two events come from different articles.

Clusters are complete-linkage (every member matches every other), so a village
fought over day after day does not chain into one event. The merged event keeps
every member event (so every source and every evidence span), takes the most
precise date and place, and lists disagreements in ``conflicts`` with the reports
behind each value (``combine.py``).

The fatalities rule
-------------------
The merged count is the **lowest positive figure among unhedged reports**; hedged
figures count only when no unhedged report gives one; 0 when no report gives one.
ACLED codes the most conservative reliable estimate when sources differ, and our 0
also means "no figure given", so a report silent on the dead never erases another
report's count. Every distinct figure stays visible in ``conflicts``.

Ids and determinism
-------------------
A merged id is a hash of the smallest member event id, so it depends on the member
set only (not on arrival order) and survives most incremental additions (it changes
only when a report with a smaller id joins, or a cluster splits). Every tie-break
falls to sorted event ids; the same events in any order give the same events and
ids, and ``merge_into`` gives exactly what ``merge_events`` gives on everything.

Scaling
-------
Comparisons happen only inside blocks (``keys.py``: grid cell or location name x
week), probing the neighbouring cells and weeks so pairs across block borders are
not lost.
"""

from __future__ import annotations

from frontlines.merge.cluster import drop_members, merge_events, merge_into
from frontlines.merge.combine import fatalities, merged_id
from frontlines.merge.compare import match
from frontlines.merge.metrics import PairScores, merge_pairs_metrics, pair_scores
from frontlines.merge.records import Conflict, MergedEvent, SourceRef
from frontlines.merge.rules import MergeRules, load_rules

__all__ = [
    "Conflict",
    "MergeRules",
    "MergedEvent",
    "PairScores",
    "SourceRef",
    "drop_members",
    "fatalities",
    "load_rules",
    "match",
    "merge_events",
    "merge_into",
    "merge_pairs_metrics",
    "merged_id",
    "pair_scores",
]
