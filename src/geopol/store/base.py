"""The storage interface every backend implements, and the records it speaks.

A store holds four kinds of rows:

* ``documents``: one cleaned article (its text, the lines the cleaner removed, its metadata and a
  content hash, so a re-run can tell an unchanged document from an edited one);
* ``mentions``: one coded :class:`~geopol.records.Event` each, with every field of
  :data:`~geopol.records.EVENT_FIELDS`; "mention" because several of them may report the same
  real-world event;
* ``events``: the deduplicated real-world events (:class:`StoredEvent`), each grouping the mentions
  that report it (see :mod:`geopol.store.dedup` for the rule);
* ``rejections``: inputs that never became a document, recorded once per (origin, doc id, reason).

Writes go through :meth:`Store.add_batch`, one transaction per batch (one writer at a time), which
also regroups the events the batch touches; reads are iterators over typed records, never rows or
dicts. Backends are picked by :func:`geopol.store.open_store` from a path or URL.
"""

from __future__ import annotations

import abc
import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Literal, Self

from geopol.records import CleanDocument, Event, Rejection

Order = Literal["date", "-date"]
Period = Literal["day", "month", "year"]
ORDERS: tuple[str, ...] = ("date", "-date")

_ISO_DATE_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
"""``since``/``until`` bounds: a year, a month or a day, ISO style (``2024``, ``2024-03``, ``2024-03-01``)."""


class StoreError(Exception):
    """Any failure of the store: it cannot be opened, a query is invalid, a write failed."""


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What :meth:`Store.add_batch` did with one batch.

    ``rejected`` and ``mentions`` count rows newly written: a rejection already recorded and the
    mentions of an unchanged document are not counted again. ``events`` is the change in the number
    of deduplicated events: those created, less those merged away or left without mentions.
    ``refused`` lists the documents of the batch that could not be stored (an event of another
    document, a field of the wrong type): each was recorded as a rejection instead, and any earlier
    version of it was kept.
    """

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    mentions: int = 0
    events: int = 0
    refused: tuple[Rejection, ...] = ()


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A stored document without its text: what :meth:`Store.documents` lists."""

    id: str
    outlet: str | None
    url: str | None
    title: str | None
    date: str | None
    date_origin: str
    origin: str
    content_hash: str
    ingested_at: str
    mentions: int


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """One real-world event: the mentions (extractions) that report it, grouped by deduplication.

    The coded fields are those of the most specific mention (the longest CAMEO code; ties go to the
    first report). ``mentions``/``documents``/``outlets`` count the reports; ``first_report`` and
    ``last_report`` are the earliest and latest document dates (ISO) of those reports;
    ``confidence`` in (0, 1] grows with the number of independent reports (outlets). ``sentence``,
    ``doc``, ``start`` and ``end`` locate the representative mention's evidence; ``url`` and
    ``outlet`` are those of its report (``None`` when unknown).
    """

    id: str
    source: str
    source_name: str
    target: str
    target_name: str
    code: str
    root: str
    label: str
    goldstein: float
    quad_class: int
    plover: str
    date: str | None
    date_end: str | None
    place: str | None
    place_country: str | None
    modality: str
    mentions: int
    documents: int
    outlets: int
    first_report: str | None
    last_report: str | None
    confidence: float
    sentence: str
    doc: str
    start: int
    end: int
    url: str | None = None
    outlet: str | None = None


REPORT_FIELDS: tuple[str, ...] = ("url", "outlet")
"""The :class:`StoredEvent` fields read from its representative mention, not kept in ``events``."""
EVENT_ROW_FIELDS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(StoredEvent) if f.name not in REPORT_FIELDS
)
"""The :class:`StoredEvent` fields that are the first columns of the ``events`` table, in order."""


def _check_prefix(name: str, value: str | None) -> None:
    if value is not None and not value.strip():
        raise StoreError(f"{name} must not be empty")


def check_date(name: str, value: str | None) -> None:
    """Raise :class:`StoreError` unless ``value`` is None or an ISO year, month or day."""
    if value is not None and not _ISO_DATE_PREFIX.match(value):
        raise StoreError(f"{name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got {value!r}")


