"""Fixtures for the store tests: a fresh SQLite file, and one filled with the samples."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_samples import sample_batch, sample_rejections

from geopol.store import SQLiteStore, open_store
from geopol.store.base import Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "events.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with open_store(db_path) as opened:
        yield opened


@pytest.fixture
def filled(store: Store) -> Store:
    store.add_batch(sample_batch(), sample_rejections())
    return store


@pytest.fixture(params=[True, False], ids=["fts", "like"])
def filled_any_text(request: pytest.FixtureRequest, db_path: Path) -> Iterator[Store]:
    """A filled store answering text queries with FTS5, then with LIKE."""
    with SQLiteStore(db_path, full_text=request.param) as opened:
        opened.add_batch(sample_batch(), sample_rejections())
        yield opened
