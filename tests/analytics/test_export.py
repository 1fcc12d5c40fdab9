"""Every export is read back by an independent reader and gives the events back."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest

from geopol.analytics import network
from geopol.export import (
    EVENT_COLUMNS,
    EVENT_SCHEMA,
    GDELT_COLUMNS,
    MENTION_SCHEMA,
    export_events,
    export_mentions,
    format_for_path,
    gdelt_event_id,
    write_gdelt,
    write_graphml,
    write_parquet,
    write_plover,
)
from geopol.records import EVENT_FIELDS, Event
from geopol.store.base import StoredEvent

StoredFactory = Callable[..., StoredEvent]


def _by_id(rows: list[dict[str, str]], key: str = "id") -> dict[str, dict[str, str]]:
    return {row[key]: row for row in rows}


# --- csv and json lines --------------------------------------------------------------------------


def test_csv_round_trips_the_events(tmp_path: Path, dyad_events: list[StoredEvent]) -> None:
    path = tmp_path / "events.csv"
    assert export_events(iter(dyad_events), path) == len(dyad_events)
    with path.open(newline="", encoding="utf-8") as stream:
        reader = csv.DictReader(stream)
        assert tuple(reader.fieldnames or ()) == EVENT_COLUMNS
        rows = list(reader)
    assert [row["id"] for row in rows] == [event.id for event in dyad_events]
    for event, row in zip(dyad_events, rows, strict=True):
        assert (row["source"], row["target"], row["code"], row["root"]) == (
            event.source, event.target, event.code, event.root)
        assert row["date"] == (event.date or "")
        assert row["first_report"] == (event.first_report or "")
        assert (int(row["mentions"]), int(row["documents"]), int(row["outlets"])) == (
            event.mentions, event.documents, event.outlets)
        assert float(row["goldstein"]) == event.goldstein
        assert int(row["quad_class"]) == event.quad_class


def test_jsonl_round_trips_every_field(tmp_path: Path, dyad_events: list[StoredEvent]) -> None:
    path = tmp_path / "events.jsonl"
    assert export_events(dyad_events, path, "jsonl") == len(dyad_events)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [StoredEvent(**record) for record in records] == dyad_events


# --- parquet -------------------------------------------------------------------------------------


def test_parquet_has_the_fixed_schema_and_round_trips(tmp_path: Path, dyad_events: list[StoredEvent]) -> None:
    path = tmp_path / "events.parquet"
    assert write_parquet(iter(dyad_events), path, batch_size=3) == len(dyad_events)
    parquet = pq.ParquetFile(path)
    assert parquet.metadata.num_row_groups == 3  # 3 + 3 + 2 rows
    table = parquet.read()
    assert table.schema.equals(EVENT_SCHEMA)
    assert str(table.schema.field("date").type) == "date32[day]"
    assert str(table.schema.field("quad_class").type) == "int8"
    rows = table.to_pylist()
    assert [row["id"] for row in rows] == [event.id for event in dyad_events]
    first = rows[0]
    assert first["date"] == dt.date(2024, 3, 5)
    assert (first["source"], first["target"], first["code"]) == ("RUSGOV", "CHNGOV", "040")
    assert (first["mentions"], first["documents"], first["outlets"]) == (3, 2, 2)
    undated = _by_id(rows)["e3"]
    assert undated["date"] is None
    assert undated["first_report"] == dt.date(2024, 3, 21)


def test_an_empty_parquet_export_still_has_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "none.parquet"
    assert write_parquet([], path) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0
    assert table.schema.equals(EVENT_SCHEMA)


def test_partial_dates_become_the_first_day_of_their_period(tmp_path: Path, stored: StoredFactory) -> None:
    path = tmp_path / "partial.parquet"
    write_parquet([stored("p", "RUS", "CHN", "040", "2024-05", first_report="2024")], path)
    row = pq.read_table(path).to_pylist()[0]
    assert (row["date"], row["first_report"]) == (dt.date(2024, 5, 1), dt.date(2024, 1, 1))


# --- gdelt ---------------------------------------------------------------------------------------


def _gdelt_rows(text: str) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert all(len(row) == 61 for row in rows)
    return [dict(zip(GDELT_COLUMNS, row, strict=True)) for row in rows]


def test_gdelt_has_the_61_columns_of_the_codebook_in_order() -> None:
    assert len(GDELT_COLUMNS) == 61
    assert len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[:7] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate", "Actor1Code",
                                 "Actor1Name")
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[51:53] == ("ActionGeo_Type", "ActionGeo_FullName")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_gdelt_tsv_round_trips_the_events(tmp_path: Path, dyad_events: list[StoredEvent]) -> None:
    path = tmp_path / "events.tsv"
    assert export_events(dyad_events, path) == len(dyad_events)
    text = path.read_text(encoding="utf-8")
    assert not text.startswith("GlobalEventID")  # no header, as GDELT
    rows = _gdelt_rows(text)
    ids = {gdelt_event_id(event.id): event for event in dyad_events}
    assert len(ids) == len(dyad_events)
    for row in rows:
        event = ids[int(row["GlobalEventID"])]
        assert (row["Actor1Code"], row["EventCode"], row["EventRootCode"]) == (event.source, event.code, event.root)
        assert int(row["QuadClass"]) == event.quad_class
        assert float(row["GoldsteinScale"]) == event.goldstein
        assert (int(row["NumMentions"]), int(row["NumSources"]), int(row["NumArticles"])) == (
            event.mentions, event.outlets, event.documents)
    first = _by_id(rows, "Actor1Code")["RUSMIL"]
    assert (first["Day"], first["MonthYear"], first["Year"]) == ("20240517", "202405", "2024")
    assert first["FractionDate"] == f"{2024 + 138 / 365:.4f}"
    assert (first["Actor1CountryCode"], first["Actor1Type1Code"], first["Actor1Type2Code"]) == ("RUS", "MIL", "")
    assert (first["ActionGeo_FullName"], first["ActionGeo_CountryCode"]) == ("Kharkiv", "UKR")
    assert first["DATEADDED"] == "20240517000000"
    assert first["SOURCEURL"] == "doc-e5"
    assert first["AvgTone"] == first["IsRootEvent"] == first["Actor1Geo_Lat"] == ""


def test_gdelt_dates_undated_events_by_their_first_report_and_blanks_unknown_actors(
    dyad_events: list[StoredEvent],
) -> None:
    stream = io.StringIO()
    write_gdelt(dyad_events, stream)
    rows = {int(row["GlobalEventID"]): row for row in _gdelt_rows(stream.getvalue())}
    undated = rows[gdelt_event_id("e3")]
    assert undated["Day"] == "20240321"
    unknown_target = rows[gdelt_event_id("e6")]
    assert all(unknown_target[name] == "" for name in GDELT_COLUMNS if name.startswith("Actor2"))
    nowhere = rows[gdelt_event_id("e7")]
    assert nowhere["Day"] == nowhere["Year"] == nowhere["DATEADDED"] == ""


def test_gdelt_splits_organisation_and_role_codes(stored: StoredFactory) -> None:
    events = [
        stored("o", "IGOUNO", "RUSGOVMIL", "112", "2024-01-01", target_name="Russian\tarmy",
               url="https://news.example/o"),
        stored("g", "GOV", "CHN", "040", "2024-01-02"),
    ]
    stream = io.StringIO()
    write_gdelt(events, stream, header=True)
    lines = stream.getvalue().splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS)
    org, gov = _gdelt_rows("\n".join(lines[1:]))
    assert (org["Actor1CountryCode"], org["Actor1KnownGroupCode"], org["Actor1Type1Code"]) == ("", "UNO", "IGO")
    assert (org["Actor2CountryCode"], org["Actor2Type1Code"], org["Actor2Type2Code"]) == ("RUS", "GOV", "MIL")
    assert org["Actor2Name"] == "Russian army"  # a tab inside a field would shift every column
    assert org["SOURCEURL"] == "https://news.example/o"
    assert gov["SOURCEURL"] == "doc-g"  # no URL: the document id, as the codebook allows
    assert (gov["Actor1CountryCode"], gov["Actor1Type1Code"]) == ("", "GOV")


def test_numeric_ids_are_kept_as_gdelt_ids() -> None:
    assert gdelt_event_id("1234") == 1234
    assert gdelt_event_id("ev-1") == gdelt_event_id("ev-1")
    assert 0 <= gdelt_event_id("ev-1") < 2**63
    assert gdelt_event_id("ev-1") != gdelt_event_id("ev-2")


# --- plover --------------------------------------------------------------------------------------


def test_plover_records_round_trip(tmp_path: Path, dyad_events: list[StoredEvent]) -> None:
    path = tmp_path / "events.plover.jsonl"
    assert export_events(dyad_events, path, "plover") == len(dyad_events)
    records = {record["id"]: record for record in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    assert set(records) == {event.id for event in dyad_events}
    visit = records["e3"]
    assert visit["event_type"] == "CONSULT"
    assert visit["mode"] == "visit"  # CAMEO 042 is the PLOVER CONSULT mode "visit"
    assert visit["event_date"] is None
    assert visit["source"] == [{"code": "CHNGOV", "name": "CHNGOV name", "country": "CHN"}]
    assert visit["recipient"] == [{"code": "RUS", "name": "RUS name", "country": "RUS"}]
    assert visit["quad_code"] == 1
    assert visit["event_text"] == "CHNGOV did 042 to RUS."
    assert visit["geopol"]["cameo_code"] == "042"
    meeting = records["e1"]
    assert meeting["mode"] == ""  # 040 has no PLOVER mode
    assert meeting["event_date"] == "2024-03-05"
    assert (meeting["geopol"]["mentions"], meeting["geopol"]["outlets"]) == (3, 2)
    assert records["e6"]["recipient"] == []
    assert records["e5"]["event_loc"] == {"placename": "Kharkiv", "country": "UKR"}
    assert records["e1"]["event_loc"] is None


def test_plover_leaves_out_the_roots_it_drops(stored: StoredFactory) -> None:
    statement = stored("s", "RUS", "CHN", "040", "2024-01-01", root="01", plover="", quad_class=1)
    statement = dataclasses.replace(statement, code="010")
    stream = io.StringIO()
    assert write_plover([statement, stored("c", "RUS", "CHN", "040", "2024-01-01")], stream) == 1
    assert json.loads(stream.getvalue())["id"] == "c"


# --- graphml -------------------------------------------------------------------------------------


def test_graphml_is_read_by_networkx_with_typed_attributes(tmp_path: Path, dyad_events: list[StoredEvent]) -> None:
    path = tmp_path / "net.graphml"
    graph = network(dyad_events)
    assert export_events(dyad_events, path) == len(graph.edges)
    read = nx.read_graphml(path)
    assert isinstance(read, nx.DiGraph)
    assert sorted(read.nodes) == [node.code for node in graph.nodes]
    assert read.number_of_edges() == len(graph.edges)
    assert read.nodes["RUSGOV"] == {"label": "RUSGOV", "name": "RUSGOV name", "events": 5}
    for edge in graph.edges:
        data = read.edges[edge.source, edge.target]
        assert data["events"] == edge.events and isinstance(data["events"], int)
        assert (data["cooperation"], data["conflict"]) == (edge.cooperation, edge.conflict)
        assert data["weight"] == pytest.approx(edge.weight) and isinstance(data["weight"], float)
        assert data["goldstein_sum"] == pytest.approx(edge.goldstein_sum)
        assert data["balance"] == pytest.approx(edge.balance)


def test_graphml_escapes_names(stored: StoredFactory) -> None:
    events = [stored("x", "RUS", "CHN", "040", "2024-01-01", source_name='Putin & "friends" <x>')]
    stream = io.StringIO()
    write_graphml(network(events), stream)
    read = nx.parse_graphml(stream.getvalue())
    assert read.nodes["RUS"]["name"] == 'Putin & "friends" <x>'


# --- mentions and files --------------------------------------------------------------------------


def _mention(doc: str, code: str, date: str | None) -> Event:
    return Event(doc=doc, source="RUSGOV", source_name="Putin", target="CHNGOV", target_name="Xi", code=code,
                 root=code[:2], label="Consult", goldstein=1.0, quad_class=1, plover="CONSULT", date=date,
                 sentence="Putin met Xi.", start=0, end=13, trigger="met", rule="meet", outlet="Daily",
                 url=f"https://news.example/{doc}", doc_date="2024-05-17")


def test_mentions_round_trip_through_parquet_csv_and_jsonl(tmp_path: Path) -> None:
    mentions = [_mention("d1", "040", "2024-05-16"), _mention("d2", "042", None)]
    assert export_mentions(iter(mentions), tmp_path / "m.parquet") == 2
    table = pq.read_table(tmp_path / "m.parquet")
    assert table.schema.equals(MENTION_SCHEMA)
    assert table.schema.names == list(EVENT_FIELDS)
    rows = table.to_pylist()
    assert [(r["doc"], r["code"], r["date"], r["url"]) for r in rows] == [
        ("d1", "040", dt.date(2024, 5, 16), "https://news.example/d1"), ("d2", "042", None, "https://news.example/d2")]
    assert export_mentions(mentions, tmp_path / "m.csv") == 2
    with (tmp_path / "m.csv").open(newline="", encoding="utf-8") as stream:
        assert [row["doc"] for row in csv.DictReader(stream)] == ["d1", "d2"]
    assert export_mentions(mentions, tmp_path / "m.jsonl") == 2
    lines = (tmp_path / "m.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["trigger"] for line in lines] == ["met", "met"]
    with pytest.raises(ValueError, match="mentions are exported as csv, jsonl, parquet"):
        export_mentions(mentions, tmp_path / "m.tsv")


def test_formats_come_from_the_file_name_or_are_refused(tmp_path: Path, dyad_events: list[StoredEvent]) -> None:
    assert format_for_path("a.CSV") == "csv"
    assert format_for_path("a.ndjson") == "jsonl"
    assert format_for_path("net.graphml") == "graphml"
    with pytest.raises(ValueError, match="cannot tell the export format"):
        format_for_path("events.json")
    with pytest.raises(ValueError, match="unknown export format 'xlsx'"):
        export_events(dyad_events, tmp_path / "x.xlsx", "xlsx")  # type: ignore[arg-type]
