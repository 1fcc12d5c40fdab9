"""Where the store tests find their databases: a SQLite file, or a fresh PostgreSQL schema.

PostgreSQL tests use the server at ``$GEOPOL_TEST_POSTGRES``; when that variable is set (as in CI)
an unreachable server fails them. Unset, they try the server ``.ci/setup.d/10-postgresql`` starts
and are skipped, with the reason, when it is not there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest

from geopol.store.postgres import describe, scratch_schema

POSTGRES_ENV = "GEOPOL_TEST_POSTGRES"
DEFAULT_POSTGRES = "postgresql://geopol:geopol@127.0.0.1:5432/geopol_test"
BACKENDS = ("sqlite", "postgresql")


def postgres_server() -> str:
    """The server URL, after checking it answers; fails or skips the test when it does not."""
    configured = os.environ.get(POSTGRES_ENV)
    url = configured or DEFAULT_POSTGRES
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error as exc:
        reason = " ".join(str(exc).split())
        if configured:
            pytest.fail(f"{POSTGRES_ENV} is set but PostgreSQL at {describe(url)} is unreachable: {reason}")
        pytest.skip(
            f"PostgreSQL is not reachable at {describe(url)} ({reason}); run .ci/setup.d/10-postgresql "
            f"or set {POSTGRES_ENV}"
        )
    return url


@contextmanager
def postgres_schema(server: str) -> Iterator[str]:
    """A URL to an empty schema of its own on the server, dropped afterwards."""
    with scratch_schema(server, "geopol_test") as url:
        yield url
