"""The part of a SQL store that does not depend on the backend: batches, queries, migrations.

A backend (:mod:`geopol.store.sqlite`, :mod:`geopol.store.postgres`) subclasses :class:`SqlStore`
and supplies the connection, its :class:`~geopol.store.dialect.Dialect`, how a write transaction
begins and is rolled back, which exceptions its driver raises, what tables exist, and optionally a
full-text condition and a cursor for long results.
"""

from __future__ import annotations

import abc
import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from geopol.records import CleanDocument, Event, Rejection
from geopol.store import queries, rows
from geopol.store.base import (
    BatchResult,
    EventQuery,
    Period,
    Store,
    StoredDocument,
    StoredEvent,
    StoreError,
    check_date,
    check_page,
)
from geopol.store.dedup import DedupConfig, Mention
from geopol.store.dialect import Dialect, Params, quote
from geopol.store.grouping import Grouper, stored_event_from_row
from geopol.store.schema import DOCUMENT_COLUMNS, MENTION_DATA_COLUMNS, Migration, migrations

_FETCH_SIZE = 500
"""Rows fetched at a time while iterating a result."""

_EVENTS_VERSION = 2
"""The schema version that added deduplicated events."""

_LOOKUP_CHUNK = 500
"""Ids per ``IN (...)`` lookup, well under SQLite's default limit of 32,766 parameters."""


class Cursor(Protocol):
    """The slice of a DB-API 2 cursor the store uses (sqlite3 and psycopg both provide it)."""

    @property
    def rowcount(self) -> int: ...

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, seq_of_parameters: Sequence[Sequence[Any]], /) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchmany(self, size: int = ..., /) -> list[Any]: ...

    def fetchall(self) -> list[Any]: ...

    def close(self) -> None: ...


class Connection(Protocol):
    """The slice of a DB-API 2 connection the store uses (sqlite3 and psycopg both provide it)."""

    def cursor(self) -> Cursor: ...

    def execute(self, sql: str, /) -> Any: ...

    def close(self) -> None: ...


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


_Prepared = tuple[CleanDocument, str, list[tuple[Any, ...]]]


def _prepare(
    documents: Sequence[tuple[CleanDocument, Sequence[Event]]],
) -> tuple[list[_Prepared], list[Rejection]]:
    """The rows of each document (its hash and mention rows), built before the transaction so that
    bad input fails without taking the lock; a document whose rows cannot be built is refused, as a
    rejection naming the reason, and the rest of the batch is stored."""
    prepared: list[_Prepared] = []
    refused: list[Rejection] = []
    for doc, events in documents:
        try:
            prepared.append((doc, rows.content_hash(doc), [rows.mention_row(event, doc) for event in events]))
        except (StoreError, TypeError, ValueError, AttributeError) as error:
            origin = doc.article.origin or doc.id
            refused.append(Rejection(origin=origin, reason=f"{origin}: cannot be stored: {error}", doc_id=doc.id))
    return prepared, refused


