"""Fixtures for the store tests: a fresh store per backend (SQLite file, PostgreSQL schema), and
one filled with the samples."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import BACKENDS, postgres_schema, postgres_server
from store_samples import sample_batch, sample_rejections

from geopol.store import SQLiteStore, open_store
from geopol.store.base import Store
from geopol.store.postgres import PostgresStore


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "events.db"


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, db_path: Path) -> Iterator[str]:
    """Where a fresh, empty store lives: a SQLite path, or a URL to an empty PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(db_path)
    else:
        with postgres_schema(postgres_server()) as url:
            yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


@pytest.fixture
def filled(store: Store) -> Store:
    store.add_batch(sample_batch(), sample_rejections())
    return store


@pytest.fixture(params=[True, False], ids=["fts", "like"])
def filled_any_text(request: pytest.FixtureRequest, store_url: str) -> Iterator[Store]:
    """A filled store answering text queries with full-text search, then with LIKE."""
    opened: Store
    if store_url.startswith("postgresql://"):
        opened = PostgresStore(store_url, full_text=request.param)
    else:
        opened = SQLiteStore(store_url, full_text=request.param)
    with opened:
        opened.add_batch(sample_batch(), sample_rejections())
        yield opened
