"""Conversions between the pipeline's records and database rows, the same for every backend."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from typing import Any

from geopol.records import Article, CleanDocument, Event, Rejection, RemovedLine
from geopol.store.base import StoredDocument, StoreError
from geopol.store.schema import (
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    MENTION_DATA_COLUMNS,
    event_field_nullable,
    event_field_type,
)


def content_hash(doc: CleanDocument) -> str:
    """sha256 of the cleaned text and the metadata stored with it.

    The origin (the file or line it was read from) is left out: the same article read again from
    another path is the same document.
    """
    article = doc.article
    payload = [
        article.id,
        doc.text,
        article.outlet,
        article.url,
        article.title,
        _iso(article.date),
        article.date_origin,
    ]
    encoded = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


def _iso(date: dt.date | None) -> str | None:
    return None if date is None else date.isoformat()


def document_row(doc: CleanDocument, digest: str, ingested_at: str) -> tuple[Any, ...]:
    """Values for :data:`DOCUMENT_COLUMNS`."""
    article = doc.article
    removed = json.dumps(
        [{"line_no": r.line_no, "text": r.text, "reason": r.reason} for r in doc.removed],
        ensure_ascii=False,
    )
    values = (
        article.id,
        article.outlet,
        article.url,
        article.title,
        _iso(article.date),
        article.date_origin,
        article.origin,
        digest,
        doc.text,
        removed,
        ingested_at,
    )
    assert len(values) == len(DOCUMENT_COLUMNS)
    return values


def mention_row(event: Event, doc: CleanDocument) -> tuple[Any, ...]:
    """Values for :data:`MENTION_DATA_COLUMNS` (the event id is added when it is grouped).

    The document's outlet, URL and date fill the event's when it has none, so that every mention
    can be filtered by outlet and by period on its own row.
    """
    if event.doc != doc.id:
        raise StoreError(
            f"event {event.code} from {event.sentence[:40]!r} belongs to document "
            f"{event.doc!r}, not to {doc.id!r} it was stored with"
        )
    _check_fields(event)
    article = doc.article
    filled = {
        "outlet": event.outlet if event.outlet is not None else article.outlet,
        "url": event.url if event.url is not None else article.url,
        "doc_date": event.doc_date if event.doc_date is not None else _iso(article.date),
    }
    values = [filled[name] if name in filled else getattr(event, name) for name in EVENT_COLUMNS]
    effective_date = event.date if event.date is not None else filled["doc_date"]
    try:
        extra = json.dumps(event.extra, ensure_ascii=False, sort_keys=True) if event.extra else None
    except (TypeError, ValueError) as exc:
        raise StoreError(f"event extra fields of document {doc.id!r} are not JSON: {exc}") from exc
    values.extend((effective_date, extra))
    assert len(values) == len(MENTION_DATA_COLUMNS)
    return tuple(values)


def _check_fields(event: Event) -> None:
    """Raise :class:`StoreError` unless every stored field has its column's type (or is a
    ``None`` the column allows), so a bad event is refused before it reaches the database."""
    for name in EVENT_COLUMNS:
        value = getattr(event, name)
        if value is None:
            if event_field_nullable(name):
                continue
            raise StoreError(f"event {event.code!r} has no {name}")
        expected = event_field_type(name)
        allowed = (int, float) if expected is float else (expected,)
        if isinstance(value, bool) or not isinstance(value, allowed):
            raise StoreError(f"event field {name} must be {expected.__name__}, got {type(value).__name__}")


def event_from_row(row: Sequence[Any]) -> Event:
    """Rebuild an event from the values of :data:`MENTION_DATA_COLUMNS` (``id`` excluded)."""
    fields = dict(zip(EVENT_COLUMNS, row, strict=False))
    extra_json = row[len(MENTION_DATA_COLUMNS) - 1]
    extra: dict[str, Any] = json.loads(extra_json) if extra_json else {}
    return Event(**fields, extra=extra)


def rejection_row(rejection: Rejection, at: str) -> tuple[str, str, str, str]:
    return (rejection.origin, rejection.doc_id or "", rejection.reason, at)


def rejection_from_row(row: Sequence[Any]) -> Rejection:
    origin, doc_id, reason = row[0], row[1], row[2]
    return Rejection(origin=origin, reason=reason, doc_id=doc_id or None)


STORED_DOCUMENT_COLUMNS: tuple[str, ...] = tuple(c for c in DOCUMENT_COLUMNS if c not in ("text", "removed"))
"""The columns of ``documents`` a :class:`StoredDocument` shows (all but the text and removed lines)."""


def stored_document_from_row(row: Sequence[Any]) -> StoredDocument:
    """From :data:`STORED_DOCUMENT_COLUMNS` followed by the mention count."""
    (doc_id, outlet, url, title, date, date_origin, origin, digest, ingested_at, mentions) = row
    return StoredDocument(
        id=doc_id,
        outlet=outlet,
        url=url,
        title=title,
        date=date,
        date_origin=date_origin,
        origin=origin,
        content_hash=digest,
        ingested_at=ingested_at,
        mentions=int(mentions),
    )


def clean_document_from_row(row: Sequence[Any]) -> CleanDocument:
    """From the values of :data:`DOCUMENT_COLUMNS`."""
    values = dict(zip(DOCUMENT_COLUMNS, row, strict=True))
    article = Article(
        id=values["id"],
        text=values["text"],
        date=dt.date.fromisoformat(values["date"]) if values["date"] else None,
        outlet=values["outlet"],
        url=values["url"],
        title=values["title"],
        origin=values["origin"],
        date_origin=values["date_origin"],
    )
    removed = tuple(
        RemovedLine(line_no=int(r["line_no"]), text=r["text"], reason=r["reason"])
        for r in json.loads(values["removed"])
    )
    return CleanDocument(article=article, text=values["text"], removed=removed)