class SqlStore(Store):
    """A :class:`Store` over a DB-API connection; see the module docstring for the hooks.

    A backend sets ``_connection`` (an open connection in autocommit mode: the store begins and
    commits its own transactions) and ``_full_text`` before it migrates.
    """

    _connection: Connection
    _full_text: bool

    def __init__(
        self, dialect: Dialect, description: str, *, read_only: bool, dedup: DedupConfig | None = None
    ) -> None:
        self.dialect = dialect
        self.dedup = dedup or DedupConfig()
        """How :meth:`add_batch` groups mentions into events."""
        self.description = description
        """How the database is named in error messages (a path, a URL without password)."""
        self.read_only = read_only
        self._closed = False

    @property
    def full_text(self) -> bool:
        """Whether text queries use the backend's full-text search (else ``LIKE``)."""
        return self._full_text

    # -- backend hooks --------------------------------------------------------------------

    def _cursor(self) -> Cursor:
        """A new cursor on the connection."""
        return self._connection.cursor()

    @abc.abstractmethod
    def _begin_write(self, cursor: Cursor) -> None:
        """Start a write transaction, taking the write lock now rather than at the first write."""

    def _commit(self) -> None:
        self._connection.execute("COMMIT")

    @abc.abstractmethod
    def _rollback(self) -> None: ...

    def _close_connection(self) -> None:
        self._connection.close()

    @abc.abstractmethod
    def _driver_errors(self) -> tuple[type[Exception], ...]:
        """The exceptions the driver raises, turned into :class:`StoreError`."""

    @abc.abstractmethod
    def _table_names(self, cursor: Cursor) -> set[str]:
        """The user tables in the database (not the backend's own catalog tables)."""

    def _stream_cursor(self) -> Cursor:
        """A cursor for a long SELECT read a few hundred rows at a time; by default
        :meth:`_cursor`, whose driver keeps only the rows not yet fetched (sqlite3 does)."""
        return self._cursor()

    def _text_condition(self, text: str, params: Params) -> str:
        """The sentence contains ``text``: a LIKE unless the backend has full-text search."""
        return queries.like_condition(text, params)

    # -- plumbing -------------------------------------------------------------------------

    def _check_open(self, action: str) -> None:
        if self._closed:
            raise StoreError(f"cannot {action}: the store {self.description} is closed")

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Turn driver exceptions raised while doing ``action`` into :class:`StoreError`."""
        self._check_open(action)
        try:
            yield
        except self._driver_errors() as exc:
            raise StoreError(f"cannot {action} in {self.description}: {exc}") from exc

    @contextmanager
    def _write(self, action: str) -> Iterator[Cursor]:
        """One write transaction: committed if the block succeeds, rolled back otherwise."""
        if self.read_only:
            raise StoreError(f"cannot {action}: {self.description} was opened read-only")
        with self._errors(action):
            cursor = self._cursor()
            try:
                self._begin_write(cursor)
                try:
                    yield cursor
                    self._commit()
                except BaseException:
                    self._rollback()
                    raise
            finally:
                cursor.close()

    def _scalar(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        cursor = self._cursor()
        try:
            cursor.execute(sql, parameters)
            row = cursor.fetchone()
        finally:
            cursor.close()
        return None if row is None else row[0]

    def _iterate(self, action: str, sql: str, parameters: Sequence[Any]) -> Iterator[Sequence[Any]]:
        """Stream the rows of a SELECT, a few hundred at a time.

        A closed store fails here, at the call, rather than at the first ``next()``.
        """
        self._check_open(action)
        return self._stream(action, sql, parameters)

    def _stream(self, action: str, sql: str, parameters: Sequence[Any]) -> Iterator[Sequence[Any]]:
        with self._errors(action):
            cursor = self._stream_cursor()
            try:
                cursor.execute(sql, parameters)
                while batch := cursor.fetchmany(_FETCH_SIZE):
                    yield from batch
            finally:
                cursor.close()

    # -- schema ---------------------------------------------------------------------------

    def _migrate(self) -> None:
        """Check the schema version and apply the migrations the database lacks."""
        all_migrations = migrations(self.dialect)
        latest = all_migrations[-1].version
        with self._errors("read the schema version"):
            version = self._read_version(self._cursor())
        if version > latest:
            raise StoreError(
                f"{self.description} has schema version {version}, newer than this geopol "
                f"understands ({latest}); upgrade geopol to use it"
            )
        if version == latest:
            return
        if self.read_only:
            raise StoreError(
                f"{self.description} has schema version {version}, older than {latest}; "
                "open it once without read-only to migrate it"
            )
        for migration in all_migrations:
            if migration.version > version:
                self._apply(migration)
        if version and version < _EVENTS_VERSION:
            self.regroup()  # the mentions stored before events existed

    def _read_version(self, cursor: Cursor) -> int:
        try:
            tables = self._table_names(cursor)
            if "schema_version" not in tables:
                if tables:
                    raise StoreError(
                        f"{self.description} is a database but not a geopol store "
                        f"(it has tables {', '.join(sorted(tables))} and no schema_version)"
                    )
                return 0
            cursor.execute("SELECT MAX(version) FROM schema_version")
            row = cursor.fetchone()
            return int(row[0]) if row is not None and row[0] is not None else 0
        finally:
            cursor.close()

    def _apply(self, migration: Migration) -> None:
        with self._write(f"migrate to schema version {migration.version}") as cursor:
            # Another process may have migrated while we waited for the write lock.
            if self._read_version(self._cursor()) >= migration.version:
                return
            for statement in migration.statements:
                cursor.execute(statement)
            cursor.execute(
                f"INSERT INTO schema_version (version, description, applied_at) "
                f"VALUES ({self.dialect.placeholders(3)})",
                (migration.version, migration.description, utc_now()),
            )

    def schema_version(self) -> int:
        with self._errors("read the schema version"):
            return int(self._scalar("SELECT MAX(version) FROM schema_version") or 0)

    # -- writes ---------------------------------------------------------------------------

    def add_batch(
        self,
        documents: Sequence[tuple[CleanDocument, Sequence[Event]]],
        rejections: Sequence[Rejection] = (),
    ) -> BatchResult:
        """See :meth:`Store.add_batch`; the new and removed mentions are then grouped into events
        (:mod:`geopol.store.grouping`) in the same transaction."""
        now = utc_now()
        prepared, refused = _prepare(documents)
        counts = {"added": 0, "updated": 0, "unchanged": 0, "mentions": 0}
        with self._write("store a batch") as cursor:
            known = self._known_hashes(cursor, [doc.id for doc, _, _ in prepared])
            pending: dict[str, list[tuple[Any, ...]]] = {}
            touched: set[str] = set()
            for doc, digest, mention_rows in prepared:
                previous = known.get(doc.id)
                if previous == digest:
                    counts["unchanged"] += 1
                    continue
                if previous is None:
                    self._insert_document(cursor, doc, digest, now)
                    counts["added"] += 1
                else:
                    touched |= self._replace_document(cursor, doc, digest, now)
                    counts["updated"] += 1
                known[doc.id] = digest
                pending[doc.id] = mention_rows  # a later version in the same batch replaces it
                counts["mentions"] += len(mention_rows)
            incoming = [
                Mention(rows.event_from_row(row), values=row)
                for mention_rows in pending.values()
                for row in mention_rows
            ]
            grouped = Grouper(cursor, self.dialect, self.dedup).run(incoming, touched)
            rejected = self._insert_rejections(cursor, [*rejections, *refused], now)
        return BatchResult(rejected=rejected, events=grouped.created - grouped.deleted, refused=tuple(refused),
                           **counts)

    def _known_hashes(self, cursor: Cursor, doc_ids: list[str]) -> dict[str, str]:
        unique = list(dict.fromkeys(doc_ids))
        known: dict[str, str] = {}
        for start in range(0, len(unique), _LOOKUP_CHUNK):
            chunk = unique[start : start + _LOOKUP_CHUNK]
            in_list = self.dialect.placeholders(len(chunk))
            cursor.execute(f"SELECT id, content_hash FROM documents WHERE id IN ({in_list})", chunk)
            while batch := cursor.fetchmany(_FETCH_SIZE):
                known.update((row[0], row[1]) for row in batch)
        return known

    def _insert_document(self, cursor: Cursor, doc: CleanDocument, digest: str, now: str) -> None:
        cursor.execute(
            f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) "
            f"VALUES ({self.dialect.placeholders(len(DOCUMENT_COLUMNS))})",
            rows.document_row(doc, digest, now),
        )

    def _replace_document(self, cursor: Cursor, doc: CleanDocument, digest: str, now: str) -> set[str]:
        """Update the document row and delete its mentions; the events they were grouped into."""
        ph = self.dialect.placeholder
        cursor.execute(f"SELECT DISTINCT event FROM mentions WHERE doc = {ph} AND event IS NOT NULL", (doc.id,))
        touched = {row[0] for row in cursor.fetchall()}
        cursor.execute(f"DELETE FROM mentions WHERE doc = {ph}", (doc.id,))
        values = rows.document_row(doc, digest, now)
        assignments = ", ".join(f"{column} = {ph}" for column in DOCUMENT_COLUMNS[1:])
        cursor.execute(f"UPDATE documents SET {assignments} WHERE id = {ph}", (*values[1:], values[0]))
        return touched

    def regroup(self) -> BatchResult:
        """Group again every stored mention not yet linked to an event (all of them after
        :meth:`unlink_events`): done on open after the migration to schema version 2."""
        with self._write("group mentions into events") as cursor:
            cursor.execute(
                f"SELECT id, {', '.join(quote(c) for c in MENTION_DATA_COLUMNS)} FROM mentions WHERE event IS NULL"
            )
            incoming = [Mention(rows.event_from_row(row[1:]), row_id=int(row[0])) for row in cursor.fetchall()]
            grouped = Grouper(cursor, self.dialect, self.dedup).run(incoming, ())
        return BatchResult(events=grouped.created - grouped.deleted)

    def unlink_events(self) -> None:
        """Forget every event (mentions stay), so that :meth:`regroup` can group them anew, for
        example with another :class:`DedupConfig`."""
        with self._write("delete events") as cursor:
            cursor.execute("UPDATE mentions SET event = NULL")
            cursor.execute("DELETE FROM events")

    def _insert_rejections(self, cursor: Cursor, rejections: Sequence[Rejection], now: str) -> int:
        recorded = 0
        sql = (
            f"INSERT INTO rejections (origin, doc_id, reason, at) VALUES ({self.dialect.placeholders(4)}) "
            "ON CONFLICT (origin, doc_id, reason) DO NOTHING"
        )
        for rejection in rejections:
            cursor.execute(sql, rows.rejection_row(rejection, now))
            recorded += max(cursor.rowcount, 0)
        return recorded

    # -- reads ----------------------------------------------------------------------------

    def mentions(self, query: EventQuery | None = None) -> Iterator[Event]:
        params = Params(self.dialect)
        sql = queries.mention_select(query or EventQuery(), params, self._text_condition)
        return (rows.event_from_row(row) for row in self._iterate("query mentions", sql, params.values))

    def documents(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[StoredDocument]:
        check_date("since", since)
        check_date("until", until)
        check_page(limit, offset)
        params = Params(self.dialect)
        sql = queries.document_select(
            params, outlet=outlet, since=since, until=until, limit=limit, offset=offset
        )
        return (
            rows.stored_document_from_row(row) for row in self._iterate("list documents", sql, params.values)
        )

    def count_documents(
        self, *, outlet: str | None = None, since: str | None = None, until: str | None = None
    ) -> int:
        check_date("since", since)
        check_date("until", until)
        params = Params(self.dialect)
        sql = queries.document_count(params, outlet=outlet, since=since, until=until)
        with self._errors("count documents"):
            return int(self._scalar(sql, params.values))

    def document(self, doc_id: str) -> CleanDocument | None:
        sql = f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM documents WHERE id = {self.dialect.placeholder}"
        with self._errors("read a document"):
            cursor = self._cursor()
            try:
                cursor.execute(sql, (doc_id,))
                row = cursor.fetchone()
            finally:
                cursor.close()
        return None if row is None else rows.clean_document_from_row(row)

    def rejections(self) -> Iterator[Rejection]:
        sql = "SELECT origin, doc_id, reason FROM rejections ORDER BY id"
        return (rows.rejection_from_row(row) for row in self._iterate("list rejections", sql, ()))

    def counts(self) -> dict[str, int]:
        with self._errors("count rows"):
            return {
                table: int(self._scalar(f"SELECT COUNT(*) FROM {table}"))
                for table in ("documents", "mentions", "events", "rejections")
            }

    def events(self, query: EventQuery | None = None) -> Iterator[StoredEvent]:
        params = Params(self.dialect)
        sql = queries.event_select(query or EventQuery(), params, self._text_condition)
        return (stored_event_from_row(row) for row in self._iterate("query events", sql, params.values))

    def count_events(self, query: EventQuery | None = None) -> int:
        params = Params(self.dialect)
        sql = queries.event_count(query or EventQuery(), params, self._text_condition)
        with self._errors("count events"):
            return int(self._scalar(sql, params.values))

    def event(self, event_id: str) -> StoredEvent | None:
        params = Params(self.dialect)
        sql = f"SELECT {queries.EVENT_SELECT_LIST} FROM events e WHERE e.id = {params.add(event_id)}"
        with self._errors("read an event"):
            cursor = self._cursor()
            try:
                cursor.execute(sql, params.values)
                row = cursor.fetchone()
            finally:
                cursor.close()
        return None if row is None else stored_event_from_row(row)

    def event_mentions(self, event_id: str) -> Iterator[Event]:
        params = Params(self.dialect)
        sql = queries.event_mentions_select(params, event_id)
        return (rows.event_from_row(row) for row in self._iterate("list the mentions of an event", sql, params.values))

    def search(self, text: str, query: EventQuery | None = None) -> Iterator[tuple[StoredEvent, Event]]:
        chosen = dataclasses.replace(query or EventQuery(), text=text)
        for event in self.events(chosen):
            params = Params(self.dialect)
            sql = queries.event_mentions_select(params, event.id, self._text_condition, text)
            for row in self._iterate("search the evidence", sql, params.values):
                yield event, rows.event_from_row(row)
                break

    def document_counts(self, by: Period = "month", *, outlet: str | None = None) -> dict[str, int]:
        widths = {"year": 4, "month": 7, "day": 10}
        if by not in widths:
            raise StoreError(f"document counts are by day, month or year, not {by!r}")
        params = Params(self.dialect)
        sql = queries.document_counts_select(params, widths[by], outlet)
        return {str(period): int(count) for period, count in self._iterate("count documents", sql, params.values)}

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._close_connection()
