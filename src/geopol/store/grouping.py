"""Keeping the ``events`` table in step with ``mentions``, inside a write transaction.

:mod:`geopol.store.dedup` says how a set of mentions is grouped; this module decides which stored
mentions to regroup with the new ones and writes the outcome. For each key (source, target, root)
that new or removed mentions touch, the **region** is every stored event of that key whose span
(the days its mentions are dated or reported on) comes within the dedup window of the new mentions,
of the events that lost mentions, or of an event already in the region, repeated until no event is
added. Nothing outside the region can join it, so regrouping the region gives the same events as
regrouping the whole key, and the outcome does not depend on the order documents were stored in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from geopol.store import rows
from geopol.store.base import EVENT_ROW_FIELDS, REPORT_FIELDS, StoredEvent
from geopol.store.dedup import DedupConfig, Key, Mention, group, iso_day, span, stored_event
from geopol.store.dialect import Dialect, quote
from geopol.store.schema import EVENT_TABLE_COLUMNS, MENTION_COLUMNS, MENTION_DATA_COLUMNS

_CHUNK = 500
"""Ids per ``IN (...)`` list."""


class WriteCursor(Protocol):
    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, seq_of_parameters: Sequence[Sequence[Any]], /) -> Any: ...

    def fetchall(self) -> list[Any]: ...


@dataclass(slots=True)
class _Region:
    """The stored events of one key to regroup, and the days they and the new mentions reach."""

    events: set[str] = field(default_factory=set)
    low: int | None = None
    high: int | None = None

    def reach(self, low: int, high: int, window: int) -> bool:
        """Widen to ``low``..``high`` plus the window; True if it grew."""
        low, high = low - window, high + window
        if self.low is not None and self.high is not None and self.low <= low and high <= self.high:
            return False
        self.low = low if self.low is None else min(self.low, low)
        self.high = high if self.high is None else max(self.high, high)
        return True


@dataclass(frozen=True, slots=True)
class GroupingResult:
    created: int
    deleted: int


def _ordinal(iso: str) -> int:
    return dt.date.fromisoformat(iso).toordinal()


def event_row(event: StoredEvent, days: tuple[str, str] | None) -> tuple[Any, ...]:
    """Values for :data:`EVENT_TABLE_COLUMNS`."""
    effective = event.date if event.date is not None else event.first_report
    values = (*(getattr(event, name) for name in EVENT_ROW_FIELDS), effective, *(days or (None, None)))
    assert len(values) == len(EVENT_TABLE_COLUMNS)
    return values


def stored_event_from_row(row: Sequence[Any]) -> StoredEvent:
    """From the values of :data:`~geopol.store.queries.EVENT_SELECT_LIST`: the event's
    :data:`EVENT_ROW_FIELDS`, then its representative mention's :data:`REPORT_FIELDS`."""
    values = dict(zip((*EVENT_ROW_FIELDS, *REPORT_FIELDS), row, strict=True))
    values["goldstein"] = float(values["goldstein"])
    values["confidence"] = float(values["confidence"])
    return StoredEvent(**values)


