"""One JSON shape for every error the API answers with, and the handlers that produce it.

Every error response has the body ``{"error": {"code": CODE, "message": TEXT}}``, plus
``"details"`` (a list) for validation errors, where each detail names the parameter (``loc``) and
what is wrong with it (``message``). ``code`` is a stable machine-readable word (see
:data:`ERROR_CODES`); ``message`` is for people and may change.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from geopol.store import StoreError

LOG = logging.getLogger("geopol.server")

ERROR_CODES: Mapping[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    422: "validation_error",
    500: "internal_error",
}
"""The default ``code`` of each status; an :class:`ApiError` may give a more specific one."""


class ErrorDetail(BaseModel):
    loc: list[str | int]
    message: str


class ErrorBody(BaseModel):
    code: str
    message: str
    details: list[ErrorDetail] | None = None


class ErrorResponse(BaseModel):
    """The body of every error response (documented in the OpenAPI description)."""

    error: ErrorBody


class ApiError(Exception):
    """An error to answer with: HTTP status, stable code, message and optional details."""

    def __init__(self, status: int, message: str, *, code: str | None = None,
                 details: Sequence[ErrorDetail] = (), headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or ERROR_CODES.get(status, "error")
        self.message = message
        self.details = list(details)
        self.headers = dict(headers or {})


def error_response(status: int, code: str, message: str, *, details: Sequence[ErrorDetail] = (),
                   headers: Mapping[str, str] | None = None) -> JSONResponse:
    body = ErrorBody(code=code, message=message, details=list(details) or None)
    content = {"error": body.model_dump(exclude_none=True)}
    return JSONResponse(content, status_code=status, headers=dict(headers or {}))


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": code.replace("_", " ")}
    for status, code in ERROR_CODES.items() if status in (404, 422)
}
"""Error responses every API route may give, for the OpenAPI description."""


def install_error_handlers(app: FastAPI) -> None:
    """Make every error, including FastAPI's own 404/405/422, answer in the shape above."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(Exception, _unexpected_error)


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, details=exc.details, headers=exc.headers)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    if exc.status_code == 404 and message == "Not Found":
        message = f"no such resource: {request.url.path}"
    code = ERROR_CODES.get(exc.status_code, "error")
    return error_response(exc.status_code, code, message, headers=exc.headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = [ErrorDetail(loc=[str(part) if not isinstance(part, int) else part for part in error.get("loc", ())],
                           message=str(error.get("msg", "invalid value")))
               for error in exc.errors()]
    names = ", ".join(str(d.loc[-1]) for d in details if d.loc) or "request"
    return error_response(422, "validation_error", f"invalid {names}", details=details)


async def _store_error(request: Request, exc: Exception) -> JSONResponse:
    LOG.warning("store error on %s: %s", request.url.path, exc)
    return error_response(503, "store_error", f"the database could not answer: {exc}")


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    LOG.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return error_response(500, "internal_error", "the server failed to answer this request (see its log)")
