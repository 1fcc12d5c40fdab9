"""SELECT statements built from an :class:`EventQuery`, in SQL both backends accept."""

from __future__ import annotations

from collections.abc import Callable

from geopol.store.base import EVENT_ROW_FIELDS, REPORT_FIELDS, EventQuery
from geopol.store.dialect import Params, prefix_upper, quote
from geopol.store.rows import STORED_DOCUMENT_COLUMNS
from geopol.store.schema import MENTION_DATA_COLUMNS

TextCondition = Callable[[str, Params], str]
"""Writes the condition "the sentence contains this text" (full-text search or LIKE)."""

MENTION_SELECT_LIST = ", ".join(f"m.{quote(c)}" for c in MENTION_DATA_COLUMNS)


def _representative(column: str) -> str:
    """A column of the event's representative mention (the one its evidence fields locate)."""
    same = " AND ".join(f"r.{quote(c)} = e.{quote(c)}" for c in ("doc", "start", "end"))
    return f"(SELECT r.{quote(column)} FROM mentions r WHERE r.event = e.id AND {same} ORDER BY r.id LIMIT 1)"


EVENT_SELECT_LIST = ", ".join(
    [*(f"e.{quote(c)}" for c in EVENT_ROW_FIELDS), *(_representative(c) for c in REPORT_FIELDS)]
)
"""The columns of a :class:`~geopol.store.StoredEvent` read from ``events e``, in field order."""


