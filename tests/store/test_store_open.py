"""Opening stores: backends from URLs, schema version and migration, errors, read-only, closing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_samples import sample_batch, sample_rejections

from geopol.store import EventQuery, SQLiteStore, StoreError, open_store
from geopol.store.base import Store


def test_new_store_has_schema_version_1(store: Store) -> None:
    assert store.schema_version() == 1
    assert store.counts() == {"documents": 0, "mentions": 0, "rejections": 0}


def test_sqlite_settings(db_path: Path, store: Store) -> None:
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("SELECT version FROM schema_version").fetchall() == [(1,)]
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "mentions", "rejections", "schema_version"} <= tables
    assert isinstance(store, SQLiteStore)
    assert store._connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_keeps_data_and_does_not_migrate_again(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.add_batch(sample_batch(), sample_rejections())
    with open_store(str(db_path)) as store:
        assert store.schema_version() == 1
        assert store.counts() == {"documents": 3, "mentions": 5, "rejections": 2}
        assert store.add_batch(sample_batch()).unchanged == 3
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == 1


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


def test_read_only(db_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(db_path, read_only=True)
    with open_store(db_path) as writer:
        writer.add_batch(sample_batch())
        with open_store(db_path, read_only=True) as reader:
            assert reader.counts()["mentions"] == 5
            assert len(list(reader.mentions(EventQuery(actor="RUS")))) == 2
            with pytest.raises(StoreError, match="read-only"):
                reader.add_batch([], sample_rejections())
            writer.add_batch([], sample_rejections())
            assert reader.counts()["rejections"] == 2  # a reader sees each committed batch


def test_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///relative.db") as store:
        assert store.schema_version() == 1
    assert (tmp_path / "relative.db").exists()
    with open_store(f"sqlite:///{tmp_path / 'absolute.db'}") as store:
        store.add_batch(sample_batch())
    assert (tmp_path / "absolute.db").exists()
    with open_store("sqlite:///") as memory:
        assert memory.counts()["documents"] == 0


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("postgresql://user@localhost/geopol", "PostgreSQL"),
        ("postgres://localhost/geopol", "PostgreSQL"),
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


def test_closed_store_refuses_work(db_path: Path) -> None:
    store = open_store(db_path)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.counts()
    with pytest.raises(StoreError, match="closed"):
        store.mentions()
    with pytest.raises(StoreError, match="closed"):
        store.add_batch(sample_batch())
