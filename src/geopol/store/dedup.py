"""Deduplication: which mentions report the same real-world event.

Mentions are grouped per **key** (source, target, CAMEO root): direction matters, so a meeting
coded A→B and B→A stays two events. Within a key, on a time line of days:

1. **Dated mentions** (``date``..``date_end``; a partial date such as ``2024-05`` covers its whole
   month) are grouped when their ranges overlap, transitively: the days a group covers form one
   unbroken range, so two meetings on different days stay apart.
2. **Undated mentions with a report date** (their document's date) join the dated group whose dates
   or reports lie nearest to their report date, if within :attr:`DedupConfig.window_days`; ties go
   to the earlier group. Undated mentions never bridge two dated groups.
3. The **other undated mentions** are grouped among themselves by report date: in report order,
   a mention joins the current group while its report is within the window of the group's first
   report, else it starts a new one (so a daily recurring report never chains into one event).
4. Mentions with **no date at all** (neither event nor document date) join a group holding a
   mention of the same document, else form one group per document.

The grouping of a key is a function of its set of mentions, never of the order they were stored
in; the store regroups only the stretch of time new or removed mentions can reach (see
:meth:`geopol.store.sql.SqlStore.add_batch`). An event takes its coded fields from its
**representative** mention: the most specific code (the longest), ties going to the first report.
Its id is a hash of the key and its first mention (by report date, document, offsets), so it is the
same in every backend and after every re-ingest of the same data.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from geopol.records import Event
from geopol.store.base import StoredEvent, StoreError

DEFAULT_WINDOW_DAYS = 3
"""How far (in days) an undated mention's report may lie from an event's dates or reports: news
of a meeting is mostly published the day of it or the next two days."""

DEFAULT_CONFIDENCE_BASE = 0.5
"""Confidence of an event reported by ``n`` independent outlets: ``1 - base ** n`` (0.5, 0.75,
0.875, ...): each further outlet halves the chance that the event is a coding error."""

Key = tuple[str, str, str]
_UNDATED = 10**7
"""Sorts after every real day number (date.max is 3,652,059)."""


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """How mentions are grouped into events; pass to :func:`geopol.store.open_store`."""

    window_days: int = DEFAULT_WINDOW_DAYS
    """Undated mentions join an event whose dates or reports are at most this many days from
    their document date; 0 asks for the same day."""
    confidence_base: float = DEFAULT_CONFIDENCE_BASE

    def __post_init__(self) -> None:
        if isinstance(self.window_days, bool) or not isinstance(self.window_days, int) or self.window_days < 0:
            raise StoreError(f"the dedup window must be a whole number of days >= 0, got {self.window_days!r}")
        if not 0.0 < self.confidence_base < 1.0:
            raise StoreError(f"the confidence base must be between 0 and 1, got {self.confidence_base!r}")


def day_range(value: str | None) -> tuple[int, int] | None:
    """The first and last day (ordinals) an ISO year, month or day covers; None if not a date."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value[:10].split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1).toordinal(), dt.date(parts[0], 12, 31).toordinal()
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return dt.date(parts[0], parts[1], 1).toordinal(), dt.date(parts[0], parts[1], last).toordinal()
        day = dt.date(parts[0], parts[1], parts[2]).toordinal()
    except ValueError:
        return None
    return day, day