def check_page(limit: int | None, offset: int) -> None:
    """Raise :class:`StoreError` unless ``limit`` (if any) and ``offset`` are >= 0."""
    if limit is not None and limit < 0:
        raise StoreError(f"limit must be >= 0, got {limit}")
    if offset < 0:
        raise StoreError(f"offset must be >= 0, got {offset}")


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which mentions :meth:`Store.mentions` returns. Every filter left at ``None`` matches all.

    * ``actor``: source or target code starts with it (``"RUS"`` matches ``RUSGOV``);
    * ``dyad``: (a, b) matches a source starting with a and a target starting with b, or the
      reverse; actor codes are compared upper-cased;
    * ``code``: the CAMEO code starts with it (``"04"`` matches ``040`` and ``0431``);
    * ``root``, ``quad_class``, ``plover``, ``outlet``, ``doc``: equal;
    * ``since``/``until``: inclusive bounds on the event date, or on the document date when the
      event has none; ``until="2024-03"`` includes the whole of March;
    * ``text``: the evidence sentence contains it (full-text search where the backend has it,
      matching whole words and word prefixes; a case-insensitive substring otherwise);
    * ``limit``/``offset``: a page of the ordered result;
    * ``order``: ``"date"`` (oldest first) or ``"-date"`` (newest first); undated mentions come
      last, ties keep document order.
    """

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    code: str | None = None
    root: str | None = None
    quad_class: int | None = None
    plover: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    doc: str | None = None
    text: str | None = None
    limit: int | None = None
    offset: int = 0
    order: Order = "date"

    def __post_init__(self) -> None:
        _check_prefix("actor", self.actor)
        _check_prefix("code", self.code)
        if self.dyad is not None:
            if len(self.dyad) != 2:
                raise StoreError(f"dyad must be a pair of actor prefixes, got {self.dyad!r}")
            for prefix in self.dyad:
                _check_prefix("dyad actor", prefix)
        check_date("since", self.since)
        check_date("until", self.until)
        check_page(self.limit, self.offset)
        if self.order not in ORDERS:
            raise StoreError(f"order must be one of {', '.join(ORDERS)}, got {self.order!r}")


class Store(abc.ABC):
    """A place coded events are kept: SQLite or PostgreSQL, behind the same methods.

    A store object belongs to one thread. Many stores (processes) may read the same database;
    writes are serialised by the database, one batch transaction at a time.
    """

    @abc.abstractmethod
    def add_batch(
        self,
        documents: Sequence[tuple[CleanDocument, Sequence[Event]]],
        rejections: Sequence[Rejection] = (),
    ) -> BatchResult:
        """Store documents with their events, and rejections, in one transaction.

        A document whose id and content hash are already stored is skipped (``unchanged``); a
        known id with a different hash replaces the row and all its mentions (``updated``); others
        are ``added``; one that cannot be stored is recorded as a rejection (``refused``) and the
        rest of the batch is stored. Running the same batch twice leaves the store as it was after
        the first.
        """

    @abc.abstractmethod
    def mentions(self, query: EventQuery | None = None) -> Iterator[Event]:
        """The stored events matching ``query``, in its order."""

    @abc.abstractmethod
    def events(self, query: EventQuery | None = None) -> Iterator[StoredEvent]:
        """The deduplicated events matching ``query`` (filters apply to the event's coded fields;
        ``text``, ``outlet`` and ``doc`` match when any of its mentions does), in its order."""

    @abc.abstractmethod
    def count_events(self, query: EventQuery | None = None) -> int:
        """How many deduplicated events match ``query`` (its ``limit``/``offset`` ignored)."""

    @abc.abstractmethod
    def event(self, event_id: str) -> StoredEvent | None:
        """One deduplicated event by id, or ``None``."""

    @abc.abstractmethod
    def event_mentions(self, event_id: str) -> Iterator[Event]:
        """The mentions grouped into one event, by report date then document order."""

    @abc.abstractmethod
    def document_counts(self, by: Period = "month", *, outlet: str | None = None) -> dict[str, int]:
        """Stored documents per period of their date (``2024``, ``2024-03``, ``2024-03-05``);
        undated documents are not counted. Analytics normalise by these."""

    @abc.abstractmethod
    def search(self, text: str, query: EventQuery | None = None) -> Iterator[tuple[StoredEvent, Event]]:
        """Full-text search of the evidence: the events (matching ``query``, in its order and page)
        with a mention whose sentence contains ``text``, each with the first such mention."""

    @abc.abstractmethod
    def documents(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[StoredDocument]:
        """The stored documents (without text), by id; ``since``/``until`` bound the document date."""

    @abc.abstractmethod
    def count_documents(
        self, *, outlet: str | None = None, since: str | None = None, until: str | None = None
    ) -> int:
        """How many documents :meth:`documents` lists with these filters (without a page)."""

    @abc.abstractmethod
    def document(self, doc_id: str) -> CleanDocument | None:
        """One stored document rebuilt in full, or ``None`` if the id is unknown."""

    @abc.abstractmethod
    def rejections(self) -> Iterator[Rejection]:
        """The recorded rejections, in the order they were first recorded."""

    @abc.abstractmethod
    def counts(self) -> dict[str, int]:
        """Row counts: ``documents``, ``mentions``, ``events`` (deduplicated) and ``rejections``."""

    @abc.abstractmethod
    def schema_version(self) -> int:
        """The version of the database schema (the last migration applied)."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the connection; the store cannot be used afterwards. Closing twice is harmless."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
