"""The database commands of the CLI: ``geopol ingest`` and ``geopol events``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from geopol.output import FORMATS, EventWriter
from geopol.pipeline import DocumentResult
from geopol.records import Rejection

INGEST_BATCH = 64
"""Documents written per transaction by ``geopol ingest``."""


def add_commands(commands: Any, pipeline_options: Callable[[argparse.ArgumentParser], None],
                 input_options: Callable[[argparse.ArgumentParser], None]) -> None:
    ingest = commands.add_parser(
        "ingest", help="code news files and store documents and events in a database",
        description="Read, clean and code news files and store the documents, their events and any "
                    "rejections in a database. Ingesting the same document again changes nothing; a "
                    "changed document replaces its old events.")
    input_options(ingest)
    ingest.add_argument("--db", required=True, metavar="FILE",
                        help="the SQLite database file (created if missing)")
    pipeline_options(ingest)
    ingest.set_defaults(run=run_ingest)

    events = commands.add_parser(
        "events", help="query the events stored in a database",
        description="List stored events, filtered by actor, dyad, CAMEO code and period.")
    events.add_argument("--db", required=True, metavar="FILE", help="the database to read")
    events.add_argument("--actor", help="source or target code starts with this (RUS matches RUSGOV)")
    events.add_argument("--dyad", metavar="A,B", help="events between two actors, either direction: RUS,CHN")
    events.add_argument("--code", help="CAMEO code prefix: 04 (all consultations), 042, 0311")
    events.add_argument("--since", metavar="DATE", help="from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    events.add_argument("--until", metavar="DATE", help="up to this date, inclusive")
    events.add_argument("--text", help="the evidence sentence contains these words")
    events.add_argument("--limit", type=int, default=None, help="at most this many events")
    events.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    events.set_defaults(run=run_events)


def _open(target: str, read_only: bool = False) -> Any:
    from geopol.cli import CliError
    from geopol.store import StoreError, open_store

    try:
        return open_store(target, read_only=read_only)
    except StoreError as error:
        raise CliError(str(error)) from None


def run_ingest(args: argparse.Namespace) -> int:
    from geopol.cli import EXIT_OK, EXIT_REJECTED, build_pipeline, results

    store = _open(args.db)
    pipeline = build_pipeline(args)
    rejected: list[Rejection] = []
    totals = {"added": 0, "updated": 0, "unchanged": 0, "rejected": 0, "mentions": 0}
    with store:
        batch: list[DocumentResult] = []
        written = 0
        for result in results(pipeline, args, rejected=rejected):
            batch.append(result)
            if len(batch) >= INGEST_BATCH:
                _write(store, batch, rejected[written:], totals)
                written, batch = len(rejected), []
        _write(store, batch, rejected[written:], totals)
    print(f"geopol: {totals['added']} documents added, {totals['updated']} updated, "
          f"{totals['unchanged']} unchanged, {len(rejected)} rejected; {totals['mentions']} events "
          f"stored in {args.db}", file=sys.stderr)
    return EXIT_REJECTED if rejected else EXIT_OK


def _write(store: Any, batch: list[DocumentResult], rejected: list[Rejection], totals: dict[str, int]) -> None:
    if not batch and not rejected:
        return
    outcome = store.add_batch([(r.document, r.events) for r in batch], rejected)
    for name in totals:
        totals[name] += getattr(outcome, name)


def run_events(args: argparse.Namespace) -> int:
    from geopol.cli import EXIT_OK, CliError
    from geopol.store import EventQuery, StoreError

    dyad = None
    if args.dyad:
        parts = [p.strip().upper() for p in args.dyad.split(",")]
        if len(parts) != 2 or not all(parts):
            raise CliError(f"--dyad takes two actor codes separated by a comma, like RUS,CHN (got {args.dyad!r})")
        dyad = (parts[0], parts[1])
    try:
        query = EventQuery(actor=args.actor.upper() if args.actor else None, dyad=dyad, code=args.code,
                           since=args.since, until=args.until, text=args.text, limit=args.limit)
    except StoreError as error:
        raise CliError(str(error)) from None
    store = _open(args.db, read_only=True)
    with store:
        writer = EventWriter(sys.stdout, args.format)
        for event in store.mentions(query):
            writer.write(event)
    if args.format == "table":
        print(f"{writer.count} events", file=sys.stderr)
    return EXIT_OK
