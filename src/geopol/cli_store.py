"""The database commands of the CLI: ``geopol ingest``, ``events``, ``search`` and ``mentions``.

``--db`` takes a SQLite file path or a URL (``sqlite:///path``, ``postgresql://user:pw@host/db``)
everywhere; store errors become one-line :class:`~geopol.cli.CliError` messages.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from geopol.output import FORMATS, EventWriter, StoredEventWriter
from geopol.records import Rejection
from geopol.store.base import ORDERS, EventQuery, Store, StoreError
from geopol.store.dedup import DEFAULT_WINDOW_DAYS, DedupConfig
from geopol.store.load import DEFAULT_BATCH_SIZE

DB_HELP = "the database: a SQLite file path, sqlite:///path or postgresql://user:password@host:port/database"


def add_commands(commands: Any, pipeline_options: Callable[[argparse.ArgumentParser], None],
                 input_options: Callable[[argparse.ArgumentParser], None]) -> None:
    ingest = commands.add_parser(
        "ingest", help="code news files and store documents and events in a database",
        description="Read, clean and code news files and store the documents, their events and any "
                    "rejections in a database, grouping the reports of one real-world event together. "
                    "Ingesting the same document again changes nothing; a changed document replaces "
                    "its old events.")
    input_options(ingest)
    ingest.add_argument("--db", required=True, metavar="PATH|URL", help=DB_HELP + " (created if missing)")
    ingest.add_argument("--dedup-window", type=int, default=DEFAULT_WINDOW_DAYS, metavar="DAYS",
                        help="undated reports join an event dated or reported at most DAYS days from "
                             f"their document date (default: {DEFAULT_WINDOW_DAYS})")
    pipeline_options(ingest)
    ingest.set_defaults(run=run_ingest)

    events = commands.add_parser(
        "events", help="list the events stored in a database",
        description="List the deduplicated events (each real-world event once, with its number of "
                    "reports), or with --mentions every coded report, filtered by actor, code, period, "
                    "outlet and words of the evidence.")
    _add_query_options(events, text=True)
    events.add_argument("--mentions", action="store_true", help="list every mention (report) instead of events")
    events.set_defaults(run=run_events)

    search = commands.add_parser(
        "search", help="full-text search of the evidence sentences",
        description="List the events with a report whose sentence contains the words (whole words, the "
                    "last one also as a prefix), each with the matching sentence.")
    search.add_argument("words", help='the words to find, as a phrase: "Power of Siberia"')
    _add_query_options(search, text=False)
    search.set_defaults(run=run_search)

    mentions = commands.add_parser(
        "mentions", help="list the reports (mentions) of one event",
        description="List the mentions grouped into one event, by report date.")
    mentions.add_argument("event_id", metavar="EVENT_ID", help="the event id (see geopol events)")
    mentions.add_argument("--db", required=True, metavar="PATH|URL", help=DB_HELP)
    mentions.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    mentions.set_defaults(run=run_mentions)


def _add_query_options(parser: argparse.ArgumentParser, *, text: bool) -> None:
    parser.add_argument("--db", required=True, metavar="PATH|URL", help=DB_HELP)
    parser.add_argument("--actor", help="source or target code starts with this (RUS matches RUSGOV)")
    parser.add_argument("--dyad", metavar="A,B", help="events between two actors, either direction: RUS,CHN")
    parser.add_argument("--code", help="CAMEO code prefix: 04 (all consultations), 042, 0311")
    parser.add_argument("--root", metavar="NN", help="CAMEO root code, two digits: 04")
    parser.add_argument("--quad-class", type=int, choices=(1, 2, 3, 4),
                        help="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict")
    parser.add_argument("--plover", metavar="TYPE", help="PLOVER event type: CONSULT, ACCUSE, ...")
    parser.add_argument("--since", metavar="DATE", help="from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument("--until", metavar="DATE", help="up to this date, inclusive")
    parser.add_argument("--outlet", help="reported by this outlet (exactly as stored)")
    if text:
        parser.add_argument("--text", help="the evidence sentence contains these words")
    parser.add_argument("--order", choices=ORDERS, default="date",
                        help="date (oldest first, the default) or -date (newest first; write --order=-date)")
    parser.add_argument("--limit", type=int, default=None, help="at most this many")
    parser.add_argument("--offset", type=int, default=0, help="skip this many first")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")


def _open(target: str, read_only: bool = False, dedup: DedupConfig | None = None) -> Store:
    from geopol.cli import CliError
    from geopol.store import open_store

    try:
        return open_store(target, read_only=read_only, dedup=dedup)
    except StoreError as error:
        raise CliError(str(error)) from None


def _reported(items: Iterable[Any]) -> Iterator[Any]:
    """Pass the pipeline's results through, printing each rejection on stderr as it comes."""
    for item in items:
        if isinstance(item, Rejection):
            print(f"geopol: rejected: {item.reason}", file=sys.stderr)
        yield item


