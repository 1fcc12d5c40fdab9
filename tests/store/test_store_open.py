"""Opening stores: backends from URLs, schema version and migration, errors, read-only, closing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
import pytest
from backends import postgres_schema, postgres_server
from store_samples import make_doc, sample_batch, sample_rejections

from geopol.store import EventQuery, SQLiteStore, StoreError, open_store
from geopol.store.base import Store
from geopol.store.dialect import POSTGRESQL, SQLITE, quote
from geopol.store.postgres import PostgresStore
from geopol.store.rows import content_hash, document_row, mention_row
from geopol.store.schema import DOCUMENT_COLUMNS, MENTION_DATA_COLUMNS, latest_version, migrations

EMPTY = {"documents": 0, "mentions": 0, "events": 0, "rejections": 0}


def test_new_store_has_the_latest_schema_version(store: Store) -> None:
    assert store.schema_version() == latest_version(SQLITE) == latest_version(POSTGRESQL) == 2
    assert store.counts() == EMPTY


def test_sqlite_settings(db_path: Path) -> None:
    store = open_store(db_path)
    assert isinstance(store, SQLiteStore)
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("SELECT version FROM schema_version").fetchall() == [(1,), (2,)]
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "mentions", "events", "rejections", "schema_version"} <= tables
    assert store._connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    store.close()


def test_postgresql_tables_sort_like_sqlite() -> None:
    with postgres_schema(postgres_server()) as url, open_store(url) as store, psycopg.connect(url) as raw:
        assert isinstance(store, PostgresStore) and store.full_text
        tables = {row[0] for row in raw.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
        assert tables == {"documents", "mentions", "events", "rejections", "schema_version"}
        collations = dict(raw.execute(
            "SELECT table_name || '.' || column_name, collation_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND data_type = 'text'").fetchall())
        assert collations["mentions.source"] == collations["events.id"] == collations["documents.id"] == "C"
        doc = make_doc("B", "x")
        store.add_batch([(make_doc("a", "x"), []), (doc, []), (make_doc("_", "x"), [])])
        assert [d.id for d in store.documents()] == ["B", "_", "a"]  # byte order, as in SQLite


def test_postgresql_streams_results_through_a_server_side_cursor() -> None:
    with postgres_schema(postgres_server()) as url, open_store(url) as store:
        assert isinstance(store, PostgresStore)
        store.add_batch(sample_batch())
        mentions = store.mentions()
        first = next(mentions)
        cursors = [row[0] for row in store._connection.execute("SELECT name FROM pg_cursors").fetchall()]
        assert len(cursors) == 1 and cursors[0].startswith("geopol_stream_")  # the rows wait on the server
        assert store.counts()["mentions"] == 5  # other queries run while it is open
        assert [first, *mentions] == list(store.mentions())
        assert store._connection.execute("SELECT COUNT(*) FROM pg_cursors").fetchone() == (0,)


def test_reopening_keeps_data_and_does_not_migrate_again(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add_batch(sample_batch(), sample_rejections())
    with open_store(store_url) as store:
        assert store.schema_version() == 2
        assert store.counts() == {"documents": 3, "mentions": 5, "events": 5, "rejections": 2}
        assert store.add_batch(sample_batch()).unchanged == 3
        assert store.count_events() == 5


def test_a_version_1_database_is_migrated_and_its_mentions_grouped(db_path: Path) -> None:
    with sqlite3.connect(db_path) as raw:
        for statement in migrations(SQLITE)[0].statements:
            raw.execute(statement)
        raw.execute("INSERT INTO schema_version VALUES (1, 'v1', '2024-01-01')")
        for doc, events in sample_batch():
            raw.execute(f"INSERT INTO documents VALUES ({', '.join('?' * len(DOCUMENT_COLUMNS))})",
                        document_row(doc, content_hash(doc), "2024-01-01"))
            for event in events:
                row = mention_row(event, doc)
                raw.execute(f"INSERT INTO mentions ({', '.join(quote(c) for c in MENTION_DATA_COLUMNS)}) "
                            f"VALUES ({', '.join('?' * len(row))})", row)
    with pytest.raises(StoreError, match="older"):
        open_store(db_path, read_only=True)
    with open_store(db_path) as store:
        assert store.schema_version() == 2
        assert store.counts() == {"documents": 3, "mentions": 5, "events": 5, "rejections": 0}
        assert all(len(list(store.event_mentions(e.id))) == 1 for e in store.events())
        assert store.add_batch(sample_batch()).unchanged == 3


def test_full_text_index_is_built_for_an_existing_database(db_path: Path) -> None:
    with SQLiteStore(db_path, full_text=False) as store:
        store.add_batch(sample_batch())
    with SQLiteStore(db_path) as store:
        if not store.full_text:
            pytest.skip("this SQLite has no FTS5")
        assert [e.code for e in store.mentions(EventQuery(text="Geneva"))] == ["0431"]


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nowhere" / "events.db")


def test_not_a_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are not the tables you are looking for\n" * 50)
    with pytest.raises(StoreError, match="not a SQLite database"):
        open_store(path)


def test_directory_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        open_store(tmp_path)


def test_someone_elses_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(StoreError, match="not a geopol store"):
        open_store(path)


def test_database_from_a_newer_geopol(db_path: Path) -> None:
    open_store(db_path).close()
    with sqlite3.connect(db_path) as raw:
        raw.execute("INSERT INTO schema_version VALUES (99, 'future', '2030-01-01')")
    with pytest.raises(StoreError, match="newer"):
        open_store(db_path)


def test_read_only_needs_an_existing_file(db_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(db_path, read_only=True)


def test_read_only(store_url: str) -> None:
    with open_store(store_url) as writer:
        writer.add_batch(sample_batch())
        with open_store(store_url, read_only=True) as reader:
            assert reader.counts()["mentions"] == 5
            assert len(list(reader.mentions(EventQuery(actor="RUS")))) == 2
            with pytest.raises(StoreError, match="read-only"):
                reader.add_batch([], sample_rejections())
            writer.add_batch([], sample_rejections())
            assert reader.counts()["rejections"] == 2  # a reader sees each committed batch


def test_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///relative.db") as store:
        assert store.schema_version() == 2
    assert (tmp_path / "relative.db").exists()
    with open_store(f"sqlite:///{tmp_path / 'absolute.db'}") as store:
        store.add_batch(sample_batch())
    assert (tmp_path / "absolute.db").exists()
    with open_store("sqlite:///") as memory:
        assert memory.counts()["documents"] == 0


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("postgresql://geopol:secret@127.0.0.1:1/geopol", "is PostgreSQL running"),
        ("postgres://127.0.0.1:1/geopol?connect_timeout=2", "cannot connect to postgresql://127.0.0.1:1/geopol"),
        ("postgresql://localhost:notaport/geopol", "invalid PostgreSQL URL: the port"),
        ("postgresql://localhost/geopol?colour=blue", "invalid PostgreSQL URL"),
        ("mysql://localhost/geopol", "unknown database URL scheme"),
        ("sqlite://events.db", "sqlite:///"),
    ],
)
def test_unsupported_urls(target: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(target)


def test_in_memory_store() -> None:
    with open_store(":memory:") as store:
        assert store.add_batch(sample_batch()).added == 3
    with pytest.raises(StoreError, match="in-memory"):
        open_store(":memory:", read_only=True)


def test_passwords_are_not_shown() -> None:
    with pytest.raises(StoreError) as raised:
        open_store("postgresql://geopol:secret@127.0.0.1:1/geopol")
    assert "secret" not in str(raised.value)
    assert "postgresql://geopol@127.0.0.1:1/geopol" in str(raised.value)


def test_closed_store_refuses_work(store_url: str) -> None:
    store = open_store(store_url)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.counts()
    with pytest.raises(StoreError, match="closed"):
        store.mentions()
    with pytest.raises(StoreError, match="closed"):
        store.add_batch(sample_batch())
