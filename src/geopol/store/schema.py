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

_MENTION_COLUMNS_V1: tuple[str, ...] = (*EVENT_COLUMNS, "effective_date", "extra")

MENTION_COLUMNS: tuple[str, ...] = _MENTION_COLUMNS_V1
"""Stored columns of ``mentions`` besides ``id``: the event fields, then ``effective_date`` (the
event date, else the document date: what period filters and ordering use) and ``extra`` (the
event's ``extra`` dict as JSON, or NULL when empty). Columns added by later migrations are appended
here, never to the version 1 list."""

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


def migrations(dialect: Dialect) -> tuple[Migration, ...]:
    """Every migration, in the order they are applied, written for ``dialect``."""
    return (_version_1(dialect),)


def latest_version(dialect: Dialect) -> int:
    return migrations(dialect)[-1].version
