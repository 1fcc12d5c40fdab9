"""The SQLite store: one file, one writer at a time, any number of readers.

The database runs in WAL mode, so readers (other processes, a ``read_only`` store) see the last
committed batch while a writer works, and a writer waits up to ``timeout`` seconds for another to
finish rather than failing. Each batch takes the write lock at its start (``BEGIN IMMEDIATE``).

When the SQLite library has FTS5, an external-content full-text index ``mentions_fts`` over the
evidence sentences is kept in step with ``mentions`` by triggers. It is an optional index, not
part of the versioned schema: it is created (and filled from existing rows) when a writable store
opens a database that lacks it, and text queries fall back to ``LIKE`` without it.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from urllib.parse import quote as quote_url

from geopol.store import queries
from geopol.store.base import StoreError
from geopol.store.dedup import DedupConfig
from geopol.store.dialect import SQLITE, Params
from geopol.store.sql import Cursor, SqlStore

MEMORY = ":memory:"

_FTS_STATEMENTS: tuple[str, ...] = (
    "CREATE VIRTUAL TABLE mentions_fts USING fts5(sentence, content='mentions', content_rowid='id')",
    "CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN "
    "INSERT INTO mentions_fts (rowid, sentence) VALUES (new.id, new.sentence); END",
    "CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions BEGIN "
    "INSERT INTO mentions_fts (mentions_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence); END",
    "CREATE TRIGGER mentions_fts_update AFTER UPDATE OF sentence ON mentions BEGIN "
    "INSERT INTO mentions_fts (mentions_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence); "
    "INSERT INTO mentions_fts (rowid, sentence) VALUES (new.id, new.sentence); END",
    "INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild')",
)

_WORD = re.compile(r"\w+")


def _connect(path: str, *, read_only: bool, timeout: float) -> sqlite3.Connection:
    """Open the file (creating it unless read-only), with clear errors for the usual mistakes."""
    if path == MEMORY:
        if read_only:
            raise StoreError("an in-memory store cannot be read-only")
        return sqlite3.connect(MEMORY, isolation_level=None, timeout=timeout)
    file = Path(path)
    if file.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    if not file.parent.is_dir():
        raise StoreError(f"cannot create the database {path}: directory {file.parent} does not exist")
    if read_only and not file.exists():
        raise StoreError(f"cannot open the database {path} read-only: it does not exist")
    uri = f"file:{quote_url(str(file.absolute()))}?mode={'ro' if read_only else 'rwc'}"
    try:
        # isolation_level=None: no implicit transactions; the store begins and commits its own.
        return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=timeout)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the database {path}: {exc}") from exc


class SQLiteStore(SqlStore):
    """A :class:`~geopol.store.base.Store` in a SQLite file (or ``":memory:"``).

    ``read_only`` opens an existing file without ever writing to it (no migration either);
    ``full_text=False`` answers text queries with ``LIKE`` even when FTS5 is there; ``dedup`` sets
    how written batches group mentions into events.
    """

    _connection: sqlite3.Connection

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        read_only: bool = False,
        full_text: bool = True,
        timeout: float = 30.0,
        dedup: DedupConfig | None = None,
    ) -> None:
        path_text = os.fspath(path)
        super().__init__(SQLITE, path_text, read_only=read_only, dedup=dedup)
        self._connection = _connect(path_text, read_only=read_only, timeout=timeout)
        try:
            self._configure()
            self._migrate()
            self._full_text = full_text and self._setup_full_text()
        except BaseException:
            self._connection.close()
            raise

    def _configure(self) -> None:
        try:
            self._connection.execute("PRAGMA foreign_keys = ON")
            if not self.read_only:
                self._connection.execute("PRAGMA journal_mode = WAL")
                self._connection.execute("PRAGMA synchronous = NORMAL")
            # Reading the catalog is what reveals a file that is not a database.
            self._connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
                raise StoreError(f"{self.description} is not a SQLite database ({exc})") from exc
            raise StoreError(f"cannot open the database {self.description}: {exc}") from exc

    def _fts5_available(self) -> bool:
        try:
            self._connection.execute("CREATE VIRTUAL TABLE temp.geopol_fts5_probe USING fts5(x)")
            self._connection.execute("DROP TABLE temp.geopol_fts5_probe")
        except sqlite3.OperationalError:
            return False
        return True

    def _setup_full_text(self) -> bool:
        """Create the full-text index if it is missing and can be; say whether it is usable."""
        if not self._fts5_available():
            return False
        with self._errors("look for the full-text index"):
            cursor = self._cursor()
            try:
                exists = "mentions_fts" in self._table_names(cursor)
            finally:
                cursor.close()
        if exists:
            return True
        if self.read_only:
            return False
        with self._write("create the full-text index") as cursor:
            if "mentions_fts" not in self._table_names(cursor):
                for statement in _FTS_STATEMENTS:
                    cursor.execute(statement)
        return True

    # -- hooks ----------------------------------------------------------------------------

    def _begin_write(self, cursor: Cursor) -> None:
        cursor.execute("BEGIN IMMEDIATE")

    def _rollback(self) -> None:
        if self._connection.in_transaction:
            self._connection.execute("ROLLBACK")

    def _driver_errors(self) -> tuple[type[Exception], ...]:
        return (sqlite3.Error,)

    def _table_names(self, cursor: Cursor) -> set[str]:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")
        return {row[0] for row in cursor.fetchall()}

    def _text_condition(self, text: str, params: Params) -> str:
        """Full-text match of the words of ``text`` as a phrase, the last word as a prefix.

        ``"visit Mosc"`` matches "a visit to Moscow"? No, the words must be adjacent; it matches
        "the visit, Moscow said" and "visit Moscow", not "visited Moscow": every word but the last
        is whole. Text without any word character falls back to ``LIKE``.
        """
        words = _WORD.findall(text)
        if not self._full_text or not words:
            return queries.like_condition(text, params)
        phrase = '"' + " ".join(words) + '"*'
        return f"m.id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH {params.add(phrase)})"
