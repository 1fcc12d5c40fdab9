"""Writing what the pipeline yields into a store, in batches: the one ingest loop everyone shares.

>>> pipeline = Pipeline.build()                                     # doctest: +SKIP
>>> with open_store("events.db") as store:
...     totals = ingest(store, pipeline.process(iter_inputs(["news/"])))
>>> totals.added, totals.events, [r.reason for r in totals.rejections]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from geopol.records import Rejection
from geopol.store.base import BatchResult, Store, StoreError

if TYPE_CHECKING:  # the pipeline (and spaCy) is not imported to store its results
    from geopol.pipeline import DocumentResult

DEFAULT_BATCH_SIZE = 64
"""Documents written per transaction: large enough that commits are not the cost, small enough
that a reader sees progress and a failed batch loses little."""


@dataclass(slots=True)
class IngestTotals:
    """What :func:`ingest` did: the sums of the batches' :class:`BatchResult`, and the rejections.

    ``rejected`` counts the rejections seen in this run (``rejections`` lists them), including those
    already recorded by an earlier run and the documents the store refused (``refused`` lists
    those); ``events`` is the change in the number of deduplicated events.
    """

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    mentions: int = 0
    events: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    refused: list[Rejection] = field(default_factory=list)

    @property
    def documents(self) -> int:
        """Documents read and stored or found unchanged."""
        return self.added + self.updated + self.unchanged

    def add(self, result: BatchResult) -> None:
        self.added += result.added
        self.updated += result.updated
        self.unchanged += result.unchanged
        self.mentions += result.mentions
        self.events += result.events
        self.rejected += len(result.refused)
        self.rejections.extend(result.refused)
        self.refused.extend(result.refused)


def ingest(
    store: Store, results: Iterable[DocumentResult | Rejection], *, batch_size: int = DEFAULT_BATCH_SIZE
) -> IngestTotals:
    """Store every document and rejection of ``results`` (what :meth:`Pipeline.process` yields),
    ``batch_size`` documents per transaction. Items are consumed lazily, so a progress bar wrapped
    around ``results`` advances as documents are coded; a failed batch raises :class:`StoreError`
    after the earlier batches were committed."""
    if batch_size < 1:
        raise StoreError(f"batch_size must be >= 1, got {batch_size}")
    totals = IngestTotals()
    batch: list[DocumentResult] = []
    waiting: list[Rejection] = []
    for item in results:
        if isinstance(item, Rejection):
            totals.rejected += 1
            totals.rejections.append(item)
            waiting.append(item)
            if len(waiting) >= batch_size:
                _write(store, [], waiting, totals)
                waiting = []
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            _write(store, batch, waiting, totals)
            batch, waiting = [], []
    if batch or waiting:
        _write(store, batch, waiting, totals)
    return totals


def _write(store: Store, batch: list[DocumentResult], rejections: list[Rejection], totals: IngestTotals) -> None:
    totals.add(store.add_batch([(r.document, r.events) for r in batch], rejections))