def like_pattern(text: str) -> str:
    r"""A lower-cased ``LIKE`` pattern matching ``text`` anywhere, wildcards escaped with ``\``."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def like_condition(text: str, params: Params) -> str:
    """The portable substring match: case-insensitive, no index."""
    return f"LOWER(m.sentence) LIKE {params.add(like_pattern(text))} ESCAPE '\\'"


def _actor_conditions(query: EventQuery, params: Params, alias: str) -> list[str]:
    conditions = []
    source, target = f"{alias}.source", f"{alias}.target"
    if query.actor is not None:
        actor = query.actor.upper()
        conditions.append(f"({params.prefix(source, actor)} OR {params.prefix(target, actor)})")
    if query.dyad is not None:
        first, second = (code.upper() for code in query.dyad)
        forward = f"{params.prefix(source, first)} AND {params.prefix(target, second)}"
        backward = f"{params.prefix(source, second)} AND {params.prefix(target, first)}"
        conditions.append(f"(({forward}) OR ({backward}))")
    return conditions


def _coded_conditions(query: EventQuery, params: Params, alias: str) -> list[str]:
    """Conditions on the coded fields and the period, on the row ``alias`` (a mention or an event)."""
    conditions = _actor_conditions(query, params, alias)
    if query.code is not None:
        conditions.append(params.prefix(f"{alias}.code", query.code))
    equal = {"root": query.root, "quad_class": query.quad_class, "plover": query.plover}
    for column, value in equal.items():
        if value is not None:
            conditions.append(f"{alias}.{column} = {params.add(value)}")
    if query.since is not None:
        conditions.append(f"{alias}.effective_date >= {params.add(query.since)}")
    if query.until is not None:
        # Inclusive of everything that starts with the bound: until="2024-03" keeps 2024-03-31.
        conditions.append(f"{alias}.effective_date < {params.add(prefix_upper(query.until))}")
    return conditions


def _report_conditions(query: EventQuery, params: Params, text_condition: TextCondition) -> list[str]:
    """Conditions on where a mention was reported (outlet, document) and its evidence, on ``m``."""
    conditions = []
    for column, value in {"outlet": query.outlet, "doc": query.doc}.items():
        if value is not None:
            conditions.append(f"m.{column} = {params.add(value)}")
    if query.text is not None and query.text != "":
        conditions.append(text_condition(query.text, params))
    return conditions


def _order(query: EventQuery, alias: str) -> str:
    """Undated rows sort last in both orders (SQLite and PostgreSQL disagree on where NULLs go,
    so it is spelled out); ties keep document order, and ``id`` makes pages stable."""
    direction = "DESC" if query.order == "-date" else "ASC"
    return (
        f" ORDER BY CASE WHEN {alias}.effective_date IS NULL THEN 1 ELSE 0 END,"
        f" {alias}.effective_date {direction}, {alias}.doc, {alias}.{quote('start')}, {alias}.id"
    )


def mention_select(query: EventQuery, params: Params, text_condition: TextCondition) -> str:
    """SELECT of :data:`MENTION_DATA_COLUMNS` for ``query``; its values are added to ``params``."""
    conditions = [*_coded_conditions(query, params, "m"), *_report_conditions(query, params, text_condition)]
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    return f"SELECT {MENTION_SELECT_LIST} FROM mentions m{where}{_order(query, 'm')}" + params.limit(
        query.limit, query.offset
    )


def _event_where(query: EventQuery, params: Params, text_condition: TextCondition) -> str:
    conditions = _coded_conditions(query, params, "e")
    reported = _report_conditions(query, params, text_condition)
    if reported:
        conditions.append(f"EXISTS (SELECT 1 FROM mentions m WHERE m.event = e.id AND {' AND '.join(reported)})")
    return f" WHERE {' AND '.join(conditions)}" if conditions else ""


def event_select(query: EventQuery, params: Params, text_condition: TextCondition) -> str:
    """SELECT of :data:`EVENT_TABLE_COLUMNS` for ``query``: filters on the coded fields apply to the
    event, ``outlet``/``doc``/``text`` to any one of its mentions (all three to the same one)."""
    where = _event_where(query, params, text_condition)
    return f"SELECT {EVENT_SELECT_LIST} FROM events e{where}{_order(query, 'e')}" + params.limit(
        query.limit, query.offset
    )


def event_count(query: EventQuery, params: Params, text_condition: TextCondition) -> str:
    return f"SELECT COUNT(*) FROM events e{_event_where(query, params, text_condition)}"


def event_mentions_select(params: Params, event_id: str, text_condition: TextCondition | None = None,
                          text: str | None = None) -> str:
    """The mentions of one event, by report date (undated last), document and offsets; only those
    whose evidence matches ``text`` when it is given."""
    conditions = [f"m.event = {params.add(event_id)}"]
    if text_condition is not None and text:
        conditions.append(text_condition(text, params))
    return (
        f"SELECT {MENTION_SELECT_LIST} FROM mentions m WHERE {' AND '.join(conditions)} ORDER BY "
        f"CASE WHEN m.doc_date IS NULL THEN 1 ELSE 0 END, m.doc_date, m.doc, m.{quote('start')}, m.id"
    )


def document_counts_select(params: Params, width: int, outlet: str | None) -> str:
    """Documents per period: the first ``width`` characters of their date (4, 7 or 10)."""
    condition = "" if outlet is None else f" AND outlet = {params.add(outlet)}"
    period = f"SUBSTR(date, 1, {int(width)})"
    return (
        f"SELECT {period}, COUNT(*) FROM documents WHERE date IS NOT NULL{condition}"
        f" GROUP BY {period} ORDER BY {period}"
    )


def _document_where(params: Params, outlet: str | None, since: str | None, until: str | None) -> str:
    conditions = []
    if outlet is not None:
        conditions.append(f"d.outlet = {params.add(outlet)}")
    if since is not None:
        conditions.append(f"d.date >= {params.add(since)}")
    if until is not None:
        conditions.append(f"d.date < {params.add(prefix_upper(until))}")
    return f" WHERE {' AND '.join(conditions)}" if conditions else ""


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
    where = _document_where(params, outlet, since, until)
    return (
        f"SELECT {', '.join(f'd.{c}' for c in STORED_DOCUMENT_COLUMNS)},"
        " (SELECT COUNT(*) FROM mentions m WHERE m.doc = d.id)"
        f" FROM documents d{where} ORDER BY d.id" + params.limit(limit, offset)
    )


def document_count(params: Params, *, outlet: str | None, since: str | None, until: str | None) -> str:
    """How many documents :func:`document_select` lists without a page."""
    return f"SELECT COUNT(*) FROM documents d{_document_where(params, outlet, since, until)}"
