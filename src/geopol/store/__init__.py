"""Where coded events are kept: documents, their mentions, deduplicated events and rejections.

>>> with open_store("events.db") as store:                      # doctest: +SKIP
...     result = store.add_batch([(clean_doc, events)], rejections)
...     for event in store.events(EventQuery(actor="RUS", since="2024-03")):
...         ...

:func:`open_store` picks the backend from its argument: a file path, ``sqlite:///path`` or
``":memory:"`` is SQLite; ``postgresql://user:password@host:port/database`` (or ``postgres://``)
is PostgreSQL. Both implement the same :class:`Store` interface on the same schema.
"""

from __future__ import annotations

import os
import re

from geopol.store.base import BatchResult, EventQuery, Store, StoredDocument, StoredEvent, StoreError
from geopol.store.dedup import DedupConfig
from geopol.store.sqlite import MEMORY, SQLiteStore

__all__ = [
    "BatchResult",
    "DedupConfig",
    "EventQuery",
    "SQLiteStore",
    "Store",
    "StoreError",
    "StoredDocument",
    "StoredEvent",
    "open_store",
]

_URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_SQLITE_URL_PREFIX = "sqlite:///"
"""As in SQLAlchemy: ``sqlite:///events.db`` is relative, ``sqlite:////data/events.db`` absolute."""


def open_store(
    target: str | os.PathLike[str], *, read_only: bool = False, dedup: DedupConfig | None = None
) -> Store:
    """Open (creating and migrating if needed) the store at a path or URL.

    ``read_only`` opens an existing store for reading only: it is never written, not even
    migrated. ``dedup`` sets how the batches written through this store group mentions into events
    (default :class:`DedupConfig`). Raises :class:`StoreError` when the store cannot be opened, with
    the reason.
    """
    text = os.fspath(target)
    match = _URL_SCHEME.match(text)
    if match is None:
        return SQLiteStore(text, read_only=read_only, dedup=dedup)
    scheme = match.group(1).lower()
    if scheme == "sqlite":
        if not text.startswith(_SQLITE_URL_PREFIX):
            raise StoreError(f"a SQLite URL is sqlite:///path/to/file.db, got {text!r}")
        return SQLiteStore(text[len(_SQLITE_URL_PREFIX) :] or MEMORY, read_only=read_only, dedup=dedup)
    if scheme in {"postgresql", "postgres"}:
        from geopol.store.postgres import PostgresStore  # psycopg is imported only when needed

        return PostgresStore(text, read_only=read_only, dedup=dedup)
    raise StoreError(
        f"unknown database URL scheme {scheme!r} in {text!r}: use a file path, sqlite:///path "
        "or postgresql://user:password@host:port/database"
    )
