"""The analytics commands of the CLI: ``timeline``, ``actors``, ``network``, ``plot`` and ``export``.

Each command opens the database read-only through :mod:`geopol.api`, calls one library function
and prints its result; errors are one line and exit status 2 (:class:`geopol.cli.CliError`).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from geopol.analytics import PERIODS, ActorCount, Network, PairCount, TimelineRow
from geopol.export import EXPORT_FORMATS, MENTION_FORMATS

if TYPE_CHECKING:
    from geopol.api import Geopol

TIMELINE_FORMATS = ("table", "csv", "jsonl")
ACTOR_FORMATS = ("table", "json")
NETWORK_FORMATS = ("table", "graphml", "json")
TIMELINE_COLUMNS = ("period", "events", "quad1", "quad2", "quad3", "quad4", "goldstein_sum", "goldstein_mean",
                    "documents", "events_per_document")
"""Columns of ``geopol timeline --format csv|jsonl``: quad1..quad4 are the events per quad class."""


def add_commands(commands: Any) -> None:
    _add_timeline(commands)
    _add_actors(commands)
    _add_network(commands)
    _add_plot(commands)
    _add_export(commands)


# --- options ------------------------------------------------------------------------------------


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, metavar="DB",
                        help="the database to read: a SQLite file or a postgresql:// URL")


def _add_filters(parser: argparse.ArgumentParser, *, dyad: bool = True, text: bool = False) -> None:
    group = parser.add_argument_group("which events")
    if dyad:
        group.add_argument("--dyad", metavar="A,B",
                           help="events between two actors in either direction, by code prefix: RUS,CHN")
    group.add_argument("--actor", metavar="CODE", help="source or target code starts with this (RUS matches RUSGOV)")
    group.add_argument("--code", metavar="CAMEO", help="CAMEO code prefix: 04 (all consultations), 042")
    group.add_argument("--quad-class", type=int, choices=(1, 2, 3, 4), metavar="N",
                       help="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict")
    group.add_argument("--plover", metavar="TYPE", help="PLOVER event type: CONSULT, ASSAULT, ...")
    group.add_argument("--outlet", help="only events reported by this outlet")
    group.add_argument("--since", metavar="DATE", help="from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    group.add_argument("--until", metavar="DATE", help="up to this date, inclusive (2024-03 includes March)")
    if text:
        group.add_argument("--text", help="the evidence contains these words")
        group.add_argument("--limit", type=int, default=None, metavar="N", help="at most N events")


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    names = ("dyad", "actor", "code", "quad_class", "plover", "outlet", "since", "until", "text", "limit")
    return {name: getattr(args, name) for name in names if getattr(args, name, None) is not None}


def _output_option(parser: argparse.ArgumentParser, *, required: bool, what: str) -> None:
    parser.add_argument("-o", "--output", type=Path, required=required, metavar="FILE", help=what)


def _command(commands: Any, name: str, *, text: bool = False, **texts: str) -> argparse.ArgumentParser:
    """A command (``help``, ``description``, ``epilog`` in ``texts``) reading the events of ``--db``
    chosen by the filter options."""
    parser: argparse.ArgumentParser = commands.add_parser(name, **texts)
    _add_db(parser)
    _add_filters(parser, text=text)
    return parser


def _add_graph_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--min-events", type=int, default=1, metavar="N", help="drop edges with fewer events")
    parser.add_argument("--countries", action="store_true", help="fold actors to their country (RUSGOV -> RUS)")


# --- commands -----------------------------------------------------------------------------------


def _add_timeline(commands: Any) -> None:
    parser = _command(
        commands, "timeline", help="events per period between two actors, by quad class, with Goldstein scores",
        description="Count the deduplicated events of each period (of a dyad, an actor or all), by quad class, "
                    "with the sum and mean of their Goldstein scores, and normalise by the number of documents "
                    "stored for the period. An event falls in the period of its date, or of its first report "
                    "when it has none. Every period between the first and the last appears.",
        epilog="example: geopol timeline --db events.db --dyad RUS,CHN --by month")
    parser.add_argument("--by", choices=PERIODS, default="month", help="period length (default: month)")
    parser.add_argument("--skip-empty", action="store_true", help="leave out periods without events")
    parser.add_argument("--format", choices=TIMELINE_FORMATS, default="table", help="output format (default: table)")
    parser.set_defaults(run=run_timeline)


def _add_actors(commands: Any) -> None:
    parser = _command(
        commands, "actors", help="the most active actors and pairs of actors",
        description="Rank actors by the number of deduplicated events they take part in (as source or target) "
                    "and pairs of actors by the events between them, with cooperation (quad classes 1-2) and "
                    "conflict (3-4) counts.",
        epilog="example: geopol actors --db events.db --top 10 --since 2023")
    parser.add_argument("--top", type=int, default=20, metavar="N", help="how many actors and pairs (default: 20)")
    parser.add_argument("--countries", action="store_true", help="count RUSGOV, RUSMIL... as RUS")
    parser.add_argument("--format", choices=ACTOR_FORMATS, default="table", help="output format (default: table)")
    parser.set_defaults(run=run_actors)


def _add_network(commands: Any) -> None:
    parser = _command(
        commands, "network", help="the directed actor network, weighted by cooperation and conflict",
        description="Build the directed graph of actors: one edge per source and target, with its events, "
                    "cooperation and conflict counts, Goldstein sum, weight (the sum of the events' "
                    "confidences) and balance ((cooperation - conflict) / events).",
        epilog="example: geopol network --db events.db --format graphml -o actors.graphml (opens in Gephi)")
    _add_graph_options(parser)
    parser.add_argument("--format", choices=NETWORK_FORMATS, default="table", help="output format (default: table)")
    _output_option(parser, required=False, what="write to FILE instead of standard output")
    parser.set_defaults(run=run_network)


def _add_plot(commands: Any) -> None:
    parser = commands.add_parser(
        "plot", help="chart a dyad's timeline or the actor network to PNG or SVG",
        description="Draw a chart; the file name's extension (.png or .svg) picks the format.")
    charts = parser.add_subparsers(dest="chart", metavar="CHART", required=True)
    timeline = _command(
        charts, "timeline", help="stacked bars of events per quad class, with the mean Goldstein score",
        description="Chart the events of each period by quad class (stacked bars) with the mean Goldstein "
                    "score of the period (a line on the right axis).",
        epilog="example: geopol plot timeline --db events.db --dyad RUS,CHN -o rus-chn.svg")
    timeline.add_argument("--by", choices=PERIODS, default="month", help="period length (default: month)")
    timeline.add_argument("--title", help="chart title (default: the dyad or actor)")
    _output_option(timeline, required=True, what="the chart file: .png or .svg")
    timeline.set_defaults(run=run_plot_timeline)
    network = _command(
        charts, "network", help="the actor network: arrows coloured by cooperation or conflict",
        description="Chart the actor network: green arrows where cooperation outweighs conflict, red where "
                    "conflict does, grey when even; arrow width by weight, node size by events.",
        epilog="example: geopol plot network --db events.db --min-events 2 -o network.png")
    _add_graph_options(network)
    network.add_argument("--layout", choices=("circular", "spring"), default="circular",
                         help="node placement (default: circular)")
    network.add_argument("--title", help="chart title")
    _output_option(network, required=True, what="the chart file: .png or .svg")
    network.set_defaults(run=run_plot_network)


def _add_export(commands: Any) -> None:
    parser = _command(
        commands, "export", text=True, help="write events to CSV, JSON Lines, Parquet, GDELT, PLOVER or GraphML",
        description="Write the deduplicated events (or, with --mentions, every extraction) to a file: csv, "
                    "jsonl and parquet carry every field; gdelt is GDELT 2.0's tab-separated event table; "
                    "plover one PLOVER JSON record a line; graphml the actor network. See docs/analytics.md.",
        epilog="example: geopol export --db events.db --dyad RUS,CHN --format gdelt -o rus-chn.tsv")
    parser.add_argument("--format", metavar="FORMAT",
                        help=f"one of {', '.join(EXPORT_FORMATS)} (default: from the file name's extension)")
    parser.add_argument("--mentions", action="store_true",
                        help=f"export the mentions instead of the events ({', '.join(MENTION_FORMATS)})")
    _output_option(parser, required=True, what="the file to write")
    parser.set_defaults(run=run_export)


# --- running ------------------------------------------------------------------------------------


@contextmanager
def _database(args: argparse.Namespace) -> Iterator[Geopol]:
    """The database opened read-only, library errors turned into one-line CLI errors."""
    from geopol import api
    from geopol.cli import CliError
    from geopol.store import StoreError

    if getattr(args, "dyad", None) is not None:
        try:
            args.dyad = api.parse_dyad(args.dyad)
        except ValueError:
            raise CliError(f"--dyad takes two actor codes separated by a comma, like RUS,CHN "
                           f"(got {args.dyad!r})") from None
    try:
        with api.open(args.db, read_only=True) as db:
            yield db
    except (StoreError, ValueError) as error:
        raise CliError(str(error)) from None


@contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    """Standard output, or ``path`` opened for writing (an unwritable path is a CLI error)."""
    from geopol.cli import CliError

    if path is None:
        yield sys.stdout
        return
    try:
        stream = path.open("w", encoding="utf-8")
    except OSError as error:
        raise CliError(f"cannot write {path}: {error.strerror}") from None
    with stream:
        yield stream


def _check_writable(path: Path) -> None:
    from geopol.cli import CliError

    if not path.parent.is_dir():
        raise CliError(f"cannot write {path}: directory {path.parent} does not exist")
    if path.is_dir():
        raise CliError(f"cannot write {path}: it is a directory")


def run_timeline(args: argparse.Namespace) -> int:
    with _database(args) as db:
        filters = _filters(args)
        rows = db.timeline(filters.pop("dyad", None), filters.pop("actor", None), args.by, **filters)
    if args.skip_empty:
        rows = [row for row in rows if row.events]
    if args.format == "table":
        sys.stdout.write(timeline_table(rows))
        if not rows:
            print("geopol: no events match", file=sys.stderr)
    else:
        _write_records((_timeline_record(row) for row in rows), sys.stdout, args.format, TIMELINE_COLUMNS)
    return 0


def run_actors(args: argparse.Namespace) -> int:
    with _database(args) as db:
        actors, pairs = db.actors(args.top, countries=args.countries, **_filters(args))
    if args.format == "json":
        json.dump({"actors": [asdict(a) for a in actors], "pairs": [asdict(p) for p in pairs]}, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(actors_table(actors, pairs))
    return 0


def run_network(args: argparse.Namespace) -> int:
    from geopol.export import write_graphml

    with _database(args) as db:
        graph = db.network(args.min_events, countries=args.countries, **_filters(args))
    with _output(args.output) as stream:
        if args.format == "graphml":
            write_graphml(graph, stream)
        elif args.format == "json":
            json.dump(asdict(graph), stream, indent=2)
            stream.write("\n")
        else:
            stream.write(network_table(graph))
    return 0


def run_plot_timeline(args: argparse.Namespace) -> int:
    from geopol.plot import plot_timeline

    _check_writable(args.output)
    with _database(args) as db:
        filters = _filters(args)
        rows = db.timeline(filters.pop("dyad", None), filters.pop("actor", None), args.by, **filters)
        title = args.title or _subject(args)
        _draw(lambda: plot_timeline(rows, args.output, title=title), args.output)
    return 0


def run_plot_network(args: argparse.Namespace) -> int:
    from geopol.plot import plot_network

    _check_writable(args.output)
    with _database(args) as db:
        graph = db.network(args.min_events, countries=args.countries, **_filters(args))
        _draw(lambda: plot_network(graph, args.output, layout=args.layout, title=args.title), args.output)
    return 0


def _draw(draw: Callable[[], None], path: Path) -> None:
    from geopol.cli import CliError

    try:
        draw()
    except OSError as error:
        raise CliError(f"cannot write {path}: {error.strerror or error}") from None
    print(f"geopol: chart written to {path}", file=sys.stderr)


def run_export(args: argparse.Namespace) -> int:
    from geopol.cli import CliError
    from geopol.export import format_for_path

    fmt = args.format
    if fmt is None:
        try:
            fmt = format_for_path(args.output)
        except ValueError as error:
            raise CliError(f"{error} with --format") from None
    allowed = MENTION_FORMATS if args.mentions else EXPORT_FORMATS
    if fmt not in allowed:
        what = "mentions" if args.mentions else "events"
        raise CliError(f"unknown format {fmt!r} for {what}: choose one of {', '.join(allowed)}")
    _check_writable(args.output)
    with _database(args) as db:
        try:
            count = db.export(args.output, fmt, mentions=args.mentions, **_filters(args))
        except OSError as error:
            raise CliError(f"cannot write {args.output}: {error.strerror or error}") from None
    unit = "edges" if fmt == "graphml" else "mentions" if args.mentions else "events"
    print(f"geopol: {count} {unit} written to {args.output} ({fmt})", file=sys.stderr)
    return 0


def _subject(args: argparse.Namespace) -> str:
    if args.dyad:
        return f"{args.dyad[0]} – {args.dyad[1]}"
    return args.actor.upper() if args.actor else "all events"


# --- rendering ----------------------------------------------------------------------------------


def _number(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def timeline_table(rows: Sequence[TimelineRow]) -> str:
    """The timeline as a text table: periods, events per quad class, Goldstein sum and mean,
    documents and events per document."""
    header = ("PERIOD", "EVENTS", "V.COOP", "M.COOP", "V.CONF", "M.CONF", "GS.SUM", "GS.MEAN", "DOCS", "EV/DOC")
    lines = [f"{header[0]:<10}" + "".join(f"{name:>9}" for name in header[1:])]
    for row in rows:
        cells = (row.events, *(row.by_quad[q] for q in (1, 2, 3, 4)), _number(row.goldstein_sum, 1),
                 _number(row.goldstein_mean), row.documents, _number(row.events_per_document))
        lines.append(f"{row.period:<10}" + "".join(f"{cell:>9}" for cell in cells))
    return "\n".join(lines) + "\n"


def actors_table(actors: Sequence[ActorCount], pairs: Sequence[PairCount]) -> str:
    """The most active actors, then the most active pairs, as two text tables."""
    lines = [f"{'ACTOR':<12}{'EVENTS':>8}{'SOURCE':>8}{'TARGET':>8}  NAME"]
    lines += [f"{a.code:<12}{a.events:>8}{a.as_source:>8}{a.as_target:>8}  {a.name}" for a in actors]
    lines += ["", f"{'PAIR':<25}{'EVENTS':>8}{'COOP':>8}{'CONFL':>8}{'GS.SUM':>9}"]
    lines += [f"{a.a + ' - ' + a.b:<25}{a.events:>8}{a.cooperation:>8}{a.conflict:>8}{a.goldstein_sum:>9.1f}"
              for a in pairs]
    return "\n".join(lines) + "\n"


def network_table(graph: Network) -> str:
    """The edges of the network as a text table, then the node count."""
    lines = [f"{'SOURCE':<12}{'TARGET':<12}{'EVENTS':>7}{'COOP':>6}{'CONFL':>6}{'GS.SUM':>8}{'WEIGHT':>8}"
             f"{'BALANCE':>9}"]
    lines += [f"{e.source:<12}{e.target:<12}{e.events:>7}{e.cooperation:>6}{e.conflict:>6}{e.goldstein_sum:>8.1f}"
              f"{e.weight:>8.2f}{e.balance:>9.2f}" for e in graph.edges]
    lines.append(f"{len(graph.nodes)} actors, {len(graph.edges)} edges")
    return "\n".join(lines) + "\n"


def _timeline_record(row: TimelineRow) -> dict[str, Any]:
    return {
        "period": row.period, "events": row.events, **{f"quad{q}": row.by_quad[q] for q in (1, 2, 3, 4)},
        "goldstein_sum": row.goldstein_sum, "goldstein_mean": row.goldstein_mean, "documents": row.documents,
        "events_per_document": row.events_per_document,
    }


def _write_records(records: Iterator[dict[str, Any]], stream: IO[str], fmt: str, columns: Sequence[str]) -> None:
    if fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    else:
        for record in records:
            stream.write(json.dumps(record) + "\n")
