"""Aggregates over deduplicated events: dyad timelines, actor rankings and the actor network.

Every function takes any iterable of :class:`~geopol.store.StoredEvent` (a store query, a list
built by hand) and consumes it once, keeping only one accumulator per period, actor or pair, so
it can run over a whole database stream. They are pure: no store, no printing.

Conventions shared by all three:

* **Cooperation and conflict.** Quad classes 1 (verbal cooperation) and 2 (material cooperation)
  count as cooperation; 3 (verbal conflict) and 4 (material conflict) as conflict.
* **Actors** are aggregated at the code the events carry (``RUSGOV`` and ``RUS`` are two actors)
  unless ``countries=True``, which folds every code to its country part
  (:attr:`geopol.records.Actor.country`: ``RUSGOV`` -> ``RUS``, ``IGOUNO`` stays six letters).
* **Unknown targets.** The unknown actor :data:`UNKNOWN_ACTOR` (``---``) is not an actor: events
  with it still count for the known side's activity, but never make a pair or an edge. Events of
  an actor on itself (``RUSGOV`` -> ``RUSGOV``, or ``RUSGOV`` -> ``RUSMIL`` with ``countries=True``)
  make no pair or edge either.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from geopol.records import Actor
from geopol.store.base import StoredEvent

__all__ = [
    "PERIODS",
    "QUAD_CLASSES",
    "QUAD_NAMES",
    "UNKNOWN_ACTOR",
    "ActorCount",
    "Edge",
    "Network",
    "Node",
    "PairCount",
    "Period",
    "TimelineRow",
    "actor_activity",
    "event_period",
    "network",
    "period_range",
    "timeline",
]

Period = Literal["day", "month", "year"]
PERIODS: tuple[Period, ...] = ("day", "month", "year")
_PERIOD_LENGTH: dict[str, int] = {"year": 4, "month": 7, "day": 10}
"""Characters of an ISO date that name its period: ``2024``, ``2024-05``, ``2024-05-16``."""

QUAD_CLASSES: tuple[int, ...] = (1, 2, 3, 4)
QUAD_NAMES: dict[int, str] = {
    1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
}
UNKNOWN_ACTOR = "---"
"""The code the coder gives a target it could not identify."""


def _is_cooperation(quad_class: int) -> bool:
    return quad_class in (1, 2)


def _is_conflict(quad_class: int) -> bool:
    return quad_class in (3, 4)


# --- timeline -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """The events of one period.

    ``documents`` is the number of stored documents dated in the period (the size of the news
    sample, from :meth:`geopol.store.Store.document_counts`), 0 when none was given;
    ``events_per_document`` is ``events / documents``, ``None`` when there are no documents. It
    is the normalised volume: a month with twice as many articles is expected to show twice as
    many events, so compare this column, not ``events``, across periods of uneven coverage.
    """

    period: str
    events: int
    by_quad: dict[int, int]
    goldstein_sum: float
    goldstein_mean: float | None
    documents: int
    events_per_document: float | None


@dataclass(slots=True)
class _PeriodTotals:
    events: int = 0
    goldstein: float = 0.0
    by_quad: dict[int, int] = field(default_factory=lambda: dict.fromkeys(QUAD_CLASSES, 0))


def event_period(event: StoredEvent, by: Period = "month") -> str | None:
    """The period an event falls in: that of its date, else of its first report.

    A date too coarse for ``by`` (``"2024"`` by month) gives way to the first report; ``None``
    when neither places the event (it is left out of timelines).
    """
    length = _period_length(by)
    for value in (event.date, event.first_report):
        if value is not None and len(value) >= length:
            return value[:length]
    return None


def period_range(first: str, last: str, by: Period = "month") -> list[str]:
    """Every period from ``first`` to ``last`` inclusive (``2024-11``, ``2024-12``, ``2025-01``)."""
    _period_length(by)
    periods: list[str] = []
    current = first
    while current <= last:
        periods.append(current)
        current = _next_period(current, by)
    return periods


def _period_length(by: str) -> int:
    try:
        return _PERIOD_LENGTH[by]
    except KeyError:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, got {by!r}") from None


def _next_period(period: str, by: Period) -> str:
    if by == "year":
        return f"{int(period) + 1:04d}"
    if by == "month":
        year, month = int(period[:4]), int(period[5:7])
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    return (dt.date.fromisoformat(period) + dt.timedelta(days=1)).isoformat()


def timeline(
    events: Iterable[StoredEvent],
    *,
    by: Period = "month",
    doc_counts: Mapping[str, int] | None = None,
) -> list[TimelineRow]:
    """Events per period, by quad class, with Goldstein sum and mean, normalised by documents.

    The period of an event is given by :func:`event_period`; events it cannot place are skipped.
    Rows are sorted by period, and every period between the first and the last has a row (zero
    events where nothing happened), so the result plots as a regular series. ``doc_counts`` maps
    a period (``2024-05``) to the number of documents of that period.
    """
    _period_length(by)
    totals: dict[str, _PeriodTotals] = {}
    for event in events:
        period = event_period(event, by)
        if period is None:
            continue
        bucket = totals.get(period)
        if bucket is None:
            bucket = totals[period] = _PeriodTotals()
        bucket.events += 1
        bucket.goldstein += event.goldstein
        if event.quad_class in bucket.by_quad:
            bucket.by_quad[event.quad_class] += 1
    if not totals:
        return []
    counts = doc_counts or {}
    rows = []
    for period in period_range(min(totals), max(totals), by):
        bucket = totals.get(period) or _PeriodTotals()
        documents = int(counts.get(period, 0))
        rows.append(TimelineRow(
            period=period,
            events=bucket.events,
            by_quad=dict(bucket.by_quad),
            goldstein_sum=round(bucket.goldstein, 6),
            goldstein_mean=round(bucket.goldstein / bucket.events, 6) if bucket.events else None,
            documents=documents,
            events_per_document=round(bucket.events / documents, 6) if documents else None,
        ))
    return rows


# --- actors and pairs ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActorCount:
    """One actor's activity: ``events`` it takes part in, as source and as target.

    An event of an actor on itself counts once in ``events`` and once in each role.
    """

    code: str
    name: str
    events: int
    as_source: int
    as_target: int


@dataclass(frozen=True, slots=True)
class PairCount:
    """The events between two actors in either direction (``a < b``)."""

    a: str
    b: str
    events: int
    cooperation: int
    conflict: int
    goldstein_sum: float


@dataclass(slots=True)
class _ActorTotals:
    names: Counter[str] = field(default_factory=Counter)
    events: int = 0
    as_source: int = 0
    as_target: int = 0


@dataclass(slots=True)
class _LinkTotals:
    events: int = 0
    cooperation: int = 0
    conflict: int = 0
    goldstein: float = 0.0
    confidence: float = 0.0

    def add(self, event: StoredEvent) -> None:
        self.events += 1
        self.cooperation += _is_cooperation(event.quad_class)
        self.conflict += _is_conflict(event.quad_class)
        self.goldstein += event.goldstein
        self.confidence += event.confidence


def _actor_key(code: str, countries: bool) -> str:
    if code == UNKNOWN_ACTOR or not countries:
        return code
    return Actor(code, "").country


def _count_actor(actors: dict[str, _ActorTotals], code: str, name: str) -> None:
    """One more event of the actor ``code``, reported under ``name``."""
    totals = actors.setdefault(code, _ActorTotals())
    totals.events += 1
    if name:
        totals.names[name] += 1


def _names(totals: Mapping[str, _ActorTotals]) -> dict[str, str]:
    """The most frequent name of each actor code (ties: the first seen)."""
    return {code: (t.names.most_common(1)[0][0] if t.names else code) for code, t in totals.items()}


def actor_activity(
    events: Iterable[StoredEvent], *, top: int = 20, countries: bool = False
) -> tuple[list[ActorCount], list[PairCount]]:
    """The ``top`` most active actors and the ``top`` most active pairs of actors.

    Actors are ranked by events, then code; pairs by events, then ``(a, b)``. Each actor is named
    by the name it is most often reported under. ``countries`` folds codes to their country.
    """
    if top < 0:
        raise ValueError(f"top must be >= 0, got {top}")
    actors: dict[str, _ActorTotals] = {}
    pairs: dict[tuple[str, str], _LinkTotals] = {}
    for event in events:
        source, target = _actor_key(event.source, countries), _actor_key(event.target, countries)
        for code, name, role in ((source, event.source_name, "source"), (target, event.target_name, "target")):
            if code == UNKNOWN_ACTOR or (role == "target" and code == source):
                continue
            _count_actor(actors, code, name)
        if source != UNKNOWN_ACTOR:
            actors[source].as_source += 1
        if target != UNKNOWN_ACTOR:
            actors[target].as_target += 1
        if UNKNOWN_ACTOR not in (source, target) and source != target:
            pairs.setdefault((min(source, target), max(source, target)), _LinkTotals()).add(event)
    names = _names(actors)
    ranked = sorted(actors.items(), key=lambda item: (-item[1].events, item[0]))[:top]
    actor_rows = [ActorCount(code, names[code], t.events, t.as_source, t.as_target) for code, t in ranked]
    ranked_pairs = sorted(pairs.items(), key=lambda item: (-item[1].events, item[0]))[:top]
    pair_rows = [
        PairCount(a, b, t.events, t.cooperation, t.conflict, round(t.goldstein, 6)) for (a, b), t in ranked_pairs
    ]
    return actor_rows, pair_rows


# --- network ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Node:
    """An actor of the network: ``events`` counts all its events with a known other actor
    (before ``min_events`` drops weak edges)."""

    code: str
    name: str
    events: int


@dataclass(frozen=True, slots=True)
class Edge:
    """The events directed from ``source`` to ``target``.

    ``weight`` is the sum of the confidences of the edge's events (each in (0, 1], growing with
    the number of independent outlets that report the event): the evidence-weighted number of
    events, never more than ``events``, always > 0, so layout tools (Gephi's ForceAtlas2) can use
    it as an attraction. It is the edge width of :func:`geopol.plot.plot_network`.
    ``balance`` is ``(cooperation - conflict) / events`` in [-1, 1]: +1 all cooperation, -1 all
    conflict; it colours the edge.
    """

    source: str
    target: str
    events: int
    cooperation: int
    conflict: int
    goldstein_sum: float
    weight: float
    balance: float = 0.0


@dataclass(frozen=True, slots=True)
class Network:
    """Actors (sorted by code) and the directed edges between them (sorted by source, target)."""

    nodes: list[Node]
    edges: list[Edge]


def network(events: Iterable[StoredEvent], *, min_events: int = 1, countries: bool = False) -> Network:
    """The directed actor graph: one edge per (source, target) with at least ``min_events`` events.

    Nodes are the actors that keep at least one edge. ``countries`` folds codes to their country.
    """
    if min_events < 1:
        raise ValueError(f"min_events must be >= 1, got {min_events}")
    actors: dict[str, _ActorTotals] = {}
    links: dict[tuple[str, str], _LinkTotals] = {}
    for event in events:
        source, target = _actor_key(event.source, countries), _actor_key(event.target, countries)
        if UNKNOWN_ACTOR in (source, target) or source == target:
            continue
        links.setdefault((source, target), _LinkTotals()).add(event)
        for code, name in ((source, event.source_name), (target, event.target_name)):
            _count_actor(actors, code, name)
    edges = [
        Edge(
            source=source, target=target, events=t.events, cooperation=t.cooperation, conflict=t.conflict,
            goldstein_sum=round(t.goldstein, 6), weight=round(t.confidence, 6),
            balance=round((t.cooperation - t.conflict) / t.events, 6),
        )
        for (source, target), t in sorted(links.items())
        if t.events >= min_events
    ]
    kept = {edge.source for edge in edges} | {edge.target for edge in edges}
    names = _names(actors)
    nodes = [Node(code, names[code], actors[code].events) for code in sorted(kept)]
    return Network(nodes, edges)
