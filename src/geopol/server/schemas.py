"""The shapes of the API's answers (they make the OpenAPI description).

Stored events and documents are returned as the store's own records
(:class:`~geopol.store.StoredEvent`, :class:`~geopol.store.StoredDocument`), analytics as the
records of :mod:`geopol.analytics`; the models here wrap them in pages and add what the routes
join together.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from geopol.analytics import ActorCount, PairCount, TimelineRow
from geopol.records import Event
from geopol.store import StoredDocument, StoredEvent


class EventPage(BaseModel):
    """One page of events: ``total`` counts every match, ``items`` holds at most ``limit``."""

    total: int
    limit: int
    offset: int
    items: list[StoredEvent]


class SearchPage(EventPage):
    q: str


class Mention(BaseModel):
    """One report of an event: the evidence sentence and where it is (offsets into the document text)."""

    doc: str
    sentence: str
    start: int
    end: int
    outlet: str | None
    url: str | None
    doc_date: str | None
    date: str | None
    date_text: str | None
    source: str
    source_name: str
    target: str
    target_name: str
    code: str
    label: str
    trigger: str
    rule: str
    modality: str

    @classmethod
    def of(cls, event: Event) -> Mention:
        return cls.model_validate({name: getattr(event, name) for name in cls.model_fields})


class EventDetail(BaseModel):
    event: StoredEvent
    mentions: list[Mention]


class DocumentPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[StoredDocument]


class Span(BaseModel):
    """An evidence sentence inside a document: ``text[start:end]`` is ``sentence``."""

    start: int
    end: int
    sentence: str
    source: str
    target: str
    code: str
    label: str
    quad_class: int


class RemovedLine(BaseModel):
    line_no: int
    text: str
    reason: str


class DocumentDetail(BaseModel):
    """A stored document with its cleaned text, the evidence spans in it and the lines removed."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    date: str | None
    date_origin: str
    origin: str
    text: str
    spans: list[Span]
    removed: list[RemovedLine]


class Actors(BaseModel):
    actors: list[ActorCount]
    pairs: list[PairCount]


class Timeline(BaseModel):
    by: str
    rows: list[TimelineRow]


class Stats(BaseModel):
    documents: int
    mentions: int
    rejections: int
    events: int
    schema_version: int
    writable: bool = Field(description="whether POST /api/documents is accepted (the server has a token)")


class RejectionOut(BaseModel):
    origin: str
    reason: str
    doc_id: str | None


class IngestReport(BaseModel):
    """What a POST of documents did: documents added/updated/unchanged, rejections with reasons."""

    added: int
    updated: int
    unchanged: int
    rejected: int
    mentions: int
    events: int
    rejections: list[RejectionOut]
