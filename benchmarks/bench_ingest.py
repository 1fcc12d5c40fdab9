"""Store write speed per backend, and the duplicate ratio (mentions per event) on the seeds.

    python benchmarks/bench_ingest.py [--copies N] [--postgres URL] [INPUT ...]

The inputs (default: the five seed articles) go through the pipeline once; then ``N`` copies of
the results, each with new document ids, are written with :func:`geopol.store.load.ingest`, and only
the writes are timed (documents/s and mentions/s), for SQLite (a file in a temporary directory) and
PostgreSQL (a fresh schema, dropped afterwards; skipped when the server does not answer). Two
scenarios: **duplicates**, where the copies keep their dates, so every copy's mentions join the
same events (deduplication's worst case: each batch regroups ever larger events); and **spread**,
where copy ``k`` is moved ``k * 30`` days later, so each copy makes events of its own.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import psycopg

from geopol.ingest import iter_inputs
from geopol.pipeline import DocumentResult, Pipeline
from geopol.records import Event
from geopol.store import StoreError, open_store
from geopol.store.load import ingest
from geopol.store.postgres import scratch_schema

REPO = Path(__file__).resolve().parents[1]
DEFAULT_POSTGRES = "postgresql://geopol:geopol@127.0.0.1:5432/geopol_test"
SPREAD_DAYS = 30


def _shift(value: str | None, days: int) -> str | None:
    if value is None or len(value) != 10 or not days:
        return value
    try:
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return value


def copy_result(result: DocumentResult, copy: int, days: int) -> DocumentResult:
    """The result with document id ``<id>~<copy>`` and every date moved ``days`` later."""
    doc_id = f"{result.document.id}~{copy}"
    article = result.document.article
    date = article.date + dt.timedelta(days=days) if article.date else None
    document = dataclasses.replace(result.document, article=dataclasses.replace(article, id=doc_id, date=date))

    def move(event: Event) -> Event:
        return dataclasses.replace(event, doc=doc_id, date=_shift(event.date, days),
                                   date_end=_shift(event.date_end, days), doc_date=_shift(event.doc_date, days))

    return DocumentResult(document=document, events=tuple(move(e) for e in result.events), words=result.words)


@contextmanager
def sqlite_target() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as directory:
        yield str(Path(directory) / "bench.db")


def postgres_target(server: str) -> AbstractContextManager[str]:
    return scratch_schema(server, "geopol_bench")


def measure(target: str, results: list[DocumentResult]) -> tuple[float, int, int, int]:
    """Seconds to write ``results`` into a fresh store; documents, mentions and events stored."""
    with open_store(target) as store:
        started = time.perf_counter()
        totals = ingest(store, results)
        seconds = time.perf_counter() - started
        counts = store.counts()
    return seconds, totals.added, counts["mentions"], counts["events"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", default=[str(REPO.parent / "shared" / "corpus" / "seeds.jsonl")])
    parser.add_argument("--copies", type=int, default=40, help="copies of the inputs written (default 40)")
    parser.add_argument("--postgres", default=os.environ.get("GEOPOL_TEST_POSTGRES", DEFAULT_POSTGRES),
                        help="PostgreSQL server URL (default: $GEOPOL_TEST_POSTGRES or the CI server)")
    args = parser.parse_args()
    seeds = [r for r in Pipeline.build().process(iter_inputs(args.inputs)) if isinstance(r, DocumentResult)]
    with sqlite_target() as target:
        _, documents, mentions, events = measure(target, seeds)
    print(f"inputs: {documents} documents, {mentions} mentions, {events} events: "
          f"duplicate ratio {mentions / max(events, 1):.2f} mentions per event")
    backends: list[tuple[str, Callable[[], AbstractContextManager[str]]]] = [
        ("sqlite", sqlite_target),
        ("postgresql", lambda: postgres_target(args.postgres)),
    ]
    for scenario, step in (("duplicates", 0), ("spread", SPREAD_DAYS)):
        copies = [copy_result(r, k, k * step) for k in range(args.copies) for r in seeds]
        for name, target_factory in backends:
            try:
                with target_factory() as target:
                    seconds, documents, mentions, events = measure(target, copies)
            except (StoreError, OSError, psycopg.Error) as error:
                print(f"{scenario:10} {name:10} skipped: {' '.join(str(error).split())}", file=sys.stderr)
                continue
            print(f"{scenario:10} {name:10} {documents} documents, {mentions} mentions -> {events} events in "
                  f"{seconds:.2f} s: {documents / seconds:,.0f} documents/s, {mentions / seconds:,.0f} mentions/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
