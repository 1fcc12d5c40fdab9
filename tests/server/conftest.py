"""Fixtures for the server tests: a database coded from our own short articles, and clients.

The articles are run through the real pipeline and the real ingest once per module; the apps
are built by :func:`geopol.server.create_app` on that database file.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice that it will move from httpx to httpx2
    from fastapi.testclient import TestClient

from geopol.server import create_app

TOKEN = "test-token-5f3a"
"""The write token of the test servers (the test modules repeat it: conftest is not importable)."""

ARTICLES: tuple[dict[str, Any], ...] = (
    {"id": "fra-deu-1", "date": "2024-05-02", "source": "North Gazette", "url": "https://example.org/fra-deu-1",
     "title": "Paris pact",
     "text": "France and Germany signed a defence agreement in Paris on Thursday.\n\n"
             "The deal covers joint tank production."},
    {"id": "fra-deu-2", "date": "2024-05-03", "source": "South Herald", "url": "https://example.org/fra-deu-2",
     "text": "Germany and France signed a defence agreement on Thursday, officials said."},
    {"id": "pol-blr", "date": "2024-06-10", "source": "East Times", "url": "https://example.org/pol-blr",
     "text": "Poland accused Belarus of sending migrants across the border on Monday.\n\n"
             "Polish troops fired warning shots after Belarusian soldiers crossed into Poland."},
    {"id": "jpn-prk", "date": "2024-07-01", "source": "East Times",
     "text": "Japan condemned North Korea's missile launch on Sunday.\n\n"
             "The United States imposed sanctions on North Korea."},
    {"id": "esp-prt", "date": "2023-01-16", "source": "North Gazette",
     "text": "Spain and Portugal agreed to build a high-speed rail link on Monday.\n\n"
             "The Spanish prime minister praised Portugal for its help."},
    {"id": "ken-eth", "date": "2024-07-20", "source": "South Herald",
     "text": "Kenya hosted talks with Ethiopia in Nairobi on Saturday about the Nile dam dispute."},
)
"""Our own invented reports (never text from ../shared)."""


def write_jsonl(path: Path, records: Sequence[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def build_db(db: Path, inputs: Sequence[str], pipeline: Any) -> Path:
    """Code ``inputs`` (paths) with the real pipeline and store them in ``db`` with the real ingest."""
    from geopol.ingest import iter_inputs
    from geopol.store import open_store
    from geopol.store.load import ingest

    with open_store(db) as store:
        totals = ingest(store, pipeline.process(iter_inputs(inputs)))
    assert totals.rejected == 0, totals.rejections
    return db


@pytest.fixture(scope="module")
def db_file(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Path:
    folder = tmp_path_factory.mktemp("server-db")
    source = write_jsonl(folder / "articles.jsonl", ARTICLES)
    return build_db(folder / "events.db", [str(source)], pipeline)


def client_for(db: Path, *, token: str | None, pipeline: Any = None, factory: Callable[[], Any] | None = None,
               **limits: int) -> TestClient:
    """A test client of a new app on ``db`` using ``pipeline`` (or what ``factory`` builds) for posts;
    server errors answer 500 rather than raise."""
    if pipeline is not None:
        factory = lambda: pipeline  # noqa: E731
    app = create_app(db, token=token, pipeline=factory, **limits)
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="module")
def client(db_file: Path) -> Iterator[TestClient]:
    """A read-only client on the module's database (no token: writes are refused)."""
    with client_for(db_file, token=None) as opened:
        yield opened


@pytest.fixture(scope="session")
def coded_db() -> Callable[[Path, Sequence[str], Any], Path]:
    """:func:`build_db`: code input files into a database with the real pipeline and ingest."""
    return build_db


@pytest.fixture(scope="session")
def articles() -> tuple[dict[str, Any], ...]:
    return ARTICLES


@pytest.fixture(scope="session")
def make_client() -> Callable[..., TestClient]:
    """:func:`client_for`, for tests that need their own app."""
    return client_for


@pytest.fixture(scope="session")
def api_error() -> Callable[..., dict[str, Any]]:
    """:func:`assert_error`: check a response is an error in the API's shape."""
    return assert_error


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    """The response is an error in the API's one shape, with this status and code."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) - {"details"} == {"code", "message"}, error
    assert error["code"] == code, error
    assert isinstance(error["message"], str) and error["message"], error
    return dict(error)
