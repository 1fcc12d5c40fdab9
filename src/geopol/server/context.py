"""What one server holds between requests: where the store is, the write token, the pipeline.

Nothing here is module-level: :func:`geopol.server.create_app` builds one :class:`ServerContext`
per application and keeps it on ``app.state``. Store connections are not shared: each request
opens its own (SQLite connections belong to the thread that opened them) and closes it when done.
The NLP pipeline is heavy, so it is built on the first write and then reused, under a lock (one
ingest at a time; the store serialises writers anyway).
"""

from __future__ import annotations

import hmac
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fastapi import Request

from geopol.server.errors import ApiError
from geopol.store import Store, StoreError, open_store
from geopol.store.sqlite import MEMORY

if TYPE_CHECKING:
    from geopol.pipeline import Pipeline

PipelineFactory = Callable[[], "Pipeline"]


def default_pipeline() -> Pipeline:
    """The pipeline with its default configuration (the default spaCy model, built-in lexicons)."""
    from geopol.pipeline import Pipeline

    return Pipeline.build()


@dataclass
class ServerContext:
    """The state of one application: constant after start, but for the lazily built pipeline."""

    store_target: str
    token: str | None = None
    pipeline_factory: PipelineFactory = default_pipeline
    max_body_bytes: int = 8 * 1024 * 1024
    max_records: int = 1000
    _pipeline: Pipeline | None = field(default=None, init=False, repr=False)
    _write_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    @classmethod
    def create(cls, store_target: str | os.PathLike[str], *, token: str | None = None,
               pipeline_factory: PipelineFactory | None = None, **limits: int) -> ServerContext:
        """A context for the store at ``store_target``, created (and migrated) now if it is missing,
        so that a bad path or URL fails at start rather than at the first request."""
        target = os.fspath(store_target)
        if target in (MEMORY, "sqlite:///"):
            raise StoreError("an in-memory database would be empty for every request: serve a file or a URL")
        with open_store(target):
            pass
        return cls(target, token or None, pipeline_factory or default_pipeline, **limits)

    @property
    def writable(self) -> bool:
        """Whether the server accepts documents (it was started with a token)."""
        return self.token is not None

    def token_matches(self, given: str) -> bool:
        return self.token is not None and hmac.compare_digest(given.encode(), self.token.encode())

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """A read-only store for the current thread, closed on exit."""
        with open_store(self.store_target, read_only=True) as store:
            yield store

    @contextmanager
    def writing(self) -> Iterator[tuple[Store, Pipeline]]:
        """The pipeline and a writable store, for one writer at a time."""
        with self._write_lock:
            if self._pipeline is None:
                try:
                    self._pipeline = self.pipeline_factory()
                except Exception as error:  # a missing model, a bad lexicon: any reason, reported
                    raise ApiError(503, f"the NLP pipeline could not be built: {error}",
                                   code="pipeline_unavailable") from error
            with open_store(self.store_target) as store:
                yield store, self._pipeline


def get_context(request: Request) -> ServerContext:
    """The FastAPI dependency giving a route its application's context."""
    context = request.app.state.geopol
    assert isinstance(context, ServerContext)
    return context
