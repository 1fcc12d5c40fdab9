"""The database commands end to end, on both backends: ingest, events, search, mentions; and the
writers of deduplicated events."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from store_samples import make_doc, make_event

from geopol.cli import EXIT_FATAL, EXIT_OK, main
from geopol.output import STORED_EVENT_FIELDS, StoredEventWriter
from geopol.store import open_store

ARTICLES = [
    {"id": "p1", "date": "2024-05-14", "source": "Daily Planet",
     "text": "Leaders meet\n\nJapanese Prime Minister Fumio Kishida met Indian Prime Minister Narendra Modi "
             "in Singapore on May 14.\n"},
    {"id": "p2", "date": "2024-05-15", "source": "Morning Ledger",
     "text": "Talks in Singapore\n\nFumio Kishida met Narendra Modi in Singapore on Tuesday, officials said.\n"},
    {"id": "p3", "date": "2024-06-20", "source": "Daily Planet",
     "text": "Another meeting\n\nFumio Kishida met Narendra Modi in Bali on June 20.\n"},
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def ingested(store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    news = tmp_path / "news.jsonl"
    news.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    status, _, err = run(capsys, "ingest", str(news), "--db", store_url, "--no-progress")
    assert status == EXIT_OK, err
    assert "3 documents added" in err and "4 events from 6 mentions" in err
    return store_url


def test_events_lists_deduplicated_events(ingested: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "events", "--db", ingested, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert status == EXIT_OK and len(rows) == 4
    assert sorted((r["date"], r["mentions"], r["outlets"]) for r in rows) == [
        ("2024-05-14", 2, 2), ("2024-05-14", 2, 2), ("2024-06-20", 1, 1), ("2024-06-20", 1, 1)]
    _, mentions, _ = run(capsys, "events", "--db", ingested, "--mentions", "--format", "jsonl")
    assert len(mentions.splitlines()) == 6
    _, table, err = run(capsys, "events", "--db", ingested, "--since", "2024-06", "--actor", "JPN")
    assert table.splitlines()[0].split() == ["DATE", "SOURCE", "EVENT", "TARGET", "REPORTS", "OUTLETS", "ID"]
    assert "2024-06-20" in table and "Bali" in table and err.strip() == "2 events"


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--root", "04", "--quad-class", "1", "--plover", "consult"], 4),
        (["--root", "05"], 0),
        (["--outlet", "Morning Ledger"], 2),
        (["--text", "Tuesday"], 2),
        (["--dyad", "IND,JPN", "--order=-date", "--offset", "1", "--limit", "2"], 2),
        (["--until", "2024-05"], 2),
    ],
)
def test_event_filters(ingested: str, capsys: pytest.CaptureFixture[str], options: list[str], expected: int) -> None:
    status, out, _ = run(capsys, "events", "--db", ingested, "--format", "jsonl", *options)
    assert status == EXIT_OK and len(out.splitlines()) == expected


def test_search_and_mentions(ingested: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "search", "on tues", "--db", ingested, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert status == EXIT_OK and len(rows) == 2
    assert all("Tuesday" in r["matched_sentence"] and r["mentions"] == 2 for r in rows)
    status, out, err = run(capsys, "mentions", rows[0]["id"], "--db", ingested, "--format", "table")
    assert status == EXIT_OK and err.startswith("2 mentions of 040")
    assert "p1" in out and "p2" in out
    status, _, err = run(capsys, "mentions", "nope", "--db", ingested)
    assert status == EXIT_FATAL and "no event 'nope'" in err


def test_reingest_changes_nothing(ingested: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = run(capsys, "events", "--db", ingested, "--format", "csv")[1]
    status, _, err = run(capsys, "ingest", str(tmp_path / "news.jsonl"), "--db", ingested, "--no-progress")
    assert status == EXIT_OK and "3 unchanged" in err and "+0 events" in err
    assert run(capsys, "events", "--db", ingested, "--format", "csv")[1] == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "--db", "postgresql://geopol:pw@127.0.0.1:1/x"], "is PostgreSQL running"),
        (["events", "--db", "mysql://h/x"], "unknown database URL scheme"),
        (["events", "--db", "DB", "--root", "4"], "--root takes a two-digit"),
        (["events", "--db", "DB", "--since", "May"], "since must be an ISO date"),
        (["events", "--db", "DB", "--offset", "-1"], "offset must be >= 0"),
        (["search", " ", "--db", "DB"], "needs some words"),
        (["ingest", "x.txt", "--db", "DB", "--dedup-window", "-2"], "--dedup-window"),
    ],
)
def test_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    open_store(tmp_path / "db.sqlite").close()
    args = [str(tmp_path / "db.sqlite") if a == "DB" else a for a in args]
    status, _, err = run(capsys, *args)
    assert status == EXIT_FATAL
    assert err.startswith("geopol: error:") and err.count("\n") == 1 and message in err


def test_stored_event_writer_formats(tmp_path: Path) -> None:
    doc = make_doc("w", "Kishida met Modi.", outlet="X")
    with open_store(tmp_path / "w.db") as store:
        store.add_batch([(doc, [make_event(doc, "Kishida met Modi.", source="JPN", target="IND")])])
        (event,) = store.events()
    buffer = io.StringIO()
    writer = StoredEventWriter(buffer, "csv")
    writer.write(event)
    (row,) = csv.DictReader(io.StringIO(buffer.getvalue()))
    assert list(row) == list(STORED_EVENT_FIELDS)
    assert (row["id"], row["source"], row["mentions"], row["confidence"]) == (event.id, "JPN", "1", "0.5")
    table = io.StringIO()
    StoredEventWriter(table, "table").write(event)
    lines = table.getvalue().splitlines()
    assert lines[1].split()[:4] == ["-", "JPN", "036", "Express"] and event.id in lines[1]
    assert lines[2].strip() == "“Kishida met Modi.”"
    with pytest.raises(ValueError):
        StoredEventWriter(io.StringIO(), "xml")
