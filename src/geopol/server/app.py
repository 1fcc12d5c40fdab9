"""The geopol web application: the JSON API under ``/api``, the dashboard at ``/``.

:func:`create_app` builds a new application for one store; it keeps no module-level state, so
tests and programs can build as many as they like::

    app = create_app("events.db", token="s3cret")      # then: uvicorn.run(app)

Pages are served with a strict Content-Security-Policy (scripts, styles and data only from the
server itself), so the dashboard works offline and text from the news can never run as code.
FastAPI's own ``/docs`` and ``/redoc`` pages load their scripts from a CDN; they are replaced by
an offline page at ``/docs`` that lists the operations of ``/openapi.json``.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, Mapping
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from geopol import __version__
from geopol.server import api, write
from geopol.server.context import PipelineFactory, ServerContext
from geopol.server.errors import install_error_handlers

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS: Mapping[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
"""Sent with every response, pages and API alike."""


def dashboard_dir() -> Path:
    """The folder of the dashboard's files (HTML, JS, CSS), shipped as package data."""
    return Path(str(resources.files("geopol") / "data" / "dashboard"))


def create_app(store_target: str | os.PathLike[str], *, token: str | None = None,
               pipeline: PipelineFactory | None = None, max_body_bytes: int = 8 * 1024 * 1024,
               max_records: int = 1000) -> FastAPI:
    """A new application serving the store at ``store_target`` (a path or URL, as for ``geopol ingest``).

    ``token`` enables ``POST /api/documents`` for requests carrying it; without it the server is
    read-only. ``pipeline`` builds the NLP pipeline used for posted documents, on the first post
    (default: :meth:`geopol.pipeline.Pipeline.build`). Raises :class:`~geopol.store.StoreError`
    when the store cannot be opened.
    """
    context = ServerContext.create(store_target, token=token, pipeline_factory=pipeline,
                                   max_body_bytes=max_body_bytes, max_records=max_records)
    app = FastAPI(
        title="geopol", version=__version__, docs_url=None, redoc_url=None,
        description="Coded political events (CAMEO/PLOVER), deduplicated, with the news sentences that "
                    "report them. Errors answer {\"error\": {\"code\", \"message\", \"details\"?}}.",
    )
    app.state.geopol = context
    install_error_handlers(app)
    app.middleware("http")(_security_headers)
    app.include_router(api.router)
    app.include_router(write.router)
    _add_pages(app, dashboard_dir())
    return app


def _add_pages(app: FastAPI, folder: Path) -> None:
    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(folder / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> FileResponse:
        return FileResponse(folder / "apidocs.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=folder), name="static")


async def _security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response
