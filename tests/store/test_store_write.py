"""add_batch: added / updated / unchanged, one transaction, rejections once."""

from __future__ import annotations

import dataclasses

import pytest
from store_samples import make_doc, make_event, sample_batch, sample_rejections

from geopol.records import EVENT_FIELDS, Rejection
from geopol.store import BatchResult, EventQuery, StoreError
from geopol.store.base import Store
from geopol.store.schema import EVENT_COLUMNS
from geopol.store.sql import SqlStore


def test_new_documents_are_added(store: Store) -> None:
    result = store.add_batch(sample_batch(), sample_rejections())
    assert result == BatchResult(added=3, updated=0, unchanged=0, rejected=2, mentions=5, events=5)
    assert store.counts() == {"documents": 3, "mentions": 5, "events": 5, "rejections": 2}


def test_same_batch_twice_changes_nothing(store: Store) -> None:
    store.add_batch(sample_batch(), sample_rejections())
    mentions_before = list(store.mentions())
    documents_before = list(store.documents())
    events_before = list(store.events())
    links_before = {e.id: list(store.event_mentions(e.id)) for e in events_before}
    result = store.add_batch(sample_batch(), sample_rejections())
    assert result == BatchResult(added=0, updated=0, unchanged=3, rejected=0, mentions=0, events=0)
    assert store.counts() == {"documents": 3, "mentions": 5, "events": 5, "rejections": 2}
    assert list(store.mentions()) == mentions_before
    assert list(store.documents()) == documents_before
    assert list(store.events()) == events_before
    assert {e.id: list(store.event_mentions(e.id)) for e in events_before} == links_before


def test_events_round_trip_with_extra(filled: Store) -> None:
    stored = {(e.doc, e.start): e for e in filled.mentions()}
    for _, events in sample_batch():
        for event in events:
            assert stored[(event.doc, event.start)] == event
            assert stored[(event.doc, event.start)].extra == event.extra
    assert stored[("d1", 0)].extra == {"confidence": 0.9}


def test_changed_text_replaces_the_document_and_its_mentions(filled: Store) -> None:
    sentence = "Russia and Ukraine signed a ceasefire."
    doc = make_doc("d1", sentence, date=sample_batch()[0][0].article.date, outlet="Reuters", title="Talks")
    event = make_event(doc, sentence, source="RUS", target="UKR", code="057", root="05", date="2024-03-02")
    result = filled.add_batch([(doc, [event])])
    assert result == BatchResult(updated=1, mentions=1, events=-1)  # two events gone, one new
    assert filled.counts()["documents"] == 3
    assert filled.counts()["mentions"] == 4
    assert filled.counts()["events"] == 4
    assert {e.code for e in filled.events(EventQuery(doc="d1"))} == {"057"}
    assert list(filled.mentions(EventQuery(doc="d1"))) == [event]
    stored = filled.document("d1")
    assert stored is not None and stored.text == sentence


def test_changed_metadata_counts_as_an_update(filled: Store) -> None:
    doc, events = sample_batch()[0]
    retitled = dataclasses.replace(doc, article=dataclasses.replace(doc.article, title="Geneva talks"))
    before = list(filled.events())
    assert filled.add_batch([(retitled, events)]) == BatchResult(updated=1, mentions=2)
    assert filled.counts()["mentions"] == 5
    assert list(filled.events()) == before  # same mentions, same events and ids


def test_new_origin_alone_is_not_a_change(filled: Store) -> None:
    doc, events = sample_batch()[0]
    moved = dataclasses.replace(doc, article=dataclasses.replace(doc.article, origin="elsewhere.jsonl:3"))
    assert filled.add_batch([(moved, events)]) == BatchResult(unchanged=1)


def test_same_id_twice_in_one_batch(store: Store) -> None:
    first = make_doc("x", "One text.")
    second = make_doc("x", "Another text.")
    result = store.add_batch([(first, [make_event(first, "One text.")]), (second, [])])
    assert result == BatchResult(added=1, updated=1, mentions=1)
    assert store.counts() == {"documents": 1, "mentions": 0, "events": 0, "rejections": 0}
    repeat = store.add_batch([(second, [])])
    assert repeat == BatchResult(unchanged=1)


def test_event_of_another_document_is_refused_alone(store: Store) -> None:
    doc = make_doc("a", "Some text.")
    other = make_doc("b", "Some text.")
    kept = make_doc("c", "Fine.")
    result = store.add_batch([(doc, [make_event(other, "Some text.")]), (kept, [make_event(kept, "Fine.")])])
    assert (result.added, result.mentions, result.rejected) == (1, 1, 1)
    (refused,) = result.refused
    assert refused.doc_id == "a" and "belongs to document 'b'" in refused.reason
    assert list(store.rejections()) == [refused]
    assert [d.id for d in store.documents()] == ["c"]


