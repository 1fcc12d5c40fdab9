"""Deduplicated events through the store, on both backends: grouping in add_batch, corrections,
ingest order, the queries, and the acceptance tests of issue 4 through the real pipeline."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import time
from pathlib import Path
from typing import Any

import pytest
from backends import postgres_schema, postgres_server
from store_samples import Batch, make_doc, make_event

from geopol.records import Article
from geopol.store import DedupConfig, EventQuery, StoredEvent, open_store
from geopol.store.base import Store
from geopol.store.load import IngestTotals, ingest
from geopol.store.sql import SqlStore

MEETING = "Kishida met Modi."


def report(doc_id: str, outlet: str, day: str, event_date: str | None, **fields: Any) -> Batch:
    """One document reporting the meeting, coded both ways (JPN→IND and IND→JPN)."""
    doc = make_doc(doc_id, MEETING, date=dt.date.fromisoformat(day), outlet=outlet)
    common = {"code": "030", "root": "03", "label": "Express intent to cooperate", "plover": "AGREE",
              "date": event_date, **fields}
    return [(doc, [make_event(doc, MEETING, source="JPN", target="IND", **common),
                   make_event(doc, MEETING, source="IND", target="JPN", **common)])]


def three_reports() -> Batch:
    return [
        *report("r1", "Daily Planet", "2024-05-14", "2024-05-14"),
        *report("r2", "Morning Ledger", "2024-05-15", "2024-05-14", code="0311"),
        *report("r3", "Evening Courier", "2024-05-15", None),
    ]


def snapshot(store: Store) -> tuple[list[StoredEvent], dict[str, list[tuple[str, int, str]]]]:
    events = list(store.events())
    links = {e.id: [(m.doc, m.start, m.source) for m in store.event_mentions(e.id)] for e in events}
    return events, links


def test_reports_of_one_meeting_become_one_event_per_direction(store: Store) -> None:
    result = store.add_batch(three_reports())
    assert result.events == 2 and result.mentions == 6
    events = list(store.events(EventQuery(dyad=("JPN", "IND"))))
    assert sorted((e.source, e.target) for e in events) == [("IND", "JPN"), ("JPN", "IND")]
    for event in events:
        assert (event.mentions, event.documents, event.outlets) == (3, 3, 3)
        assert (event.code, event.doc, event.date) == ("0311", "r2", "2024-05-14")  # the most specific code
        assert (event.first_report, event.last_report, event.confidence) == ("2024-05-14", "2024-05-15", 0.875)
        assert [m.doc for m in store.event_mentions(event.id)] == ["r1", "r2", "r3"]
        # where the representative report was published, read from its mention
        assert (event.url, event.outlet) == ("https://example.org/r2", "Morning Ledger")
        assert store.event(event.id) == event


def test_another_meeting_on_another_day_stays_another_event(store: Store) -> None:
    store.add_batch([*three_reports(), *report("r4", "Daily Planet", "2024-05-20", "2024-05-20")])
    dates = sorted((e.date, e.mentions) for e in store.events(EventQuery(actor="JPN")) if e.source == "JPN")
    assert dates == [("2024-05-14", 3), ("2024-05-20", 1)]


def test_the_dedup_window_is_configurable(store_url: str) -> None:
    late = report("late", "Ledger", "2024-05-19", None)  # undated, reported 5 days after the meeting
    with open_store(store_url, dedup=DedupConfig(window_days=3)) as store:
        store.add_batch([*three_reports(), *late])
        assert store.count_events() == 4
    with open_store(store_url, dedup=DedupConfig(window_days=7)) as wide:
        assert isinstance(wide, SqlStore)
        wide.unlink_events()
        assert wide.counts()["events"] == 0
        assert wide.regroup().events == 2
        assert [e.mentions for e in wide.events()] == [4, 4]


def test_ingest_order_does_not_change_the_events(store_url: str) -> None:
    batches = [three_reports()[:1], three_reports()[1:2], three_reports()[2:],
               report("r4", "Daily Planet", "2024-05-16", None)]
    with open_store(store_url) as store:
        store.add_batch([pair for batch in batches for pair in batch])
        expected = snapshot(store)
    for order in list(itertools.permutations(range(4)))[1::7]:
        with open_store(":memory:") as store:
            for index in order:
                store.add_batch(batches[index])
            assert snapshot(store) == expected


def test_a_corrected_document_regroups_its_events(store: Store) -> None:
    store.add_batch(three_reports())
    before = {e.id for e in store.events()}
    # r2 is corrected: the meeting it reports was on May 20, not May 14.
    corrected = report("r2", "Morning Ledger", "2024-05-21", "2024-05-20", code="0311")
    result = store.add_batch(corrected)
    assert result.updated == 1 and result.events == 2
    jpn = sorted((e.date, e.code, e.mentions) for e in store.events() if e.source == "JPN")
    assert jpn == [("2024-05-14", "030", 2), ("2024-05-20", "0311", 1)]
    assert store.counts()["events"] == 4
    # Withdrawn entirely (no events left in it): its event is deleted, the others stay.
    empty = dataclasses.replace(corrected[0][0], text="Retracted.")
    assert store.add_batch([(empty, [])]).events == -2
    assert {e.id for e in store.events()} == before  # back to the r1+r3 events, whose first mention is r1's
    assert store.counts() == {"documents": 3, "mentions": 4, "events": 2, "rejections": 0}


def test_same_batch_twice_changes_no_event(store: Store) -> None:
    store.add_batch(three_reports())
    before = snapshot(store)
    assert store.add_batch(three_reports()).events == 0
    assert snapshot(store) == before


def test_event_ids_are_the_same_in_both_backends(db_path: Path) -> None:
    with postgres_schema(postgres_server()) as url, open_store(url) as pg, open_store(db_path) as lite:
        for store in (pg, lite):
            store.add_batch([*three_reports(), *report("r4", "Planet", "2024-05-20", "2024-05-20")])
        assert snapshot(pg) == snapshot(lite)
        assert list(pg.events(EventQuery(order="-date", text="Modi"))) == list(lite.events(
            EventQuery(order="-date", text="Modi")))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, 4),
        ({"actor": "jpn"}, 4),
        ({"dyad": ("IND", "JPN")}, 4),
        ({"code": "0311"}, 2),
        ({"code": "03"}, 4),
        ({"root": "03", "quad_class": 1, "plover": "AGREE"}, 4),
        ({"root": "04"}, 0),
        ({"since": "2024-05-20"}, 2),
        ({"until": "2024-05-14"}, 2),
        ({"outlet": "Evening Courier"}, 2),  # any mention's outlet
        ({"doc": "r4"}, 2),
        ({"text": "Kishida"}, 4),
        ({"text": "Kishi"}, 4),
        ({"text": "Tokyo"}, 0),
        ({"outlet": "Evening Courier", "since": "2024-05-20"}, 0),
    ],
)
def test_event_filters(store: Store, query: dict[str, Any], expected: int) -> None:
    store.add_batch([*three_reports(), *report("r4", "Planet", "2024-05-20", "2024-05-20")])
    found = list(store.events(EventQuery(**query)))
    assert len(found) == expected == store.count_events(EventQuery(**query, limit=1))


def test_event_order_pages_and_lookup(store: Store) -> None:
    store.add_batch([*three_reports(), *report("r4", "Planet", "2024-05-20", "2024-05-20"),
                     *report("r5", "Planet", "2024-05-30", None)])
    dates = [e.date or e.first_report for e in store.events()]
    assert dates == sorted(dates)
    newest = list(store.events(EventQuery(order="-date")))
    assert [e.date or e.first_report for e in newest] == sorted(dates, reverse=True)
    pages = [e for offset in (0, 2, 4) for e in store.events(EventQuery(order="-date", limit=2, offset=offset))]
    assert pages == newest
    assert store.event(newest[0].id) == newest[0]
    assert store.event("nope") is None
    assert list(store.event_mentions("nope")) == []


def test_document_counts(store: Store) -> None:
    store.add_batch([*three_reports(), *report("r4", "Planet", "2024-06-20", "2024-06-20"),
                     (make_doc("undated", "Nothing."), [])])
    assert store.document_counts() == {"2024-05": 3, "2024-06": 1}
    assert store.document_counts("day") == {"2024-05-14": 1, "2024-05-15": 2, "2024-06-20": 1}
    assert store.document_counts("year", outlet="Planet") == {"2024": 1}


def test_search_returns_the_matching_sentence(store: Store) -> None:
    doc = make_doc("s1", "Kishida met Modi. Talks covered the Power of Siberia pipeline.",
                   date=dt.date(2024, 5, 14), outlet="X")
    first = make_event(doc, "Kishida met Modi.", source="JPN", target="IND", date="2024-05-14")
    second = make_event(doc, "Talks covered the Power of Siberia pipeline.", source="JPN", target="IND",
                        date="2024-05-14")
    store.add_batch([(doc, [first, second])])
    ((event, found),) = list(store.search("power of sib"))
    assert event.mentions == 2 and found.sentence == second.sentence
    assert list(store.search("Siberia", EventQuery(actor="RUS"))) == []


# -- through the pipeline ---------------------------------------------------------------------

ARTICLES = (
    ("t1", "Daily Planet", dt.date(2024, 5, 14),
     "Leaders meet in Singapore\n\nJapanese Prime Minister Fumio Kishida met Indian Prime Minister Narendra Modi "
     "in Singapore on May 14.\n"),
    ("t2", "Morning Ledger", dt.date(2024, 5, 15),
     "Talks in Singapore\n\nFumio Kishida met Narendra Modi in Singapore on Tuesday, officials said.\n"),
    ("t3", "Evening Courier", dt.date(2024, 5, 16),
     "Japan and India\n\nOn May 14, Japan's prime minister met Modi in Singapore.\n"),
    ("t4", "Daily Planet", dt.date(2024, 6, 20),
     "Another meeting\n\nFumio Kishida met Narendra Modi in Bali on June 20.\n"),
)


def test_acceptance_three_reports_one_event_and_another_meeting(store: Store, pipeline: Any) -> None:
    articles = [Article(id=i, outlet=o, date=d, text=t) for i, o, d, t in ARTICLES]
    totals = ingest(store, pipeline.process(articles), batch_size=2)
    assert (totals.added, totals.mentions, totals.events) == (4, 8, 4)
    events = list(store.events(EventQuery(dyad=("JPN", "IND"))))
    assert sorted((e.source, e.date, e.mentions, e.outlets) for e in events) == [
        ("INDGOV", "2024-05-14", 3, 3), ("INDGOV", "2024-06-20", 1, 1),
        ("JPNGOV", "2024-05-14", 3, 3), ("JPNGOV", "2024-06-20", 1, 1),
    ]
    tuesday = [m for e in events for m in store.event_mentions(e.id) if m.doc == "t2"]
    assert {m.date_text for m in tuesday} == {"Tuesday"}


@pytest.mark.slow
def test_seeds_ingested_twice_leave_the_store_unchanged(store: Store, pipeline: Any, shared: Path) -> None:
    from geopol.ingest import iter_inputs

    seeds = str(shared / "corpus" / "seeds.jsonl")
    started = time.perf_counter()
    first = ingest(store, pipeline.process(iter_inputs([seeds])))
    assert first.added == 5 and first.rejected == 0
    assert 0 < first.events < first.mentions
    counts, contents = store.counts(), snapshot(store)
    mentions, documents = list(store.mentions()), list(store.documents())
    second = ingest(store, pipeline.process(iter_inputs([seeds])))
    assert second == IngestTotals(unchanged=5)
    assert store.counts() == counts
    assert snapshot(store) == contents
    assert list(store.mentions()) == mentions and list(store.documents()) == documents
    assert time.perf_counter() - started < 120
