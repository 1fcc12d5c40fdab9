"""The database schema, as an ordered list of migrations shared by every SQL backend.

A migration is a version number and the statements that bring a database from the previous
version to it. On open, a writable store applies, in one transaction each, the migrations newer
than the version recorded in ``schema_version``. A published migration is never edited: a change
to the schema is a new migration appended to :func:`migrations` (for example, the deduplicated
``events`` table and the link from each mention to its event).

Types are kept to what both SQLite and PostgreSQL accept. Dates are ISO strings (``TEXT``), the
way :class:`~geopol.records.Event` carries them, so that partial dates survive and comparisons are
the same in both backends; JSON is ``TEXT`` too.
"""

from __future__ import annotations

from dataclasses import dataclass

from geopol.store.dialect import Dialect, quote

_INTEGER_FIELDS = frozenset({"quad_class", "start", "end"})
_FLOAT_FIELDS = frozenset({"goldstein"})
_NULLABLE_FIELDS = frozenset(
    {"date", "date_end", "date_text", "place", "place_country", "outlet", "url", "doc_date"}
)

EVENT_COLUMNS: tuple[str, ...] = (
    "doc", "source", "source_name", "target", "target_name", "code", "root", "label",
    "goldstein", "quad_class", "plover", "date", "date_end", "date_text", "modality",
    "place", "place_country", "sentence", "start", "end", "trigger", "rule", "outlet",
    "url", "doc_date",
)  # fmt: skip
"""The event fields stored in ``mentions``, as of schema version 1: written out rather than taken
from :data:`~geopol.records.EVENT_FIELDS`, because a published migration must not change when the
record does. A new event field needs a migration that adds its column, and its name here."""



def event_field_type(name: str) -> type:
    """The Python type a stored event field holds (``int``, ``float`` or ``str``)."""
    if name in _INTEGER_FIELDS:
        return int
    return float if name in _FLOAT_FIELDS else str


def event_field_nullable(name: str) -> bool:
    """Whether a stored event field may be ``None``."""
    return name in _NULLABLE_FIELDS


_MENTION_COLUMNS_V1: tuple[str, ...] = (*EVENT_COLUMNS, "effective_date", "extra")

MENTION_DATA_COLUMNS: tuple[str, ...] = _MENTION_COLUMNS_V1
"""The columns of ``mentions`` that rebuild an :class:`~geopol.records.Event`: the event fields, then
``effective_date`` (the event date, else the document date: what period filters and ordering use)
and ``extra`` (the event's ``extra`` dict as JSON, or NULL when empty)."""

MENTION_COLUMNS: tuple[str, ...] = (*MENTION_DATA_COLUMNS, "event")
"""Stored columns of ``mentions`` besides ``id``. Columns added by later migrations are appended
here, never to the version 1 list: ``event`` (version 2) is the id of the deduplicated event the
mention reports."""

EVENT_TABLE_COLUMNS: tuple[str, ...] = (
    "id", "source", "source_name", "target", "target_name", "code", "root", "label", "goldstein",
    "quad_class", "plover", "date", "date_end", "place", "place_country", "modality", "mentions",
    "documents", "outlets", "first_report", "last_report", "confidence", "sentence", "doc", "start",
    "end", "effective_date", "span_start", "span_end",
)  # fmt: skip
"""Columns of ``events`` (version 2): the fields of :class:`~geopol.store.base.StoredEvent` in its
order, then ``effective_date`` (the event date, else its first report: what period filters and
ordering use) and ``span_start``/``span_end`` (the first and last day any of its mentions is dated
or reported, NULL when none is: where deduplication looks for the events a new mention may join)."""

_EVENT_INTEGER_COLUMNS = frozenset({"quad_class", "mentions", "documents", "outlets", "start", "end"})
_EVENT_FLOAT_COLUMNS = frozenset({"goldstein", "confidence"})
_EVENT_NULLABLE_COLUMNS = frozenset(
    {"date", "date_end", "place", "place_country", "first_report", "last_report", "effective_date",
     "span_start", "span_end"}
)
EVENT_INDEXES: tuple[tuple[str, ...], ...] = (
    ("source", "target", "root", "span_start"),
    ("target",),
    ("code",),
    ("root",),
    ("effective_date",),
    ("quad_class",),
    ("plover",),
)
_COLLATED_COLUMNS: tuple[tuple[str, str], ...] = (
    *(("documents", c) for c in ("id", "outlet", "date")),
    *(("mentions", c) for c in ("doc", "source", "target", "code", "root", "plover", "date", "outlet",
                                "doc_date", "effective_date")),
)
"""Text columns compared or sorted by queries. PostgreSQL compares text by the database's locale
unless told otherwise; version 2 gives them the byte order ("C"), which is SQLite's, so that both
backends sort and filter identically."""

DOCUMENT_COLUMNS: tuple[str, ...] = (
    "id",
    "outlet",
    "url",
    "title",
    "date",
    "date_origin",
    "origin",
    "content_hash",
    "text",
    "removed",
    "ingested_at",
)
"""Columns of ``documents``; ``removed`` is the JSON list of lines the cleaner dropped."""