def test_a_bad_document_does_not_lose_the_batch_nor_its_old_version(store: Store) -> None:
    good = make_doc("good", "Fine.")
    bad = make_doc("bad", "Broken.")
    store.add_batch([(bad, [make_event(bad, "Broken.")])])
    edited = make_doc("bad", "Broken, edited.")
    broken = make_event(edited, "Broken, edited.", source=None)  # would violate NOT NULL
    result = store.add_batch([(good, [make_event(good, "Fine.")]), (edited, [broken])], sample_rejections())
    assert (result.added, result.updated, result.rejected) == (1, 0, 3)
    assert "has no source" in result.refused[0].reason
    assert store.document("bad") is not None and store.document("bad").text == "Broken."  # type: ignore[union-attr]
    assert store.counts() == {"documents": 2, "mentions": 2, "events": 2, "rejections": 3}


@pytest.mark.parametrize(("field", "value"), [("start", "3"), ("goldstein", "high"), ("place", 7), ("start", True)])
def test_fields_of_the_wrong_type_are_refused(store: Store, field: str, value: object) -> None:
    doc = make_doc("a", "Some text.")
    result = store.add_batch([(doc, [make_event(doc, "Some text.", **{field: value})])])
    assert result.added == 0 and f"event field {field} must be" in result.refused[0].reason


def test_failed_batch_is_rolled_back(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(store, SqlStore)
    good = make_doc("good", "Fine.")

    def fail(*args: object) -> int:
        raise store._driver_errors()[0]("disk I/O error")

    monkeypatch.setattr(store, "_insert_rejections", fail)
    with pytest.raises(StoreError, match="store a batch"):
        store.add_batch([(good, [make_event(good, "Fine.")])], sample_rejections())
    monkeypatch.undo()
    assert store.counts() == {"documents": 0, "mentions": 0, "events": 0, "rejections": 0}
    assert store.add_batch([(good, [])]) == BatchResult(added=1)


def test_extra_that_is_not_json_is_refused(store: Store) -> None:
    doc = make_doc("a", "Some text.")
    result = store.add_batch([(doc, [make_event(doc, "Some text.", extra={"when": object()})])])
    assert "not JSON" in result.refused[0].reason and store.counts()["documents"] == 0


def test_rejections_are_recorded_once(store: Store) -> None:
    assert store.add_batch([], sample_rejections()).rejected == 2
    assert store.add_batch([], [*sample_rejections(), *sample_rejections()]).rejected == 0
    different = Rejection(origin="input.jsonl:8", reason="empty text")
    assert store.add_batch([], [different]).rejected == 1
    assert list(store.rejections()) == [*sample_rejections(), different]


def test_undated_event_keeps_null_date_and_document_date(filled: Store) -> None:
    (undated,) = filled.mentions(EventQuery(doc="d1", code="11"))
    assert undated.date is None
    assert undated.doc_date == "2024-03-01"


def test_missing_outlet_url_and_doc_date_are_taken_from_the_document(store: Store) -> None:
    doc, _ = sample_batch()[0]
    bare = make_event(doc, doc.text[:10], outlet=None, url=None, doc_date=None)
    store.add_batch([(doc, [bare])])
    (stored,) = store.mentions()
    assert (stored.outlet, stored.url, stored.doc_date) == ("Reuters", "https://example.org/d1", "2024-03-01")


def test_every_event_field_has_a_column() -> None:
    """A new Event field needs a migration adding its column (and its name in EVENT_COLUMNS)."""
    assert set(EVENT_COLUMNS) == set(EVENT_FIELDS)


def test_ingest_counts_refused_documents_and_flushes_long_runs_of_rejections(store: Store) -> None:
    from geopol.pipeline import DocumentResult
    from geopol.store.load import ingest

    good, bad = make_doc("good", "Fine."), make_doc("bad", "Broken.")
    rejections = [Rejection(origin=f"in.jsonl:{n}", reason=f"in.jsonl:{n}: empty text") for n in range(5)]
    items = [*rejections, DocumentResult(good, (make_event(good, "Fine."),)),
             DocumentResult(bad, (make_event(good, "Fine."),))]
    totals = ingest(store, items, batch_size=2)
    assert (totals.added, totals.rejected, len(totals.refused)) == (1, 6, 1)
    assert totals.refused[0].doc_id == "bad" and totals.refused[0] in totals.rejections
    assert store.counts()["rejections"] == 6
