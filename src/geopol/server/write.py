"""``POST /api/documents``: documents in the JSON Lines record format, coded and stored.

The body is a JSON list of records or NDJSON (one record a line); a record is an object with
``id`` and ``text`` or ``html``, and optionally ``date``, ``url``, ``title`` and ``source`` (the
outlet), as in the ``.jsonl`` input files. The records are read by :func:`geopol.ingest.iter_inputs`
(the same code as ``geopol ingest``), coded by the server's pipeline and written by
:func:`geopol.store.load.ingest`. A record that cannot be read or coded is reported in
``rejections``; a body that is not JSON, or a record without an id, refuses the whole request.

Writing needs ``Authorization: Bearer TOKEN`` with the token the server was started with; a server
started without one is read-only.
"""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Iterable, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request
from starlette.concurrency import run_in_threadpool

from geopol.ingest import STDIN_ORIGIN, iter_inputs
from geopol.records import Article, Rejection
from geopol.server.context import ServerContext, get_context
from geopol.server.errors import ApiError, ErrorDetail, ErrorResponse
from geopol.server.schemas import IngestReport, RejectionOut

ORIGIN = "request"
"""The origin recorded for posted records: ``request:N`` for the N-th record of a request."""
BEARER = "bearer"
_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="geopol"'}

router = APIRouter(prefix="/api")

_WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": text}
    for status, text in (
        (400, "the body is not a JSON list of records nor NDJSON"),
        (401, "no token given, or the server is read-only (started without a token)"),
        (403, "the token is wrong"),
        (413, "the body is too large"),
        (422, "a record is not an object with an id"),
    )
}


def require_token(
    context: Annotated[ServerContext, Depends(get_context)],
    authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None,
) -> ServerContext:
    """Let the request through only with the server's token (a FastAPI dependency)."""
    if not context.writable:
        raise ApiError(401, "this server is read-only: start it with --token (or GEOPOL_TOKEN) to accept documents",
                       code="read_only", headers=_CHALLENGE)
    if authorization is None:
        raise ApiError(401, "this request needs the header 'Authorization: Bearer TOKEN'", headers=_CHALLENGE)
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != BEARER or not context.token_matches(given.strip()):
        raise ApiError(403, "the token is not the one this server was started with")
    return context


@router.post("/documents", summary="Code and store documents (JSON list or NDJSON of records)",
             responses=_WRITE_RESPONSES, openapi_extra={"requestBody": {
                 "required": True, "description": "records: id, text or html, date, url, title, source",
                 "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object"}}},
                             "application/x-ndjson": {"schema": {"type": "string"}}}}})
async def post_documents(request: Request,
                         context: Annotated[ServerContext, Depends(require_token)]) -> IngestReport:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > context.max_body_bytes:
        raise _too_large(context)
    body = await _read_body(request, context)
    records = parse_records(body, json_body=request.headers.get("content-type", "").startswith("application/json"))
    if len(records) > context.max_records:
        raise ApiError(413, f"at most {context.max_records} records a request, got {len(records)}",
                       code="payload_too_large")
    return await run_in_threadpool(_ingest, context, records)


async def _read_body(request: Request, context: ServerContext) -> bytes:
    """The body, read chunk by chunk so that an oversized one is refused without being held whole."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > context.max_body_bytes:
            raise _too_large(context)
        chunks.append(chunk)
    return b"".join(chunks)


def parse_records(body: bytes, *, json_body: bool) -> list[dict[str, Any]]:
    """The records of a body: a JSON list (or one object), else NDJSON; a 400/422 ApiError if not."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ApiError(400, f"the body is not UTF-8 (byte {error.start})") from None
    if not text.strip():
        raise ApiError(400, "the body is empty: send a JSON list of records or one record a line")
    if json_body or text.lstrip().startswith("["):
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as error:
            raise ApiError(400, f"the body is not valid JSON ({error.msg} at line {error.lineno}, "
                                f"column {error.colno})") from None
        except (ValueError, RecursionError) as error:  # a 5,000-digit number, nesting 1,000 deep
            raise ApiError(400, f"the body is not usable JSON ({error})") from None
        values = parsed if isinstance(parsed, list) else [parsed]
    else:
        values = list(_ndjson(text))
    _check_records(values)
    return values


def _ndjson(text: str) -> Iterator[Any]:
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as error:
            raise ApiError(400, f"line {line_no} is not valid JSON ({error.msg} at column {error.colno})") from None
        except (ValueError, RecursionError) as error:
            raise ApiError(400, f"line {line_no} is not usable JSON ({error})") from None


def _check_records(values: list[Any]) -> None:
    problems: list[ErrorDetail] = []
    for number, value in enumerate(values, 1):
        if not isinstance(value, dict):
            problems.append(ErrorDetail(loc=["body", number], message="a record must be a JSON object"))
        elif not isinstance(value.get("id"), (str, int)) or not str(value["id"]).strip():
            problems.append(ErrorDetail(loc=["body", number, "id"], message="a record needs a non-empty 'id'"))
    if not values:
        problems.append(ErrorDetail(loc=["body"], message="no records"))
    if problems:
        raise ApiError(422, f"{len(problems)} invalid record(s): {problems[0].message}", details=problems)


def _ingest(context: ServerContext, records: list[dict[str, Any]]) -> IngestReport:
    from geopol.store.load import ingest

    lines = b"".join(json.dumps(record, ensure_ascii=False).encode() + b"\n" for record in records)
    items = _relabel(iter_inputs(["-"], stdin=io.BytesIO(lines)))
    with context.writing() as (store, pipeline):
        totals = ingest(store, pipeline.process(items))
    return IngestReport(
        added=totals.added, updated=totals.updated, unchanged=totals.unchanged, rejected=totals.rejected,
        mentions=totals.mentions, events=totals.events,
        rejections=[RejectionOut(origin=r.origin, reason=r.reason, doc_id=r.doc_id) for r in totals.rejections],
    )


def _relabel(items: Iterable[Article | Rejection]) -> Iterator[Article | Rejection]:
    """Name posted records ``request:N`` rather than standard input's ``<stdin>:N``."""
    for item in items:
        origin = item.origin.replace(STDIN_ORIGIN, ORIGIN, 1)
        if isinstance(item, Rejection):
            yield dataclasses.replace(item, origin=origin, reason=item.reason.replace(STDIN_ORIGIN, ORIGIN, 1))
        else:
            yield dataclasses.replace(item, origin=origin)


def _too_large(context: ServerContext) -> ApiError:
    return ApiError(413, f"the body is larger than {context.max_body_bytes} bytes", code="payload_too_large")
