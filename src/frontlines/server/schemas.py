"""The API's response shapes (pydantic), which FastAPI turns into the OpenAPI schema.

They mirror the records' ``to_dict`` forms (``model.py``, ``control/records.py``), so
the API, the JSONL export and the store agree on field names. Every error, whatever
its cause, has the ``ErrorBody`` shape.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    status: int = Field(description="HTTP status code, repeated for clients that log bodies")
    code: str = Field(description="stable code: frontlines' E1xx-E5xx or http_<status>")
    message: str = Field(description="one line saying what went wrong")


class ErrorBody(BaseModel):
    error: ErrorDetail


class EvidenceOut(BaseModel):
    start: int
    end: int
    text: str


class ConflictOut(BaseModel):
    field: str
    value: str
    event_ids: list[str]
    sources: list[str]


class EventOut(BaseModel):
    event_id: str
    article_id: str
    event_date: str | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str | None
    inter1: int | None
    actor2: str | None
    assoc_actor_2: str | None
    inter2: int | None
    country: str | None
    admin1: str | None
    admin2: str | None
    admin3: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    source: str | None
    notes: str
    fatalities: int
    hedged: bool
    attributed_to: str | None
    losses: list[str]
    confidence: float
    evidence: list[EvidenceOut]
    merged_id: str | None = Field(
        None, description="a coded event: the merged event (happening) it is part of"
    )
    member_ids: list[str] | None = Field(
        None, description="a merged event: the coded events (one per report) behind it"
    )
    conflicts: list[ConflictOut] | None = Field(
        None, description="a merged event: values its reports disagree on, side by side"
    )


class Page(BaseModel):
    total: int | None = Field(description="matching items in all pages (None: not counted)")
    limit: int
    offset: int
    next_offset: int | None = Field(description="offset of the next page; None on the last")


class EventPage(Page):
    items: list[EventOut]


class DayCount(BaseModel):
    date: str
    count: int


class Timeline(BaseModel):
    days: list[DayCount] = Field(description="matching events per day, dated events only")
    undated: int


class ArticleOut(BaseModel):
    id: str
    text: str = Field(description="the cleaned report text, which evidence offsets point into")
    title: str | None
    author: str | None
    publisher: str | None
    original_source: str | None
    published: str | None
    url: str | None
    path: str | None
    tags: list[str]
    input_format: str


class ArticlePage(Page):
    items: list[ArticleOut]


class SourceOut(BaseModel):
    article_id: str
    title: str | None
    publisher: str | None
    original_source: str | None
    published: str | None
    url: str | None


class EvidenceInContext(BaseModel):
    """An evidence span within the sentence around it: ``before + text + after`` is
    that sentence as the article has it."""

    article_id: str
    start: int
    end: int
    before: str
    text: str
    after: str


class EventDetail(BaseModel):
    event: EventOut
    sources: list[SourceOut] = Field(description="the articles reporting it")
    evidence: list[EvidenceInContext] = Field(description="from every report, in context")
    members: list[EventOut] = Field(
        description="a merged event: each report's coded event; a coded event: empty"
    )


class ControlEvidenceOut(BaseModel):
    event_id: str
    article_id: str
    source: str | None
    start: int
    end: int
    text: str


class ControlStateOut(BaseModel):
    place_key: str
    location: str
    latitude: float | None
    longitude: float | None
    admin1: str | None
    country: str | None
    date: str
    controller: str
    previous: str | None
    since: str | None
    last_observed: str | None
    confidence: float
    hedged: bool
    event_ids: list[str]
    evidence: list[ControlEvidenceOut]


class ControlOut(BaseModel):
    date: str
    places: list[ControlStateOut]


class StoredReport(BaseModel):
    article_id: str
    title: str | None
    inserted: bool = Field(description="False when this report was already stored")
    events_written: int
    event_ids: list[str]


class RejectedReport(BaseModel):
    input: str
    code: str
    reason: str


class ReportResult(BaseModel):
    stored: list[StoredReport]
    rejected: list[RejectedReport]


class Health(BaseModel):
    status: str
    events: int
