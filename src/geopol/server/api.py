"""The read routes of the API, under ``/api``: events, documents, actors, timeline, network, search.

Every route opens a read-only store for the request (in the worker thread that runs it) and
closes it before answering; analytics are computed by :mod:`geopol.analytics` from the events
that match the filters.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query

from geopol import analytics
from geopol.server.context import ServerContext, get_context
from geopol.server.errors import ERROR_RESPONSES, ApiError
from geopol.server.filters import EventFilters, Page, Sort, check_dates, split_codes
from geopol.server.schemas import (
    Actors,
    DocumentDetail,
    DocumentPage,
    EventDetail,
    EventPage,
    Mention,
    RemovedLine,
    SearchPage,
    Span,
    Stats,
    Timeline,
)
from geopol.store import EventQuery, StoredEvent

Context = Annotated[ServerContext, Depends(get_context)]
Filters = Annotated[EventFilters, Depends()]
Paging = Annotated[Page, Depends()]
SortParam = Annotated[Sort, Query(description="date (oldest first) or -date (newest first)")]
Period = Literal["day", "month", "year"]
Countries = Annotated[bool, Query(description="fold actor codes to their country: RUSGOV counts as RUS")]

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)


@router.get("/stats", summary="What the database holds")
def stats(context: Context) -> Stats:
    with context.reading() as store:
        counts = store.counts()
        return Stats(documents=counts.get("documents", 0), mentions=counts.get("mentions", 0),
                     rejections=counts.get("rejections", 0), events=store.count_events(),
                     schema_version=store.schema_version(), writable=context.writable)


@router.get("/events", summary="Deduplicated events matching the filters, a page at a time")
def events(context: Context, filters: Filters, page: Paging, sort: SortParam = "date") -> EventPage:
    query = filters.query(limit=page.limit, offset=page.offset, sort=sort)
    with context.reading() as store:
        return EventPage(total=store.count_events(query), limit=page.limit, offset=page.offset,
                         items=list(store.events(query)))


@router.get("/search", summary="Events whose evidence contains words (full-text search)")
def search(context: Context, q: Annotated[str, Query(min_length=1, description="words to find")],
           filters: Filters, page: Paging, sort: SortParam = "date") -> SearchPage:
    query = filters.query(limit=page.limit, offset=page.offset, sort=sort, text=q)
    with context.reading() as store:
        return SearchPage(q=q, total=store.count_events(query), limit=page.limit, offset=page.offset,
                          items=list(store.events(query)))


@router.get("/events/{event_id:path}", summary="One event with every report of it (the evidence)")
def event(context: Context, event_id: Annotated[str, Path(description="the event id")]) -> EventDetail:
    with context.reading() as store:
        found = store.event(event_id)
        if found is None:
            raise ApiError(404, f"no event with id {event_id!r}")
        return EventDetail(event=found, mentions=[Mention.of(m) for m in store.event_mentions(event_id)])


@router.get("/documents", summary="Stored documents (without text), by id")
def documents(
    context: Context, page: Paging,
    outlet: Annotated[str | None, Query(description="published by this outlet")] = None,
    since: Annotated[str | None, Query(description="document date from: YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="document date up to, inclusive")] = None,
) -> DocumentPage:
    check_dates(since, until)
    with context.reading() as store:
        total = store.count_documents(outlet=outlet, since=since, until=until)
        items = list(store.documents(outlet=outlet, since=since, until=until, limit=page.limit, offset=page.offset))
    return DocumentPage(total=total, limit=page.limit, offset=page.offset, items=items)


@router.get("/documents/{doc_id:path}", summary="One document: its text, evidence spans and removed lines")
def document(context: Context, doc_id: Annotated[str, Path(description="the document id")]) -> DocumentDetail:
    with context.reading() as store:
        found = store.document(doc_id)
        if found is None:
            raise ApiError(404, f"no document with id {doc_id!r}")
        mentions = list(store.mentions(EventQuery(doc=doc_id)))
    article = found.article
    spans = sorted({(m.start, m.end, m.sentence, m.source, m.target, m.code, m.label, m.quad_class)
                    for m in mentions})
    return DocumentDetail(
        id=found.id, title=article.title, outlet=article.outlet, url=article.url,
        date=article.date.isoformat() if article.date else None, date_origin=article.date_origin,
        origin=article.origin, text=found.text,
        spans=[Span(start=s[0], end=s[1], sentence=s[2], source=s[3], target=s[4], code=s[5], label=s[6],
                    quad_class=s[7]) for s in spans],
        removed=[RemovedLine(line_no=r.line_no, text=r.text, reason=r.reason) for r in found.removed],
    )


@router.get("/actors", summary="The most active actors and pairs of actors")
def actors(context: Context, filters: Filters,
           top: Annotated[int, Query(ge=1, le=500, description="how many actors and pairs")] = 20,
           countries: Countries = False) -> Actors:
    query = filters.query()
    with context.reading() as store:
        ranked, pairs = analytics.actor_activity(store.events(query), top=top, countries=countries)
    return Actors(actors=ranked, pairs=pairs)


@router.get("/timeline", summary="Events per period by quad class, with Goldstein sums and means")
def timeline(context: Context, filters: Filters,
             by: Annotated[Period, Query(description="the length of a period")] = "month") -> Timeline:
    query = filters.query()
    with context.reading() as store:
        doc_counts = store.document_counts(by, outlet=filters.outlet)
        rows = analytics.timeline(store.events(query), by=by, doc_counts=doc_counts)
    return Timeline(by=by, rows=rows)


@router.get("/network", summary="The actor network: who acts on whom, weighted by cooperation and conflict")
def network(
    context: Context, filters: Filters,
    around: Annotated[str | None, Query(description="only events involving any of these actors: RUS,CHN")] = None,
    min_events: Annotated[int, Query(ge=1, description="leave out edges with fewer events")] = 1,
    countries: Countries = False,
) -> analytics.Network:
    centres = split_codes("around", around)
    with context.reading() as store:
        if centres:
            found = _union(store.events(filters.query(actor=code)) for code in centres)
        else:
            found = list(store.events(filters.query()))
    return analytics.network(found, min_events=min_events, countries=countries)


def _union(groups: Iterable[Iterable[StoredEvent]]) -> list[StoredEvent]:
    """The events of several queries, each once, in first-seen order."""
    seen: dict[str, StoredEvent] = {}
    for group in groups:
        for item in group:
            seen.setdefault(item.id, item)
    return list(seen.values())