class Grouper:
    """Regroups the regions new and removed mentions touch, within the caller's transaction."""

    def __init__(self, cursor: WriteCursor, dialect: Dialect, config: DedupConfig) -> None:
        self.cursor = cursor
        self.dialect = dialect
        self.config = config

    def run(self, incoming: Sequence[Mention], touched: Iterable[str]) -> GroupingResult:
        """Write the incoming mentions (``values`` set: insert; ``row_id`` set: relink) and
        regroup everything they and the events in ``touched`` (which lost mentions) reach."""
        regions: dict[Key, _Region] = {}
        by_key: dict[Key, list[Mention]] = {}
        for mention in incoming:
            region = regions.setdefault(mention.key, _Region())
            by_key.setdefault(mention.key, []).append(mention)
            if mention.span is not None:
                region.reach(*mention.span, self.config.window_days)
        self._add_touched(regions, set(touched))
        created = deleted = 0
        for key, region in regions.items():
            self._expand(key, region)
            made, dropped = self._regroup(region, by_key.get(key, []))
            created, deleted = created + made, deleted + dropped
        return GroupingResult(created, deleted)

    def _add_touched(self, regions: dict[Key, _Region], touched: set[str]) -> None:
        ids = sorted(touched)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            self.cursor.execute(
                f"SELECT id, source, target, root, span_start, span_end FROM events "
                f"WHERE id IN ({self.dialect.placeholders(len(chunk))})",
                chunk,
            )
            for event_id, source, target, root, low, high in self.cursor.fetchall():
                region = regions.setdefault((source, target, root), _Region())
                region.events.add(event_id)
                if low is not None and high is not None:
                    region.reach(_ordinal(low), _ordinal(high), self.config.window_days)

    def _expand(self, key: Key, region: _Region) -> None:
        """Add the stored events of ``key`` within the region's reach, until none is added."""
        ph = self.dialect.placeholder
        sql = (
            f"SELECT id, span_start, span_end FROM events WHERE source = {ph} AND target = {ph} "
            f"AND root = {ph} AND span_start <= {ph} AND span_end >= {ph}"
        )
        while region.low is not None and region.high is not None:
            self.cursor.execute(sql, (*key, iso_day(region.high), iso_day(max(region.low, 1))))
            grew = False
            for event_id, low, high in self.cursor.fetchall():
                region.events.add(event_id)
                grew = region.reach(_ordinal(low), _ordinal(high), self.config.window_days) or grew
            if not grew:
                return

    def _stored_mentions(self, event_ids: set[str]) -> list[Mention]:
        found: list[Mention] = []
        ids = sorted(event_ids)
        columns = ", ".join(quote(c) for c in MENTION_DATA_COLUMNS)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            self.cursor.execute(
                f"SELECT id, event, {columns} FROM mentions WHERE event IN ({self.dialect.placeholders(len(chunk))})",
                chunk,
            )
            found.extend(
                Mention(rows.event_from_row(row[2:]), row_id=int(row[0]), current=row[1])
                for row in self.cursor.fetchall()
            )
        return found

    def _regroup(self, region: _Region, new: list[Mention]) -> tuple[int, int]:
        """Regroup one region; write events, links and new mentions. Events created and deleted."""
        groups = group([*self._stored_mentions(region.events), *new], self.config.window_days)
        events = {}
        links: list[tuple[str, int]] = []
        inserts: list[tuple[Any, ...]] = []
        for members in groups:
            event = stored_event(members, self.config.confidence_base)
            events[event.id] = event_row(event, span(members))
            for mention in members:
                if mention.values is not None:
                    inserts.append((*mention.values, event.id))
                elif mention.current != event.id and mention.row_id is not None:
                    links.append((event.id, mention.row_id))
        self._upsert_events(list(events.values()))
        ph = self.dialect.placeholder
        if links:
            self.cursor.executemany(f"UPDATE mentions SET event = {ph} WHERE id = {ph}", links)
        if inserts:
            columns = ", ".join(quote(c) for c in MENTION_COLUMNS)
            self.cursor.executemany(
                f"INSERT INTO mentions ({columns}) VALUES ({self.dialect.placeholders(len(MENTION_COLUMNS))})",
                inserts,
            )
        stale = sorted(region.events - events.keys())
        for start in range(0, len(stale), _CHUNK):
            chunk = stale[start : start + _CHUNK]
            self.cursor.execute(f"DELETE FROM events WHERE id IN ({self.dialect.placeholders(len(chunk))})", chunk)
        return len(events.keys() - region.events), len(stale)

    def _upsert_events(self, values: list[tuple[Any, ...]]) -> None:
        if not values:
            return
        columns = ", ".join(quote(c) for c in EVENT_TABLE_COLUMNS)
        updates = ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in EVENT_TABLE_COLUMNS[1:])
        self.cursor.executemany(
            f"INSERT INTO events ({columns}) VALUES ({self.dialect.placeholders(len(EVENT_TABLE_COLUMNS))}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}",
            values,
        )