def run_ingest(args: argparse.Namespace) -> int:
    from geopol.cli import EXIT_OK, EXIT_REJECTED, CliError, _progress, build_pipeline
    from geopol.ingest import iter_inputs
    from geopol.store.load import ingest

    try:
        dedup = DedupConfig(window_days=args.dedup_window)
    except StoreError as error:
        raise CliError(f"--dedup-window: {error}") from None
    store = _open(args.db, dedup=dedup)
    with store:
        pipeline = build_pipeline(args)
        items = iter_inputs(args.inputs, default_date=args.date, stdin=sys.stdin)
        try:
            totals = ingest(store, _reported(_progress(pipeline.process(items), args)), batch_size=DEFAULT_BATCH_SIZE)
        except StoreError as error:
            raise CliError(str(error)) from None
        stored = store.counts()
    for refused in totals.refused:
        print(f"geopol: rejected: {refused.reason}", file=sys.stderr)
    print(f"geopol: {totals.added} documents added, {totals.updated} updated, {totals.unchanged} unchanged, "
          f"{totals.rejected} rejected; {totals.mentions} mentions stored, {totals.events:+d} events; "
          f"{args.db} holds {stored['events']} events from {stored['mentions']} mentions", file=sys.stderr)
    return EXIT_REJECTED if totals.rejected else EXIT_OK


def _query(args: argparse.Namespace, text: str | None) -> EventQuery:
    from geopol.cli import CliError

    dyad = None
    if args.dyad:
        parts = [p.strip().upper() for p in args.dyad.split(",")]
        if len(parts) != 2 or not all(parts):
            raise CliError(f"--dyad takes two actor codes separated by a comma, like RUS,CHN (got {args.dyad!r})")
        dyad = (parts[0], parts[1])
    if args.root is not None and not (len(args.root) == 2 and args.root.isdigit()):
        raise CliError(f"--root takes a two-digit CAMEO root code, like 04 (got {args.root!r})")
    try:
        return EventQuery(
            actor=args.actor.upper() if args.actor else None, dyad=dyad, code=args.code, root=args.root,
            quad_class=args.quad_class, plover=args.plover.upper() if args.plover else None, since=args.since,
            until=args.until, outlet=args.outlet, text=text, limit=args.limit, offset=args.offset, order=args.order,
        )
    except StoreError as error:
        raise CliError(str(error)) from None


@contextmanager
def _store_errors() -> Iterator[None]:
    """Store errors raised while reading lazily (a query the database refuses) become CliError."""
    from geopol.cli import CliError

    try:
        yield
    except StoreError as error:
        raise CliError(str(error)) from None


def run_events(args: argparse.Namespace) -> int:
    from geopol.cli import EXIT_OK

    query = _query(args, args.text)
    with _open(args.db, read_only=True) as store, _store_errors():
        writer: EventWriter | StoredEventWriter
        if args.mentions:
            writer = EventWriter(sys.stdout, args.format)
            for mention in store.mentions(query):
                writer.write(mention)
        else:
            writer = StoredEventWriter(sys.stdout, args.format)
            for event in store.events(query):
                writer.write(event)
    if args.format == "table":
        print(f"{writer.count} {'mentions' if args.mentions else 'events'}", file=sys.stderr)
    return EXIT_OK


def run_search(args: argparse.Namespace) -> int:
    from geopol.cli import EXIT_OK, CliError

    if not args.words.strip():
        raise CliError("search needs some words to find")
    query = _query(args, None)
    with _open(args.db, read_only=True) as store, _store_errors():
        writer = StoredEventWriter(sys.stdout, args.format)
        for event, mention in store.search(args.words, query):
            writer.write(event, mention.sentence)
    if args.format == "table":
        print(f"{writer.count} events", file=sys.stderr)
    return EXIT_OK


def run_mentions(args: argparse.Namespace) -> int:
    from geopol.cli import EXIT_OK, CliError

    with _open(args.db, read_only=True) as store, _store_errors():
        event = store.event(args.event_id)
        if event is None:
            raise CliError(f"no event {args.event_id!r} in {args.db} (geopol events lists the ids)")
        writer = EventWriter(sys.stdout, args.format)
        for mention in store.event_mentions(args.event_id):
            writer.write(mention)
    if args.format == "table":
        print(f"{writer.count} mentions of {event.code} {event.label}: {event.source} → {event.target}",
              file=sys.stderr)
    return EXIT_OK
