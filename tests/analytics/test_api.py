"""geopol.open: queries, analytics and exports over a database of hand-made documents."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import geopol
from geopol.api import Geopol, SearchHit, event_query
from geopol.export import GDELT_COLUMNS
from geopol.store import EventQuery, StoreError


def test_open_is_the_public_entry_point(handmade_db: Path) -> None:
    assert "open" in geopol.__all__
    with geopol.open(handmade_db, read_only=True) as db:
        assert isinstance(db, Geopol)
        assert db.count() == 4


def test_filters_map_to_event_queries() -> None:
    assert event_query(dyad="rus, chn", actor="ukr", since="2024") == EventQuery(
        dyad=("RUS", "CHN"), actor="UKR", since="2024")
    assert event_query(dyad=("RUS", "CHN"), quad_class=3, limit=2) == EventQuery(
        dyad=("RUS", "CHN"), quad_class=3, limit=2)
    with pytest.raises(ValueError, match="a dyad is two actor codes"):
        event_query(dyad="RUS")
    with pytest.raises(StoreError, match="since must be an ISO date"):
        event_query(since="March")
    with pytest.raises(TypeError):
        event_query(colour="red")  # type: ignore[call-arg]


def test_events_and_mentions_are_filtered(handmade_db: Path) -> None:
    with geopol.open(handmade_db, read_only=True) as db:
        dyad = list(db.events(dyad="RUS,CHN"))
        assert {(e.source, e.target, e.code) for e in dyad} == {
            ("RUSGOV", "CHNGOV", "040"), ("CHNGOV", "RUSGOV", "040"), ("RUSGOV", "CHN", "112")}
        meeting = next(e for e in dyad if e.source == "RUSGOV" and e.code == "040")
        assert (meeting.mentions, meeting.documents, meeting.outlets) == (2, 2, 2)
        assert db.event(meeting.id) == meeting
        assert db.count(dyad="RUS,CHN") == 3
        assert len(list(db.mentions(dyad="RUS,CHN"))) == 4
        assert [e.code for e in db.events(quad_class=4)] == ["190"]
        assert [e.code for e in db.events(since="2024-05", dyad="RUS,CHN")] == ["112"]


def test_timeline_is_normalised_by_the_documents_of_each_month(handmade_db: Path) -> None:
    with geopol.open(handmade_db, read_only=True) as db:
        rows = db.timeline(dyad="RUS,CHN")
        assert [(r.period, r.events, r.documents) for r in rows] == [
            ("2024-03", 2, 2), ("2024-04", 0, 1), ("2024-05", 1, 2)]
        assert rows[0].by_quad == {1: 2, 2: 0, 3: 0, 4: 0}
        assert rows[0].events_per_document == pytest.approx(1.0)
        assert rows[2].by_quad[3] == 1
        assert rows[2].goldstein_mean == pytest.approx(-2.0)
        # With an outlet, only its documents count: the Daily has one in March and one in May.
        daily = db.timeline(dyad="RUS,CHN", outlet="Daily")
        assert [(r.period, r.events, r.documents) for r in daily] == [
            ("2024-03", 2, 1), ("2024-04", 0, 0), ("2024-05", 1, 1)]
        assert [r.period for r in db.timeline(actor="UKR", by="day")] == ["2024-05-17"]
        with pytest.raises(ValueError, match="by must be one of day, month, year"):
            db.timeline(by="week")  # type: ignore[arg-type]


def test_actors_network_and_search(handmade_db: Path) -> None:
    with geopol.open(handmade_db, read_only=True) as db:
        actors, pairs = db.actors(top=2)
        assert [a.code for a in actors] == ["RUSGOV", "CHNGOV"]
        assert (pairs[0].a, pairs[0].b, pairs[0].events) == ("CHNGOV", "RUSGOV", 2)
        graph = db.network(countries=True)
        assert {(e.source, e.target) for e in graph.edges} == {("RUS", "CHN"), ("CHN", "RUS"), ("RUS", "UKR")}
        hits = db.search("Kharkiv")
        assert all(isinstance(hit, SearchHit) for hit in hits)
        assert sorted(hit.event.code for hit in hits) == ["112", "190"]
        assert "Kharkiv" in hits[0].mention.sentence
        assert len(db.search("Kharkiv", limit=1)) == 1
        assert [h.event.code for h in db.search("Kharkiv", quad_class=4)] == ["190"]
        with pytest.raises(ValueError, match="search text must not be empty"):
            db.search("  ")


def test_export_writes_events_with_document_urls(tmp_path: Path, handmade_db: Path) -> None:
    with geopol.open(handmade_db, read_only=True) as db:
        assert db.export(tmp_path / "rus-chn.parquet", dyad="RUS,CHN") == 3
        assert db.export(tmp_path / "all.tsv") == 4
        assert db.export(tmp_path / "all.plover", "plover") == 4
        assert db.export(tmp_path / "mentions.csv", mentions=True) == 5
    table = pq.read_table(tmp_path / "rus-chn.parquet")
    assert sorted(table.column("code").to_pylist()) == ["040", "040", "112"]
    with (tmp_path / "all.tsv").open(newline="", encoding="utf-8") as stream:
        rows = [dict(zip(GDELT_COLUMNS, row, strict=True))
                for row in csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)]
    urls = {row["EventCode"] + row["Actor1Code"]: row["SOURCEURL"] for row in rows}
    assert urls["190RUSMIL"] == "https://news.example/d4"
    records = [json.loads(line) for line in (tmp_path / "all.plover").read_text(encoding="utf-8").splitlines()]
    assert {r["cite_info"]["url"] for r in records} >= {"https://news.example/d3", "https://news.example/d4"}
    with (tmp_path / "mentions.csv").open(newline="", encoding="utf-8") as stream:
        assert sorted(row["doc"] for row in csv.DictReader(stream)) == ["d1", "d1", "d2", "d3", "d4"]


def test_a_read_only_database_refuses_to_ingest(handmade_db: Path, tmp_path: Path) -> None:
    with geopol.open(handmade_db, read_only=True) as db, pytest.raises(StoreError, match="opened read-only"):
        db.ingest([tmp_path / "news.jsonl"])
    with pytest.raises(StoreError):
        geopol.open(tmp_path / "missing.db", read_only=True)


def test_ingest_codes_and_stores_new_articles(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl"
    text = "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Thursday."
    news.write_text(json.dumps({"id": "n1", "date": "2024-05-17", "source": "Daily", "text": text}) + "\n",
                    encoding="utf-8")
    with geopol.open(tmp_path / "new.db") as db:
        first = db.ingest([news])
        assert (first.added, first.rejected) == (1, 0)
        assert first.events >= 1
        again = db.ingest([str(news)])
        assert (again.added, again.unchanged, again.events) == (0, 1, 0)
        assert any(e.source.startswith("RUS") and e.target.startswith("CHN") for e in db.events(dyad="RUS,CHN"))