MENTION_INDEXES: tuple[tuple[str, ...], ...] = (
    ("doc", "start"),
    ("source",),
    ("target",),
    ("code",),
    ("date",),
    ("effective_date",),
    ("root",),
    ("quad_class",),
    ("plover",),
    ("outlet",),
)


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


def _mention_column_ddl(name: str, dialect: Dialect) -> str:
    if name in _INTEGER_FIELDS:
        sql_type = "INTEGER"
    elif name in _FLOAT_FIELDS:
        sql_type = dialect.float_type
    else:
        sql_type = "TEXT"
    nullable = name in _NULLABLE_FIELDS or name in {"effective_date", "extra"}
    ddl = f"{quote(name)} {sql_type}" + ("" if nullable else " NOT NULL")
    if name == "doc":
        ddl += " REFERENCES documents (id) ON DELETE CASCADE"
    return ddl


def _version_1(dialect: Dialect) -> Migration:
    mention_columns = ",\n    ".join(_mention_column_ddl(name, dialect) for name in _MENTION_COLUMNS_V1)
    mention_indexes = tuple(
        f"CREATE INDEX mentions_{'_'.join(cols)} ON mentions ({', '.join(quote(c) for c in cols)})"
        for cols in MENTION_INDEXES
    )
    return Migration(
        version=1,
        description="documents, mentions and rejections",
        statements=(
            "CREATE TABLE schema_version (\n"
            "    version INTEGER PRIMARY KEY,\n"
            "    description TEXT NOT NULL,\n"
            "    applied_at TEXT NOT NULL\n)",
            "CREATE TABLE documents (\n"
            "    id TEXT PRIMARY KEY,\n"
            "    outlet TEXT,\n    url TEXT,\n    title TEXT,\n    date TEXT,\n"
            "    date_origin TEXT NOT NULL,\n    origin TEXT NOT NULL,\n"
            "    content_hash TEXT NOT NULL,\n    text TEXT NOT NULL,\n"
            "    removed TEXT NOT NULL,\n    ingested_at TEXT NOT NULL\n)",
            "CREATE INDEX documents_outlet ON documents (outlet)",
            "CREATE INDEX documents_date ON documents (date)",
            f"CREATE TABLE mentions (\n    id {dialect.id_column},\n    {mention_columns}\n)",
            *mention_indexes,
            # doc_id is '' rather than NULL when unknown: NULLs never collide in a UNIQUE
            # constraint, and a rejection must be recorded once however often it is seen.
            f"CREATE TABLE rejections (\n"
            f"    id {dialect.id_column},\n"
            f"    origin TEXT NOT NULL,\n"
            f"    doc_id TEXT NOT NULL DEFAULT '',\n"
            f"    reason TEXT NOT NULL,\n"
            f"    at TEXT NOT NULL,\n"
            f"    UNIQUE (origin, doc_id, reason)\n)",
        ),
    )


def _event_column_ddl(name: str, dialect: Dialect) -> str:
    if name in _EVENT_INTEGER_COLUMNS:
        sql_type = "INTEGER"
    elif name in _EVENT_FLOAT_COLUMNS:
        sql_type = dialect.float_type
    else:
        sql_type = dialect.sorted_text
    ddl = f"{quote(name)} {sql_type}"
    if name == "id":
        return ddl + " PRIMARY KEY"
    return ddl + ("" if name in _EVENT_NULLABLE_COLUMNS else " NOT NULL")


def _version_2(dialect: Dialect) -> Migration:
    event_columns = ",\n    ".join(_event_column_ddl(name, dialect) for name in EVENT_TABLE_COLUMNS)
    event_indexes = tuple(
        f"CREATE INDEX events_{'_'.join(cols)} ON events ({', '.join(quote(c) for c in cols)})"
        for cols in EVENT_INDEXES
    )
    collations = tuple(
        f"ALTER TABLE {table} ALTER COLUMN {quote(column)} TYPE {dialect.sorted_text}"
        for table, column in _COLLATED_COLUMNS
        if dialect.sorted_text != "TEXT"
    )
    return Migration(
        version=2,
        description="deduplicated events, and the link from each mention to its event",
        statements=(
            *collations,
            f"CREATE TABLE events (\n    {event_columns}\n)",
            *event_indexes,
            f"ALTER TABLE mentions ADD COLUMN event {dialect.sorted_text} REFERENCES events (id)",
            "CREATE INDEX mentions_event ON mentions (event)",
        ),
    )


def migrations(dialect: Dialect) -> tuple[Migration, ...]:
    """Every migration, in the order they are applied, written for ``dialect``.

    Version 2 adds the ``events`` table and ``mentions.event``; mentions stored under version 1
    are grouped into events by the store right after the migration (grouping is not SQL).
    """
    return (_version_1(dialect), _version_2(dialect))


def latest_version(dialect: Dialect) -> int:
    return migrations(dialect)[-1].version