def iso_day(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention as deduplication sees it: its event, and its row id once stored."""

    event: Event
    row_id: int | None = None
    """``mentions.id``, or None for a mention not yet written."""
    current: str | None = None
    """The event id it is linked to now (None when new or not yet grouped)."""
    values: tuple[Any, ...] | None = field(default=None, compare=False)
    """The ``mentions`` row to insert (without ``event``), for a mention not yet written."""
    dates: tuple[int, int] | None = field(init=False, compare=False)
    """The first and last day the event is dated on (``date``..``date_end``), None when undated."""
    report: int | None = field(init=False, compare=False)
    """The day of its document, None when unknown."""
    span: tuple[int, int] | None = field(init=False, compare=False)
    """The days it is dated or reported on, None when neither."""

    def __post_init__(self) -> None:
        dates = day_range(self.event.date)
        end = day_range(self.event.date_end)
        if dates is not None and end is not None:
            dates = (dates[0], max(dates[1], end[1]))
        reported = day_range(self.event.doc_date)
        report = None if reported is None else reported[0]
        points = [*(dates or ()), *(() if report is None else (report,))]
        object.__setattr__(self, "dates", dates)
        object.__setattr__(self, "report", report)
        object.__setattr__(self, "span", (min(points), max(points)) if points else None)

    @property
    def key(self) -> Key:
        return (self.event.source, self.event.target, self.event.root)

    def order(self) -> tuple[int, str, int, int, str, str, str]:
        """Canonical order: report date (undated last), document, offsets, code, trigger, rule."""
        e = self.event
        report = self.report
        # str(): a bad field (None) must reach the database and fail there, inside the transaction.
        return (_UNDATED if report is None else report, e.doc, e.start, e.end, str(e.code), str(e.trigger),
                str(e.rule))


def group(mentions: Iterable[Mention], window_days: int) -> list[list[Mention]]:
    """Group the mentions of one key into events (see the module docstring); canonical order."""
    ordered = sorted(mentions, key=Mention.order)
    dated = _dated_groups([m for m in ordered if m.dates is not None])
    loose = [m for m in ordered if m.dates is None and m.report is not None]
    unanchored = [m for m in ordered if m.dates is None and m.report is None]
    reported = _attach_reported(dated, loose, window_days)
    groups = [*dated, *reported]
    _attach_unanchored(groups, unanchored)
    for members in groups:
        members.sort(key=Mention.order)
    groups.sort(key=lambda members: members[0].order())
    return groups


def _dated_groups(dated: list[Mention]) -> list[list[Mention]]:
    groups: list[list[Mention]] = []
    last_day = -1
    for mention in sorted(dated, key=lambda m: (m.dates, m.order())):
        start, end = mention.dates or (0, 0)
        if groups and start <= last_day:
            groups[-1].append(mention)
            last_day = max(last_day, end)
        else:
            groups.append([mention])
            last_day = end
    return groups


def _attach_reported(dated: list[list[Mention]], loose: list[Mention], window: int) -> list[list[Mention]]:
    """Attach undated mentions to the nearest dated group; group the rest by report date."""
    hulls = [_hull(members) for members in dated]
    rest: list[Mention] = []
    for mention in loose:
        day = mention.report or 0
        best: tuple[int, int] | None = None
        for index, (low, high) in enumerate(hulls):
            distance = max(low - day, day - high, 0)
            if distance <= window and (best is None or distance < best[0]):
                best = (distance, index)
        if best is None:
            rest.append(mention)
        else:
            dated[best[1]].append(mention)
    groups: list[list[Mention]] = []
    first_report = 0
    for mention in rest:  # already in report order
        day = mention.report or 0
        if groups and day - first_report <= window:
            groups[-1].append(mention)
        else:
            groups.append([mention])
            first_report = day
    return groups


def _hull(members: Sequence[Mention]) -> tuple[int, int]:
    spans = [m.span for m in members if m.span is not None]
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _attach_unanchored(groups: list[list[Mention]], unanchored: list[Mention]) -> None:
    by_doc: dict[str, list[Mention]] = {}
    for members in groups:
        for mention in members:
            by_doc.setdefault(mention.event.doc, members)
    for mention in unanchored:
        found = by_doc.get(mention.event.doc)
        if found is None:
            found = by_doc[mention.event.doc] = []
            groups.append(found)
        found.append(mention)


def event_id(members: Sequence[Mention]) -> str:
    """Stable id: a hash of the key and the first mention (the group in canonical order)."""
    first = members[0].event
    source, target, root = members[0].key
    parts = (source, target, root, first.doc, str(first.start), str(first.end), first.code, first.trigger)
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]


def representative(members: Sequence[Mention]) -> Mention:
    """The most specific code (the longest), ties to the first in canonical order."""
    return max(enumerate(members), key=lambda pair: (len(pair[1].event.code), -pair[0]))[1]


def stored_event(members: Sequence[Mention], confidence_base: float) -> StoredEvent:
    """The deduplicated event of a group of mentions (in canonical order)."""
    rep = representative(members).event
    dated = rep if rep.date is not None else next((m.event for m in members if m.event.date), rep)
    reports = sorted(m.event.doc_date for m in members if m.event.doc_date)
    outlets = len({m.event.outlet for m in members})
    return StoredEvent(
        id=event_id(members),
        source=rep.source,
        source_name=rep.source_name,
        target=rep.target,
        target_name=rep.target_name,
        code=rep.code,
        root=rep.root,
        label=rep.label,
        goldstein=rep.goldstein,
        quad_class=rep.quad_class,
        plover=rep.plover,
        date=dated.date,
        date_end=dated.date_end,
        place=rep.place,
        place_country=rep.place_country,
        modality=rep.modality,
        mentions=len(members),
        documents=len({m.event.doc for m in members}),
        outlets=outlets,
        first_report=reports[0] if reports else None,
        last_report=reports[-1] if reports else None,
        confidence=round(1.0 - confidence_base**outlets, 6),
        sentence=rep.sentence,
        doc=rep.doc,
        start=rep.start,
        end=rep.end,
        url=rep.url,
        outlet=rep.outlet,
    )


def span(members: Sequence[Mention]) -> tuple[str, str] | None:
    """The first and last day (ISO) the group is dated or reported on; None when never."""
    spans = [m.span for m in members if m.span is not None]
    if not spans:
        return None
    return iso_day(min(s[0] for s in spans)), iso_day(max(s[1] for s in spans))
