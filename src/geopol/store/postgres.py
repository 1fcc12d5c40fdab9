"""The PostgreSQL store: the same schema and queries as SQLite, on a server, through psycopg 3.

Open it with a libpq URL, ``postgresql://user:password@host:port/database``; URL parameters pass
through to libpq, for example ``?options=-csearch_path%3Dgeopol`` keeps the tables in the schema
``geopol`` (which must exist) rather than the user's default one.

The connection runs in autocommit mode: each read is its own statement (long results are read
through a server-side ``WITH HOLD`` cursor, a few hundred rows at a time, so an export of a large
database holds one batch of rows in memory, not the whole result), and each write batch is an
explicit transaction that first takes a transaction-level advisory lock, so batches from several
processes are written one at a time as with SQLite (deduplication reads the events a batch may join
and must not race another writer). A ``read_only`` store sets ``default_transaction_read_only``.

Text search uses PostgreSQL's full-text search with the ``simple`` configuration (no stemming, no
stop words), as SQLite's FTS5 does: the words of the query as a phrase, the last one as a prefix. A
GIN index on the evidence sentences, like SQLite's ``mentions_fts``, is an optional index outside
the versioned schema, created when a writable store opens a database without it.
"""

from __future__ import annotations

import itertools
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import conninfo as pg_conninfo

from geopol.store import queries
from geopol.store.base import StoreError
from geopol.store.dedup import DedupConfig
from geopol.store.dialect import POSTGRESQL, Params
from geopol.store.sql import Cursor, SqlStore

CONNECT_TIMEOUT = 10
"""Seconds to wait for the server when the URL does not say (libpq waits forever by default)."""

WRITE_LOCK = 0x67656F706F6C
"""Advisory lock key held by each write transaction ("geopol" in ASCII)."""

_FTS_INDEX = "mentions_sentence_fts"
_FTS_DOCUMENT = "to_tsvector('simple', sentence)"
_WORD = re.compile(r"\w+")


def with_schema(url: str, schema: str) -> str:
    """The URL with the tables kept in ``schema`` (libpq's ``options=-csearch_path=...``)."""
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}"


@contextmanager
def scratch_schema(server: str, prefix: str = "geopol_scratch") -> Iterator[str]:
    """A URL to a new empty schema on ``server``, dropped with its tables afterwards (for tests and
    benchmarks that must not touch each other's data)."""
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield with_schema(server, schema)
    finally:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


def describe(url: str) -> str:
    """The URL as shown in messages: without its password. Raises StoreError if it is not valid."""
    try:
        info = pg_conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"invalid PostgreSQL URL: {message}") from None
    host = info.get("host") or "localhost"
    port = str(info.get("port") or "5432")
    if not re.fullmatch(r"\d+(,\d+)*", port):
        raise StoreError(f"invalid PostgreSQL URL: the port must be a number, got {port!r}")
    user = f"{info['user']}@" if info.get("user") else ""
    return f"postgresql://{user}{host}:{port}/{info.get('dbname') or ''}"


def _connect(url: str, description: str, *, read_only: bool) -> psycopg.Connection[Any]:
    options: dict[str, Any] = {"autocommit": True}
    if "connect_timeout" not in pg_conninfo.conninfo_to_dict(url):
        options["connect_timeout"] = CONNECT_TIMEOUT
    try:
        connection = psycopg.connect(url, **options)
    except psycopg.OperationalError as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise StoreError(
            f"cannot connect to {description}: {reason} (is PostgreSQL running, and are the host, port, "
            "user, password and database in the URL right?)"
        ) from None
    except psycopg.Error as exc:
        raise StoreError(f"cannot connect to {description}: {exc}") from None
    if read_only:
        connection.execute("SET default_transaction_read_only = on")
    return connection


class PostgresStore(SqlStore):
    """A :class:`~geopol.store.base.Store` in a PostgreSQL database (see the module docstring).

    ``full_text=False`` answers text queries with ``LIKE`` (a case-insensitive substring).
    """

    _connection: psycopg.Connection[Any]

    def __init__(
        self,
        url: str,
        *,
        read_only: bool = False,
        full_text: bool = True,
        dedup: DedupConfig | None = None,
    ) -> None:
        description = describe(url)
        super().__init__(POSTGRESQL, description, read_only=read_only, dedup=dedup)
        self._full_text = full_text
        self._cursor_names = itertools.count(1)
        self._connection = _connect(url, description, read_only=read_only)
        try:
            self._migrate()
            if full_text and not read_only:
                self._create_full_text_index()
        except BaseException:
            self._connection.close()
            raise

    def _create_full_text_index(self) -> None:
        with self._write("create the full-text index") as cursor:
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {_FTS_INDEX} ON mentions USING GIN ({_FTS_DOCUMENT})")

    # -- hooks ----------------------------------------------------------------------------

    def _stream_cursor(self) -> Cursor:
        # psycopg's ordinary cursor fetches the whole result at execute(); a named one does not.
        # WITH HOLD lets it live outside a transaction (the connection is in autocommit mode).
        return self._connection.cursor(name=f"geopol_stream_{next(self._cursor_names)}", withhold=True)

    def _begin_write(self, cursor: Cursor) -> None:
        cursor.execute("BEGIN")
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))

    def _rollback(self) -> None:
        if self._connection.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            self._connection.execute("ROLLBACK")

    def _driver_errors(self) -> tuple[type[Exception], ...]:
        return (psycopg.Error,)

    def _table_names(self, cursor: Cursor) -> set[str]:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
        return {row[0] for row in cursor.fetchall()}

    def _text_condition(self, text: str, params: Params) -> str:
        """The words of ``text`` as a phrase, the last one a prefix (as SQLite's FTS5 query)."""
        words = _WORD.findall(text)
        if not self._full_text or not words:
            return queries.like_condition(text, params)
        quoted = [f"'{word.lower()}'" for word in words]
        tsquery = " <-> ".join(quoted) + ":*"
        return f"to_tsvector('simple', m.sentence) @@ to_tsquery('simple', {params.add(tsquery)})"
