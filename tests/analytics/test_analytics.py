"""Timelines, actor rankings and the network, on hand-made deduplicated events."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from geopol.analytics import (
    ActorCount,
    Edge,
    Node,
    PairCount,
    actor_activity,
    event_period,
    network,
    period_range,
    timeline,
)
from geopol.store.base import StoredEvent

StoredFactory = Callable[..., StoredEvent]


def _once(events: list[StoredEvent]) -> Iterator[StoredEvent]:
    """A one-shot iterator: the functions must consume their input in one pass."""
    yield from events


# --- periods -------------------------------------------------------------------------------------


def test_the_period_of_an_event_is_its_date_else_its_first_report(stored: StoredFactory) -> None:
    dated = stored("a", "RUS", "CHN", "040", "2024-03-05", first_report="2024-04-01")
    undated = stored("b", "RUS", "CHN", "040", None, first_report="2024-04-01")
    nothing = stored("c", "RUS", "CHN", "040", None, first_report=None)
    assert event_period(dated, "month") == "2024-03"
    assert event_period(dated, "day") == "2024-03-05"
    assert event_period(dated, "year") == "2024"
    assert event_period(undated, "month") == "2024-04"
    assert event_period(nothing, "month") is None


def test_a_date_too_coarse_for_the_period_gives_way_to_the_first_report(stored: StoredFactory) -> None:
    coarse = stored("a", "RUS", "CHN", "040", "2024", first_report="2024-06-02")
    assert event_period(coarse, "year") == "2024"
    assert event_period(coarse, "month") == "2024-06"


def test_period_ranges_cross_month_and_year_ends() -> None:
    assert period_range("2024-11", "2025-02", "month") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert period_range("2024-02-28", "2024-03-01", "day") == ["2024-02-28", "2024-02-29", "2024-03-01"]
    assert period_range("2019", "2021", "year") == ["2019", "2020", "2021"]
    assert period_range("2024-05", "2024-05", "month") == ["2024-05"]


def test_an_unknown_period_is_refused(dyad_events: list[StoredEvent]) -> None:
    with pytest.raises(ValueError, match="period must be one of day, month, year"):
        timeline(dyad_events, by="week")  # type: ignore[arg-type]


# --- timeline ------------------------------------------------------------------------------------


def test_timeline_counts_events_per_month_and_quad_class(dyad_events: list[StoredEvent]) -> None:
    rows = timeline(_once(dyad_events), by="month")
    assert [row.period for row in rows] == ["2024-03", "2024-04", "2024-05"]
    march, april, may = rows
    # e1, e2 dated in March; e3 undated but first reported on 2024-03-21; e7 cannot be placed.
    assert march.events == 3
    assert march.by_quad == {1: 3, 2: 0, 3: 0, 4: 0}
    assert march.goldstein_sum == pytest.approx(1.0 + 1.0 + 1.9)
    assert march.goldstein_mean == pytest.approx(3.9 / 3)
    # April is a gap filled with an empty row.
    assert april.events == 0
    assert april.by_quad == {1: 0, 2: 0, 3: 0, 4: 0}
    assert april.goldstein_sum == 0.0
    assert april.goldstein_mean is None
    # May: 112 (quad 3), 190 (quad 4), 130 (quad 3), 057 (quad 1).
    assert may.events == 4
    assert may.by_quad == {1: 1, 2: 0, 3: 2, 4: 1}
    assert may.goldstein_sum == pytest.approx(-2.0 - 10.0 - 4.4 + 8.0)
    assert may.goldstein_mean == pytest.approx(-8.4 / 4)
    assert sum(row.events for row in rows) == 7


def test_timeline_normalises_by_the_documents_of_each_period(dyad_events: list[StoredEvent]) -> None:
    rows = timeline(dyad_events, by="month", doc_counts={"2024-03": 6, "2024-05": 2, "2023-01": 40})
    by_period = {row.period: row for row in rows}
    assert by_period["2024-03"].documents == 6
    assert by_period["2024-03"].events_per_document == pytest.approx(0.5)
    assert by_period["2024-04"].documents == 0
    assert by_period["2024-04"].events_per_document is None
    assert by_period["2024-05"].events_per_document == pytest.approx(2.0)
    assert "2023-01" not in by_period  # document counts do not widen the range of the events


def test_timeline_without_document_counts_leaves_the_ratio_empty(dyad_events: list[StoredEvent]) -> None:
    rows = timeline(dyad_events)
    assert all(row.documents == 0 and row.events_per_document is None for row in rows)


def test_timeline_by_day_and_by_year(dyad_events: list[StoredEvent]) -> None:
    days = timeline(dyad_events, by="day")
    assert days[0].period == "2024-03-05"
    assert days[-1].period == "2024-05-17"
    assert len(days) == 74  # every day from March 5 to May 17, 2024
    assert sum(row.events for row in days) == 7
    years = timeline(dyad_events, by="year")
    assert [(row.period, row.events) for row in years] == [("2024", 7)]


def test_timeline_of_nothing_is_empty(stored: StoredFactory) -> None:
    assert timeline([]) == []
    assert timeline([stored("x", "RUS", "CHN", "040", None, first_report=None)]) == []


# --- actors and pairs ----------------------------------------------------------------------------


def test_actor_activity_ranks_actors_by_events(dyad_events: list[StoredEvent]) -> None:
    actors, _ = actor_activity(_once(dyad_events))
    assert actors[0] == ActorCount("RUSGOV", "RUSGOV name", events=5, as_source=3, as_target=2)
    assert actors[1] == ActorCount("CHNGOV", "CHNGOV name", events=4, as_source=2, as_target=2)
    codes = [actor.code for actor in actors]
    assert "---" not in codes
    # Ties are broken by code.
    assert codes[2:] == ["CHN", "RUS", "RUSMIL", "UKR", "USA"]
    chn = actors[2]
    assert (chn.events, chn.as_source, chn.as_target) == (2, 1, 1)  # e6 with the unknown target counts


def test_pairs_are_unordered_and_split_cooperation_from_conflict(dyad_events: list[StoredEvent]) -> None:
    _, pairs = actor_activity(dyad_events)
    assert pairs[0] == PairCount("CHNGOV", "RUSGOV", events=3, cooperation=3, conflict=0,
                                 goldstein_sum=pytest.approx(10.0))
    by_pair = {(pair.a, pair.b): pair for pair in pairs}
    assert by_pair["CHN", "RUSGOV"].conflict == 1
    assert by_pair["RUSMIL", "UKR"].goldstein_sum == pytest.approx(-10.0)
    assert all(pair.a < pair.b for pair in pairs)
    assert not any("---" in (pair.a, pair.b) for pair in pairs)
    assert sum(pair.events for pair in pairs) == 7  # every event but the one with an unknown target


def test_top_limits_actors_and_pairs(dyad_events: list[StoredEvent]) -> None:
    actors, pairs = actor_activity(dyad_events, top=2)
    assert [a.code for a in actors] == ["RUSGOV", "CHNGOV"]
    assert len(pairs) == 2
    assert actor_activity(dyad_events, top=0) == ([], [])
    with pytest.raises(ValueError, match="top must be >= 0"):
        actor_activity(dyad_events, top=-1)


def test_actors_are_named_by_their_most_frequent_name(stored: StoredFactory) -> None:
    events = [
        stored("a", "RUSGOV", "CHN", "040", "2024-01-01", source_name="Russian government"),
        stored("b", "RUSGOV", "CHN", "040", "2024-01-02", source_name="Vladimir Putin"),
        stored("c", "CHN", "RUSGOV", "040", "2024-01-03", target_name="Vladimir Putin"),
    ]
    actors, _ = actor_activity(events)
    names = {actor.code: actor.name for actor in actors}
    assert names == {"RUSGOV": "Vladimir Putin", "CHN": "CHN name"}


def test_an_actor_acting_on_itself_counts_once_and_makes_no_pair(stored: StoredFactory) -> None:
    actors, pairs = actor_activity([stored("a", "RUSGOV", "RUSGOV", "173", "2024-01-01")])
    assert actors == [ActorCount("RUSGOV", "RUSGOV name", events=1, as_source=1, as_target=1)]
    assert pairs == []


def test_countries_fold_codes_to_their_country(dyad_events: list[StoredEvent]) -> None:
    actors, pairs = actor_activity(dyad_events, countries=True)
    codes = [actor.code for actor in actors]
    assert codes[:2] == ["RUS", "CHN"]
    assert set(codes) == {"RUS", "CHN", "UKR", "USA"}
    assert pairs[0].a == "CHN" and pairs[0].b == "RUS"
    assert pairs[0].events == 5


# --- network -------------------------------------------------------------------------------------


def test_network_has_directed_edges_with_weights(dyad_events: list[StoredEvent]) -> None:
    graph = network(_once(dyad_events))
    edges = {(edge.source, edge.target): edge for edge in graph.edges}
    assert set(edges) == {
        ("RUSGOV", "CHNGOV"), ("CHNGOV", "RUSGOV"), ("CHNGOV", "RUS"), ("RUSGOV", "CHN"),
        ("RUSMIL", "UKR"), ("USA", "RUSGOV"),
    }
    forward = edges["RUSGOV", "CHNGOV"]
    assert forward == Edge("RUSGOV", "CHNGOV", events=2, cooperation=2, conflict=0,
                           goldstein_sum=pytest.approx(9.0), weight=pytest.approx(0.75 + 0.9), balance=1.0)
    assert edges["RUSGOV", "CHN"].balance == -1.0
    assert edges["RUSMIL", "UKR"].conflict == 1
    assert all(0 < edge.weight <= edge.events for edge in graph.edges)
    assert [(e.source, e.target) for e in graph.edges] == sorted(edges)


def test_network_nodes_are_the_actors_of_the_edges(dyad_events: list[StoredEvent]) -> None:
    graph = network(dyad_events)
    assert [node.code for node in graph.nodes] == ["CHN", "CHNGOV", "RUS", "RUSGOV", "RUSMIL", "UKR", "USA"]
    nodes = {node.code: node for node in graph.nodes}
    assert nodes["RUSGOV"] == Node("RUSGOV", "RUSGOV name", 5)
    assert nodes["CHN"].events == 1  # the event with the unknown target is not in the graph


def test_min_events_drops_weak_edges_and_lonely_nodes(dyad_events: list[StoredEvent]) -> None:
    graph = network(dyad_events, min_events=2)
    assert [(e.source, e.target) for e in graph.edges] == [("RUSGOV", "CHNGOV")]
    assert [(n.code, n.events) for n in graph.nodes] == [("CHNGOV", 4), ("RUSGOV", 5)]
    with pytest.raises(ValueError, match="min_events must be >= 1"):
        network(dyad_events, min_events=0)


def test_network_by_country_merges_edges_and_drops_internal_ones(stored: StoredFactory) -> None:
    events = [
        stored("a", "RUSGOV", "CHNGOV", "040", "2024-01-01"),
        stored("b", "RUS", "CHN", "112", "2024-01-02"),
        stored("c", "RUSGOV", "RUSMIL", "040", "2024-01-03"),
    ]
    graph = network(events, countries=True)
    assert len(graph.edges) == 1
    edge = graph.edges[0]
    assert (edge.source, edge.target, edge.events, edge.cooperation, edge.conflict) == ("RUS", "CHN", 2, 1, 1)
    assert edge.balance == 0.0
