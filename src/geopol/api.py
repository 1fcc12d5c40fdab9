"""The Python API over a geopol database: ingest news, query events, aggregate, export.

>>> import geopol
>>> with geopol.open("events.db") as db:                              # doctest: +SKIP
...     db.ingest(["news/"])
...     for row in db.timeline(dyad="RUS,CHN", by="month"):
...         print(row.period, row.events, row.goldstein_mean)
...     db.export("rus-chn.parquet", dyad="RUS,CHN")

Filters are keyword arguments named as the fields of :class:`geopol.store.EventQuery` (``actor``,
``dyad``, ``code``, ``root``, ``quad_class``, ``plover``, ``since``, ``until``, ``outlet``,
``doc``, ``text``, ``limit``, ``offset``, ``order``); ``dyad`` may also be written ``"RUS,CHN"``
and actor codes are upper-cased. Nothing here prints: results are typed records.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypedDict, Unpack

from geopol.analytics import (
    PERIODS,
    ActorCount,
    Network,
    PairCount,
    Period,
    TimelineRow,
    actor_activity,
    network,
    timeline,
)
from geopol.pipeline import Pipeline, PipelineConfig
from geopol.records import Event
from geopol.store import EventQuery, Store, StoredEvent, StoreError, open_store
from geopol.store.base import Order

if TYPE_CHECKING:
    from geopol.export import ExportFormat
    from geopol.store.load import IngestTotals

__all__ = ["Filters", "Geopol", "SearchFilters", "SearchHit", "TimelineFilters", "event_query", "open", "parse_dyad"]

INGEST_BATCH = 64
"""Documents written per transaction by :meth:`Geopol.ingest`."""


class _Kind(TypedDict, total=False):
    code: str | None
    root: str | None
    quad_class: int | None
    plover: str | None
    outlet: str | None
    doc: str | None


class TimelineFilters(_Kind, total=False):
    """The filters :meth:`Geopol.timeline` takes besides its named ones."""

    text: str | None


class SearchFilters(_Kind, total=False):
    """The filters :meth:`Geopol.search` takes besides its text and limit."""

    actor: str | None
    dyad: tuple[str, str] | str | None
    since: str | None
    until: str | None
    order: Order


class Filters(SearchFilters, total=False):
    """The event filters of the query methods (see :class:`geopol.store.EventQuery`)."""

    text: str | None
    limit: int | None
    offset: int


def parse_dyad(dyad: tuple[str, str] | str) -> tuple[str, str]:
    """``"RUS,CHN"`` or ``("rus", "chn")`` as an upper-cased pair; ``ValueError`` otherwise."""
    parts = [p.strip().upper() for p in (dyad.split(",") if isinstance(dyad, str) else dyad)]
    if len(parts) != 2 or not all(parts):
        raise ValueError(f"a dyad is two actor codes separated by a comma, like RUS,CHN (got {dyad!r})")
    return parts[0], parts[1]


def event_query(**filters: Unpack[Filters]) -> EventQuery:
    """The :class:`EventQuery` of keyword filters (``StoreError`` for an invalid value)."""
    values: dict[str, Any] = dict(filters)
    if values.get("dyad") is not None:
        values["dyad"] = parse_dyad(values["dyad"])
    if values.get("actor") is not None:
        values["actor"] = values["actor"].upper()
    return EventQuery(**values)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """An event found by full-text search, with the mention whose sentence matched."""

    event: StoredEvent
    mention: Event


class Geopol:
    """An open geopol database. Use :func:`open`; close it (or use ``with``) when done."""

    def __init__(self, store: Store, *, pipeline_config: PipelineConfig | None = None, read_only: bool = False):
        self.store = store
        self.read_only = read_only
        self._pipeline_config = pipeline_config
        self._pipeline: Pipeline | None = None

    # --- writing -------------------------------------------------------------------------------

    @property
    def pipeline(self) -> Pipeline:
        """The coding pipeline, built (loading the spaCy model) on first use."""
        if self._pipeline is None:
            self._pipeline = Pipeline.build(self._pipeline_config)
        return self._pipeline

    def ingest(
        self, inputs: Iterable[str | os.PathLike[str]], *, date: dt.date | str | None = None,
        batch_size: int = INGEST_BATCH,
    ) -> IngestTotals:
        """Read, clean and code files (paths or directories, as ``geopol ingest``) and store them;
        ``date`` dates the documents whose record has none. Ingesting a document again changes
        nothing; an edited document replaces its old mentions."""
        from geopol.ingest import iter_inputs
        from geopol.store.load import ingest

        if self.read_only:
            raise StoreError("this database was opened read-only: open it with read_only=False to ingest")
        default_date = dt.date.fromisoformat(date) if isinstance(date, str) else date
        items = iter_inputs([os.fspath(path) for path in inputs], default_date=default_date)
        return ingest(self.store, self.pipeline.process(items), batch_size=batch_size)

    # --- reading -------------------------------------------------------------------------------

    def events(self, **filters: Unpack[Filters]) -> Iterator[StoredEvent]:
        """The deduplicated events matching the filters."""
        return self.store.events(event_query(**filters))

    def count(self, **filters: Unpack[Filters]) -> int:
        """How many deduplicated events match the filters (``limit``/``offset`` ignored)."""
        return self.store.count_events(event_query(**filters))

    def event(self, event_id: str) -> StoredEvent | None:
        """One event by id, or ``None``."""
        return self.store.event(event_id)

    def mentions(self, **filters: Unpack[Filters]) -> Iterator[Event]:
        """The mentions (single extractions, before grouping) matching the filters."""
        return self.store.mentions(event_query(**filters))

    def search(self, text: str, *, limit: int | None = 20, **filters: Unpack[SearchFilters]) -> list[SearchHit]:
        """Events whose evidence contains ``text`` (whole words and word prefixes where the backend
        has full-text search), each with the matching mention; at most ``limit``."""
        if not text.strip():
            raise ValueError("search text must not be empty")
        query = event_query(**filters, limit=limit)
        return [SearchHit(event, mention) for event, mention in self.store.search(text, query)]

    # --- analytics -----------------------------------------------------------------------------

    def timeline(
        self, dyad: tuple[str, str] | str | None = None, actor: str | None = None, by: Period = "month",
        since: str | None = None, until: str | None = None, **filters: Unpack[TimelineFilters],
    ) -> list[TimelineRow]:
        """Events per period (see :func:`geopol.analytics.timeline`), normalised by the number of
        stored documents of each period (of the ``outlet`` filter's outlet, when given)."""
        if by not in PERIODS:
            raise ValueError(f"by must be one of {', '.join(PERIODS)}, got {by!r}")
        query = event_query(dyad=dyad, actor=actor, since=since, until=until, **filters)
        counts = self.store.document_counts(by, outlet=query.outlet)
        return timeline(self.store.events(query), by=by, doc_counts=counts)

    def actors(
        self, top: int = 20, *, countries: bool = False, **filters: Unpack[Filters]
    ) -> tuple[list[ActorCount], list[PairCount]]:
        """The most active actors and pairs (see :func:`geopol.analytics.actor_activity`)."""
        return actor_activity(self.events(**filters), top=top, countries=countries)

    def network(self, min_events: int = 1, *, countries: bool = False, **filters: Unpack[Filters]) -> Network:
        """The directed actor network (see :func:`geopol.analytics.network`)."""
        return network(self.events(**filters), min_events=min_events, countries=countries)

    # --- export --------------------------------------------------------------------------------

    def export(
        self, path: str | os.PathLike[str], format: ExportFormat | None = None, *, mentions: bool = False,
        min_events: int = 1, **filters: Unpack[Filters],
    ) -> int:
        """Write the matching events (or ``mentions``) to ``path`` in ``format`` (else the one its
        suffix names), see :mod:`geopol.export`; returns the number of records written."""
        from geopol.export import export_events, export_mentions, format_for_path

        fmt = format or format_for_path(path)
        if mentions:
            return export_mentions(self.mentions(**filters), path, fmt)
        return export_events(self.events(**filters), Path(path), fmt, min_events=min_events)

    # --- lifetime ------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database; closing twice is harmless."""
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def open(
    db: str | os.PathLike[str], *, pipeline_config: PipelineConfig | None = None, read_only: bool = False
) -> Geopol:
    """Open (creating it if needed, unless ``read_only``) the geopol database at a path or URL
    (``events.db``, ``sqlite:///events.db``, ``postgresql://...``)."""
    return Geopol(open_store(db, read_only=read_only), pipeline_config=pipeline_config, read_only=read_only)
