"""SELECT statements built from an :class:`EventQuery`, in SQL both backends accept."""

from __future__ import annotations

from collections.abc import Callable

from geopol.store.base import EventQuery
from geopol.store.dialect import Params, prefix_upper, quote
from geopol.store.schema import MENTION_COLUMNS

TextCondition = Callable[[str, Params], str]
"""Writes the condition "the sentence contains this text" (full-text search or LIKE)."""

MENTION_SELECT_LIST = ", ".join(f"m.{quote(c)}" for c in MENTION_COLUMNS)


def like_pattern(text: str) -> str:
    r"""A lower-cased ``LIKE`` pattern matching ``text`` anywhere, wildcards escaped with ``\``."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def like_condition(text: str, params: Params) -> str:
    """The portable substring match: case-insensitive, no index."""
    return f"LOWER(m.sentence) LIKE {params.add(like_pattern(text))} ESCAPE '\\'"


def _actor_conditions(query: EventQuery, params: Params) -> list[str]:
    conditions = []
    if query.actor is not None:
        actor = query.actor.upper()
        conditions.append(f"({params.prefix('m.source', actor)} OR {params.prefix('m.target', actor)})")
    if query.dyad is not None:
        first, second = (code.upper() for code in query.dyad)
        forward = f"{params.prefix('m.source', first)} AND {params.prefix('m.target', second)}"
        backward = f"{params.prefix('m.source', second)} AND {params.prefix('m.target', first)}"
        conditions.append(f"(({forward}) OR ({backward}))")
    return conditions


def _conditions(query: EventQuery, params: Params, text_condition: TextCondition) -> list[str]:
    conditions = _actor_conditions(query, params)
    if query.code is not None:
        conditions.append(params.prefix("m.code", query.code))
    equal = {
        "root": query.root,
        "quad_class": query.quad_class,
        "plover": query.plover,
        "outlet": query.outlet,
        "doc": query.doc,
    }
    for column, value in equal.items():
        if value is not None:
            conditions.append(f"m.{column} = {params.add(value)}")
    if query.since is not None:
        conditions.append(f"m.effective_date >= {params.add(query.since)}")
    if query.until is not None:
        # Inclusive of everything that starts with the bound: until="2024-03" keeps 2024-03-31.
        conditions.append(f"m.effective_date < {params.add(prefix_upper(query.until))}")
    if query.text is not None and query.text != "":
        conditions.append(text_condition(query.text, params))
    return conditions


def mention_select(query: EventQuery, params: Params, text_condition: TextCondition) -> str:
    """SELECT of :data:`MENTION_COLUMNS` for ``query``; its values are added to ``params``.

    Undated mentions sort last in both orders (SQLite and PostgreSQL disagree on where NULLs go,
    so it is spelled out); ties keep document order, and ``id`` makes pages stable.
    """
    conditions = _conditions(query, params, text_condition)
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    direction = "DESC" if query.order == "-date" else "ASC"
    order = (
        f" ORDER BY CASE WHEN m.effective_date IS NULL THEN 1 ELSE 0 END, m.effective_date {direction},"
        f" m.doc, m.{quote('start')}, m.id"
    )
    return f"SELECT {MENTION_SELECT_LIST} FROM mentions m{where}{order}" + params.limit(
        query.limit, query.offset
    )


def document_select(
    params: Params,
    *,
    outlet: str | None,
    since: str | None,
    until: str | None,
    limit: int | None,
    offset: int,
) -> str:
    """SELECT of the stored-document columns and each document's mention count, by id."""
    conditions = []
    if outlet is not None:
        conditions.append(f"d.outlet = {params.add(outlet)}")
    if since is not None:
        conditions.append(f"d.date >= {params.add(since)}")
    if until is not None:
        conditions.append(f"d.date < {params.add(prefix_upper(until))}")
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    return (
        "SELECT d.id, d.outlet, d.url, d.title, d.date, d.date_origin, d.origin, d.content_hash,"
        " d.ingested_at, (SELECT COUNT(*) FROM mentions m WHERE m.doc = d.id)"
        f" FROM documents d{where} ORDER BY d.id" + params.limit(limit, offset)
    )
