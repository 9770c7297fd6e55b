"""Score event coding against ACLED-coded rows: each row's ``notes`` is the report,
its ``event_date`` the publication date, and its coded fields the gold.

The ACLED file is the user's; nothing of it is stored in the project. The per-row
report (every disagreement) is written where the user asks, for reading errors.
"""

from __future__ import annotations

import csv
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from frontlines.errors import InputError
from frontlines.geo.resolve import haversine_km
from frontlines.model import Event
from frontlines.taxonomy import SubEventType

Extractor = Callable[[str, date], list[Event]]


@dataclass(frozen=True, slots=True)
class AcledRow:
    row_id: str
    event_date: date
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str | None
    admin1: str | None
    admin2: str | None
    admin3: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    fatalities: int
    notes: str


def _date(value: str, where: str) -> date:
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d-%b-%Y", "%d-%b-%y", "%d %b %Y", "%m/%d/%Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise InputError(f"unreadable event_date {value!r}", source=where)


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def read_acled(path: str | Path) -> Iterator[AcledRow]:
    """Rows of an ACLED export (old or new column set) that have notes."""
    source = Path(path)
    if not source.is_file():
        raise InputError("no such file", source=str(path))
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        needed = {"event_date", "sub_event_type", "actor1", "notes"}
        missing = needed - set(reader.fieldnames or ())
        if missing:
            raise InputError(f"not an ACLED export: missing {sorted(missing)}", source=str(path))
        for line, raw in enumerate(reader, start=2):
            notes = (raw.get("notes") or "").strip()
            if not notes:
                continue
            yield AcledRow(
                row_id=raw.get("event_id_cnty") or f"line {line}",
                event_date=_date(raw["event_date"], f"{path}:{line}"),
                event_type=raw.get("event_type") or "",
                sub_event_type=raw["sub_event_type"],
                actor1=raw["actor1"],
                actor2=raw.get("actor2") or None,
                admin1=raw.get("admin1") or None,
                admin2=raw.get("admin2") or None,
                admin3=raw.get("admin3") or None,
                location=raw.get("location") or None,
                latitude=_float(raw.get("latitude")),
                longitude=_float(raw.get("longitude")),
                fatalities=int(float(raw.get("fatalities") or 0)),
                notes=notes,
            )


def _norm(value: str | None) -> str:
    return " ".join((value or "").casefold().replace("-", " ").replace("'", "").split())


@dataclass(slots=True)
class AcledReport:
    rows: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    gold_sub: list[str] = field(default_factory=list)
    pred_sub: list[str] = field(default_factory=list)
    abs_fatality_error: float = 0.0
    seconds: float = 0.0
    disagreements: list[dict[str, object]] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        n = max(self.rows, 1)
        out = {k: round(v / n, 4) for k, v in sorted(self.counts.items())}
        out["sub_event_macro_f1"] = round(macro_f1(self.gold_sub, self.pred_sub), 4)
        out["fatalities_mae"] = round(self.abs_fatality_error / n, 3)
        out["rows"] = self.rows
        out["rows_per_second"] = round(self.rows / self.seconds, 1) if self.seconds else 0.0
        return out

    def top_errors(self, n: int = 5) -> list[tuple[str, int, dict[str, object]]]:
        classes: Counter[str] = Counter()
        example: dict[str, dict[str, object]] = {}
        for item in self.disagreements:
            key = f"{item['field']}: {item['gold']} -> {item['predicted']}"
            classes[key] += 1
            example.setdefault(key, item)
        return [(k, c, example[k]) for k, c in classes.most_common(n)]


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    """Macro-F1 over the gold labels ("NONE" predictions count as misses)."""
    labels = sorted(set(gold))
    scores = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def _best(row: AcledRow, events: list[Event]) -> Event | None:
    """The predicted event that agrees most with the row (type, actors, place)."""

    def agreement(event: Event) -> tuple[int, int, int]:
        near = (
            row.latitude is not None
            and event.latitude is not None
            and haversine_km(row.latitude, row.longitude or 0, event.latitude, event.longitude or 0)
            <= 50
        )
        pair = {_norm(event.actor1), _norm(event.actor2)} == {_norm(row.actor1), _norm(row.actor2)}
        return (int(event.sub_event_type == row.sub_event_type), int(pair), int(near))

    return max(events, key=agreement) if events else None


def score_acled(
    rows: Iterable[AcledRow],
    extract: Extractor,
    *,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> AcledReport:
    report = AcledReport()
    started = time.perf_counter()
    for index, row in enumerate(rows):
        if limit is not None and index >= limit:
            break
        events = extract(row.notes, row.event_date)
        _score_row(report, row, events)
        if progress:
            progress(index + 1)
    report.seconds = time.perf_counter() - started
    return report


def _score_row(report: AcledReport, row: AcledRow, events: list[Event]) -> None:
    report.rows += 1
    event = _best(row, events)
    c = report.counts
    predicted_sub = event.sub_event_type if event else "NONE"
    report.gold_sub.append(row.sub_event_type)
    report.pred_sub.append(predicted_sub)
    c["event_recall"] += bool(events)
    c["sub_event_accuracy"] += predicted_sub == row.sub_event_type
    if event is not None:
        c["event_type_accuracy"] += SubEventType(event.sub_event_type).event_type == row.event_type
    pairs = {
        "actor1": (row.actor1, event.actor1 if event else None),
        "actor2": (row.actor2, event.actor2 if event else None),
        "admin1": (row.admin1, event.admin1 if event else None),
        "admin2": (row.admin2, event.admin2 if event else None),
        "admin3": (row.admin3, event.admin3 if event else None),
    }
    for name, (gold, predicted) in pairs.items():
        same = _norm(gold) == _norm(predicted)
        c[f"{name}_accuracy"] += same
        if not same:
            _disagree(report, row, name, gold, predicted)
    gold_pair = {_norm(row.actor1), _norm(row.actor2)}
    if event is not None:
        c["actor_pair_accuracy"] += {_norm(event.actor1), _norm(event.actor2)} == gold_pair
    if predicted_sub != row.sub_event_type:
        _disagree(report, row, "sub_event_type", row.sub_event_type, predicted_sub)
    fatalities = event.fatalities if event else 0
    c["fatalities_exact"] += fatalities == row.fatalities
    report.abs_fatality_error += abs(fatalities - row.fatalities)
    if fatalities != row.fatalities:
        _disagree(report, row, "fatalities", row.fatalities, fatalities)
    distance = None
    if event and event.latitude is not None and row.latitude is not None:
        distance = haversine_km(
            row.latitude, row.longitude or 0, event.latitude, event.longitude or 0
        )
    c["within_10km"] += distance is not None and distance <= 10
    c["within_50km"] += distance is not None and distance <= 50
    if distance is None or distance > 10:
        _disagree(report, row, "location", row.location, event.location if event else None)


def _disagree(
    report: AcledReport, row: AcledRow, name: str, gold: object, predicted: object
) -> None:
    report.disagreements.append(
        {"row": row.row_id, "field": name, "gold": gold, "predicted": predicted,
         "notes": row.notes[:300]}
    )  # fmt: skip


def write_report(report: AcledReport, path: str | Path) -> None:
    """Every disagreement as JSONL, for a human to read the errors."""
    with Path(path).open("w", encoding="utf-8") as out:
        for item in report.disagreements:
            out.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")
